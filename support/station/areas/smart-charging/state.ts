import type { ChargingNeedsType, ChargingScheduleType } from '../../../../schemas/ocpp201-messages';
import { ChargingProfileStore } from '../../../../kernel/smart-charging/profile-store';
import { stateSlot } from '../../../../kernel/state-slots';
import type { StationState } from '../../core/charging-station';

/** The charging profiles the station holds (K01), its external constraints included (K12). */
export const CHARGING_PROFILES: StationState<ChargingProfileStore> = stateSlot('charging profiles', () => new ChargingProfileStore());

/** How the EV at an EVSE answers when the CSMS sends it a new schedule over ISO 15118 (K15–K17). */
export type EvAnswer =
  /** it adopts the schedule and the station forwards it (NotifyEVChargingSchedule) */
  | 'adopt'
  /** it asks for twice every limit it was given (TC_K_55: a schedule beyond the limits) */
  | 'exceed'
  /** it renegotiates its charging needs first (NotifyEVChargingNeeds, K16.FR.12) */
  | 'renegotiate';

/** An EV that speaks ISO 15118 with the station. */
export interface Iso15118Ev {
  evseId: number;
  needs: ChargingNeedsType;
  maxScheduleTuples: number;
  /** What it does with the next schedules, oldest first; `adopt` once these are used up. */
  answers: EvAnswer[];
  /** The last schedule of the EV the CSMS accepted: the EV draws no more than it. */
  agreed?: ChargingScheduleType;
}

/** The ISO 15118 EVs, by EVSE. */
export const ISO15118_EVS: StationState<Map<number, Iso15118Ev>> = stateSlot('ISO 15118 EVs', () => new Map());

/** When the station first saw each transaction: Relative profiles count from there. */
export const TRANSACTION_STARTS: StationState<Map<string, Date>> = stateSlot('transaction starts', () => new Map());
