import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, test } from 'node:test';
import WebSocket, { WebSocketServer } from 'ws';
import { MutatingRelay } from '../csms/faults/mutating-relay';
import type { Mutant } from '../csms/faults/mutants';
import { OcppConnection } from '../kernel/ocpp/rpc';

interface Rig {
  station: OcppConnection;
  csms: OcppConnection;
  relay: MutatingRelay;
  close(): Promise<void>;
}

/** A station and a CSMS whose OCPP layer talks through the relay, as the embedded CSMS's does. */
async function rig(mutant: Mutant): Promise<Rig> {
  const relay = await MutatingRelay.start(mutant);
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: () => 'ocpp2.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const tap = await relay.tap();
  const accepted = new Promise<WebSocket>((resolve) => server.once('connection', (socket) => resolve(socket)));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/CP_TEST`, ['ocpp2.0.1']);
  await new Promise<void>((resolve) => client.once('open', () => resolve()));
  tap.connect(await accepted);
  const station = new OcppConnection(client, { role: 'ChargingStation', label: 'CP_TEST', callTimeoutMs: 2000 });
  const csms = new OcppConnection(tap.csmsSide, { role: 'CSMS', label: 'CP_TEST', callTimeoutMs: 2000 });
  station.handle('Reset', () => ({ status: 'Accepted' }));
  station.handle('GetVariables', () => ({ getVariableResult: [] }));
  csms.handle('Heartbeat', () => ({ currentTime: new Date().toISOString() }));
  return {
    station,
    csms,
    relay,
    close: async () => {
      await Promise.all([station.close(), csms.close()]);
      await relay.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const base = { bug: 'test', legal: false } as const;
let current: Rig | undefined;

afterEach(async () => {
  await current?.close();
  current = undefined;
});

describe('the self-test relay', () => {
  test('a reused message id reaches the station, which reports it; the answer still reaches the CSMS', async () => {
    current = await rig({ ...base, name: 'reuse', action: 'Reset', kind: 'request', mutate: () => 'reuse message id' });
    const { station, csms, relay } = current;
    assert.deepEqual(await csms.call('Reset', { type: 'Immediate' }), { status: 'Accepted' });
    assert.equal(relay.fired, 0, 'the first CALL has no earlier id to reuse');
    assert.deepEqual(await csms.call('Reset', { type: 'OnIdle' }), { status: 'Accepted' });
    assert.equal(relay.fired, 1);
    await station.close();
    assert.equal(station.violations.length, 1);
    assert.match(station.violations[0], /Reset with the message id .* it already used for its Reset CALL/);
  });

  test("an unsolicited CALL reaches the station and holds the CSMS's next CALL until the station answered it", async () => {
    current = await rig({
      ...base,
      name: 'unsolicited',
      action: 'Heartbeat',
      kind: 'response',
      legal: true,
      mutate: (payload) => ({
        payload,
        thenSend: {
          action: 'GetVariables',
          payload: { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] },
        },
      }),
    });
    const { station, csms, relay } = current;
    const received: string[] = [];
    station.onCall((call) => received.push(call.action));
    await station.call('Heartbeat', {});
    assert.deepEqual(await csms.call('Reset', { type: 'Immediate' }), { status: 'Accepted' });
    assert.deepEqual(received, ['GetVariables', 'Reset']);
    assert.equal(relay.fired, 1);
    await station.close();
    assert.deepEqual(station.violations, []);
  });
});
