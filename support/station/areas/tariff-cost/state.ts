import { stateSlot } from '../../../../kernel/state-slots';
import type { StationState } from '../../core/charging-station';

/** The cost the station's display shows the driver, per transactionId: the latest the CSMS sent (I02). */
export const SHOWN_COSTS: StationState<Map<string, number>> = stateSlot('costs shown to the driver', () => new Map());
