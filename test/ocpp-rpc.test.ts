import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { CallErrorReceived, CallTimeoutError, ConnectionClosedError, OcppCallError, SchemaViolationError } from '../kernel/ocpp/errors';
import { NO_REPLY, OcppConnection, RawReply } from '../kernel/ocpp/rpc';
import { type LoopbackPair, loopbackPair, nextFrame } from './helpers/loopback';

const boot = { reason: 'PowerUp', chargingStation: { model: 'M', vendorName: 'V' } } as const;
const accepted = () => ({ currentTime: new Date().toISOString(), interval: 300, status: 'Accepted' as const });

describe('OcppConnection over a real ws server on loopback', () => {
  let pair: LoopbackPair;
  beforeEach(async () => {
    pair = await loopbackPair({ callTimeoutMs: 300 });
  });
  afterEach(async () => {
    await pair.close();
  });

  test('call() sends a CALL with a unique id and resolves with the validated response', async () => {
    pair.csms.handle('BootNotification', () => accepted());
    const [first, second] = await Promise.all([pair.station.call('BootNotification', boot), pair.station.call('BootNotification', boot)]);
    assert.equal(first.status, 'Accepted');
    assert.equal(second.status, 'Accepted');
    const ids = pair.stationTrace
      .frames()
      .filter((f) => f.messageType === 'CALL')
      .map((f) => f.messageId);
    assert.equal(new Set(ids).size, 2);
  });

  test('at most one outstanding CALL: the second waits until the first is answered', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    pair.csms.handle('BootNotification', async () => {
      order.push('boot handled');
      await gate;
      return accepted();
    });
    pair.csms.handle('Heartbeat', () => {
      order.push('heartbeat handled');
      return { currentTime: new Date().toISOString() };
    });
    const bootCall = pair.station.call('BootNotification', boot);
    const heartbeat = pair.station.call('Heartbeat', {});
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(order, ['boot handled'], 'the Heartbeat CALL must not be sent before the BootNotification is answered');
    release();
    await Promise.all([bootCall, heartbeat]);
    assert.deepEqual(order, ['boot handled', 'heartbeat handled']);
  });

  test('a call that gets no answer times out with a readable reason, and the next call still goes out', async () => {
    pair.csms.handle('Heartbeat', () => NO_REPLY);
    await assert.rejects(pair.station.call('Heartbeat', {}), (error: unknown) => {
      assert.ok(error instanceof CallTimeoutError);
      assert.match(error.message, /no HeartbeatResponse within 0.3 s/);
      return true;
    });
    pair.csms.handle('Heartbeat', () => ({ currentTime: new Date().toISOString() }));
    assert.ok((await pair.station.call('Heartbeat', {})).currentTime);
  });

  test('a socket closed mid-call fails the call at once, and queued calls too', async () => {
    pair.csms.handle('Heartbeat', () => NO_REPLY);
    const started = Date.now();
    const inFlight = pair.station.call('Heartbeat', {}, { timeoutMs: 10_000 });
    const queued = pair.station.call('Heartbeat', {}, { timeoutMs: 10_000 });
    setTimeout(() => pair.csmsSocket.close(1011, 'gone'), 20);
    await assert.rejects(
      inFlight,
      (error: unknown) =>
        error instanceof ConnectionClosedError && /while waiting for the HeartbeatResponse \(close code 1011, "gone"\)/.test(error.message),
    );
    await assert.rejects(queued, ConnectionClosedError);
    assert.ok(Date.now() - started < 2000, 'nothing waits for the 10 s timeout');
    await assert.rejects(pair.station.call('Heartbeat', {}), ConnectionClosedError);
  });

  test('our request is validated before it is sent; a deliberately invalid one can still be sent', async () => {
    await assert.rejects(
      pair.station.call('BootNotification', { reason: 'Sunrise' } as never),
      (error: unknown) =>
        error instanceof SchemaViolationError &&
        /reason must be one of/.test(error.message) &&
        /chargingStation is required/.test(error.message),
    );
    pair.csms.handle('BootNotification', () => accepted());
    const answer = pair.station.callUntyped('BootNotification', { reason: 'Sunrise' }, { validateRequest: false });
    await assert.rejects(answer, (error: unknown) => error instanceof CallErrorReceived && error.code === 'OccurrenceConstraintViolation');
  });

  test('a response that violates its schema fails the call with the field named', async () => {
    pair.csms.handle(
      'BootNotification',
      (_request, info) => new RawReply(JSON.stringify([3, info.messageId, { status: 'Maybe', interval: 'soon' }])),
    );
    await assert.rejects(pair.station.call('BootNotification', boot), (error: unknown) => {
      assert.ok(error instanceof SchemaViolationError);
      assert.match(error.message, /BootNotificationResponse/);
      assert.match(error.message, /currentTime is required but absent/);
      assert.match(error.message, /status must be one of Accepted, Pending, Rejected, got "Maybe"/);
      return true;
    });
  });

  test('an unknown action is answered NotImplemented, a known one without handler NotSupported', async () => {
    pair.stationSocket.send(JSON.stringify([2, 'u1', 'MakeCoffee', {}]));
    assert.deepEqual((await nextFrame(pair.stationSocket)) as unknown[], [
      4,
      'u1',
      'NotImplemented',
      'MakeCoffee is not an action a Charging Station may send',
      {},
    ]);
    pair.stationSocket.send(JSON.stringify([2, 'u2', 'Reset', { type: 'Immediate' }]));
    const wrongDirection = (await nextFrame(pair.stationSocket)) as unknown[];
    assert.equal(wrongDirection[2], 'NotImplemented', 'a CSMS-only action sent by a station');
    pair.stationSocket.send(JSON.stringify([2, 'u3', 'Heartbeat', {}]));
    assert.equal(((await nextFrame(pair.stationSocket)) as unknown[])[2], 'NotSupported');
  });

  const payloadErrors: Array<[string, unknown, string]> = [
    ['a required field missing', { reason: 'PowerUp' }, 'OccurrenceConstraintViolation'],
    ['a field of the wrong type', { reason: 'PowerUp', chargingStation: { model: 5, vendorName: 'V' } }, 'TypeConstraintViolation'],
    [
      'a value outside its enumeration',
      { reason: 'Sunrise', chargingStation: { model: 'M', vendorName: 'V' } },
      'PropertyConstraintViolation',
    ],
    [
      'a string too long',
      { reason: 'PowerUp', chargingStation: { model: 'M'.repeat(21), vendorName: 'V' } },
      'PropertyConstraintViolation',
    ],
    ['a field the message does not have', { ...boot, colour: 'red' }, 'ProtocolError'],
  ];
  for (const [what, payload, code] of payloadErrors) {
    test(`an inbound request with ${what} is answered ${code}`, async () => {
      pair.csms.handle('BootNotification', () => accepted());
      pair.stationSocket.send(JSON.stringify([2, 'p1', 'BootNotification', payload]));
      const frame = (await nextFrame(pair.stationSocket)) as unknown[];
      assert.equal(frame[0], 4);
      assert.equal(frame[1], 'p1');
      assert.equal(frame[2], code);
    });
  }

  test('malformed frames get the CALLERROR OCPP-J prescribes; answers to unknown ids are dropped', async () => {
    pair.stationSocket.send('this is not json');
    assert.deepEqual(((await nextFrame(pair.stationSocket)) as unknown[]).slice(0, 3), [4, '-1', 'RpcFrameworkError']);
    pair.stationSocket.send(JSON.stringify([9, 'm1', 'Heartbeat', {}]));
    assert.deepEqual(((await nextFrame(pair.stationSocket)) as unknown[]).slice(0, 3), [4, 'm1', 'MessageTypeNotSupported']);
    pair.stationSocket.send(Buffer.from([1, 2, 3]), { binary: true });
    assert.deepEqual(((await nextFrame(pair.stationSocket)) as unknown[]).slice(0, 3), [4, '-1', 'RpcFrameworkError']);
    pair.stationSocket.send(JSON.stringify([3, 'nobody-asked', {}]));
    await assert.rejects(nextFrame(pair.stationSocket, 200), /no frame/);
  });

  test('a handler may answer with a CALLERROR or not at all', async () => {
    pair.csms.handle('Heartbeat', () => new OcppCallError('GenericError', 'not today'));
    await assert.rejects(
      pair.station.call('Heartbeat', {}),
      (error: unknown) => error instanceof CallErrorReceived && error.code === 'GenericError' && /not today/.test(error.message),
    );
    pair.csms.handle('Heartbeat', () => {
      throw new Error('boom');
    });
    await assert.rejects(
      pair.station.call('Heartbeat', {}),
      (error: unknown) => error instanceof CallErrorReceived && error.code === 'InternalError',
    );
  });

  test('a raw frame can be sent and its CALLERROR awaited', async () => {
    const frame = await pair.station.sendRawAndAwaitAnswer('[2,"raw-1","Heartbeat",{"extra":true}]', 'raw-1');
    assert.equal(frame.type, 4);
    assert.equal(frame.type === 4 && frame.errorCode, 'NotSupported');
  });

  test('every frame in and out is traced with time and direction', async () => {
    pair.csms.handle('Heartbeat', () => ({ currentTime: '2026-01-01T00:00:00Z' }));
    await pair.station.call('Heartbeat', {});
    const frames = pair.stationTrace.frames();
    assert.deepEqual(
      frames.map((f) => [f.direction, f.messageType, f.action]),
      [
        ['sent', 'CALL', 'Heartbeat'],
        ['received', 'CALLRESULT', 'Heartbeat'],
      ],
    );
    for (const frame of frames) assert.ok(!Number.isNaN(Date.parse(frame.at)));
  });

  test('a peer that sends a second CALL before the first is answered is recorded as a violation', async () => {
    pair.csms.handle('Heartbeat', async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { currentTime: new Date().toISOString() };
    });
    pair.stationSocket.send(JSON.stringify([2, 'h1', 'Heartbeat', {}]));
    pair.stationSocket.send(JSON.stringify([2, 'h2', 'Heartbeat', {}]));
    await nextFrame(pair.stationSocket);
    assert.equal(pair.csms.violations.length, 1);
    assert.match(pair.csms.violations[0], /h2 while its CALL h1 was still unanswered/);
  });

  test('a peer that reuses the message id of an earlier CALL is recorded as a violation', async () => {
    pair.csms.handle('Heartbeat', () => ({ currentTime: new Date().toISOString() }));
    pair.stationSocket.send(JSON.stringify([2, 'm1', 'Heartbeat', {}]));
    await nextFrame(pair.stationSocket);
    pair.stationSocket.send(JSON.stringify([2, 'm2', 'Heartbeat', {}]));
    await nextFrame(pair.stationSocket);
    assert.deepEqual(pair.csms.violations, []);
    pair.stationSocket.send(JSON.stringify([2, 'm1', 'Heartbeat', {}]));
    await nextFrame(pair.stationSocket);
    assert.equal(pair.csms.violations.length, 1);
    assert.match(pair.csms.violations[0], /Heartbeat with the message id "m1" it already used for its Heartbeat CALL/);
  });

  test('message ids used on an earlier connection of the same peer count as used', async () => {
    const earlier = new Map([['old-1', 'BootNotification']]);
    const second = new OcppConnection(pair.csmsSocket, { role: 'CSMS', label: 'CP_TEST', callTimeoutMs: 2000, peerCallIds: earlier });
    second.handle('Heartbeat', () => ({ currentTime: new Date().toISOString() }));
    pair.stationSocket.send(JSON.stringify([2, 'old-1', 'Heartbeat', {}]));
    await nextFrame(pair.stationSocket);
    assert.equal(second.violations.length, 1);
    assert.match(second.violations[0], /"old-1" it already used for its BootNotification CALL/);
    assert.equal(earlier.get('old-1'), 'Heartbeat');
  });
});
