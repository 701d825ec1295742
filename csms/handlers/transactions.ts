import type { MeterValueType } from '../../schemas/ocpp201-messages';
import type { TransactionRecord } from '../store';
import { idTokenInfoFor } from './authorization';
import type { CsmsHandlers } from './handler-context';

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

/** Block E: transactions as the station reports them, in any order, offline events included. */
export const transactionHandlers: CsmsHandlers = {
  TransactionEvent: (request, context) => {
    const { store, station } = context;
    const { transactionId } = request.transactionInfo;
    let record: TransactionRecord | undefined = store.transactions.get(transactionId);
    if (!record) {
      record = { stationId: station.id, transactionId, events: [], seqNos: [] };
      store.transactions.set(transactionId, record);
    }
    record.events.push(request);
    record.seqNos.push(request.seqNo);
    if (request.evse) {
      record.evseId = request.evse.id;
      record.connectorId = request.evse.connectorId ?? record.connectorId;
    }
    if (request.eventType === 'Started') record.startedAt ??= request.timestamp;
    if (request.eventType === 'Ended') record.endedAt = request.timestamp;
    const energy = energyRegisterWh(request.meterValue);
    if (energy !== undefined) {
      record.firstEnergyWh ??= energy;
      record.lastEnergyWh = energy;
    }
    if (!request.idToken) return {};
    record.idToken = request.idToken;
    return { idTokenInfo: idTokenInfoFor(request.idToken, context) };
  },
  MeterValues: () => ({}),
};
