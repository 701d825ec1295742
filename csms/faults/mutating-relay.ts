/**
 * A faulty CSMS for the suite's self-test: a relay between the station's socket and the reference
 * CSMS's OCPP layer that passes every frame through, except the one kind of message its mutant
 * changes (a field removed, a wrong enum, an off-by-one id, a late or missing answer, a reused
 * message id, an unsolicited request). The suite must fail a scenario that sees a mutated message,
 * and pass where the mutation is one a correct CSMS may legally make.
 *
 * Why inside the CSMS and not in front of it: the CSMS admits the connection (TLS, client
 * certificate, Basic auth, subprotocol) exactly as without a mutant, and only then hands the
 * accepted socket to the relay. So every security profile is carried, with no certificate of a
 * man in the middle, and the handshake scenarios see the real CSMS. The relay's CSMS side is a
 * loopback WebSocket pair, so the CSMS's own code runs unchanged.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { type RawData, WebSocketServer } from 'ws';
import { CURRENT_ID, type Mutant } from './mutants';

const CALL = 2;
const CALLRESULT = 3;
const CALLERROR = 4;

/** One station connection through the relay. */
export interface RelayTap {
  /** The socket the CSMS's OCPP layer uses in place of the station's. */
  csmsSide: WebSocket;
  connect(station: WebSocket): void;
}

export class MutatingRelay {
  private readonly relayed = new Set<WebSocket>();
  private readonly accepted = new Map<string, (socket: WebSocket) => void>();
  /** How often the mutant changed a frame: a mutant that never fired proves nothing. */
  fired = 0;

  private constructor(
    private readonly wss: WebSocketServer,
    private readonly url: string,
    private readonly mutant: Mutant,
  ) {
    wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
      const take = this.accepted.get(request.url ?? '');
      this.accepted.delete(request.url ?? '');
      if (take) take(socket);
      else socket.terminate();
    });
  }

  static async start(mutant: Mutant): Promise<MutatingRelay> {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false, maxPayload: 16 * 1024 * 1024 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    return new MutatingRelay(wss, `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, mutant);
  }

  /**
   * Opens the loopback the CSMS's OCPP layer will use for one station connection (before the
   * upgrade completes, so that the CSMS knows the connection when the station sees it open);
   * `connect` then joins the station's socket to it through the mutant.
   */
  async tap(): Promise<RelayTap> {
    const path = `/${randomUUID()}`;
    const csmsSide = new Promise<WebSocket>((resolve) => this.accepted.set(path, resolve));
    const relayEnd = new WebSocket(`${this.url}${path}`, { perMessageDeflate: false, maxPayload: 16 * 1024 * 1024 });
    this.relayed.add(relayEnd);
    await new Promise<void>((resolve, reject) => {
      relayEnd.once('open', () => resolve());
      relayEnd.once('error', reject);
    });
    return { csmsSide: await csmsSide, connect: (station) => this.pipe(station, relayEnd) };
  }

  private pipe(station: WebSocket, csms: WebSocket): void {
    const { mutant } = this;
    this.relayed.add(station).add(csms);
    /** The actions of the station's calls, by message id, to know what a CALLRESULT answers. */
    const stationCalls = new Map<string, string>();
    /** The CSMS's last CALL id on this connection: what a "reused message id" mutant sends again. */
    let lastCallId: string | undefined;
    /** Reused id → the CSMS's own id of that CALL, to hand the station's answer back to it. */
    const reused = new Map<string, string>();
    /**
     * The last CALL to the station, until answered. OCPP-J allows one outstanding CALL: the relay's
     * unsolicited CALL waits for the CSMS's to be answered and the CSMS's wait for the relay's.
     */
    let outstanding: { id: string; injected: boolean } | undefined;
    const queued: Array<{ id: string; injected: boolean; text: string }> = [];
    const toStation = (text: string): void => {
      if (station.readyState === WebSocket.OPEN) station.send(text);
    };
    const sendCall = (id: string, text: string, injected = false): void => {
      if (outstanding && (injected || outstanding.injected)) {
        queued.push({ id, injected, text });
        return;
      }
      outstanding = { id, injected };
      toStation(text);
    };
    const answered = (id: string): boolean => {
      const was = outstanding;
      if (!was || was.id !== id) return false;
      outstanding = undefined;
      const next = queued.shift();
      if (next) sendCall(next.id, next.text, next.injected);
      return was.injected;
    };

    station.on('message', (data, isBinary) => {
      let forward: RawData | string = data;
      const frame = isBinary ? undefined : parse(data.toString());
      if (frame?.[0] === CALL) stationCalls.set(String(frame[1]), String(frame[2]));
      if (frame && (frame[0] === CALLRESULT || frame[0] === CALLERROR)) {
        const id = String(frame[1]);
        // The answer to the relay's own CALL is not the CSMS's to see.
        if (answered(id)) return;
        const original = reused.get(id);
        if (original !== undefined) {
          forward = JSON.stringify([frame[0], original, ...frame.slice(2)]);
          reused.delete(id);
        }
      }
      if (csms.readyState === WebSocket.OPEN) csms.send(forward, { binary: isBinary });
    });
    csms.on('message', (data, isBinary) => {
      const text = data.toString();
      const frame = isBinary ? undefined : parse(text);
      const isCall = frame?.[0] === CALL;
      const pass = (): void => {
        if (isBinary) {
          if (station.readyState === WebSocket.OPEN) station.send(data, { binary: true });
        } else if (isCall) sendCall(String(frame?.[1]), text);
        else toStation(text);
      };
      let previousCallId: string | undefined;
      if (frame && isCall) {
        previousCallId = lastCallId;
        lastCallId = String(frame[1]);
      }
      const target =
        frame && isCall
          ? { action: String(frame[2]), kind: 'request' as const, payload: frame[3] }
          : frame?.[0] === CALLRESULT && stationCalls.has(String(frame[1]))
            ? { action: stationCalls.get(String(frame[1])) as string, kind: 'response' as const, payload: frame[2] }
            : undefined;
      if (!frame || !target || target.action !== mutant.action || target.kind !== mutant.kind) {
        pass();
        return;
      }
      const outcome = mutant.mutate(structuredClone(target.payload) as Record<string, unknown>);
      // A reused id needs an earlier CALL to this station: without one the mutant does not fire.
      if (outcome === 'unchanged' || (outcome === 'reuse message id' && previousCallId === undefined)) {
        pass();
        return;
      }
      this.fired += 1;
      if (outcome === 'drop') return;
      if (outcome === 'reuse message id') {
        reused.set(previousCallId as string, String(frame[1]));
        sendCall(previousCallId as string, JSON.stringify([frame[0], previousCallId, ...frame.slice(2)]));
        return;
      }
      if ('frame' in outcome) {
        toStation(JSON.stringify(outcome.frame.map((part) => (part === CURRENT_ID ? frame[1] : part))));
        return;
      }
      const mutated = [...frame];
      mutated[isCall ? 3 : 2] = outcome.payload;
      const send = (): void => {
        if (isCall) sendCall(String(frame[1]), JSON.stringify(mutated));
        else toStation(JSON.stringify(mutated));
        if (outcome.thenSend) {
          // OCPP-J message ids are at most 36 characters: a UUID exactly.
          const id = randomUUID();
          sendCall(id, JSON.stringify([CALL, id, outcome.thenSend.action, outcome.thenSend.payload]), true);
        }
      };
      if (outcome.delayMs) setTimeout(send, outcome.delayMs).unref();
      else send();
    });
    const closeBoth = (code: number, reason: Buffer): void => {
      const safe = code >= 1000 && code < 5000 && code !== 1005 && code !== 1006 ? code : 1000;
      for (const socket of [station, csms]) {
        if (socket.readyState === WebSocket.OPEN) socket.close(safe, reason);
        else if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
      }
    };
    station.on('close', closeBoth);
    csms.on('close', closeBoth);
    station.on('error', () => csms.terminate());
    csms.on('error', () => station.terminate());
  }

  async stop(): Promise<void> {
    for (const socket of this.relayed) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
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
