/** What the reference CSMS keeps of a station's reservations (H01-H04): those the station accepted, and how each ended. */
import type { IdTokenType } from '../../../schemas/ocpp201-messages';
import { stateSlot } from '../../../kernel/state-slots';
import type { CsmsStationState } from '../../store';

export interface ReservationRecord {
  id: number;
  evseId?: number;
  connectorType?: string;
  idToken: IdTokenType;
  groupIdToken?: IdTokenType;
  expiryDateTime: string;
  status: 'Active' | 'Cancelled' | 'Expired' | 'Removed' | 'Used';
}

/** The station's reservations made by this CSMS, by id. */
export const RESERVATIONS: CsmsStationState<Map<number, ReservationRecord>> = stateSlot('reservations', () => new Map());
