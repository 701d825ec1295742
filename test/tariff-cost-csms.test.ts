import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { settings } from '../csms/areas/tariff-cost/settings';
import { costOf, deliveredWh } from '../csms/areas/tariff-cost/tariff';
import { BadOperatorRequest, type BuilderContext } from '../csms/operator/builder-context';
import { CsmsStore, type TransactionRecord } from '../csms/store';
import type { CostUpdatedRequest, TransactionEventRequest, TransactionEventResponse } from '../schemas/ocpp201-messages';
import { shownCost } from '../support/station/areas/tariff-cost/area';
import {
  type SessionContext,
  plugIn,
  presentIdToken,
  sampleMeter,
  startEnergyTransfer,
  unplug,
} from '../support/station/areas/transactions/session';
import type { ChargingStation } from '../support/station/core/charging-station';
import { csmsWithStation, testConfig } from './helpers/reference-csms';

function record(
  events: Array<Pick<TransactionEventRequest, 'timestamp'>>,
  firstEnergyWh?: number,
  lastEnergyWh?: number,
): TransactionRecord {
  return {
    stationId: 'CP_1',
    transactionId: 't',
    events: events as TransactionEventRequest[],
    seqNos: [],
    offlineEvents: 0,
    duplicateSeqNos: [],
    verdicts: [],
    ...(firstEnergyWh === undefined ? {} : { firstEnergyWh }),
    ...(lastEnergyWh === undefined ? {} : { lastEnergyWh }),
  };
}

describe('the cost of a transaction under the tariff', () => {
  test('the energy the meter values report, per kWh, plus the minutes between the first and the latest event', () => {
    const events = [{ timestamp: '2030-01-01T10:00:00.000Z' }, { timestamp: '2030-01-01T10:10:00.000Z' }];
    assert.equal(deliveredWh(record(events, 1000, 6000)), 5000);
    assert.equal(costOf(record(events, 1000, 6000), { pricePerKwh: 0.35, pricePerMinute: 0 }), 1.75);
    assert.equal(costOf(record(events, 1000, 6000), { pricePerKwh: 0.35, pricePerMinute: 0.1 }), 2.75);
    assert.equal(costOf(record(events), { pricePerKwh: 0.35, pricePerMinute: 0 }), 0);
  });

  test('ConfigureTariff sets the prices the CSMS charges, and refuses what is no price', () => {
    const store = new CsmsStore(testConfig({ COST_PER_KWH: '0.4' }));
    const context = { store } as unknown as BuilderContext;
    assert.equal(store.tariffPerKwh, 0.4);
    assert.deepEqual(settings.ConfigureTariff({ pricePerMinute: 0.05 }, context), { pricePerKwh: 0.4, pricePerMinute: 0.05 });
    assert.throws(() => settings.ConfigureTariff({ pricePerKwh: -1 }, context), BadOperatorRequest);
    assert.throws(() => settings.ConfigureTariff({}, context), BadOperatorRequest);
    store.reset();
    assert.equal(store.tariffPerMinute, 0);
  });
});

describe('the reference CSMS tells the station the cost', () => {
  const under = csmsWithStation();
  let station: ChargingStation;
  let context: SessionContext;
  const where = { evseId: 1, connectorId: 1 };

  beforeEach(async () => {
    ({ station } = under);
    context = { station, remember: () => undefined };
    await presentIdToken(context, where, { idToken: '100000C01', type: 'Central' });
    await plugIn(context, where);
    await startEnergyTransfer(context, where);
  });

  test('a CostUpdatedRequest after a periodic meter value, which the station shows', async () => {
    const sampled = await sampleMeter(context, where);
    const call = await station.waitForCall('CostUpdated', 2000);
    await call.answered;
    const request = call.payload as CostUpdatedRequest;
    assert.equal(request.transactionId, sampled?.transaction.id);
    assert.equal(typeof request.totalCost, 'number');
    assert.equal(shownCost(station, request.transactionId), request.totalCost);
  });

  test('the final cost in the response to the Ended event, and no CostUpdated for it', async () => {
    const ended = await unplug(context, where, 'station');
    assert.equal(ended?.eventType, 'Ended');
    assert.equal(typeof (ended?.response as TransactionEventResponse).totalCost, 'number');
    assert.equal(station.unconsumed('CostUpdated').length, 0);
  });
});
