import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type { MeterValueType, MeterValuesRequest, TransactionEventRequest } from '../schemas/ocpp201-messages';
import { endedMeterValueFailures, onAlignedBoundary, signatureFailures } from '../support/station/areas/meter-values/checks';
import { measurandsOf, readMeter, readStationMeter } from '../support/station/areas/meter-values/readings';
import { type ReportTransactionReading, runAlignedIntervals } from '../support/station/areas/meter-values/sampling';
import { startTxEndedSampling, takeTxEndedSamples } from '../support/station/areas/meter-values/tx-ended';
import {
  type SessionContext,
  plugIn,
  presentIdToken,
  reportReading,
  shareCardReader,
  startEnergyTransfer,
  unplug,
} from '../support/station/areas/transactions/session';
import type { ChargingStation } from '../support/station/core/charging-station';
import { csmsWithStation } from './helpers/reference-csms';
import { testStation } from './helpers/station';

describe('what the station reads from its meters', () => {
  test('the device model lists the measurands; a disabled controller reads nothing', () => {
    const station = testStation();
    station.deviceModel.setValue('AlignedDataCtrlr', 'Measurands', 'Energy.Active.Import.Register,Voltage');
    assert.deepEqual(measurandsOf(station, 'aligned'), ['Energy.Active.Import.Register', 'Voltage']);
    station.deviceModel.setValue('AlignedDataCtrlr', 'Enabled', 'false');
    assert.deepEqual(measurandsOf(station, 'aligned'), []);
    assert.equal(readMeter(station, station.transactions.meterOf(1), 'aligned'), undefined);
  });

  test('SignReadings signs every sampled value with the meter key; a reading is for the instant asked', () => {
    const station = testStation();
    station.deviceModel.setValue('AlignedDataCtrlr', 'SignReadings', 'true');
    const at = new Date('2030-01-01T10:00:00.000Z');
    const reading = readMeter(station, station.transactions.meterOf(1), 'aligned', { at });
    assert.equal(reading?.timestamp, at.toISOString());
    assert.equal(reading?.sampledValue[0].context, 'Sample.Clock');
    assert.deepEqual(signatureFailures(station.transactions.meterOf(1), 'test', reading ? [reading] : []), []);
    const unsigned = readMeter(station, station.transactions.meterOf(1), 'updated');
    assert.equal(unsigned?.sampledValue[0].signedMeterValue, undefined);
    assert.equal(signatureFailures(station.transactions.meterOf(1), 'test', unsigned ? [unsigned] : []).length, 1);
  });

  test('the grid connection (evseId 0) sums the energy of its EVSEs, keeps their voltage and has no SoC', () => {
    const station = testStation({ numberOfEvses: 2 });
    station.deviceModel.setValue('AlignedDataCtrlr', 'Measurands', 'Energy.Active.Import.Register,Voltage,SoC');
    const at = new Date();
    const reading = readStationMeter(station, 'aligned', at);
    assert.deepEqual(
      reading?.sampledValue.map((sample) => [sample.measurand, sample.value]),
      [
        ['Energy.Active.Import.Register', 0],
        ['Voltage', 230],
      ],
    );
  });
});

describe('the checks of the station readings', () => {
  const station = testStation({ timeScale: 1 });
  const reading = (timestamp: string, context: MeterValueType['sampledValue'][0]['context'], value: number): MeterValueType => ({
    timestamp,
    sampledValue: [{ value, context, measurand: 'Energy.Active.Import.Register' }],
  });

  test('a clock-aligned boundary is a multiple of the interval since midnight UTC', () => {
    assert.equal(onAlignedBoundary(station, '2030-01-01T10:15:00.000Z', 900), true);
    assert.equal(onAlignedBoundary(station, '2030-01-01T10:15:00.001Z', 900), false);
    assert.equal(onAlignedBoundary(station, 'not a date', 900), false);
  });

  test('an Ended event holds readings of its context in order, then the Transaction.End reading; the register never goes back', () => {
    const good = [
      reading('2030-01-01T10:15:00.000Z', 'Sample.Clock', 10),
      reading('2030-01-01T10:30:00.000Z', 'Sample.Clock', 20),
      reading('2030-01-01T10:31:12.000Z', 'Transaction.End', 22),
    ];
    assert.deepEqual(endedMeterValueFailures(station, 'E', good, 'Sample.Clock', 900), []);
    const offGrid = [reading('2030-01-01T10:15:01.000Z', 'Sample.Clock', 10), good[2]];
    assert.deepEqual(
      endedMeterValueFailures(station, 'E', offGrid, 'Sample.Clock', 900).map((failure) => failure.field),
      ['meterValue[0].timestamp'],
    );
    const backwards = [good[1], reading('2030-01-01T10:31:12.000Z', 'Transaction.End', 5)];
    assert.equal(endedMeterValueFailures(station, 'E', backwards, 'Sample.Clock', 900).length, 1);
    assert.equal(endedMeterValueFailures(station, 'E', [good[0], good[1]], 'Sample.Clock', 900).length, 1);
    assert.equal(endedMeterValueFailures(station, 'E', [good[2]], 'Sample.Clock', 900).length, 1);
  });
});

describe('meter values on the station clock, against the reference CSMS', () => {
  // 1 s of configuration lasts 10 ms.
  const under = csmsWithStation({ timeScale: 0.01 });
  let station: ChargingStation;
  let context: SessionContext;
  const where = { evseId: 1, connectorId: 1 };

  beforeEach(async () => {
    ({ station } = under);
    context = { station, remember: () => undefined };
  });

  const sent = <T>(action: string): T[] =>
    station.exchanges
      .filter((exchange) => exchange.action === action && exchange.response !== undefined)
      .map((exchange) => exchange.request as T);

  test('at each clock-aligned boundary: the grid connection and each idle EVSE in MeterValues, a running transaction in its events', async () => {
    station.deviceModel.setValue('AlignedDataCtrlr', 'Interval', '1');
    const report: ReportTransactionReading = (transaction, trigger, meterValue) => reportReading(context, transaction, trigger, meterValue);
    await runAlignedIntervals(station, 2, report);
    const idle = sent<MeterValuesRequest>('MeterValues');
    assert.deepEqual(
      idle.map((request) => request.evseId),
      [0, 1, 0, 1],
    );
    assert.ok(idle.every((request) => onAlignedBoundary(station, request.meterValue[0].timestamp, 1)));

    await presentIdToken(context, where, { idToken: '100000C01', type: 'Central' });
    await plugIn(context, where);
    await startEnergyTransfer(context, where);
    await runAlignedIntervals(station, 2, report);
    const clock = sent<TransactionEventRequest>('TransactionEvent').filter((event) => event.triggerReason === 'MeterValueClock');
    assert.equal(clock.length, 2);
    assert.equal(clock[0].meterValue?.[0].sampledValue[0].context, 'Sample.Clock');
    assert.deepEqual(
      sent<MeterValuesRequest>('MeterValues').map((request) => request.evseId),
      [0, 1, 0, 1, 0, 0],
    );
  });

  test('a running transaction collects its Tx-ended readings and hands them over, in order, when it ends', async () => {
    station.deviceModel.setValue('SampledDataCtrlr', 'TxEndedInterval', '1');
    await presentIdToken(context, where, { idToken: '100000C01', type: 'Central' });
    await plugIn(context, where);
    await startEnergyTransfer(context, where);
    await station.clock.sleep(5);
    await unplug(context, where, 'ev');
    const ended = sent<TransactionEventRequest>('TransactionEvent').find((event) => event.eventType === 'Ended');
    const contexts = ended?.meterValue?.map((reading) => reading.sampledValue[0].context) ?? [];
    assert.ok(contexts.length >= 2, `readings: ${contexts.join(', ')}`);
    assert.ok(contexts.slice(0, -1).every((value) => value === 'Sample.Periodic'));
    assert.equal(contexts.at(-1), 'Transaction.End');
  });

  test('with one card reader for all EVSEs, a transaction authorized before plug-in names its EVSE and Transaction.Begin reading once plugged in', async () => {
    station.deviceModel.setValue('TxCtrlr', 'TxStartPoint', 'Authorized');
    shareCardReader(station);
    await presentIdToken(context, where, { idToken: '100000C01', type: 'Central' });
    await plugIn(context, where);
    const [started, plugged] = sent<TransactionEventRequest>('TransactionEvent');
    assert.equal(started.eventType, 'Started');
    assert.equal(started.evse, undefined);
    assert.equal(started.meterValue, undefined);
    assert.deepEqual(plugged.evse, { id: 1, connectorId: 1 });
    assert.equal(plugged.meterValue?.[0].sampledValue[0].context, 'Transaction.Begin');
  });

  test('a transaction without a TxEndedInterval collects nothing', () => {
    const timers = station.clock.pending;
    const transaction = station.transactions.open(1, 1);
    startTxEndedSampling(station, transaction);
    assert.equal(station.clock.pending, timers);
    assert.deepEqual(takeTxEndedSamples(station, transaction), []);
  });
});
