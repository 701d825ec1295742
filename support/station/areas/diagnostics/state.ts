import type { SetMonitoringDataType } from '../../../../schemas/ocpp201-messages';
import { type StationState } from '../../core/charging-station';
import { stateSlot } from '../../../../kernel/state-slots';

export interface Monitor extends SetMonitoringDataType {
  id: number;
}

export interface MonitoringState {
  monitors: Monitor[];
  nextMonitorId: number;
  /** Severities above this are not reported (N05). */
  monitoringLevel: number;
}

/** The variable monitors the station holds (N04). */
export const MONITORING: StationState<MonitoringState> = stateSlot('monitoring', () => ({
  monitors: [],
  nextMonitorId: 1,
  monitoringLevel: 9,
}));
