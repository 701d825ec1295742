import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type WebSocket from 'ws';
import type { ReferenceCsms } from '../csms/reference-csms';
import { basicAuthorization } from '../support/station/core/transport';
import { nextFrame } from './helpers/loopback';
import { rawStation, startTestCsms, upgradeStatus } from './helpers/reference-csms';

function closed(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

async function heartbeatWorks(socket: WebSocket, id = 'hb'): Promise<void> {
  socket.send(JSON.stringify([2, id, 'Heartbeat', {}]));
  const frame = (await nextFrame(socket)) as unknown[];
  assert.equal(frame[0], 3, `Heartbeat answered with ${JSON.stringify(frame)}`);
  assert.equal(frame[1], id);
}

describe('reference CSMS robustness', () => {
  let csms: ReferenceCsms;
  let bystander: WebSocket;
  before(async () => {
    csms = await startTestCsms();
    bystander = await rawStation(csms, 'CP_2');
  });
  after(async () => {
    bystander.close();
    await csms.stop();
  });

  const malformed: Array<[string, string | Buffer, unknown[]]> = [
    ['invalid JSON', '[2, "x1", "Heartbeat", {', [4, '-1', 'RpcFrameworkError']],
    ['a frame that is not an array', '{"messageTypeId": 2}', [4, '-1', 'RpcFrameworkError']],
    ['a wrong message type id', '[5,"x2","Heartbeat",{}]', [4, 'x2', 'MessageTypeNotSupported']],
    ['an unknown action', '[2,"x3","FlyToTheMoon",{}]', [4, 'x3', 'NotImplemented']],
    ['an action only a CSMS sends', '[2,"x4","Reset",{"type":"Immediate"}]', [4, 'x4', 'NotImplemented']],
    ['a payload missing a required field', '[2,"x5","BootNotification",{"reason":"PowerUp"}]', [4, 'x5', 'OccurrenceConstraintViolation']],
    [
      'a payload with a wrong type',
      '[2,"x6","StatusNotification",{"timestamp":"2026-01-01T00:00:00Z","connectorStatus":"Available","evseId":"one","connectorId":1}]',
      [4, 'x6', 'TypeConstraintViolation'],
    ],
    [
      'a payload value outside its enumeration',
      '[2,"x7","StatusNotification",{"timestamp":"2026-01-01T00:00:00Z","connectorStatus":"Sleeping","evseId":1,"connectorId":1}]',
      [4, 'x7', 'PropertyConstraintViolation'],
    ],
    ['a binary frame', Buffer.from('[2,"x8","Heartbeat",{}]'), [4, '-1', 'RpcFrameworkError']],
  ];
  for (const [what, frame, expected] of malformed) {
    test(`${what} gets ${expected[2]} with message id ${expected[1]}, and the connection keeps working`, async () => {
      const socket = await rawStation(csms, 'CP_1');
      socket.send(frame, { binary: Buffer.isBuffer(frame) });
      const answer = (await nextFrame(socket)) as unknown[];
      assert.deepEqual(answer.slice(0, 3), expected);
      assert.equal(typeof answer[3], 'string');
      assert.deepEqual(answer[4], {});
      await heartbeatWorks(socket);
      await heartbeatWorks(bystander, `bystander-${expected[1]}`);
      socket.close();
    });
  }

  test('a CALLRESULT for an unknown message id is dropped without an answer', async () => {
    const socket = await rawStation(csms, 'CP_1');
    socket.send('[3,"never-asked",{}]');
    socket.send('[4,"never-asked-either","GenericError","",{}]');
    await heartbeatWorks(socket, 'after-stray-answers');
    socket.close();
  });

  test('a 10 MB frame closes that connection with 1009 (message too big); other stations are still served', async () => {
    const socket = await rawStation(csms, 'CP_1');
    const code = closed(socket);
    socket.send(JSON.stringify([2, 'big', 'DataTransfer', { vendorId: 'x', data: 'x'.repeat(10 * 1024 * 1024) }]));
    assert.equal(await code, 1009);
    await heartbeatWorks(bystander, 'after-big-frame');
    const again = await rawStation(csms, 'CP_1');
    await heartbeatWorks(again, 'reconnected');
    again.close();
  });

  test('a second connection of a station replaces the first cleanly', async () => {
    const first = await rawStation(csms, 'CP_1');
    const firstClosed = closed(first);
    const second = await rawStation(csms, 'CP_1');
    assert.equal(await firstClosed, 1000);
    await heartbeatWorks(second, 'replacement');
    assert.equal(csms.sessions.size, 2);
    second.close();
  });
});

describe('reference CSMS admission (security profile 1)', () => {
  let csms: ReferenceCsms;
  before(async () => {
    csms = await startTestCsms();
  });
  after(async () => {
    await csms.stop();
  });

  const good = basicAuthorization('CP_1', '0123456789123456');
  test('valid Basic credentials open the connection with subprotocol ocpp2.0.1', async () => {
    assert.equal(await upgradeStatus(`${csms.endpoints.ws}/CP_1`, ['ocpp2.0.1'], { Authorization: good }), 'open');
  });
  const refusals: Array<[string, string, string[], Record<string, string>, number]> = [
    ['a wrong password', 'CP_1', ['ocpp2.0.1'], { Authorization: basicAuthorization('CP_1', 'wrong-password-123') }, 401],
    ['no Authorization header', 'CP_1', ['ocpp2.0.1'], {}, 401],
    [
      'a username that is not the station id',
      'CP_1',
      ['ocpp2.0.1'],
      { Authorization: basicAuthorization('CP_1wrong', '0123456789123456') },
      401,
    ],
    ['an unknown station', 'CP_404', ['ocpp2.0.1'], { Authorization: basicAuthorization('CP_404', '0123456789123456') }, 401],
    ['no ocpp2.0.1 subprotocol', 'CP_1', ['ocpp1.6'], { Authorization: good }, 400],
  ];
  for (const [what, id, protocols, headers, status] of refusals) {
    test(`${what} is refused at the upgrade with HTTP ${status}`, async () => {
      assert.equal(await upgradeStatus(`${csms.endpoints.ws}/${id}`, protocols, headers), status);
    });
  }
  test('no station id in the path is refused with HTTP 404', async () => {
    assert.equal(await upgradeStatus(`${csms.endpoints.ws}/`, ['ocpp2.0.1'], { Authorization: good }), 404);
  });
});
