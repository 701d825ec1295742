import type { MeterValueType } from '../../../../schemas/ocpp201-messages';
import type { TimerHandle } from '../../../../kernel/time/station-clock';
import { stateSlot } from '../../../../kernel/state-slots';
import type { StationState } from '../../core/charging-station';

/** The readings a running transaction collects for its Ended event (TxEndedInterval), and the timers taking them. */
export interface TxEndedSampling {
  samples: MeterValueType[];
  timers: TimerHandle[];
}

export const TX_ENDED_SAMPLING: StationState<Map<string, TxEndedSampling>> = stateSlot('Tx-ended meter samples', () => new Map());

/** A monitor on FiscalMetering.MeterValue: the station reports its main meter at every clock-aligned boundary. */
export interface FiscalMeterMonitor {
  id: number;
}

export const FISCAL_METER_MONITOR: StationState<{ monitor: FiscalMeterMonitor | undefined }> = stateSlot('fiscal meter monitor', () => ({
  monitor: undefined,
}));
