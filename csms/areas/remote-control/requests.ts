import type { IdTokenType, MessageTriggerEnumType } from '../../../schemas/ocpp201-messages';
import { expectRequestedMessage } from '../provisioning/handlers';
import { BadOperatorRequest, type RequestBuilders, mergeParams, requireParam } from '../../operator/builder-context';

export const requests: RequestBuilders = {
  RequestStartTransaction: (params, { store, config }) =>
    mergeParams(
      {
        remoteStartId: store.nextRequestId(),
        idToken: { idToken: config.VALID_ID_TOKEN, type: config.VALID_ID_TOKEN_TYPE } as IdTokenType,
      },
      params,
    ),
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
