import type { StationArea } from '../../core/charging-station';

/** Block F: remote start and stop, unlocking a connector, triggered messages. */
export const remoteControlArea: StationArea = {
  name: 'remote control',
  replies: (station) => {
    const { topology, transactions } = station;
    return {
      RequestStartTransaction: ({ evseId }) => {
        if (evseId !== undefined && (!topology.hasEvse(evseId) || transactions.onEvse(evseId))) return { status: 'Rejected' };
        return { status: 'Accepted' };
      },
      RequestStopTransaction: ({ transactionId }) => {
        const transaction = transactions.byId(transactionId);
        return { status: transaction && !transaction.ended ? 'Accepted' : 'Rejected' };
      },
      UnlockConnector: ({ evseId, connectorId }) => {
        if (!topology.hasConnector(evseId, connectorId)) return { status: 'UnknownConnector' };
        return { status: transactions.onEvse(evseId) ? 'OngoingAuthorizedTransaction' : 'Unlocked' };
      },
      TriggerMessage: ({ requestedMessage, evse }) => {
        if (evse && !topology.hasEvse(evse.id)) return { status: 'Rejected' };
        if (requestedMessage === 'BootNotification' && station.registration === 'Accepted') return { status: 'Rejected' };
        const supported = [
          'BootNotification',
          'LogStatusNotification',
          'FirmwareStatusNotification',
          'Heartbeat',
          'MeterValues',
          'SignChargingStationCertificate',
          'SignV2GCertificate',
          'SignCombinedCertificate',
          'StatusNotification',
          'TransactionEvent',
          'PublishFirmwareStatusNotification',
        ];
        return { status: supported.includes(requestedMessage) ? 'Accepted' : 'NotImplemented' };
      },
    };
  },
};
