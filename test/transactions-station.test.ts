import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type { ReferenceCsms } from '../csms/reference-csms';
import type { GetTransactionStatusResponse, TransactionEventRequest } from '../schemas/ocpp201-messages';
import { ChargingStation } from '../support/station/core/charging-station';
import { endsTransaction, parseTxPoints, startsTransaction } from '../support/station/areas/transactions/points';
import {
  type SessionContext,
  type Where,
  authorizeStop,
  closePowerPath,
  plugIn,
  presentIdToken,
  startEnergyTransfer,
  stopEnergyTransfer,
  unplug,
} from '../support/station/areas/transactions/session';
import { csmsWithStation } from './helpers/reference-csms';

const HERE: Where = { evseId: 1, connectorId: 1 };
const VALID = { idToken: '100000C01', type: 'Central' as const };

describe('TxStartPoint and TxStopPoint', () => {
  test('a MemberList of points is read; an unknown member is refused', () => {
    assert.deepEqual([...parseTxPoints('EVConnected,Authorized')], ['EVConnected', 'Authorized']);
    assert.deepEqual([...parseTxPoints('')], []);
    assert.throws(() => parseTxPoints('EVConnected,Plugged'), /Plugged is not a TxStartPoint/);
  });

  test('a transaction starts at the first start point reached and ends when a stop point stops holding', () => {
    const points = { start: parseTxPoints('PowerPathClosed'), stop: parseTxPoints('EVConnected,Authorized') };
    assert.equal(startsTransaction(points, 'Authorized'), false);
    assert.equal(startsTransaction(points, 'PowerPathClosed'), true);
    assert.equal(endsTransaction(points, ['EnergyTransfer']), false);
    assert.equal(endsTransaction(points, ['EnergyTransfer', 'Authorized']), true);
  });
});

describe('the station as it lives a charging session against the reference CSMS', () => {
  const under = csmsWithStation();
  let csms: ReferenceCsms;
  let station: ChargingStation;
  let remembered: Map<string, unknown>;
  let context: SessionContext;

  beforeEach(async () => {
    ({ csms, station } = under);
    remembered = new Map();
    context = { station, remember: (name, value) => remembered.set(name, value) };
  });

  const events = (): TransactionEventRequest[] =>
    station.exchanges
      .filter((exchange) => exchange.action === 'TransactionEvent')
      .map((exchange) => exchange.request as TransactionEventRequest);

  test('one transaction id for all its events, seqNo from 0, chargingState only when it changed, the next transaction numbered afresh', async () => {
    await presentIdToken(context, HERE, VALID);
    await plugIn(context, HERE);
    await startEnergyTransfer(context, HERE);
    await authorizeStop(context, HERE, VALID);
    await stopEnergyTransfer(context, HERE);
    await unplug(context, HERE, 'station');
    const first = events();
    assert.deepEqual(
      first.map((event) => [event.eventType, event.triggerReason, event.seqNo, event.transactionInfo.chargingState]),
      [
        ['Started', 'Authorized', 0, undefined],
        ['Updated', 'CablePluggedIn', 1, 'EVConnected'],
        ['Updated', 'ChargingStateChanged', 2, 'Charging'],
        ['Updated', 'StopAuthorized', 3, undefined],
        ['Updated', 'ChargingStateChanged', 4, 'EVConnected'],
        ['Ended', 'EVCommunicationLost', 5, 'Idle'],
      ],
    );
    const id = remembered.get('transactionId');
    assert.ok(first.every((event) => event.transactionInfo.transactionId === id));
    assert.equal(first[5].transactionInfo.stoppedReason, 'EVDisconnected');
    assert.equal(first[0].meterValue?.[0].sampledValue[0].context, 'Transaction.Begin');
    assert.equal(first[5].meterValue?.at(-1)?.sampledValue[0].context, 'Transaction.End');
    assert.deepEqual(first[3].idToken, VALID, 'a driver who stops presents the idToken');

    await presentIdToken(context, HERE, VALID);
    const second = events().at(-1);
    assert.equal(second?.eventType, 'Started');
    assert.equal(second?.seqNo, 0);
    assert.notEqual(second?.transactionInfo.transactionId, id);
    assert.deepEqual(csms.store.transactions.get(String(id))?.seqNos, [0, 1, 2, 3, 4, 5]);
  });

  test('with TxStartPoint PowerPathClosed, authorization and plug-in send nothing and the Started event names the idToken', async () => {
    station.deviceModel.setValue('TxCtrlr', 'TxStartPoint', 'PowerPathClosed');
    await presentIdToken(context, HERE, VALID);
    await plugIn(context, HERE);
    assert.equal(events().length, 0);
    const started = await closePowerPath(context, HERE);
    assert.equal(started?.eventType, 'Started');
    assert.deepEqual(events()[0].idToken, VALID);
    assert.equal(events()[0].transactionInfo.chargingState, 'SuspendedEVSE');
    assert.equal(started?.response?.idTokenInfo?.status, 'Accepted');
  });

  test('with TxStopPoint Authorized a local stop ends the transaction in one event', async () => {
    station.deviceModel.setValue('TxCtrlr', 'TxStopPoint', 'Authorized');
    await presentIdToken(context, HERE, VALID);
    await plugIn(context, HERE);
    await startEnergyTransfer(context, HERE);
    const stop = await authorizeStop(context, HERE, VALID);
    assert.equal(stop.event?.eventType, 'Ended');
    assert.equal(events().at(-1)?.transactionInfo.stoppedReason, 'Local');
    assert.equal(events().at(-1)?.transactionInfo.chargingState, 'EVConnected');
  });

  test('an EV-side disconnect only suspends the transaction when StopTxOnEVSideDisconnect is false', async () => {
    station.deviceModel.setValue('TxCtrlr', 'StopTxOnEVSideDisconnect', 'false');
    station.deviceModel.setValue('TxCtrlr', 'TxStopPoint', 'EVConnected');
    await presentIdToken(context, HERE, VALID);
    await plugIn(context, HERE);
    await startEnergyTransfer(context, HERE);
    const suspended = await unplug(context, HERE, 'ev');
    assert.equal(suspended?.eventType, 'Updated');
    assert.equal(events().at(-1)?.transactionInfo.chargingState, 'Idle');
    assert.equal(station.topology.connector(1, 1).status, 'Available');
  });

  test('offline events are queued with offline true and their own time, delivered in order after a reconnect without boot', async () => {
    await presentIdToken(context, HERE, VALID);
    await plugIn(context, HERE);
    await startEnergyTransfer(context, HERE);
    const id = String(remembered.get('transactionId'));
    await station.disconnect();
    await authorizeStop(context, HERE, VALID);
    await stopEnergyTransfer(context, HERE);
    await unplug(context, HERE, 'station');
    const queued = station.queuedTransactionEvents;
    assert.deepEqual(
      queued.map((event) => [event.seqNo, event.offline]),
      [
        [3, true],
        [4, true],
        [5, true],
      ],
    );
    const generatedAt = queued.map((event) => event.timestamp);

    const sentBefore = station.exchanges.length;
    await station.reconnect();
    const afterReconnect = station.exchanges.slice(sentBefore).map((exchange) => exchange.action);
    assert.ok(!afterReconnect.includes('BootNotification'), 'a reconnect is no reboot');
    assert.deepEqual(afterReconnect, ['StatusNotification', 'NotifyEvent'], 'only the connector that changed is reported');

    const status = (
      await csms.perform({ action: 'GetTransactionStatus', stationId: 'CP_1', params: { transactionId: id }, instruction: '' })
    ).response as GetTransactionStatusResponse;
    assert.deepEqual(status, { ongoingIndicator: false, messagesInQueue: true });

    await station.flushOfflineQueue();
    assert.equal(station.queuedTransactionEvents.length, 0);
    const record = csms.store.transactions.get(id);
    assert.deepEqual(record?.seqNos, [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(
      record?.events.slice(3).map((event) => event.timestamp),
      generatedAt,
    );
    assert.ok(record?.endedAt);
  });

  test('an event made while older ones wait in the queue joins them, so that order is kept', async () => {
    await presentIdToken(context, HERE, VALID);
    await plugIn(context, HERE);
    await station.disconnect();
    await startEnergyTransfer(context, HERE);
    await station.reconnect();
    await stopEnergyTransfer(context, HERE);
    assert.deepEqual(
      station.queuedTransactionEvents.map((event) => [event.seqNo, event.offline]),
      [
        [2, true],
        [3, undefined],
      ],
    );
    await station.flushOfflineQueue();
    const id = String(remembered.get('transactionId'));
    assert.deepEqual(csms.store.transactions.get(id)?.seqNos, [0, 1, 2, 3]);
  });
});
