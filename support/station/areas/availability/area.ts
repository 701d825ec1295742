import type { StationArea } from '../../core/charging-station';

/** Block G: availability of the station, its EVSEs and connectors. */
export const availabilityArea: StationArea = {
  name: 'availability',
  replies: (station) => {
    const { topology, transactions } = station;
    return {
      ChangeAvailability: ({ operationalStatus, evse }) => {
        const scope = evse ? [topology.evse(evse.id)] : topology.evses;
        if (evse && !topology.hasEvse(evse.id)) return { status: 'Rejected' };
        const busy = scope.some((candidate) => transactions.onEvse(candidate.id));
        if (evse) topology.evse(evse.id).operationalStatus = operationalStatus;
        else topology.operationalStatus = operationalStatus;
        return { status: busy && operationalStatus === 'Inoperative' ? 'Scheduled' : 'Accepted' };
      },
    };
  },
};
