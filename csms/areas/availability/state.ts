/** What the reference CSMS keeps of a station's availability (G03, G04). */
import type { OperationalStatusEnumType } from '../../../schemas/ocpp201-messages';
import { stateSlot } from '../../../kernel/state-slots';
import type { CsmsStationState } from '../../store';

export interface OperationalStatusRecord {
  status: OperationalStatusEnumType;
  /** The station answered Scheduled: it takes the status once its transaction ends. */
  scheduled: boolean;
}

/** The operational status the station accepted with ChangeAvailability, by scope ("station", "evse 1", "connector 1/1"). */
export const AVAILABILITY: CsmsStationState<Map<string, OperationalStatusRecord>> = stateSlot('availability', () => new Map());
