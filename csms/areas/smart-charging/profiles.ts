/**
 * The charging profiles the reference CSMS builds when its operator asks (SetChargingProfile) or
 * when ISO 15118 asks (K15–K17), and what it learns from the station's answers.
 */
import type {
  ChargingProfileType,
  ChargingRateUnitEnumType,
  ChargingScheduleType,
  SetChargingProfileRequest,
  SetChargingProfileResponse,
} from '../../../schemas/ocpp201-messages';
import type { Config } from '../../../kernel/config';
import { convertLimit } from '../../../kernel/smart-charging/composite-schedule';
import type { CsmsStore, StationRecord } from '../../store';
import { installContextOf, runningTransaction, viewOf } from './state';

type Params = Record<string, unknown>;

/** The lowest current an AC EV charges with (IEC 61851-1): the CSMS's offer when it knows no more. */
export const MINIMUM_CURRENT_A = 6;

/** `params` over `base`, objects key by key and lists element by element (a table sets chargingSchedule[0]...limit). */
export function overlay<T>(base: T, params: unknown): T {
  if (params === undefined) return base;
  if (Array.isArray(params)) {
    const list = Array.isArray(base) ? [...(base as unknown[])] : [];
    params.forEach((item, index) => {
      if (item !== undefined) list[index] = overlay(list[index], item);
    });
    return list as T;
  }
  if (params && typeof params === 'object') {
    const out: Record<string, unknown> = base && typeof base === 'object' ? { ...(base as Record<string, unknown>) } : {};
    for (const [key, value] of Object.entries(params as Params)) out[key] = overlay(out[key], value);
    return out as T;
  }
  return params as T;
}

/** A limit given in amperes, in the unit the CSMS schedules in. */
export function limitIn(unit: ChargingRateUnitEnumType, amperes: number, config: Config, phases = config.CONFIGURED_NUMBER_PHASES): number {
  return Math.round(convertLimit(amperes, 'A', unit, phases, config.CONFIGURED_VOLTAGE) * 10) / 10;
}

export interface ProfileRequest {
  evseId: number;
  purpose: ChargingProfileType['chargingProfilePurpose'];
  kind?: ChargingProfileType['chargingProfileKind'];
  limitA?: number;
  transactionId?: string;
}

/**
 * A profile as the CSMS makes it: the configured stackLevel, chargingRateUnit and schedule duration;
 * a TxDefaultProfile or ChargingStationMaxProfile valid from now for that duration and starting now; a
 * TxProfile for the transaction running on the EVSE, replacing its current TxProfile of that
 * stackLevel (one per stackLevel and transaction, K01.FR.39).
 */
export function buildProfile(request: ProfileRequest, store: CsmsStore, station: StationRecord, config: Config): SetChargingProfileRequest {
  const now = new Date();
  const unit = config.CONFIGURED_CHARGING_RATE_UNIT;
  const kind = request.kind ?? (request.purpose === 'TxProfile' ? 'Relative' : 'Absolute');
  const stackLevel = config.CONFIGURED_STACK_LEVEL;
  const transactionId =
    request.purpose === 'TxProfile'
      ? (request.transactionId ?? runningTransaction(store, station, request.evseId)?.transactionId)
      : undefined;
  const current =
    transactionId === undefined
      ? undefined
      : viewOf(station)
          .profiles.forEvse(request.evseId)
          .find(
            (entry) =>
              entry.profile.chargingProfilePurpose === 'TxProfile' &&
              entry.profile.transactionId === transactionId &&
              entry.profile.stackLevel === stackLevel,
          );
  const id = current?.profile.id ?? store.nextChargingProfileId();
  const schedule: ChargingScheduleType = {
    id,
    ...(kind === 'Relative' ? {} : { startSchedule: now.toISOString() }),
    duration: config.CONFIGURED_CHARGING_SCHEDULE_DURATION,
    chargingRateUnit: unit,
    chargingSchedulePeriod: [
      { startPeriod: 0, limit: limitIn(unit, request.limitA ?? MINIMUM_CURRENT_A, config), numberPhases: config.CONFIGURED_NUMBER_PHASES },
    ],
  };
  const validity =
    request.purpose === 'TxProfile'
      ? {}
      : {
          validFrom: now.toISOString(),
          validTo: new Date(now.getTime() + config.CONFIGURED_CHARGING_SCHEDULE_DURATION * 1000).toISOString(),
        };
  return {
    evseId: request.purpose === 'ChargingStationMaxProfile' ? 0 : request.evseId,
    chargingProfile: {
      id,
      stackLevel,
      chargingProfilePurpose: request.purpose,
      chargingProfileKind: kind,
      ...(kind === 'Recurring' ? { recurrencyKind: 'Daily' as const } : {}),
      ...validity,
      ...(transactionId === undefined ? {} : { transactionId }),
      chargingSchedule: [schedule],
    },
  };
}

/**
 * The operator's SetChargingProfile: the parameters name what they need (purpose, kind, evseId, a
 * limit, any field) and the CSMS fills in the rest as buildProfile does. A Relative profile has no
 * startSchedule, a Recurring one a recurrencyKind.
 */
export function profileFromParams(params: Params, store: CsmsStore, station: StationRecord, config: Config): SetChargingProfileRequest {
  const given = (params.chargingProfile ?? {}) as Partial<ChargingProfileType>;
  const purpose = given.chargingProfilePurpose ?? 'TxDefaultProfile';
  const evseId = (params.evseId as number | undefined) ?? (purpose === 'ChargingStationMaxProfile' ? 0 : config.CONFIGURED_EVSE_ID);
  const built = buildProfile(
    { evseId, purpose, kind: given.chargingProfileKind, transactionId: given.transactionId },
    store,
    station,
    config,
  );
  const request = overlay(built, params);
  if (request.chargingProfile.chargingProfileKind !== 'Recurring') delete request.chargingProfile.recurrencyKind;
  if (request.chargingProfile.chargingProfileKind === 'Relative') {
    for (const schedule of request.chargingProfile.chargingSchedule) delete schedule.startSchedule;
  }
  return request;
}

/** The station accepted a profile: the CSMS now knows it holds it. */
export function learnInstalled(
  request: SetChargingProfileRequest,
  response: SetChargingProfileResponse,
  store: CsmsStore,
  station: StationRecord,
  note: (text: string) => void,
): void {
  if (response.status !== 'Accepted') {
    note(`the station refused profile ${request.chargingProfile.id}: ${response.statusInfo?.reasonCode ?? response.status}`);
    return;
  }
  const outcome = viewOf(station).profiles.install(request.evseId, request.chargingProfile, installContextOf(store, station));
  if (outcome.status !== 'Accepted') {
    note(
      `the station accepted profile ${request.chargingProfile.id}, which the CSMS's own rules refuse (${outcome.statusInfo?.reasonCode}: ${outcome.statusInfo?.additionalInfo})`,
    );
  }
}
