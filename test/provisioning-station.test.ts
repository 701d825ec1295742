/**
 * The station's side of block B: what it answers to report requests and network profiles, what
 * its reports hold, and how it tells a declined subprotocol from an accepted one.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { WebSocketServer } from 'ws';
import type { GetReportRequest, SetNetworkProfileRequest } from '../schemas/ocpp201-messages';
import type { ReferenceCsms } from '../csms/reference-csms';
import { ChargingStation } from '../support/station/core/charging-station';
import { type HandshakeAttempt, openingHandshake, whyNotDeclined } from '../support/station/areas/provisioning/handshake';
import { ENTRIES_PER_NOTIFY_REPORT, notifyReportRequests, reportDataFor } from '../support/station/areas/provisioning/reports';
import { provisioningArea } from '../support/station/areas/provisioning/area';
import { startTestCsms } from './helpers/reference-csms';
import { testStation } from './helpers/station';

const info = { messageId: 'm1', receivedAt: new Date() };

function getReport(station: ChargingStation, request: GetReportRequest): unknown {
  const reply = provisioningArea.replies(station).GetReport;
  assert.ok(reply);
  return reply(request, info);
}

describe('station: custom reports (TC_B_18)', () => {
  const evse1 = [{ component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'AvailabilityState' } }];

  test('no EVSE reports a Problem: EmptyResultSet; Available: Accepted, reporting only that EVSE', () => {
    const station = testStation({ numberOfEvses: 2, callTimeoutMs: 1000 });
    assert.deepEqual(getReport(station, { requestId: 1, componentCriteria: ['Problem'], componentVariable: evse1 }), {
      status: 'EmptyResultSet',
    });
    assert.deepEqual(getReport(station, { requestId: 2, componentCriteria: ['Available'], componentVariable: evse1 }), {
      status: 'Accepted',
    });
    const report = reportDataFor(station, {
      action: 'GetReport',
      payload: { requestId: 2, componentCriteria: ['Available'], componentVariable: evse1 },
    });
    assert.deepEqual(report, [
      {
        component: { name: 'EVSE', evse: { id: 1 } },
        variable: { name: 'AvailabilityState' },
        variableAttribute: [{ type: 'Actual', value: 'Available', mutability: 'ReadOnly' }],
        variableCharacteristics: {
          dataType: 'OptionList',
          supportsMonitoring: true,
          valuesList: 'Available,Occupied,Reserved,Unavailable,Faulted',
        },
      },
    ]);
  });

  test('an EVSE taken out of service no longer meets Available, and reports itself Unavailable', () => {
    const station = testStation({ numberOfEvses: 2, callTimeoutMs: 1000 });
    station.topology.evse(1).operationalStatus = 'Inoperative';
    assert.deepEqual(getReport(station, { requestId: 3, componentCriteria: ['Available'], componentVariable: evse1 }), {
      status: 'EmptyResultSet',
    });
    const [entry] = reportDataFor(station, { action: 'GetReport', payload: { requestId: 4, componentVariable: evse1 } });
    assert.equal(entry.variableAttribute[0].value, 'Unavailable');
  });

  test('a component without an EVSE asks for every EVSE; more items than ItemsPerMessage is refused', () => {
    const station = testStation({ numberOfEvses: 2, callTimeoutMs: 1000 });
    const all = reportDataFor(station, {
      action: 'GetReport',
      payload: { requestId: 5, componentVariable: [{ component: { name: 'EVSE' }, variable: { name: 'AvailabilityState' } }] },
    });
    assert.deepEqual(
      all.map((entry) => entry.component.evse?.id),
      [1, 2],
    );
    const five = Array.from({ length: 5 }, () => evse1[0]);
    assert.throws(() => getReport(station, { requestId: 6, componentVariable: five }), /OccurrenceConstraintViolation/);
  });
});

describe('station: base reports (TC_B_12 to TC_B_14)', () => {
  const station = testStation({ numberOfEvses: 2, callTimeoutMs: 1000 });
  const names = (reportBase: 'ConfigurationInventory' | 'FullInventory' | 'SummaryInventory'): string[] =>
    reportDataFor(station, { action: 'GetBaseReport', payload: { requestId: 1, reportBase } }).map(
      (entry) => `${entry.component.name}.${entry.variable.name}`,
    );

  test('ConfigurationInventory holds what the CSMS may set, not what it may only read', () => {
    const configuration = names('ConfigurationInventory');
    assert.ok(configuration.includes('OCPPCommCtrlr.OfflineThreshold'));
    assert.ok(configuration.includes('SecurityCtrlr.BasicAuthPassword'));
    assert.ok(!configuration.includes('DeviceDataCtrlr.ItemsPerMessage'));
  });

  test('FullInventory holds everything; SummaryInventory the availability', () => {
    assert.equal(names('FullInventory').length, station.deviceModel.all().length);
    assert.deepEqual(new Set(names('SummaryInventory').map((name) => name.split('.')[1])), new Set(['AvailabilityState', 'Available']));
  });

  test('a long report goes out in parts: seqNo from 0, tbc until the last, one requestId', () => {
    const reportData = reportDataFor(station, { action: 'GetBaseReport', payload: { requestId: 7, reportBase: 'FullInventory' } });
    const parts = notifyReportRequests(7, reportData, '2024-01-01T00:00:00.000Z');
    assert.equal(parts.length, Math.ceil(reportData.length / ENTRIES_PER_NOTIFY_REPORT));
    assert.deepEqual(
      parts.map(({ seqNo, tbc, requestId }) => [seqNo, tbc, requestId]),
      parts.map((_part, index) => [index, index < parts.length - 1, 7]),
    );
    assert.deepEqual(
      parts.flatMap((part) => part.reportData ?? []),
      reportData,
    );
  });
});

describe('station: SetNetworkProfile', () => {
  const profile = (securityProfile: number): SetNetworkProfileRequest => ({
    configurationSlot: 1,
    connectionData: {
      ocppVersion: 'OCPP20',
      ocppTransport: 'JSON',
      ocppCsmsUrl: 'wss://csms.example:443/ocpp',
      messageTimeout: 30,
      securityProfile,
      ocppInterface: 'Wired0',
    },
  });

  test('accepts a profile at or above its security profile, never a lower one', () => {
    const station = testStation({ numberOfEvses: 2, callTimeoutMs: 1000, securityProfile: 2 });
    const reply = provisioningArea.replies(station).SetNetworkProfile;
    assert.ok(reply);
    assert.deepEqual(reply(profile(3), info), { status: 'Accepted' });
    assert.deepEqual(reply(profile(1), info), { status: 'Rejected', statusInfo: { reasonCode: 'InvalidSecurityProfile' } });
    assert.equal(station.memory.networkProfiles.get(1)?.securityProfile, 3);
  });
});

describe('station: the WebSocket subprotocol handshake (TC_B_58)', () => {
  let csms: ReferenceCsms;
  before(async () => {
    csms = await startTestCsms();
  });
  after(async () => {
    await csms.stop();
  });

  const attempt = (baseUrl: string, subprotocols: string[], timeoutMs = 2000): HandshakeAttempt => ({
    baseUrl,
    stationId: 'CP_1',
    subprotocols,
    basicAuth: { username: 'CP_1', password: '0123456789123456' },
    timeoutMs,
  });

  async function serverThat(onConnection: (socket: import('ws').WebSocket) => void, protocol: string | false): Promise<WebSocketServer> {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: () => protocol });
    server.on('connection', onConnection);
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    return server;
  }

  const urlOf = (server: WebSocketServer): string => `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;

  test('the reference CSMS refuses ocpp0.1 alone and selects ocpp2.0.1 when also offered', async () => {
    const refused = await openingHandshake(attempt(csms.endpoints.ws, ['ocpp0.1']));
    assert.equal(refused.kind, 'refused');
    assert.equal(whyNotDeclined(refused, ['ocpp0.1']), undefined);
    const upgraded = await openingHandshake(attempt(csms.endpoints.ws, ['ocpp0.1', 'ocpp2.0.1']));
    assert.deepEqual(upgraded, { kind: 'upgraded', subprotocol: 'ocpp2.0.1', closedByCsms: false, framesFromCsms: 0 });
  });

  test('101 without a subprotocol, then closing at once, is a decline (Part 4, 3.1.2)', async () => {
    const server = await serverThat((socket) => socket.close(1002, 'no subprotocol'), false);
    try {
      const outcome = await openingHandshake(attempt(urlOf(server), ['ocpp0.1']));
      assert.deepEqual(outcome, { kind: 'upgraded', subprotocol: undefined, closedByCsms: true, framesFromCsms: 0 });
      assert.equal(whyNotDeclined(outcome, ['ocpp0.1']), undefined);
    } finally {
      server.close();
    }
  });

  test('101 without a subprotocol left open, or with the unsupported one selected, is not', async () => {
    const silent = await serverThat(() => undefined, false);
    const agreeable = await serverThat(() => undefined, 'ocpp0.1');
    try {
      const open = await openingHandshake(attempt(urlOf(silent), ['ocpp0.1'], 300));
      assert.equal(
        whyNotDeclined(open, ['ocpp0.1']),
        'the CSMS upgraded the connection without a subprotocol but did not close it within OCPP_CALL_TIMEOUT',
      );
      const selected = await openingHandshake(attempt(urlOf(agreeable), ['ocpp0.1']));
      assert.match(whyNotDeclined(selected, ['ocpp0.1']) ?? '', /selecting subprotocol "ocpp0.1"/);
    } finally {
      silent.close();
      agreeable.close();
    }
  });

  test('a server error is a failure of the CSMS, not a refusal; a client error is a refusal', () => {
    const serverError = { kind: 'refused' as const, statusCode: 500, statusMessage: 'Internal Server Error' };
    assert.match(whyNotDeclined(serverError, ['ocpp0.1']) ?? '', /server error \(HTTP 500 Internal Server Error\).*not a refusal/);
    const redirect = { kind: 'refused' as const, statusCode: 302, statusMessage: 'Found' };
    assert.match(whyNotDeclined(redirect, ['ocpp0.1']) ?? '', /HTTP 302 Found, which neither upgrades nor refuses/);
    assert.equal(whyNotDeclined({ kind: 'refused', statusCode: 400, statusMessage: 'Bad Request' }, ['ocpp0.1']), undefined);
  });

  test('101 without a subprotocol, a frame, then closing, is not a decline: no OCPP frame may be exchanged', async () => {
    const chatty = await serverThat((socket) => {
      socket.send('[2,"1","Reset",{"type":"Immediate"}]');
      socket.close(1002, 'no subprotocol');
    }, false);
    try {
      const outcome = await openingHandshake(attempt(urlOf(chatty), ['ocpp0.1']));
      assert.match(whyNotDeclined(outcome, ['ocpp0.1']) ?? '', /sent 1 frame\(s\) before closing it/);
    } finally {
      chatty.close();
    }
  });

  test('no answer at all is not a decline', async () => {
    const outcome = await openingHandshake(attempt('ws://127.0.0.1:1', ['ocpp0.1']));
    assert.equal(outcome.kind, 'unanswered');
    assert.match(whyNotDeclined(outcome, ['ocpp0.1']) ?? '', /gave no answer/);
  });
});
