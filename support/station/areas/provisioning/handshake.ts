/**
 * A WebSocket opening handshake done by hand (OCPP 2.0.1 Part 4, 3.1.2), for the subprotocol
 * checks of TC_B_58: a WebSocket library fails the connection itself when the server selects no
 * subprotocol, so it could not show what the CSMS did next. Here the suite sees the HTTP status,
 * the Sec-WebSocket-Protocol header, and whether the CSMS closes the connection.
 */
import { randomBytes } from 'node:crypto';
import { type ClientRequest, type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';
import { type TlsSettings, basicAuthorization, stationUrl } from '../../core/transport';

export interface HandshakeAttempt {
  /** ws:// or wss:// base address; the station id is appended. */
  baseUrl: string;
  stationId: string;
  /** Offered in Sec-WebSocket-Protocol, in this order. */
  subprotocols: readonly string[];
  basicAuth?: { username: string; password: string };
  tls?: TlsSettings;
  /** How long to wait for the CSMS's answer, and for it to close after an upgrade without subprotocol. */
  timeoutMs: number;
}

export type HandshakeOutcome =
  /** The CSMS answered with an HTTP status other than 101. */
  | { kind: 'refused'; statusCode: number; statusMessage: string }
  /** 101 Switching Protocols; `closedByCsms` says whether the CSMS closed the connection on its own. */
  | { kind: 'upgraded'; subprotocol: string | undefined; closedByCsms: boolean; framesFromCsms: number }
  /** No HTTP answer at all: unreachable, TLS failure, or no answer in time. */
  | { kind: 'unanswered'; reason: string };

const CLOSE_OPCODE = 0x8;

/** A client close frame (masked, as RFC 6455 requires from a client) with status 1000. */
function closeFrame(): Buffer {
  const mask = randomBytes(4);
  const body = Buffer.from([0x03, 0xe8]);
  return Buffer.concat([Buffer.from([0x80 | CLOSE_OPCODE, 0x80 | body.length]), mask, body.map((byte, i) => byte ^ mask[i % 4])]);
}

/** The opcodes of the whole frames at the start of `data` (server frames are unmasked), and what is left. */
function frameOpcodes(data: Buffer): { opcodes: number[]; rest: Buffer } {
  const opcodes: number[] = [];
  let at = 0;
  while (data.length - at >= 2) {
    let length = data[at + 1] & 0x7f;
    let header = 2;
    if (length === 126) {
      if (data.length - at < 4) break;
      length = data.readUInt16BE(at + 2);
      header = 4;
    } else if (length === 127) {
      if (data.length - at < 10) break;
      length = Number(data.readBigUInt64BE(at + 2));
      header = 10;
    }
    if ((data[at + 1] & 0x80) !== 0) header += 4;
    if (data.length - at < header + length) break;
    opcodes.push(data[at] & 0x0f);
    at += header + length;
  }
  return { opcodes, rest: data.subarray(at) };
}

/**
 * Resolves once the CSMS closes the connection (close frame or end of stream), or after
 * `timeoutMs`, with whether it closed and how many other frames it sent before.
 */
function csmsCloses(socket: Duplex, head: Buffer, timeoutMs: number): Promise<{ closed: boolean; frames: number }> {
  let frames = 0;
  let buffered: Buffer = Buffer.alloc(0);
  /** True once a close frame is among the frames received so far. */
  const take = (data: Buffer): boolean => {
    const { opcodes, rest } = frameOpcodes(Buffer.concat([buffered, data]));
    buffered = rest;
    for (const opcode of opcodes) {
      if (opcode === CLOSE_OPCODE) return true;
      frames += 1;
    }
    return false;
  };
  if (take(head)) return Promise.resolve({ closed: true, frames });
  return new Promise((resolve) => {
    const done = (closed: boolean): void => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      resolve({ closed, frames });
    };
    const onData = (data: Buffer): void => {
      if (take(data)) done(true);
    };
    const onEnd = (): void => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('close', onEnd);
  });
}

/** Ends an upgraded connection the way a client does: a close frame, then the TCP connection. */
async function closeConnection(socket: Duplex, timeoutMs: number): Promise<void> {
  if (!socket.destroyed && socket.writable) {
    socket.write(closeFrame());
    await csmsCloses(socket, Buffer.alloc(0), timeoutMs);
  }
  socket.destroy();
}

function headerValue(response: IncomingMessage, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Opens (and closes again) one WebSocket connection offering `subprotocols`, and tells what the CSMS did. */
export function openingHandshake(attempt: HandshakeAttempt): Promise<HandshakeOutcome> {
  const url = new URL(stationUrl(attempt.baseUrl, attempt.stationId));
  const secure = url.protocol === 'wss:';
  const headers: Record<string, string> = {
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
    'Sec-WebSocket-Protocol': attempt.subprotocols.join(', '),
  };
  if (attempt.basicAuth) headers.Authorization = basicAuthorization(attempt.basicAuth.username, attempt.basicAuth.password);
  const target = { host: url.hostname, port: url.port || (secure ? 443 : 80), path: `${url.pathname}${url.search}`, headers };
  const tls = attempt.tls ?? {};
  return new Promise<HandshakeOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: HandshakeOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const request: ClientRequest = secure
      ? httpsRequest({ ...target, ca: tls.ca, cert: tls.cert, key: tls.key, minVersion: tls.minVersion ?? 'TLSv1.2' })
      : httpRequest(target);
    const timer = setTimeout(() => {
      request.destroy();
      finish({ kind: 'unanswered', reason: `no answer to the opening handshake within ${attempt.timeoutMs / 1000} s` });
    }, attempt.timeoutMs);
    request.on('response', (response: IncomingMessage) => {
      response.resume();
      finish({ kind: 'refused', statusCode: response.statusCode ?? 0, statusMessage: response.statusMessage ?? '' });
    });
    request.on('upgrade', (response: IncomingMessage, socket: Duplex, head: Buffer) => {
      clearTimeout(timer);
      const subprotocol = headerValue(response, 'sec-websocket-protocol');
      void (async () => {
        const { closed, frames } =
          subprotocol === undefined ? await csmsCloses(socket, head, attempt.timeoutMs) : { closed: false, frames: 0 };
        await closeConnection(socket, attempt.timeoutMs);
        finish({ kind: 'upgraded', subprotocol, closedByCsms: closed, framesFromCsms: frames });
      })();
    });
    request.on('error', (error: Error) => finish({ kind: 'unanswered', reason: error.message }));
    request.end();
  });
}

/**
 * Did the CSMS decline the offered subprotocols as Part 4 3.1.2 allows? Either it refused the
 * upgrade with a client-error status (4xx), or it completed the handshake without a
 * Sec-WebSocket-Protocol header and closed the connection within the wait (OCPP_CALL_TIMEOUT)
 * without sending a frame. A server error (5xx) is a CSMS failing, not refusing; no answer in time
 * is no refusal either. Returns why not, or undefined.
 */
export function whyNotDeclined(outcome: HandshakeOutcome, offered: readonly string[]): string | undefined {
  switch (outcome.kind) {
    case 'refused':
      if (outcome.statusCode >= 400 && outcome.statusCode < 500) return undefined;
      if (outcome.statusCode >= 500) {
        return `the CSMS answered the opening handshake with a server error (HTTP ${outcome.statusCode} ${outcome.statusMessage}): that is a failure of the CSMS, not a refusal of the subprotocol`;
      }
      return `the CSMS answered the opening handshake with HTTP ${outcome.statusCode} ${outcome.statusMessage}, which neither upgrades nor refuses`;
    case 'unanswered':
      return `the CSMS gave no answer to the opening handshake: ${outcome.reason}`;
    case 'upgraded':
      if (outcome.subprotocol !== undefined) {
        return `the CSMS upgraded the connection selecting subprotocol "${outcome.subprotocol}" (offered: ${offered.join(', ')}) instead of declining`;
      }
      if (!outcome.closedByCsms) {
        return 'the CSMS upgraded the connection without a subprotocol but did not close it within OCPP_CALL_TIMEOUT';
      }
      if (outcome.framesFromCsms > 0) {
        return `the CSMS upgraded the connection without a subprotocol and sent ${outcome.framesFromCsms} frame(s) before closing it`;
      }
      return undefined;
  }
}

/** The outcome as fields a Gherkin table can check (HTTP status and Sec-WebSocket-Protocol). */
export function handshakeFields(outcome: HandshakeOutcome): Record<string, unknown> {
  switch (outcome.kind) {
    case 'refused':
      return { status: outcome.statusCode };
    case 'upgraded':
      return { status: 101, ...(outcome.subprotocol === undefined ? {} : { 'Sec-WebSocket-Protocol': outcome.subprotocol }) };
    case 'unanswered':
      return {};
  }
}
