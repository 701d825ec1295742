import type { IdTokenInfoType, MeterValueType, TransactionEventRequest, TransactionEventResponse } from '../../../schemas/ocpp201-messages';
import type { TransactionRecord } from '../../store';
import { idTokenInfoFor } from '../authorization/handlers';
import type { CsmsHandlers, HandlerContext } from '../../handler-context';
import { linkRemoteStart } from '../remote-control/remote-starts';
import { RESERVATIONS } from '../reservation/state';

function energyRegisterWh(meterValues: readonly MeterValueType[] | undefined): number | undefined {
  let latest: number | undefined;
  for (const meterValue of meterValues ?? []) {
    for (const sample of meterValue.sampledValue) {
      if ((sample.measurand ?? 'Energy.Active.Import.Register') !== 'Energy.Active.Import.Register') continue;
      const multiplier = 10 ** (sample.unitOfMeasure?.multiplier ?? 0);
      const unit = sample.unitOfMeasure?.unit ?? 'Wh';
      latest = sample.value * multiplier * (unit === 'kWh' ? 1000 : 1);
    }
  }
  return latest;
}

/** seqNo values between the lowest and the highest received that have not arrived (yet). */
export function missingSeqNos(record: TransactionRecord): number[] {
  if (record.seqNos.length === 0) return [];
  const seen = new Set(record.seqNos);
  const low = Math.min(...record.seqNos);
  const high = Math.max(...record.seqNos);
  const missing: number[] = [];
  for (let seqNo = low; seqNo <= high; seqNo++) if (!seen.has(seqNo)) missing.push(seqNo);
  return missing;
}

/** The events of a transaction in the order the station generated them (seqNo), whatever order they arrived in. */
export function eventsInOrder(record: TransactionRecord): TransactionEventRequest[] {
  return [...record.events].sort((a, b) => a.seqNo - b.seqNo);
}

function recordOf(request: TransactionEventRequest, { store, station }: HandlerContext): TransactionRecord {
  const { transactionId } = request.transactionInfo;
  let record = store.transactions.get(transactionId);
  if (!record) {
    // Any event may be the first the CSMS sees (offline events, lost messages): it opens the record.
    record = { stationId: station.id, transactionId, events: [], seqNos: [], offlineEvents: 0, duplicateSeqNos: [], verdicts: [] };
    store.transactions.set(transactionId, record);
  }
  return record;
}

function keep(record: TransactionRecord, request: TransactionEventRequest, context: HandlerContext): void {
  if (record.seqNos.includes(request.seqNo)) record.duplicateSeqNos.push(request.seqNo);
  record.events.push(request);
  record.seqNos.push(request.seqNo);
  if (request.offline) record.offlineEvents += 1;
  if (request.evse) {
    record.evseId = request.evse.id;
    record.connectorId = request.evse.connectorId ?? record.connectorId;
  }
  const { remoteStartId } = request.transactionInfo;
  if (remoteStartId !== undefined) {
    context.session.connection.note(linkRemoteStart(context.store, record.stationId, remoteStartId, record.transactionId));
  }
  if (request.eventType === 'Started') record.startedAt ??= request.timestamp;
  // The transaction used a reservation of this CSMS: it is over (H01).
  const reservation =
    request.reservationId === undefined ? undefined : context.station.areaState.of(RESERVATIONS).get(request.reservationId);
  if (reservation?.status === 'Active') reservation.status = 'Used';
  if (request.eventType === 'Ended') record.endedAt = request.timestamp;
  const energy = energyRegisterWh(request.meterValue);
  if (energy !== undefined) {
    record.firstEnergyWh ??= energy;
    record.lastEnergyWh = energy;
  }
  const missing = missingSeqNos(record);
  if (missing.length > 0) {
    context.session.connection.note(`transaction ${record.transactionId}: seqNo ${missing.join(', ')} not received (yet)`);
  }
}

/**
 * The verdict on the idToken of the event (required when the event carries one), or, for an event
 * without one, the news that the transaction's own idToken is no longer Accepted (blocked or expired
 * since the CSMS accepted it), given once, so that the station can deauthorize the transaction (E05).
 */
function verdict(record: TransactionRecord, request: TransactionEventRequest, context: HandlerContext): IdTokenInfoType | undefined {
  if (request.idToken) {
    const info = idTokenInfoFor(request.idToken, context);
    const ownToken = !record.idToken || request.triggerReason === 'Authorized';
    if (ownToken) {
      record.idToken = request.idToken;
      record.toldStatus = info.status;
    }
    return info;
  }
  if (!record.idToken || record.endedAt || record.toldStatus !== 'Accepted') return undefined;
  const now = idTokenInfoFor(record.idToken, context);
  if (now.status === 'Accepted') return undefined;
  record.toldStatus = now.status;
  return now;
}

/** Block E: transactions as the station reports them, in any order, offline events included. */
export const handlers: CsmsHandlers = {
  TransactionEvent: (request, context): TransactionEventResponse => {
    const record = recordOf(request, context);
    keep(record, request, context);
    const idTokenInfo = verdict(record, request, context);
    if (!idTokenInfo) return {};
    record.verdicts.push({ seqNo: request.seqNo, status: idTokenInfo.status });
    return { idTokenInfo };
  },
  MeterValues: () => ({}),
};
