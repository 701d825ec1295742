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
  | { kind: 'upgraded'; subprotocol: string | undefined; closedByCsms: boolean }
  /** No HTTP answer at all: unreachable, TLS failure, or no answer in time. */
  | { kind: 'unanswered'; reason: string };

const CLOSE_OPCODE = 0x8;

/** A client close frame (masked, as RFC 6455 requires from a client) with status 1000. */
function closeFrame(): Buffer {
  const mask = randomBytes(4);
  const body = Buffer.from([0x03, 0xe8]);
  return Buffer.concat([Buffer.from([0x80 | CLOSE_OPCODE, 0x80 | body.length]), mask, body.map((byte, i) => byte ^ mask[i % 4])]);
}

function isCloseFrame(data: Buffer): boolean {
  return data.length > 0 && (data[0] & 0x0f) === CLOSE_OPCODE;
}

/** Resolves true once the CSMS closes the connection (close frame or end of stream), false after `timeoutMs`. */
function csmsCloses(socket: Duplex, head: Buffer, timeoutMs: number): Promise<boolean> {
  if (isCloseFrame(head)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (closed: boolean): void => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      resolve(closed);
    };
    const onData = (data: Buffer): void => {
      if (isCloseFrame(data)) done(true);
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
        const closedByCsms = subprotocol === undefined ? await csmsCloses(socket, head, attempt.timeoutMs) : false;
        await closeConnection(socket, attempt.timeoutMs);
        finish({ kind: 'upgraded', subprotocol, closedByCsms });
      })();
    });
    request.on('error', (error: Error) => finish({ kind: 'unanswered', reason: error.message }));
    request.end();
  });
}

/**
 * Did the CSMS decline the offered subprotocols as Part 4 3.1.2 allows? Either it refused the
 * upgrade with an HTTP error status, or it completed the handshake without a
 * Sec-WebSocket-Protocol header and closed the connection at once. Returns why not, or undefined.
 */
export function whyNotDeclined(outcome: HandshakeOutcome, offered: readonly string[]): string | undefined {
  switch (outcome.kind) {
    case 'refused':
      return undefined;
    case 'unanswered':
      return `the CSMS gave no answer to the opening handshake: ${outcome.reason}`;
    case 'upgraded':
      if (outcome.subprotocol !== undefined) {
        return `the CSMS upgraded the connection selecting subprotocol "${outcome.subprotocol}" (offered: ${offered.join(', ')}) instead of declining`;
      }
      if (!outcome.closedByCsms) {
        return 'the CSMS upgraded the connection without a subprotocol but did not close it';
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
