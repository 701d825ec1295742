import type { StationArea } from '../../core/charging-station';
import { sessionOf } from '../transactions/session';
import { answerRemoteStart } from './remote-start';
import { answerTrigger } from './triggers';

/** Block F: remote start and stop, unlocking a connector, triggered messages. */
export const remoteControlArea: StationArea = {
  name: 'remote control',
  replies: (station) => {
    const { topology, transactions } = station;
    return {
      RequestStartTransaction: (request) => answerRemoteStart(station, request),
      // F03: a running transaction is stopped; ending it is the scenario's step ("stops the transaction as the CSMS requested").
      RequestStopTransaction: ({ transactionId }) => {
        const transaction = transactions.byId(transactionId);
        if (transaction && !transaction.ended) return { status: 'Accepted' };
        return { status: 'Rejected', statusInfo: { reasonCode: 'TxNotFound', additionalInfo: `no transaction ${transactionId} runs` } };
      },
      // F05: the cable stays locked while an authorized transaction runs on the EVSE (F05.FR.02).
      UnlockConnector: ({ evseId, connectorId }) => {
        if (!topology.hasConnector(evseId, connectorId)) return { status: 'UnknownConnector' };
        const authorized = transactions.onEvse(evseId) !== undefined && sessionOf(station, evseId).authorization !== undefined;
        return { status: authorized ? 'OngoingAuthorizedTransaction' : 'Unlocked' };
      },
      TriggerMessage: (request) => answerTrigger(station, request),
    };
  },
};
