import type { RequestStartTransactionRequest, RequestStartTransactionResponse } from '../../../schemas/ocpp201-messages';
import type { CsmsStore, RemoteStartRecord } from '../../store';

/** The CSMS notes each remote start it sends, so that it can tell which transaction answers it. */
export function keepRemoteStart(store: CsmsStore, stationId: string, request: RequestStartTransactionRequest): void {
  store.remoteStarts.push({
    stationId,
    remoteStartId: request.remoteStartId,
    idToken: request.idToken,
    ...(request.evseId === undefined ? {} : { evseId: request.evseId }),
  });
}

function find(store: CsmsStore, stationId: string, remoteStartId: number): RemoteStartRecord | undefined {
  return store.remoteStarts.find((start) => start.stationId === stationId && start.remoteStartId === remoteStartId);
}

/** The station's answer: accepted or not, and the transaction already running when the cable came first. */
export function learnRemoteStartAnswer(
  store: CsmsStore,
  stationId: string,
  request: RequestStartTransactionRequest,
  response: RequestStartTransactionResponse,
): void {
  const record = find(store, stationId, request.remoteStartId);
  if (!record) return;
  record.status = response.status;
  if (response.transactionId) record.transactionId = response.transactionId;
}

/**
 * A TransactionEvent naming a remoteStartId tells which transaction the remote start became (F01,
 * F02); the remote start the CSMS never sent is worth a note.
 */
export function linkRemoteStart(store: CsmsStore, stationId: string, remoteStartId: number, transactionId: string): string {
  const record = find(store, stationId, remoteStartId);
  if (!record) return `transaction ${transactionId} names remote start ${remoteStartId}, which the CSMS never asked ${stationId} for`;
  record.transactionId = transactionId;
  return `transaction ${transactionId} is remote start ${remoteStartId} (${record.idToken.idToken})`;
}

/** The transaction a remote start became, if the station has said so. */
export function transactionOfRemoteStart(store: CsmsStore, stationId: string, remoteStartId: number): string | undefined {
  return find(store, stationId, remoteStartId)?.transactionId;
}
