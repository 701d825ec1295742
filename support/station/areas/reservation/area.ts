import type { StationArea } from '../../core/charging-station';
import { cancel, reserve } from './reservations';

/**
 * Block H: ReserveNow and CancelReservation answer from the station's reservations; the connector
 * statuses that follow (Reserved, Available again) are owed and sent by the scenario's steps.
 */
export const reservationArea: StationArea = {
  name: 'reservation',
  replies: (station) => ({
    ReserveNow: (request) => ({ status: reserve(station, request) }),
    CancelReservation: ({ reservationId }) => ({ status: cancel(station, reservationId) }),
  }),
};
