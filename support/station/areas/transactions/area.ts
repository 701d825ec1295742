import { defineTransactionVariables } from './variables';
import type { StationArea } from '../../core/charging-station';

/** Blocks E and F: remote start/stop, transaction status, unlock, cost. */
export const transactionsArea: StationArea = {
  name: 'transactions',
  install: (station) => defineTransactionVariables(station.deviceModel),
  replies: (station) => {
    const { transactions } = station;
    const queuedFor = (transactionId: string | undefined): boolean =>
      station.queuedTransactionEvents.some((event) => transactionId === undefined || event.transactionInfo.transactionId === transactionId);
    return {
      // E14: messagesInQueue tells whether events of that transaction (of any, without an id) still
      // wait for delivery; ongoingIndicator is given only for a named transaction.
      GetTransactionStatus: ({ transactionId }) => {
        if (transactionId === undefined) return { messagesInQueue: queuedFor(undefined) };
        const transaction = transactions.byId(transactionId);
        return { ongoingIndicator: transaction !== undefined && !transaction.ended, messagesInQueue: queuedFor(transactionId) };
      },
    };
  },
};
