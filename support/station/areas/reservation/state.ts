import type { IdTokenType, ReservationUpdateStatusEnumType } from '../../../../schemas/ocpp201-messages';
import { type StationState } from '../../core/charging-station';
import { stateSlot } from '../../../../kernel/state-slots';
import type { TimerHandle } from '../../../../kernel/time/station-clock';

export interface Reservation {
  id: number;
  /** Absent: any EVSE (of connectorType, when given) will do (H01 S1, S3). */
  evseId?: number;
  connectorType?: string;
  idToken: IdTokenType;
  /** Any idToken of this group may use the reservation (H03). */
  groupIdToken?: IdTokenType;
  expiryDateTime: string;
  expiry: TimerHandle;
}

/** How a reservation ended: as ReservationStatusUpdate reports it, or cancelled by the CSMS, or used by a transaction. */
export type ReservationEnd = ReservationUpdateStatusEnumType | 'Cancelled' | 'Used';

export interface ReservationBook {
  /** The reservations the station holds now (H01). */
  held: Reservation[];
  /** How each reservation the station ever held ended, by id; a step waits on it. */
  ends: Map<number, { ended: Promise<ReservationEnd>; end(how: ReservationEnd): void }>;
}

export const RESERVATIONS: StationState<ReservationBook> = stateSlot('reservations', () => ({
  held: [],
  ends: new Map(),
}));
