/**
 * K12 / K13: limits an external system (an energy management system, EMS) sets on the station. The
 * station keeps them as ChargingStationExternalConstraints of that source, tells the CSMS
 * (NotifyChargingLimit, ClearedChargingLimit), and a limit that moves the rate of a charging
 * transaction makes it owe a TransactionEvent ChargingRateChanged.
 */
import type {
  ChargingLimitSourceEnumType,
  ChargingProfileType,
  ChargingScheduleType,
  ClearedChargingLimitRequest,
  NotifyChargingLimitRequest,
} from '../../../../schemas/ocpp201-messages';
import type { ChargingStation } from '../../core/charging-station';
import { watchingRates } from './limits';
import { CHARGING_PROFILES } from './state';

type ExternalSource = Exclude<ChargingLimitSourceEnumType, 'CSO'>;

/** The lowest profile id the station does not use yet (external constraints get ids of their own). */
function freeProfileId(station: ChargingStation): number {
  const used = new Set(
    station
      .state(CHARGING_PROFILES)
      .all()
      .map((entry) => entry.profile.id),
  );
  let id = 1;
  while (used.has(id)) id += 1;
  return id;
}

/**
 * The external system limits an EVSE (0: the whole station) to `limit` from now on; returns the
 * NotifyChargingLimitRequest that tells the CSMS.
 */
export function applyExternalLimit(
  station: ChargingStation,
  source: ExternalSource,
  evseId: number,
  limit: number,
  chargingRateUnit: ChargingScheduleType['chargingRateUnit'],
): NotifyChargingLimitRequest {
  const id = freeProfileId(station);
  const schedule: ChargingScheduleType = {
    id,
    startSchedule: new Date().toISOString(),
    chargingRateUnit,
    chargingSchedulePeriod: [{ startPeriod: 0, limit }],
  };
  const profile: ChargingProfileType = {
    id,
    stackLevel: 0,
    chargingProfilePurpose: 'ChargingStationExternalConstraints',
    chargingProfileKind: 'Absolute',
    chargingSchedule: [schedule],
  };
  watchingRates(station, `${source} limit of ${limit} ${chargingRateUnit}`, () =>
    station.state(CHARGING_PROFILES).installExternal(evseId, profile, source),
  );
  return {
    chargingLimit: { chargingLimitSource: source },
    ...(evseId === 0 ? {} : { evseId }),
    chargingSchedule: [structuredClone(schedule)],
  };
}

/** The external system releases every limit it set; returns the ClearedChargingLimitRequest that tells the CSMS. */
export function releaseExternalLimits(station: ChargingStation, source: ExternalSource): ClearedChargingLimitRequest {
  const removed = watchingRates(station, `${source} released its limits`, () => station.state(CHARGING_PROFILES).removeExternal(source));
  const evses = new Set(removed.map((entry) => entry.evseId));
  // One EVSE named only when the released limits were all of that EVSE.
  const [only] = [...evses];
  return { chargingLimitSource: source, ...(evses.size === 1 && only !== 0 ? { evseId: only } : {}) };
}
