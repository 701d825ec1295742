import type { IdTokenType, MessageTriggerEnumType, RequestStartTransactionRequest } from '../../../schemas/ocpp201-messages';
import { expectRequestedMessage } from '../provisioning/handlers';
import {
  BadOperatorRequest,
  type RequestBuilders,
  type ResponseObservers,
  mergeParams,
  requireParam,
} from '../../operator/builder-context';
import { keepRemoteStart, learnRemoteStartAnswer } from './remote-starts';

export const requests: RequestBuilders = {
  // F01/F02: a fresh remoteStartId per request; the idToken is the operator's (the configured valid one by default).
  RequestStartTransaction: (params, { store, config, station }) => {
    const request = mergeParams<RequestStartTransactionRequest>(
      {
        remoteStartId: store.nextRequestId(),
        idToken: { idToken: config.VALID_ID_TOKEN, type: config.VALID_ID_TOKEN_TYPE } as IdTokenType,
      },
      params,
    );
    keepRemoteStart(store, station.id, request);
    return request;
  },
  // F03: the transaction named, or else the station's latest running one.
  RequestStopTransaction: (params, { store, station }) => {
    const running = [...store.transactions.values()].filter((tx) => tx.stationId === station.id && !tx.endedAt);
    const transactionId = (params.transactionId as string | undefined) ?? running.at(-1)?.transactionId;
    if (!transactionId) throw new BadOperatorRequest(`station ${station.id} has no running transaction to stop`);
    return mergeParams({ transactionId }, params);
  },
  UnlockConnector: (params, { config }) =>
    mergeParams({ evseId: config.CONFIGURED_EVSE_ID, connectorId: config.CONFIGURED_CONNECTOR_ID }, params),
  TriggerMessage: (params, { station }) => {
    const requestedMessage = requireParam<MessageTriggerEnumType>(params, 'requestedMessage', 'TriggerMessage');
    expectRequestedMessage(station, requestedMessage);
    return mergeParams({ requestedMessage }, params);
  },
};

export const responses: ResponseObservers = {
  RequestStartTransaction: (request, response, { store, station }) => learnRemoteStartAnswer(store, station.id, request, response),
};
