import type { IdTokenType } from '../../../schemas/ocpp201-messages';
import { BadOperatorRequest, type RequestBuilders, mergeParams } from '../builder-context';

/** Block E, F requests: remote start/stop, transaction status, unlock, cost. */
export const transactionRequests: RequestBuilders = {
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
  GetTransactionStatus: (params) => mergeParams({}, params),
  UnlockConnector: (params, { config }) =>
    mergeParams({ evseId: config.CONFIGURED_EVSE_ID, connectorId: config.CONFIGURED_CONNECTOR_ID }, params),
  CostUpdated: (params) => {
    if (params.transactionId === undefined || params.totalCost === undefined)
      throw new BadOperatorRequest('CostUpdated needs "transactionId" and "totalCost"');
    return mergeParams({ transactionId: '', totalCost: 0 }, params);
  },
};
