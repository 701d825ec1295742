import type { IncomingMessage } from 'node:http';
import type { SecureVersion } from 'node:tls';
import WebSocket from 'ws';

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

/** The CSMS (or the network) did not let the WebSocket open. */
export class ConnectionRefusedError extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    readonly statusCode?: number,
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

/** Opens the WebSocket a Charging Station opens to its CSMS; rejects with a ConnectionRefusedError saying why not. */
export function openStationSocket(request: SocketRequest): Promise<WebSocket> {
  const url = stationUrl(request.baseUrl, request.stationId);
  const headers: Record<string, string> = {};
  if (request.basicAuth) headers.Authorization = basicAuthorization(request.basicAuth.username, request.basicAuth.password);
  const tls = request.tls ?? {};
  return new Promise<WebSocket>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
    };
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
      rejectUnauthorized: true,
    });
    socket.once('open', () =>
      settle(() => {
        if (socket.protocol !== OCPP_SUBPROTOCOL && !(request.subprotocols ?? []).includes(socket.protocol)) {
          socket.terminate();
          reject(
            new ConnectionRefusedError('subprotocol', `the CSMS selected subprotocol "${socket.protocol}" instead of ${OCPP_SUBPROTOCOL}`),
          );
          return;
        }
        resolve(socket);
      }),
    );
    socket.once('unexpected-response', (_req, response: IncomingMessage) =>
      settle(() => {
        const status = response.statusCode ?? 0;
        response.resume();
        socket.terminate();
        reject(
          new ConnectionRefusedError(
            'http',
            `the CSMS refused the WebSocket upgrade with HTTP ${status} ${response.statusMessage ?? ''}`.trim(),
            status,
          ),
        );
      }),
    );
    socket.once('error', (error: Error & { code?: string }) =>
      settle(() => {
        socket.terminate();
        const text = `${error.code ?? ''} ${error.message}`;
        if (/Opening handshake has timed out/.test(error.message)) {
          reject(new ConnectionRefusedError('timeout', `no WebSocket handshake within ${request.handshakeTimeoutMs / 1000} s from ${url}`));
        } else if (/subprotocol/i.test(error.message)) {
          reject(new ConnectionRefusedError('subprotocol', `the CSMS did not accept subprotocol ${OCPP_SUBPROTOCOL}: ${error.message}`));
        } else if (TLS_ERROR.test(text)) {
          reject(new ConnectionRefusedError('tls', `TLS handshake with ${url} failed: ${error.message}`));
        } else {
          reject(new ConnectionRefusedError('network', `cannot connect to ${url}: ${error.message}`));
        }
      }),
    );
  });
}
