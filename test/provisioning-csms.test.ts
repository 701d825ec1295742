/**
 * The reference CSMS does for block B what a real CSMS must, driven only through the operator
 * contract and OCPP: Pending then Accepted, SecurityError before acceptance, requests split by the
 * station's ItemsPerMessage, a triggered boot.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type { ReferenceCsms } from '../csms/reference-csms';
import { CallErrorReceived } from '../kernel/ocpp/errors';
import type { ReceivedCall } from '../kernel/ocpp/rpc';
import { ChargingStation } from '../support/station/core/charging-station';
import { callExpectingRefusal } from '../support/station/areas/provisioning/registration';
import { csmsWithStation } from './helpers/reference-csms';

const STATION_ID = 'CP_1';

describe('reference CSMS, block B', () => {
  const under = csmsWithStation({ id: STATION_ID, boot: false });
  let csms: ReferenceCsms;
  let station: ChargingStation;
  beforeEach(() => {
    ({ csms, station } = under);
  });

  test('answers Pending once, then Accepted, as the operator configured (TC_B_02)', async () => {
    const setting = await under.ask('ConfigureBootNotificationResponse', {
      status: 'Pending',
      interval: 1,
      afterwards: { status: 'Accepted' },
    });
    assert.deepEqual(setting, { status: 'Pending', interval: 1, afterwards: { status: 'Accepted', interval: 300 } });
    assert.deepEqual(await station.boot('PowerUp').then(({ status, interval }) => ({ status, interval })), {
      status: 'Pending',
      interval: 1,
    });
    assert.deepEqual(await station.boot('PowerUp').then(({ status, interval }) => ({ status, interval })), {
      status: 'Accepted',
      interval: 300,
    });
  });

  test('refuses anything but a BootNotification with SecurityError while Pending or Rejected (TC_B_30)', async () => {
    for (const status of ['Pending', 'Rejected']) {
      await under.ask('ConfigureBootNotificationResponse', { status });
      await station.boot('PowerUp');
      const answer = await callExpectingRefusal(station, 'StatusNotification', {
        timestamp: new Date().toISOString(),
        connectorStatus: 'Available',
        evseId: 1,
        connectorId: 1,
      });
      assert.equal(answer.kind === 'error' && answer.errorCode, 'SecurityError', `${status}: ${JSON.stringify(answer)}`);
      await assert.rejects(station.call('Heartbeat', {}), (error) => error instanceof CallErrorReceived && error.code === 'SecurityError');
    }
  });

  test('lets a Pending station send what the CSMS asked it for', async () => {
    await under.ask('ConfigureBootNotificationResponse', { status: 'Pending' });
    await station.boot('PowerUp');
    await under.ask('TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } });
    await station.call('StatusNotification', {
      timestamp: new Date().toISOString(),
      connectorStatus: 'Available',
      evseId: 1,
      connectorId: 1,
    });
    await assert.rejects(station.call('Heartbeat', {}), (error) => error instanceof CallErrorReceived && error.code === 'SecurityError');
  });

  test('a station that reconnects after it was accepted is not refused', async () => {
    await station.boot('PowerUp');
    await station.disconnect();
    await station.connect();
    await station.call('Heartbeat', {});
  });

  test('triggers the boot of a Pending station, then accepts it (TC_B_31)', async () => {
    await under.ask('ConfigureBootNotificationResponse', { status: 'Pending', afterwards: { status: 'Accepted' } });
    await station.boot('PowerUp');
    const triggered = station.waitForCall('TriggerMessage', 2000);
    const response = await under.ask('TriggerMessage', { requestedMessage: 'BootNotification' });
    assert.deepEqual(response, { status: 'Accepted' });
    assert.deepEqual((await triggered).payload, { requestedMessage: 'BootNotification' });
    assert.equal((await station.boot('Triggered')).status, 'Accepted');
  });

  test('splits a read over the ItemsPerMessage the operator entered (TC_B_08)', async () => {
    await station.boot('PowerUp');
    await under.ask('ConfigureStationLimits', { itemsPerMessage: { GetVariables: 4 } });
    const names = ['OfflineThreshold', 'HeartbeatInterval', 'ResetRetries', 'NetworkProfileConnectionAttempts', 'WebSocketPingInterval'];
    const requests: ReceivedCall[] = [];
    const collected = (async () => {
      for (let i = 0; i < 2; i++) requests.push(await station.waitForCall('GetVariables', 2000));
    })();
    await under.ask('GetVariables', {
      getVariableData: names.map((name) => ({ component: { name: 'OCPPCommCtrlr' }, variable: { name } })),
    });
    await collected;
    assert.deepEqual(
      requests.map((call) => (call.payload as { getVariableData: unknown[] }).getVariableData.length),
      [4, 1],
    );
  });

  test('learns the limit from the station inventory too', async () => {
    await station.boot('PowerUp');
    await station.call('NotifyReport', {
      requestId: 1,
      generatedAt: new Date().toISOString(),
      seqNo: 0,
      reportData: [
        {
          component: { name: 'DeviceDataCtrlr' },
          variable: { name: 'ItemsPerMessage', instance: 'GetVariables' },
          variableAttribute: [{ value: '2' }],
        },
      ],
    });
    assert.equal(csms.store.station(STATION_ID)?.itemsPerMessage.GetVariables, 2);
  });

  test('splits a custom report over ItemsPerMessage[GetReport], each part with its own requestId', async () => {
    await station.boot('PowerUp');
    await under.ask('ConfigureStationLimits', { itemsPerMessage: { GetReport: 1 } });
    const requests: ReceivedCall[] = [];
    const collected = (async () => {
      for (let i = 0; i < 2; i++) requests.push(await station.waitForCall('GetReport', 2000));
    })();
    await under.ask('GetReport', {
      componentCriteria: ['Available'],
      componentVariable: [{ component: { name: 'EVSE', evse: { id: 1 } } }, { component: { name: 'ChargingStation' } }],
    });
    await collected;
    const payloads = requests.map(
      (call) => call.payload as { requestId: number; componentVariable: unknown[]; componentCriteria: string[] },
    );
    assert.deepEqual(
      payloads.map((payload) => payload.componentVariable.length),
      [1, 1],
    );
    assert.notEqual(payloads[0].requestId, payloads[1].requestId);
    assert.deepEqual(payloads[1].componentCriteria, ['Available']);
  });

  test('refuses settings it cannot act on', async () => {
    await assert.rejects(under.ask('ConfigureBootNotificationResponse', { status: 'Maybe' }), /status must be one of/);
    await assert.rejects(
      under.ask('ConfigureBootNotificationResponse', { status: 'Pending', afterwards: { status: 'Later' } }),
      /afterwards.status/,
    );
    await assert.rejects(under.ask('ConfigureStationLimits', { itemsPerMessage: { GetVariables: 0 } }), /integer >= 1/);
    await assert.rejects(
      under.ask('ConfigureStationLimits', { itemsPerMessage: { Reset: 2 } }),
      /only GetVariables, SetVariables, GetReport/,
    );
  });
});
