import { stateSlot } from '../../../../kernel/state-slots';
import type { StationState } from '../../core/charging-station';

/** The vendor extensions the station implements: vendorId → the messageIds it knows. None by default. */
export const VENDOR_EXTENSIONS: StationState<Map<string, Set<string>>> = stateSlot('vendor extensions', () => new Map());
