import type { IdTokenType } from '../../../../schemas/ocpp201-messages';
import { type StationState } from '../../core/charging-station';
import { stateSlot } from '../../../../kernel/state-slots';

export interface Reservation {
  id: number;
  evseId?: number;
  idToken: IdTokenType;
  expiryDateTime: string;
}

/** The reservations the station holds (H01). */
export const RESERVATIONS: StationState<Reservation[]> = stateSlot('reservations', () => []);
