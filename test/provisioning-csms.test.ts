/**
 * The reference CSMS does for block B what a real CSMS must, driven only through the operator
 * contract and OCPP: Pending then Accepted, SecurityError before acceptance, requests split by the
 * station's ItemsPerMessage, a triggered boot.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import type { ReferenceCsms } from '../csms/reference-csms';
import { CallErrorReceived } from '../kernel/ocpp/errors';
import type { ReceivedCall } from '../kernel/ocpp/rpc';
import { ChargingStation } from '../support/station/core/charging-station';
import { callExpectingRefusal } from '../support/station/areas/provisioning/registration';
import { startTestCsms } from './helpers/reference-csms';
import { testStation } from './helpers/station';

const STATION_ID = 'CP_1';

function ask(csms: ReferenceCsms, action: string, params: Record<string, unknown>): Promise<unknown> {
  return csms.perform({ action, stationId: STATION_ID, params, instruction: action }).then((result) => result.response);
}

describe('reference CSMS, block B', () => {
  let csms: ReferenceCsms;
  let station: ChargingStation;
  before(async () => {
    csms = await startTestCsms();
  });
  after(async () => {
    await csms.stop();
  });
  beforeEach(async () => {
    await csms.reset();
    station = testStation({ id: STATION_ID, baseUrl: csms.endpoints.ws });
    await station.connect();
  });
  afterEach(async () => {
    await station.shutdown();
  });

  test('answers Pending once, then Accepted, as the operator configured (TC_B_02)', async () => {
    const setting = await ask(csms, 'ConfigureBootNotificationResponse', {
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
      await ask(csms, 'ConfigureBootNotificationResponse', { status });
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
    await ask(csms, 'ConfigureBootNotificationResponse', { status: 'Pending' });
    await station.boot('PowerUp');
    await ask(csms, 'TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } });
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
    await ask(csms, 'ConfigureBootNotificationResponse', { status: 'Pending', afterwards: { status: 'Accepted' } });
    await station.boot('PowerUp');
    const triggered = station.waitForCall('TriggerMessage', 2000);
    const response = await ask(csms, 'TriggerMessage', { requestedMessage: 'BootNotification' });
    assert.deepEqual(response, { status: 'Accepted' });
    assert.deepEqual((await triggered).payload, { requestedMessage: 'BootNotification' });
    assert.equal((await station.boot('Triggered')).status, 'Accepted');
  });

  test('splits a read over the ItemsPerMessage the operator entered (TC_B_08)', async () => {
    await station.boot('PowerUp');
    await ask(csms, 'ConfigureStationLimits', { itemsPerMessage: { GetVariables: 4 } });
    const names = ['OfflineThreshold', 'HeartbeatInterval', 'ResetRetries', 'NetworkProfileConnectionAttempts', 'WebSocketPingInterval'];
    const requests: ReceivedCall[] = [];
    const collected = (async () => {
      for (let i = 0; i < 2; i++) requests.push(await station.waitForCall('GetVariables', 2000));
    })();
    await ask(csms, 'GetVariables', {
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
    await ask(csms, 'ConfigureStationLimits', { itemsPerMessage: { GetReport: 1 } });
    const requests: ReceivedCall[] = [];
    const collected = (async () => {
      for (let i = 0; i < 2; i++) requests.push(await station.waitForCall('GetReport', 2000));
    })();
    await ask(csms, 'GetReport', {
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
    await assert.rejects(ask(csms, 'ConfigureBootNotificationResponse', { status: 'Maybe' }), /status must be one of/);
    await assert.rejects(
      ask(csms, 'ConfigureBootNotificationResponse', { status: 'Pending', afterwards: { status: 'Later' } }),
      /afterwards.status/,
    );
    await assert.rejects(ask(csms, 'ConfigureStationLimits', { itemsPerMessage: { GetVariables: 0 } }), /integer >= 1/);
    await assert.rejects(
      ask(csms, 'ConfigureStationLimits', { itemsPerMessage: { Reset: 2 } }),
      /only GetVariables, SetVariables, GetReport/,
    );
  });
});
