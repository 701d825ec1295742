/**
 * The TransactionEvents in which a station reports an authorization outcome (an idToken
 * authorized, a stop authorized, transactions stopped by a master pass). The station picks its own
 * transaction on the EVSE, numbers the event, keeps its Authorization Cache up to date with the
 * CSMS's answer, and records where the session now stands, so that the reusable states continue
 * from there.
 */
import type { AuthorizeResponse, TransactionEventRequest, TransactionEventResponse } from '../../../../schemas/ocpp201-messages';
import type { Config } from '../../../../kernel/config';
import { cacheIdTokenInfo } from './lists';
import type { ChargingStation, TransactionEventFields } from '../../core/charging-station';
import { evseSession } from '../../reusable-states';

export interface EventContext {
  station: ChargingStation;
  config: Config;
  remember(name: string, value: unknown): void;
  /** The latest AuthorizeResponse of the scenario, if any. */
  lastAuthorizeResponse(): AuthorizeResponse | undefined;
}

/** Why a station would not stop transactions as a master pass, or undefined when it would (C16). */
export function masterPassProblem(station: ChargingStation, authorize: AuthorizeResponse | undefined): string | undefined {
  const group = station.deviceModel.value('AuthCtrlr', 'MasterPassGroupId') ?? '';
  if (group === '') return 'its AuthCtrlr.MasterPassGroupId is not set';
  if (!authorize) return 'no idToken was authorized by the CSMS yet';
  const answered = authorize.idTokenInfo.groupIdToken?.idToken;
  if (authorize.idTokenInfo.status !== 'Accepted' || answered !== group) {
    return `the last AuthorizeResponse (status ${authorize.idTokenInfo.status}, group ${answered ?? 'none'}) names no Accepted member of master pass group ${group}`;
  }
  return undefined;
}

/**
 * Sends the next TransactionEvent of the transaction on `fields.evse` (the configured EVSE and
 * connector when absent), opening the transaction when there is none yet.
 */
export async function sendAuthorizationEvent(
  context: EventContext,
  fields: Partial<TransactionEventRequest>,
): Promise<TransactionEventResponse> {
  const { station, config } = context;
  const evseId = fields.evse?.id ?? config.CONFIGURED_EVSE_ID;
  const connectorId = fields.evse?.connectorId ?? config.CONFIGURED_CONNECTOR_ID;
  if (!station.topology.hasConnector(evseId, connectorId)) throw new Error(`the station has no connector ${connectorId} on EVSE ${evseId}`);
  if (fields.transactionInfo?.transactionId !== undefined) {
    throw new Error('the station numbers its own transactions: leave transactionInfo.transactionId out of the table');
  }
  let transaction = station.transactions.onEvse(evseId);
  if (!transaction) {
    transaction = station.transactions.open(evseId, connectorId);
    context.remember('transactionId', transaction.id);
  }
  if (transaction.connectorId !== connectorId) {
    throw new Error(`the transaction on EVSE ${evseId} runs on connector ${transaction.connectorId}, not ${connectorId}`);
  }
  const { eventType, triggerReason } = fields;
  if (!eventType || !triggerReason) throw new Error('a TransactionEventRequest needs eventType and triggerReason');
  // A station reports Started once per transaction and never after it: mixing them up is a scenario error.
  if (eventType === 'Started' && transaction.started)
    throw new Error(`transaction ${transaction.id} has already started: a station sends Updated`);
  if (eventType !== 'Started' && !transaction.started)
    throw new Error(`transaction ${transaction.id} has not started yet: a station sends Started`);
  if (fields.transactionInfo?.stoppedReason === 'MasterPass') {
    const problem = masterPassProblem(station, context.lastAuthorizeResponse());
    if (problem) throw new Error(`the station would not stop transactions as a master pass: ${problem}`);
  }
  const { evse: _evse, seqNo: _seqNo, transactionInfo, ...rest } = fields;
  const event: TransactionEventFields = {
    ...rest,
    eventType,
    triggerReason,
    transactionInfo: { ...transactionInfo },
    ...(eventType === 'Ended' && !fields.meterValue ? { meterValue: [transaction.meterValue('Transaction.End')] } : {}),
  };
  const response = await station.sendTransactionEvent(transaction, event);
  if (!response) throw new Error(`the station is offline: the ${eventType} event of ${transaction.id} is queued`);
  if (fields.idToken && response.idTokenInfo) cacheIdTokenInfo(station, fields.idToken, response.idTokenInfo);
  const session = evseSession(station, evseId);
  if (transactionInfo?.chargingState) session.charging = transactionInfo.chargingState === 'Charging';
  if (triggerReason === 'Authorized') Object.assign(session, { authorized: true, state: 'Authorized' });
  if (triggerReason === 'StopAuthorized') Object.assign(session, { authorized: false, stopAuthorized: true, state: 'StopAuthorized' });
  if (eventType === 'Ended') Object.assign(session, { authorized: false, charging: false });
  return response;
}
