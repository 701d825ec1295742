import { readFileSync } from 'node:fs';
import { type IncomingMessage, type Server, createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import WebSocket, { WebSocketServer } from 'ws';
import type { Config } from '../kernel/config';
import type { TraceSink } from '../kernel/evidence/trace';
import { OcppConnection } from '../kernel/ocpp/rpc';
import type { Handler } from '../kernel/ocpp/rpc';
import type { OperatorRequest, OperatorResult } from '../kernel/operator/contract';
import type { TestPki } from '../kernel/tls/test-pki';
import { type Admission, type AdmissionRules, OCPP_SUBPROTOCOL, SPECIFICATION_RULES, admit, noteAdmitted } from './connection-auth';
import { allHandlers } from './areas';
import { requireRegistration } from './areas/provisioning/handlers';
import { closeReferenceFirmware } from './areas/firmware/reference-firmware';
import type { HandlerContext } from './handler-context';
import type { BuilderContext } from './operator/builder-context';
import { createOperatorHttpServer } from './operator/http-api';
import { CsmsCertificateAuthority, attachCertificateAuthority } from './pki/certificate-authority';
import { performOperatorRequest } from './operator/operator-api';
import { StationSession } from './station-session';
import { CsmsStore } from './store';

export interface ReferenceCsmsOptions {
  config: Config;
  pki: TestPki;
  /** Address to listen on; the default listens on every interface. */
  host?: string;
  /** Host name used in the advertised endpoints. */
  publicHost?: string;
  /** 0 = any free port. */
  wsPort?: number;
  wssPort?: number;
  /** Port of the operator HTTP API; undefined = no HTTP API (in-process use only). */
  operatorPort?: number;
  /** Where frames and connection events go (the standalone CSMS prints them). */
  sinks?: TraceSink[];
  callTimeoutMs?: number;
  /** Frames larger than this close the connection with 1009 (RFC 6455). */
  maxPayloadBytes?: number;
  /** Admission checks; the default is the specification's. A self-test switches one off to show the suite notices. */
  admission?: Partial<AdmissionRules>;
}

export interface CsmsEndpoints {
  ws: string;
  wss: string;
  operator?: string;
}

const HTTP_STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found' };

/**
 * TLS 1.3 suites, then the four TLS 1.2 suites OCPP 2.0.1 requires (A00; the ECDSA ones use the
 * ECDSA server certificate, the RSA ones the RSA certificate), then ECDHE-RSA for ordinary clients.
 */
const SERVER_CIPHERS = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_AES_128_GCM_SHA256',
  'TLS_CHACHA20_POLY1305_SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'AES256-GCM-SHA384',
  'AES128-GCM-SHA256',
].join(':');

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * The reference CSMS: a small, correct OCPP 2.0.1 CSMS, in memory. `ws://` for security profile 1;
 * one `wss://` port for profiles 2 (Basic auth) and 3 (client certificate, required to chain to the
 * CSMS's CA when presented); the operator API in process and, optionally, over HTTP.
 */
export class ReferenceCsms {
  readonly store: CsmsStore;
  readonly sessions = new Map<string, StationSession>();
  private readonly handlers = allHandlers();
  private readonly sinks: TraceSink[];
  private readonly wss: WebSocketServer;
  private plainServer: Server | undefined;
  private tlsServer: Server | undefined;
  private operatorServer: Server | undefined;
  private endpointList: CsmsEndpoints = { ws: '', wss: '' };
  private readonly rules: Readonly<AdmissionRules>;

  private constructor(private readonly options: ReferenceCsmsOptions) {
    this.store = new CsmsStore(options.config);
    this.rules = { ...SPECIFICATION_RULES, ...options.admission };
    this.sinks = options.sinks ?? [];
    this.wss = new WebSocketServer({
      noServer: true,
      perMessageDeflate: false,
      maxPayload: options.maxPayloadBytes ?? 1024 * 1024,
      handleProtocols: (protocols) => (protocols.has(OCPP_SUBPROTOCOL) ? OCPP_SUBPROTOCOL : false),
    });
  }

  static async start(options: ReferenceCsmsOptions): Promise<ReferenceCsms> {
    const csms = new ReferenceCsms(options);
    attachCertificateAuthority(csms.store, await CsmsCertificateAuthority.load(options.pki));
    await csms.listen();
    return csms;
  }

  get endpoints(): CsmsEndpoints {
    return this.endpointList;
  }

  get pki(): TestPki {
    return this.options.pki;
  }

  /** The operator contract, in process (the embedded mode). */
  perform(request: OperatorRequest): Promise<OperatorResult> {
    return performOperatorRequest(request, (stationId) => this.builderContext(stationId));
  }

  /** Back to the configured seed, as before the first scenario; connected stations are dropped. */
  async reset(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((session) => session.connection.close(1000, 'CSMS reset')));
    this.sessions.clear();
    this.store.reset();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((session) => session.connection.close(1001, 'CSMS shutting down')));
    this.sessions.clear();
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    await closeReferenceFirmware();
    await Promise.all(
      [this.plainServer, this.tlsServer, this.operatorServer].map(
        (server) =>
          new Promise<void>((resolve) => {
            if (!server) return resolve();
            server.closeAllConnections?.();
            server.close(() => resolve());
          }),
      ),
    );
  }

  private log(connection: string, text: string): void {
    const at = new Date().toISOString();
    for (const sink of this.sinks) sink.record({ kind: 'event', at, connection, recordedBy: 'CSMS', text });
  }

  private async listen(): Promise<void> {
    const { pki, host, wsPort = 9000, wssPort = 8082, operatorPort } = this.options;
    // The server certificates name "localhost": a loopback CSMS is advertised under that name so
    // that a station's host-name check (A00) passes without an exception.
    const publicHost = this.options.publicHost ?? (host === undefined || LOOPBACK.has(host) ? 'localhost' : host);
    this.plainServer = createServer((_req, res) => {
      res.writeHead(426, { 'content-type': 'text/plain' }).end('OCPP 2.0.1 over WebSocket: connect to ws://host:port/<stationId>\n');
    });
    this.plainServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(request, socket, head));
    const read = (path: string): Buffer => readFileSync(path);
    const tlsServer = createHttpsServer({
      cert: [read(pki.serverCert), read(pki.serverEcdsaCert)],
      key: [read(pki.serverKey), read(pki.serverEcdsaKey)],
      ca: read(pki.caCert),
      // One port serves profile 2 (no client certificate) and profile 3, so a missing certificate
      // must not fail the handshake; an untrusted one is dropped below.
      requestCert: true,
      rejectUnauthorized: false,
      minVersion: this.rules.minTlsVersion,
      ciphers: this.rules.minTlsVersion === 'TLSv1.2' ? SERVER_CIPHERS : 'DEFAULT@SECLEVEL=0',
      honorCipherOrder: true,
    });
    tlsServer.on('secureConnection', (socket: TLSSocket) => {
      // A client certificate the CSMS did not issue ends the connection right after the handshake.
      const peer = socket.getPeerCertificate();
      if (this.rules.verifyClientCertificate && peer && Object.keys(peer).length > 0 && !socket.authorized) {
        this.log(socket.remoteAddress ?? 'tls', `TLS client certificate refused: ${String(socket.authorizationError)}`);
        socket.destroy();
      }
    });
    tlsServer.on('tlsClientError', (error: Error) => this.log('tls', `TLS handshake failed: ${error.message}`));
    tlsServer.on('request', (_req, res) => res.writeHead(426).end());
    tlsServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(request, socket, head));
    this.tlsServer = tlsServer;

    const wsBound = await listenOn(this.plainServer, wsPort, host);
    const wssBound = await listenOn(this.tlsServer, wssPort, host);
    this.endpointList = { ws: `ws://${publicHost}:${wsBound}`, wss: `wss://${publicHost}:${wssBound}` };
    if (operatorPort !== undefined) {
      this.operatorServer = createOperatorHttpServer((request) => this.perform(request));
      const bound = await listenOn(this.operatorServer, operatorPort, host);
      this.endpointList.operator = `http://${publicHost}:${bound}`;
    }
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // The TLS layer may have dropped the connection (an untrusted client certificate) while the
    // upgrade request was already read.
    if (socket.destroyed) return;
    const admission: Admission = admit(request, this.store, this.rules);
    const label = admission.admitted ? admission.station.id : (request.url ?? '?');
    if (!admission.admitted) {
      this.log(label, `upgrade refused with HTTP ${admission.httpStatus}: ${admission.reason}`);
      const extra = admission.httpStatus === 401 ? 'WWW-Authenticate: Basic realm="OCPP", charset="UTF-8"\r\n' : '';
      socket.end(
        `HTTP/1.1 ${admission.httpStatus} ${HTTP_STATUS_TEXT[admission.httpStatus]}\r\n${extra}Connection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws: WebSocket) => {
      if (noteAdmitted(admission.station, admission.securityProfile, this.rules)) {
        this.log(admission.station.id, `upgraded to security profile ${admission.securityProfile}: lower profiles are refused from now on`);
      }
      this.attach(admission.station.id, admission.securityProfile, ws);
    });
  }

  private attach(stationId: string, securityProfile: 1 | 2 | 3, ws: WebSocket): void {
    const previous = this.sessions.get(stationId);
    const connection = new OcppConnection(ws, {
      role: 'CSMS',
      label: stationId,
      callTimeoutMs: this.options.callTimeoutMs ?? 30_000,
      sinks: this.sinks,
    });
    const session = new StationSession(stationId, connection, securityProfile);
    this.sessions.set(stationId, session);
    if (previous) {
      previous.connection.note('replaced by a new connection of the same station');
      void previous.connection.close(1000, 'replaced by a new connection');
    }
    connection.note(`connected with security profile ${securityProfile}`);
    for (const [action, handler] of this.handlers) {
      connection.handle(action, ((request: Parameters<typeof handler>[0]) => {
        const station = this.store.station(stationId);
        if (!station) throw new Error(`station ${stationId} is no longer registered`);
        // B02.FR.09 / B03.FR.07: until accepted, a station may only boot or answer what the CSMS asked for.
        requireRegistration(action, station);
        const context: HandlerContext = { store: this.store, config: this.options.config, station, session };
        return handler(request, context);
      }) as unknown as Handler<typeof action>);
    }
    connection.onClose(() => {
      if (this.sessions.get(stationId) === session) this.sessions.delete(stationId);
    });
  }

  private builderContext(stationId: string): BuilderContext | undefined {
    const station = this.store.station(stationId);
    if (!station) return undefined;
    return {
      store: this.store,
      config: this.options.config,
      station,
      session: this.sessions.get(stationId),
      pki: this.options.pki,
      endpoints: this.endpointList,
    };
  }
}

function listenOn(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
