import type { StationArea } from '../../core/charging-station';
import { RESERVATIONS } from './state';

/** Block H: reservations. */
export const reservationArea: StationArea = {
  name: 'reservation',
  replies: (station) => {
    const { topology, transactions, deviceModel } = station;
    return {
      CancelReservation: ({ reservationId }) => {
        const reservations = station.state(RESERVATIONS);
        const index = reservations.findIndex((reservation) => reservation.id === reservationId);
        if (index < 0) return { status: 'Rejected' };
        reservations.splice(index, 1);
        return { status: 'Accepted' };
      },
      ReserveNow: ({ id, evseId, idToken, expiryDateTime }) => {
        if (deviceModel.value('ReservationCtrlr', 'Enabled') === 'false') return { status: 'Rejected' };
        if (evseId !== undefined) {
          if (!topology.hasEvse(evseId)) return { status: 'Rejected' };
          const evse = topology.evse(evseId);
          if (evse.operationalStatus === 'Inoperative') return { status: 'Unavailable' };
          if (transactions.onEvse(evseId) || evse.connectors.every((connector) => connector.status === 'Occupied'))
            return { status: 'Occupied' };
          if (evse.connectors.every((connector) => connector.status === 'Faulted')) return { status: 'Faulted' };
        }
        const reservations = station.state(RESERVATIONS);
        const kept = reservations.filter((reservation) => reservation.id !== id);
        reservations.splice(0, reservations.length, ...kept, { id, evseId, idToken, expiryDateTime });
        return { status: 'Accepted' };
      },
    };
  },
};
