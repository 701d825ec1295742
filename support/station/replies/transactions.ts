import type { ChargingStation } from '../charging-station';
import type { StationReplies } from './station-replies';

/** Blocks E and F: remote start/stop, transaction status, unlock, cost. */
export function transactionReplies(station: ChargingStation): StationReplies {
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
    GetTransactionStatus: ({ transactionId }) => {
      if (transactionId === undefined) return { messagesInQueue: false };
      const transaction = transactions.byId(transactionId);
      return { ongoingIndicator: transaction !== undefined && !transaction.ended, messagesInQueue: false };
    },
    UnlockConnector: ({ evseId, connectorId }) => {
      if (!topology.hasConnector(evseId, connectorId)) return { status: 'UnknownConnector' };
      return { status: transactions.onEvse(evseId) ? 'OngoingAuthorizedTransaction' : 'Unlocked' };
    },
    CostUpdated: () => ({}),
  };
}
