import type { CsmsHandlers } from '../../handler-context';
import { RESERVATIONS } from './state';

/** Block H: the station tells the CSMS that a reservation ended without being used (H04 expiry, H01 removal). */
export const handlers: CsmsHandlers = {
  ReservationStatusUpdate: ({ reservationId, reservationUpdateStatus }, { station, session }) => {
    const reservation = station.areaState.of(RESERVATIONS).get(reservationId);
    if (reservation) reservation.status = reservationUpdateStatus;
    else session.connection.note(`ReservationStatusUpdate for reservation ${reservationId}, which this CSMS did not make`);
    return {};
  },
};
