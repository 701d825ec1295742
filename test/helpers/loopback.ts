import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import type { Role } from '../../kernel/ocpp/actions';
import { OcppConnection } from '../../kernel/ocpp/rpc';
import { Trace } from '../../kernel/evidence/trace';

export interface LoopbackPair {
  station: OcppConnection;
  csms: OcppConnection;
  /** The raw sockets, to misbehave below the OCPP-J layer. */
  stationSocket: WebSocket;
  csmsSocket: WebSocket;
  stationTrace: Trace;
  close(): Promise<void>;
}

/** A real `ws` server and client on loopback, each side wrapped in an OcppConnection. */
export async function loopbackPair(options: { callTimeoutMs?: number; roles?: [Role, Role] } = {}): Promise<LoopbackPair> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: () => 'ocpp2.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const accepted = new Promise<WebSocket>((resolve) => server.once('connection', (socket) => resolve(socket)));
  const client = new WebSocket(`ws://127.0.0.1:${port}/CP_TEST`, ['ocpp2.0.1']);
  await new Promise<void>((resolve, reject) => {
    client.once('open', () => resolve());
    client.once('error', reject);
  });
  const serverSocket = await accepted;
  const stationTrace = new Trace();
  const callTimeoutMs = options.callTimeoutMs ?? 2000;
  const station = new OcppConnection(client, { role: 'ChargingStation', label: 'CP_TEST', callTimeoutMs, sinks: [stationTrace] });
  const csms = new OcppConnection(serverSocket, { role: 'CSMS', label: 'CP_TEST', callTimeoutMs });
  return {
    station,
    csms,
    stationSocket: client,
    csmsSocket: serverSocket,
    stationTrace,
    close: async () => {
      await Promise.all([station.close(), csms.close()]);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Resolves with the next text frame the socket receives. */
export function nextFrame(socket: WebSocket, timeoutMs = 2000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no frame within ${timeoutMs} ms`)), timeoutMs);
    socket.once('message', (data) => {
      clearTimeout(timer);
      resolve(JSON.parse(data.toString()));
    });
  });
}
