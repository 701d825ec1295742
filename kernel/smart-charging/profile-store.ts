// The charging profiles a charging station holds (K01 set, K09 report, K10 clear, K12/K13 external
// limits), with the answers the specification gives. Pure: no clock, no I/O; the caller tells the
// store what it cannot know (which EVSEs exist, which transaction runs where, its device-model limits).
import type {
  ChargingLimitSourceEnumType,
  ChargingProfileCriterionType,
  ChargingProfileType,
  ChargingRateUnitEnumType,
  ClearChargingProfileRequest,
  ClearChargingProfileStatusEnumType,
  SetChargingProfileResponse,
} from '../../schemas/ocpp201-messages';

/** One installed profile. evseId 0 = the station as a whole (its grid connection). */
export interface InstalledProfile {
  evseId: number;
  profile: ChargingProfileType;
  /** CSO for what SetChargingProfile installed; EMS, SO or Other for external constraints. */
  source: ChargingLimitSourceEnumType;
}

/** What the station knows that the store does not. Optional limits are unlimited when absent. */
export interface InstallContext {
  hasEvse(evseId: number): boolean;
  transactionOn(evseId: number): { id: string } | undefined;
  /** SmartChargingCtrlr.PeriodsPerSchedule */
  maxPeriodsPerSchedule?: number;
  /** SmartChargingCtrlr.Entries (installed profiles, all purposes) */
  maxProfiles?: number;
  /** SmartChargingCtrlr.ProfileStackLevel */
  maxStackLevel?: number;
  /** SmartChargingCtrlr.RateUnit */
  rateUnits?: readonly ChargingRateUnitEnumType[];
}

export interface ClearResult {
  status: ClearChargingProfileStatusEnumType;
  removed: InstalledProfile[];
}

/** GetChargingProfilesRequest's filter: its chargingProfile criteria plus its evseId. */
export type ProfileQuery = ChargingProfileCriterionType & { evseId?: number };

/** One ReportChargingProfilesRequest's worth: the profiles of one EVSE from one source. */
export interface ProfileReportGroup {
  evseId: number;
  chargingLimitSource: ChargingLimitSourceEnumType;
  chargingProfile: ChargingProfileType[];
}

type ExternalSource = Exclude<ChargingLimitSourceEnumType, 'CSO'>;

const rejected = (reasonCode: string, additionalInfo: string): SetChargingProfileResponse => ({
  status: 'Rejected',
  statusInfo: { reasonCode, additionalInfo },
});

const time = (iso: string | undefined, absent: number): number => (iso === undefined ? absent : Date.parse(iso));

// [validFrom, validTo) of two profiles meet; an absent bound is open.
const validityOverlaps = (a: ChargingProfileType, b: ChargingProfileType): boolean =>
  time(a.validFrom, -Infinity) < time(b.validTo, Infinity) && time(b.validFrom, -Infinity) < time(a.validTo, Infinity);

export class ChargingProfileStore {
  #entries: InstalledProfile[] = [];

  /** SetChargingProfileRequest from the CSMS (source CSO): checks, then installs or replaces. */
  install(evseId: number, profile: ChargingProfileType, context: InstallContext): SetChargingProfileResponse {
    const refusal = this.#refusal(evseId, profile, context);
    if (refusal) return refusal;
    // K01.FR.05: a profile whose id is already installed replaces it, wherever it was installed;
    // but an external system's limit is not the CSMS's to overwrite (K01.FR.22).
    const replaced = this.#entries.find((e) => e.profile.id === profile.id);
    if (replaced?.profile.chargingProfilePurpose === 'ChargingStationExternalConstraints') {
      return rejected('DuplicateProfile', `profile ${profile.id} is an external constraint`);
    }
    const replacing = replaced !== undefined;
    if (!replacing && context.maxProfiles !== undefined && this.#entries.length >= context.maxProfiles) {
      return rejected('TooManyElements', `the station holds at most ${context.maxProfiles} charging profiles`);
    }
    this.#entries = this.#entries.filter((e) => e.profile.id !== profile.id);
    this.#entries.push({ evseId, profile: structuredClone(profile), source: 'CSO' });
    return { status: 'Accepted' };
  }

  /**
   * K12: a limit an external system (EMS, SO, …) set, as ChargingStationExternalConstraints. The
   * station installs it on its own; no CSMS rule applies. Same id replaces, as in K01.FR.05.
   */
  installExternal(evseId: number, profile: ChargingProfileType, source: ExternalSource): void {
    if (profile.chargingProfilePurpose !== 'ChargingStationExternalConstraints') {
      throw new TypeError(`an external limit is a ChargingStationExternalConstraints profile, not ${profile.chargingProfilePurpose}`);
    }
    this.#entries = this.#entries.filter((e) => e.profile.id !== profile.id);
    this.#entries.push({ evseId, profile: structuredClone(profile), source });
  }

  /** K13: the external system released its limit (ClearedChargingLimit): drop its constraints. */
  removeExternal(source: ExternalSource, evseId?: number): InstalledProfile[] {
    return this.#remove(
      (e) =>
        e.profile.chargingProfilePurpose === 'ChargingStationExternalConstraints' &&
        e.source === source &&
        (evseId === undefined || e.evseId === evseId),
    );
  }

  /**
   * ClearChargingProfileRequest. A chargingProfileId selects that profile alone (the criteria are then
   * ignored); otherwise every given criterion must match, and no criterion at all clears every
   * profile the CSMS may clear. ChargingStationExternalConstraints are never cleared by the CSMS (K10):
   * they belong to the external system. Nothing matched → Unknown (TC_K_08), else Accepted.
   */
  clear(request: ClearChargingProfileRequest): ClearResult {
    const criteria = request.chargingProfileCriteria ?? {};
    const removed = this.#remove((e) => {
      if (e.profile.chargingProfilePurpose === 'ChargingStationExternalConstraints') return false;
      if (request.chargingProfileId !== undefined) return e.profile.id === request.chargingProfileId;
      return (
        (criteria.evseId === undefined || e.evseId === criteria.evseId) &&
        (criteria.chargingProfilePurpose === undefined || e.profile.chargingProfilePurpose === criteria.chargingProfilePurpose) &&
        (criteria.stackLevel === undefined || e.profile.stackLevel === criteria.stackLevel)
      );
    });
    return { status: removed.length > 0 ? 'Accepted' : 'Unknown', removed };
  }

  /**
   * GetChargingProfilesRequest (K09): evseId absent = every EVSE and the station, 0 = the station's
   * own profiles only, N = EVSE N only; each given criterion must match (a list matches any of its
   * values). Grouped by evseId then source, in ascending evseId, as the reports go out.
   */
  query(filter: ProfileQuery): ProfileReportGroup[] {
    const matching = this.#entries.filter(
      (e) =>
        (filter.evseId === undefined || e.evseId === filter.evseId) &&
        (filter.chargingProfilePurpose === undefined || e.profile.chargingProfilePurpose === filter.chargingProfilePurpose) &&
        (filter.stackLevel === undefined || e.profile.stackLevel === filter.stackLevel) &&
        (filter.chargingProfileId === undefined || filter.chargingProfileId.includes(e.profile.id)) &&
        (filter.chargingLimitSource === undefined || filter.chargingLimitSource.includes(e.source)),
    );
    const groups: ProfileReportGroup[] = [];
    for (const entry of [...matching].sort((a, b) => a.evseId - b.evseId)) {
      let group = groups.find((g) => g.evseId === entry.evseId && g.chargingLimitSource === entry.source);
      if (!group) {
        group = { evseId: entry.evseId, chargingLimitSource: entry.source, chargingProfile: [] };
        groups.push(group);
      }
      group.chargingProfile.push(structuredClone(entry.profile));
    }
    return groups;
  }

  /** The profiles installed on exactly this EVSE (0 = the station-wide ones). */
  forEvse(evseId: number): InstalledProfile[] {
    return this.all().filter((e) => e.evseId === evseId);
  }

  all(): InstalledProfile[] {
    return this.#entries.map((e) => structuredClone(e));
  }

  /** A TxProfile lives as long as its transaction: the station drops it when the transaction ends. */
  removeTransactionProfiles(transactionId: string): InstalledProfile[] {
    return this.#remove((e) => e.profile.chargingProfilePurpose === 'TxProfile' && e.profile.transactionId === transactionId);
  }

  #remove(predicate: (entry: InstalledProfile) => boolean): InstalledProfile[] {
    const removed = this.#entries.filter(predicate);
    this.#entries = this.#entries.filter((e) => !predicate(e));
    return removed.map((e) => structuredClone(e));
  }

  #refusal(evseId: number, profile: ChargingProfileType, context: InstallContext): SetChargingProfileResponse | undefined {
    const purpose = profile.chargingProfilePurpose;
    // K01.FR.22: only the station itself sets external constraints, on an external system's word.
    if (purpose === 'ChargingStationExternalConstraints') {
      return rejected('InvalidProfile', 'ChargingStationExternalConstraints cannot be set by the CSMS');
    }
    // K01.FR.28: an EVSE the station does not have.
    if (evseId !== 0 && !context.hasEvse(evseId)) return rejected('UnknownEvse', `the station has no EVSE ${evseId}`);
    // SetChargingProfileRequest.evseId: a ChargingStationMaxProfile is the limit of the whole station.
    if (purpose === 'ChargingStationMaxProfile' && evseId !== 0) {
      return rejected('InvalidProfile', 'a ChargingStationMaxProfile is set on evseId 0');
    }
    // K01.FR.38
    if (purpose === 'ChargingStationMaxProfile' && profile.chargingProfileKind === 'Relative') {
      return rejected('InvalidProfile', 'a ChargingStationMaxProfile cannot be Relative');
    }
    if (purpose === 'TxProfile') {
      const refusal = this.#transactionRefusal(evseId, profile, context);
      if (refusal) return refusal;
    }
    if (context.maxStackLevel !== undefined && profile.stackLevel > context.maxStackLevel) {
      return rejected('InvalidStackLevel', `stackLevel above ${context.maxStackLevel}`);
    }
    // Recurring needs to know what recurs (the schema's recurrencyKind description).
    if (profile.chargingProfileKind === 'Recurring' && profile.recurrencyKind === undefined) {
      return rejected('InvalidProfile', 'a Recurring profile needs a recurrencyKind');
    }
    return this.#scheduleRefusal(profile, context) ?? this.#conflict(evseId, profile);
  }

  #transactionRefusal(evseId: number, profile: ChargingProfileType, context: InstallContext): SetChargingProfileResponse | undefined {
    // K01.FR.16: a TxProfile belongs to a transaction, hence to one EVSE.
    if (evseId === 0) return rejected('InvalidProfile', 'a TxProfile is set on an EVSE, not on evseId 0');
    const transaction = context.transactionOn(evseId);
    // K01.FR.09 (TC_K_02): no transaction runs on that EVSE.
    if (!transaction) return rejected('TxNotFound', `no transaction is ongoing on EVSE ${evseId}`);
    // K01.FR.03
    if (profile.transactionId === undefined) return rejected('MissingParam', 'a TxProfile needs a transactionId');
    // K01.FR.33: the transactionId is not the one running on that EVSE.
    if (profile.transactionId !== transaction.id) {
      return rejected('TxNotFound', `transaction ${profile.transactionId} is not ongoing on EVSE ${evseId}`);
    }
    return undefined;
  }

  #scheduleRefusal(profile: ChargingProfileType, context: InstallContext): SetChargingProfileResponse | undefined {
    for (const schedule of profile.chargingSchedule) {
      const periods = schedule.chargingSchedulePeriod;
      // K01.FR.40 / K01.FR.41: Absolute and Recurring are anchored by startSchedule; Relative by the
      // start of the transaction, so it has none.
      if (profile.chargingProfileKind !== 'Relative' && schedule.startSchedule === undefined) {
        return rejected('InvalidSchedule', `an ${profile.chargingProfileKind} profile needs a startSchedule`);
      }
      if (profile.chargingProfileKind === 'Relative' && schedule.startSchedule !== undefined) {
        return rejected('InvalidSchedule', 'a Relative profile has no startSchedule');
      }
      // K01.FR.26
      if (context.rateUnits !== undefined && !context.rateUnits.includes(schedule.chargingRateUnit)) {
        return rejected('UnsupportedRateUnit', `the station does not schedule in ${schedule.chargingRateUnit}`);
      }
      if (context.maxPeriodsPerSchedule !== undefined && periods.length > context.maxPeriodsPerSchedule) {
        return rejected('TooManyElements', `a schedule holds at most ${context.maxPeriodsPerSchedule} periods`);
      }
      // K01.FR.31
      if (periods[0]?.startPeriod !== 0) return rejected('InvalidSchedule', 'the first period starts at 0');
      // K01.FR.35
      if (periods.some((p, i) => i > 0 && p.startPeriod <= periods[i - 1].startPeriod)) {
        return rejected('InvalidSchedule', 'periods start in increasing order');
      }
      // K01.FR.19: phaseToUse picks the one phase of a single-phase period.
      if (periods.some((p) => p.phaseToUse !== undefined && p.numberPhases !== 1)) {
        return rejected('InvalidSchedule', 'phaseToUse is only allowed with numberPhases 1');
      }
    }
    return undefined;
  }

  // Two profiles of one stack must never tie: the station could not tell which one rules.
  #conflict(evseId: number, profile: ChargingProfileType): SetChargingProfileResponse | undefined {
    const purpose = profile.chargingProfilePurpose;
    const others = this.#entries.filter((e) => e.profile.id !== profile.id && e.profile.stackLevel === profile.stackLevel);
    const clash = others.find((e) => {
      if (e.profile.chargingProfilePurpose !== purpose) return false;
      // K01.FR.39: one stackLevel per transaction among TxProfiles.
      if (purpose === 'TxProfile') return e.profile.transactionId === profile.transactionId;
      // K01.FR.52 / K01.FR.53: a station-wide TxDefaultProfile stacks with the EVSEs' own, so the two
      // cannot share a stackLevel.
      if (purpose === 'TxDefaultProfile' && (evseId === 0) !== (e.evseId === 0)) return true;
      // K01.FR.06: same stackLevel, purpose and EVSE with overlapping validity.
      return e.evseId === evseId && validityOverlaps(e.profile, profile);
    });
    if (!clash) return undefined;
    return rejected(
      'DuplicateProfile',
      `profile ${clash.profile.id} (EVSE ${clash.evseId}) already has stackLevel ${profile.stackLevel} for ${purpose}`,
    );
  }
}
