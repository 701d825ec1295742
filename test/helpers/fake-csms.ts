import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { OcppConnection, type Reply } from '../../kernel/ocpp/rpc';
import type { Action } from '../../kernel/ocpp/actions';

export type FakeAnswers = Partial<Record<Action, (request: unknown) => Reply<Action>>>;

export interface FakeCsms {
  /** ws:// base address; a station appends its id. */
  url: string;
  /** The CSMS side of the latest connection. */
  connection(): OcppConnection;
  close(): Promise<void>;
}

/**
 * A CSMS that answers as told, to prove that the suite fails a CSMS that is wrong: any action not
 * listed gets a CALLERROR NotImplemented from the OCPP-J layer.
 */
export async function fakeCsms(answers: FakeAnswers): Promise<FakeCsms> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: () => 'ocpp2.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  let latest: OcppConnection | undefined;
  const connections: OcppConnection[] = [];
  server.on('connection', (socket) => {
    latest = new OcppConnection(socket, { role: 'CSMS', label: 'fake CSMS', callTimeoutMs: 2000, validator: undefined });
    connections.push(latest);
    for (const [action, answer] of Object.entries(answers)) latest.handle(action as Action, answer as never);
  });
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connection: () => {
      if (!latest) throw new Error('no station connected to the fake CSMS');
      return latest;
    },
    close: async () => {
      await Promise.all(connections.map((connection) => connection.close()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const bootAccepted =
  (interval = 300) =>
  (): Reply<Action> => ({ status: 'Accepted', interval, currentTime: new Date().toISOString() });
