/**
 * Checks that once passed a wrong CSMS: each test here failed on the old behaviour.
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { OcppCallError } from '../kernel/ocpp/errors';
import { NO_REPLY, RawReply } from '../kernel/ocpp/rpc';
import { bootResponseProblems } from '../support/station/core/charging-station';
import { type FakeCsms, bootAccepted, fakeCsms } from './helpers/fake-csms';
import { testStation } from './helpers/station';

let csms: FakeCsms | undefined;
afterEach(async () => {
  await csms?.close();
  csms = undefined;
});

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

test('a Heartbeat the CSMS answers with a CALLERROR is a failure of the scenario', async () => {
  csms = await fakeCsms({
    BootNotification: bootAccepted(1),
    Heartbeat: () => new OcppCallError('InternalError', 'no heartbeats today'),
  });
  const station = testStation({ baseUrl: csms.url, password: null, timeScale: 0.02 });
  await station.connect();
  await station.boot();
  await until(() => station.backgroundFailures.length > 0);
  assert.match(station.backgroundFailures[0], /HeartbeatRequest: .*InternalError/);
  await station.shutdown();
});

test('a Heartbeat the CSMS never answers is a failure of the scenario', async () => {
  csms = await fakeCsms({ BootNotification: bootAccepted(1), Heartbeat: () => NO_REPLY });
  const station = testStation({ baseUrl: csms.url, password: null, timeScale: 0.02, callTimeoutMs: 50 });
  await station.connect();
  await station.boot();
  await until(() => station.backgroundFailures.length > 0);
  assert.match(station.backgroundFailures[0], /HeartbeatRequest: no HeartbeatResponse within 0.05 s/);
  await station.shutdown();
});

test('a BootNotificationResponse from 2001 or with a negative interval fails the boot', async () => {
  csms = await fakeCsms({ BootNotification: () => ({ status: 'Accepted', interval: -1, currentTime: '2001-01-01T00:00:00Z' }) });
  const station = testStation({ baseUrl: csms.url, password: null });
  await station.connect();
  await assert.rejects(() => station.boot(), /currentTime 2001-01-01T00:00:00Z is \d+ s away .*interval -1 is negative/);
  await station.shutdown();
  assert.deepEqual(
    bootResponseProblems(
      { status: 'Accepted', interval: 60, currentTime: new Date(1_000_000).toISOString() },
      1_000_000 + 299_000,
      300_000,
    ),
    [],
  );
});

test('a call timeout names the unreadable frame the CSMS sent instead of an answer', async () => {
  csms = await fakeCsms({ BootNotification: () => new RawReply('[3, "not the id", {') });
  const station = testStation({ baseUrl: csms.url, password: null, callTimeoutMs: 100 });
  await station.connect();
  await assert.rejects(
    () => station.boot(),
    /no BootNotificationResponse within 0.1 s; meanwhile the peer sent an unreadable frame "\[3, \\"not the id\\", \{"/,
  );
  await station.shutdown();
});

test('a call timeout names a CALLRESULT for another message id', async () => {
  csms = await fakeCsms({ BootNotification: () => new RawReply('[3, "some-other-id", {}]') });
  const station = testStation({ baseUrl: csms.url, password: null, callTimeoutMs: 100 });
  await station.connect();
  await assert.rejects(() => station.boot(), /a CALLRESULT for the unknown message id "some-other-id"/);
  await station.shutdown();
});

test('a CSMS request that arrived before the scenario asked for it does not count', async () => {
  csms = await fakeCsms({ BootNotification: bootAccepted() });
  const station = testStation({ baseUrl: csms.url, password: null });
  await station.connect();
  await csms.connection().call('ClearCache', {});
  station.noteAsked('ClearCache');
  await assert.rejects(
    () => station.waitForCall('ClearCache', 100),
    /within 0.1 s after it was asked to \(one arrived at .*, before the ask, and does not count\)/,
  );
  const later = csms.connection().call('ClearCache', {});
  const call = await station.waitForCall('ClearCache', 1000);
  assert.equal(call.action, 'ClearCache');
  await later;
  await station.shutdown();
});
