import type { StationArea } from '../../core/charging-station';

/**
 * Block G: ChangeAvailability changes the station's availability model; the StatusNotification (and
 * its NotifyEvent) of every connector whose status changed is owed, and sent by the scenario's step.
 */
export const availabilityArea: StationArea = {
  name: 'availability',
  replies: (station) => ({
    ChangeAvailability: ({ operationalStatus, evse }) => {
      const { answer, changed } = station.availability.request({ evseId: evse?.id, connectorId: evse?.connectorId }, operationalStatus);
      for (const change of changed) {
        const because = `ChangeAvailability to ${operationalStatus} ${answer}`;
        station.oweConnectorStatus(change.evseId, change.connectorId, change.status, because);
      }
      return { status: answer };
    },
  }),
};
