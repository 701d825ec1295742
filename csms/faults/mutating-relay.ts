/**
 * A faulty CSMS for the suite's self-test: a relay between the stations and the reference CSMS
 * that passes every frame through, except the one kind of message its mutant changes (a field
 * removed, a wrong enum, an off-by-one id, a late or missing answer, an unsolicited request). The
 * suite must fail a scenario that sees a mutated message, and pass where the mutation is one a
 * correct CSMS may legally make. Only plain ws:// (security profile 1) goes through the relay.
 */
import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import { CURRENT_ID, type Mutant, type MutationContext } from './mutants';

const CALL = 2;
const CALLRESULT = 3;

export class MutatingRelay {
  private readonly relayed = new Set<WebSocket>();
  /** How often the mutant changed a frame: a mutant that never fired proves nothing. */
  fired = 0;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    readonly url: string,
  ) {}

  static async start(target: string, mutant: Mutant): Promise<MutatingRelay> {
    const server = createServer((_request, response) => response.writeHead(426).end());
    const wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => [...offered][0] ?? false });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const relay = new MutatingRelay(server, wss, `ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('upgrade', (request, socket, head) => relay.connect(target, mutant, request, socket, head));
    return relay;
  }

  /** Opens the same connection to the CSMS first; the station's upgrade succeeds or fails as that one does. */
  private connect(target: string, mutant: Mutant, request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const protocols = String(request.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((protocol) => protocol.trim())
      .filter(Boolean);
    const headers = request.headers.authorization ? { Authorization: request.headers.authorization } : undefined;
    const upstream = new WebSocket(`${target}${request.url ?? ''}`, protocols, { headers });
    upstream.once('unexpected-response', (_req, response) => {
      socket.end(`HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\nConnection: close\r\n\r\n`);
    });
    upstream.once('error', () => socket.destroy());
    upstream.once('open', () => {
      const offered = upstream.protocol;
      this.wss.handleUpgrade(request, socket, head, (station) => {
        if (station.protocol !== offered) {
          station.close(1002, 'subprotocol mismatch');
          upstream.close();
          return;
        }
        this.pipe(station, upstream, mutant);
      });
    });
  }

  private pipe(station: WebSocket, csms: WebSocket, mutant: Mutant): void {
    this.relayed.add(station).add(csms);
    /** The actions of the station's calls, by message id, to know what a CALLRESULT answers. */
    const stationCalls = new Map<string, string>();
    const context: MutationContext = {
      inject: (frame) => station.readyState === WebSocket.OPEN && station.send(JSON.stringify(frame)),
    };
    station.on('message', (data, isBinary) => {
      if (!isBinary) {
        const frame = parse(data.toString());
        if (frame && frame[0] === CALL) stationCalls.set(String(frame[1]), String(frame[2]));
      }
      if (csms.readyState === WebSocket.OPEN) csms.send(data, { binary: isBinary });
    });
    csms.on('message', (data, isBinary) => {
      const text = data.toString();
      const frame = isBinary ? undefined : parse(text);
      const target =
        frame?.[0] === CALL
          ? { action: String(frame[2]), kind: 'request' as const, payload: frame[3] }
          : frame?.[0] === CALLRESULT && stationCalls.has(String(frame[1]))
            ? { action: stationCalls.get(String(frame[1])) as string, kind: 'response' as const, payload: frame[2] }
            : undefined;
      if (!frame || !target || target.action !== mutant.action || target.kind !== mutant.kind) {
        if (station.readyState === WebSocket.OPEN) station.send(data, { binary: isBinary });
        return;
      }
      const outcome = mutant.mutate(structuredClone(target.payload) as Record<string, unknown>, context);
      if (outcome === 'unchanged') {
        station.send(text);
        return;
      }
      this.fired += 1;
      if (outcome === 'drop') return;
      const index = frame[0] === CALL ? 3 : 2;
      const mutated = [...frame];
      if ('frame' in outcome) {
        station.send(JSON.stringify(outcome.frame.map((part) => (part === CURRENT_ID ? frame[1] : part))));
        return;
      }
      mutated[index] = outcome.payload;
      const send = (): void => {
        if (station.readyState === WebSocket.OPEN) station.send(JSON.stringify(mutated));
      };
      if (outcome.delayMs) setTimeout(send, outcome.delayMs).unref();
      else send();
    });
    const closeBoth = (code: number, reason: Buffer): void => {
      const safe = code >= 1000 && code < 5000 && code !== 1005 && code !== 1006 ? code : 1000;
      for (const socket of [station, csms]) {
        if (socket.readyState === WebSocket.OPEN) socket.close(safe, reason);
      }
    };
    station.on('close', closeBoth);
    csms.on('close', closeBoth);
    station.on('error', () => csms.terminate());
    csms.on('error', () => station.terminate());
  }

  async stop(): Promise<void> {
    for (const socket of this.relayed) socket.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function parse(text: string): unknown[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
