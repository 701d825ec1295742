import type { IncomingMessage } from 'node:http';
import { type Socket, connect as connectTcp } from 'node:net';
import { type ConnectionOptions, type SecureVersion, type TLSSocket, connect as connectTls } from 'node:tls';
import WebSocket from 'ws';
import { type TlsHandshake, handshakeOf } from '../../../kernel/tls/handshake-facts';

export const OCPP_SUBPROTOCOL = 'ocpp2.0.1';

/** TLS settings of one connection attempt (security profiles 2 and 3). */
export interface TlsSettings {
  /** PEM CA certificate(s) the server certificate must chain to. */
  ca?: string | Buffer;
  /** PEM client certificate and key (security profile 3). */
  cert?: string | Buffer;
  key?: string | Buffer;
  minVersion?: SecureVersion;
  maxVersion?: SecureVersion;
  /** OpenSSL cipher list (TLS 1.2), e.g. "ECDHE-RSA-AES128-GCM-SHA256". */
  ciphers?: string;
  /** false: accept any server certificate (the OCTT's TLS-version probe does not verify). Default true. */
  verifyServer?: boolean;
}

export interface SocketRequest {
  /** Base address, e.g. ws://localhost:9000/ocpp; the station id is appended as the last path segment. */
  baseUrl: string;
  stationId: string;
  /** HTTP Basic credentials; omit for none (security profile 3, or a deliberate missing header). */
  basicAuth?: { username: string; password: string };
  tls?: TlsSettings;
  /** Subprotocols offered; default only ocpp2.0.1. */
  subprotocols?: string[];
  handshakeTimeoutMs: number;
}

export type RefusalKind = 'http' | 'tls' | 'subprotocol' | 'network' | 'timeout';

/** Bytes that went over the TCP connection of an attempt: proof that it reached the peer, or not. */
export interface WireCounts {
  sent: number;
  received: number;
}

export interface RefusalDetails {
  /** Node's or OpenSSL's error code, e.g. ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION or ECONNRESET. */
  code?: string;
  wire?: WireCounts;
  /** The TLS handshake, when it completed before the refusal (e.g. an HTTP 401 over wss). */
  handshake?: TlsHandshake;
}

/** The CSMS (or the network) did not let the WebSocket open. */
export class ConnectionRefusedError extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    readonly statusCode?: number,
    readonly details: RefusalDetails = {},
  ) {
    super(message);
    this.name = 'ConnectionRefusedError';
  }
}

export function stationUrl(baseUrl: string, stationId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(stationId)}`;
}

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

const TLS_ERROR = /SSL|TLS|certificate|CERT_|self[- ]signed|handshake|EPROTO|alert|cipher|protocol version/i;

type HandshakeListener = (handshake: TlsHandshake) => void;
const handshakeListeners = new Set<HandshakeListener>();
const handshakes = new WeakMap<WebSocket, TlsHandshake>();

/**
 * Tells `listener` about every TLS handshake a station completes from now on, until the returned
 * function is called. Block A reads the negotiated version, cipher and server certificate this way,
 * whichever code opened the connection.
 */
export function onTlsHandshake(listener: HandshakeListener): () => void {
  handshakeListeners.add(listener);
  return () => handshakeListeners.delete(listener);
}

/** The TLS handshake of an open station socket (wss only). */
export function tlsHandshakeOf(socket: WebSocket): TlsHandshake | undefined {
  return handshakes.get(socket);
}

/** The TCP (and for wss, TLS) connection of one attempt, kept so its byte counts and handshake can be read. */
class AttemptConnection {
  private tcp: Socket | undefined;
  handshake: TlsHandshake | undefined;

  constructor(
    private readonly url: string,
    private readonly stationId: string,
  ) {}

  /** ws's createConnection hook: the same sockets ws would open, observed. */
  open(options: ConnectionOptions & { host?: string; port?: number | string }, secure: boolean): Socket {
    const tcp = connectTcp({ host: options.host, port: Number(options.port) });
    this.tcp = tcp;
    if (!secure) return tcp;
    const tlsSocket: TLSSocket = connectTls({ ...options, socket: tcp });
    tlsSocket.once('secureConnect', () => {
      this.handshake = handshakeOf(tlsSocket, this.url, this.stationId);
      for (const listener of handshakeListeners) listener(this.handshake);
    });
    return tlsSocket;
  }

  get wire(): WireCounts | undefined {
    return this.tcp ? { sent: this.tcp.bytesWritten, received: this.tcp.bytesRead } : undefined;
  }
}

/** Opens the WebSocket a Charging Station opens to its CSMS; rejects with a ConnectionRefusedError saying why not. */
export function openStationSocket(request: SocketRequest): Promise<WebSocket> {
  const url = stationUrl(request.baseUrl, request.stationId);
  const secure = url.startsWith('wss:');
  const headers: Record<string, string> = {};
  if (request.basicAuth) headers.Authorization = basicAuthorization(request.basicAuth.username, request.basicAuth.password);
  const tls = request.tls ?? {};
  const attempt = new AttemptConnection(url, request.stationId);
  return new Promise<WebSocket>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
    };
    const refuse = (kind: RefusalKind, message: string, code?: string, statusCode?: number): void =>
      reject(new ConnectionRefusedError(kind, message, statusCode, { code, wire: attempt.wire, handshake: attempt.handshake }));
    const socket = new WebSocket(url, request.subprotocols ?? [OCPP_SUBPROTOCOL], {
      headers,
      handshakeTimeout: request.handshakeTimeoutMs,
      perMessageDeflate: false,
      ca: tls.ca,
      cert: tls.cert,
      key: tls.key,
      minVersion: tls.minVersion ?? 'TLSv1.2',
      maxVersion: tls.maxVersion,
      ciphers: tls.ciphers,
      rejectUnauthorized: tls.verifyServer ?? true,
      createConnection: ((options: ConnectionOptions) => attempt.open(options, secure)) as unknown as typeof connectTcp,
    });
    socket.once('open', () =>
      settle(() => {
        if (socket.protocol !== OCPP_SUBPROTOCOL && !(request.subprotocols ?? []).includes(socket.protocol)) {
          socket.terminate();
          refuse('subprotocol', `the CSMS selected subprotocol "${socket.protocol}" instead of ${OCPP_SUBPROTOCOL}`);
          return;
        }
        if (attempt.handshake) handshakes.set(socket, attempt.handshake);
        resolve(socket);
      }),
    );
    socket.once('unexpected-response', (_req, response: IncomingMessage) =>
      settle(() => {
        const status = response.statusCode ?? 0;
        response.resume();
        socket.terminate();
        refuse(
          'http',
          `the CSMS refused the WebSocket upgrade with HTTP ${status} ${response.statusMessage ?? ''}`.trim(),
          undefined,
          status,
        );
      }),
    );
    socket.once('error', (error: Error & { code?: string }) =>
      settle(() => {
        socket.terminate();
        const text = `${error.code ?? ''} ${error.message}`;
        if (/Opening handshake has timed out/.test(error.message)) {
          refuse('timeout', `no WebSocket handshake within ${request.handshakeTimeoutMs / 1000} s from ${url}`, error.code);
        } else if (/subprotocol/i.test(error.message)) {
          refuse('subprotocol', `the CSMS did not accept subprotocol ${OCPP_SUBPROTOCOL}: ${error.message}`, error.code);
        } else if (TLS_ERROR.test(text)) {
          refuse('tls', `TLS handshake with ${url} failed: ${error.message}`, error.code);
        } else {
          refuse('network', `cannot connect to ${url}: ${error.message}`, error.code);
        }
      }),
    );
  });
}
