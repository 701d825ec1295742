import type { ChargingScheduleType, NotifyEVChargingNeedsRequest } from '../../../schemas/ocpp201-messages';
import { ChargingProfileStore, type InstallContext } from '../../../kernel/smart-charging/profile-store';
import { stateSlot } from '../../../kernel/state-slots';
import type { CsmsStationState, CsmsStore, StationRecord, TransactionRecord } from '../../store';

/** What the CSMS knows of a station's charging profiles: those it set and those it was told of. */
export interface ChargingView {
  profiles: ChargingProfileStore;
  /** The EV schedules the CSMS rejected (K15.FR.12), by EVSE, until it renegotiated. */
  rejectedEvSchedules: Map<number, ChargingScheduleType>;
  /** The charging needs each EV stated last (K15), by EVSE. */
  evNeeds: Map<number, NotifyEVChargingNeedsRequest>;
}

export const CHARGING_VIEW: CsmsStationState<ChargingView> = stateSlot('charging profiles the CSMS knows', () => ({
  profiles: new ChargingProfileStore(),
  rejectedEvSchedules: new Map(),
  evNeeds: new Map(),
}));

export function viewOf(station: StationRecord): ChargingView {
  return station.areaState.of(CHARGING_VIEW);
}

/**
 * The transaction the station reported running on an EVSE, if any: the latest it reported there,
 * since an EVSE runs one transaction at a time (an older one never ended is not running any more).
 */
export function runningTransaction(store: CsmsStore, station: StationRecord, evseId: number): TransactionRecord | undefined {
  return [...store.transactions.values()].filter((tx) => tx.stationId === station.id && tx.evseId === evseId && !tx.endedAt).at(-1);
}

/** The station as the CSMS knows it, for the kernel's install rules. */
export function installContextOf(store: CsmsStore, station: StationRecord): InstallContext {
  return {
    hasEvse: (evseId) => station.evses.some((evse) => evse.id === evseId),
    transactionOn: (evseId) => {
      const running = runningTransaction(store, station, evseId);
      return running && { id: running.transactionId };
    },
  };
}
