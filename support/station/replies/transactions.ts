import type { ChargingStation } from '../charging-station';
import type { StationReplies } from './station-replies';

/** Blocks E and F: remote start/stop, transaction status, unlock, cost. */
export function transactionReplies(station: ChargingStation): StationReplies {
  const { topology, transactions } = station;
  const queuedFor = (transactionId: string | undefined): boolean =>
    station.queuedTransactionEvents.some((event) => transactionId === undefined || event.transactionInfo.transactionId === transactionId);
  return {
    RequestStartTransaction: ({ evseId }) => {
      if (evseId !== undefined && (!topology.hasEvse(evseId) || transactions.onEvse(evseId))) return { status: 'Rejected' };
      return { status: 'Accepted' };
    },
    RequestStopTransaction: ({ transactionId }) => {
      const transaction = transactions.byId(transactionId);
      return { status: transaction && !transaction.ended ? 'Accepted' : 'Rejected' };
    },
    // E14: messagesInQueue tells whether events of that transaction (of any, without an id) still
    // wait for delivery; ongoingIndicator is given only for a named transaction.
    GetTransactionStatus: ({ transactionId }) => {
      if (transactionId === undefined) return { messagesInQueue: queuedFor(undefined) };
      const transaction = transactions.byId(transactionId);
      return { ongoingIndicator: transaction !== undefined && !transaction.ended, messagesInQueue: queuedFor(transactionId) };
    },
    UnlockConnector: ({ evseId, connectorId }) => {
      if (!topology.hasConnector(evseId, connectorId)) return { status: 'UnknownConnector' };
      return { status: transactions.onEvse(evseId) ? 'OngoingAuthorizedTransaction' : 'Unlocked' };
    },
    CostUpdated: () => ({}),
  };
}
