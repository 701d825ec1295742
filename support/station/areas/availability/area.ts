import type { StationArea } from '../../core/charging-station';
import { evseLost } from '../reservation/reservations';

/**
 * Block G: ChangeAvailability changes the station's availability model; the StatusNotification (and
 * its NotifyEvent) of every connector whose status changed is owed, and sent by the scenario's step.
 * A reservation on an EVSE that became Unavailable is removed (H01).
 */
export const availabilityArea: StationArea = {
  name: 'availability',
  replies: (station) => ({
    ChangeAvailability: ({ operationalStatus, evse }) => {
      const { answer, changed } = station.availability.request({ evseId: evse?.id, connectorId: evse?.connectorId }, operationalStatus);
      const because = `ChangeAvailability to ${operationalStatus} ${answer}`;
      for (const change of changed) station.oweConnectorStatus(change.evseId, change.connectorId, change.status, because);
      for (const evseId of new Set(changed.filter((change) => change.status === 'Unavailable').map((change) => change.evseId))) {
        evseLost(station, evseId, 'became Unavailable');
      }
      return { status: answer };
    },
  }),
};
