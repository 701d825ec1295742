import { readFileSync } from 'node:fs';
import { type IncomingMessage, type Server, createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import WebSocket, { WebSocketServer } from 'ws';
import type { Config } from '../support/config';
import type { TraceSink } from '../support/evidence/trace';
import { OcppConnection } from '../support/ocpp/rpc';
import type { Handler } from '../support/ocpp/rpc';
import type { OperatorRequest, OperatorResult } from '../support/operator/operator';
import type { TestPki } from '../support/tls/test-pki';
import { type Admission, OCPP_SUBPROTOCOL, admit } from './connection-auth';
import { allHandlers } from './handlers';
import type { HandlerContext } from './handlers/handler-context';
import type { BuilderContext } from './operator/builder-context';
import { createOperatorHttpServer } from './operator/http-api';
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
}

export interface CsmsEndpoints {
  ws: string;
  wss: string;
  operator?: string;
}

const HTTP_STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found' };

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

  private constructor(private readonly options: ReferenceCsmsOptions) {
    this.store = new CsmsStore(options.config);
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
    const publicHost = this.options.publicHost ?? host ?? 'localhost';
    this.plainServer = createServer((_req, res) => {
      res.writeHead(426, { 'content-type': 'text/plain' }).end('OCPP 2.0.1 over WebSocket: connect to ws://host:port/<stationId>\n');
    });
    this.plainServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(request, socket, head));
    const read = (path: string): Buffer => readFileSync(path);
    const tlsServer = createHttpsServer({
      cert: [read(pki.serverCert), read(pki.serverEcdsaCert)],
      key: [read(pki.serverKey), read(pki.serverEcdsaKey)],
      ca: read(pki.caCert),
      requestCert: true,
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
    });
    tlsServer.on('secureConnection', (socket: TLSSocket) => {
      // A client certificate the CSMS did not issue ends the connection right after the handshake.
      const peer = socket.getPeerCertificate();
      if (peer && Object.keys(peer).length > 0 && !socket.authorized) {
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
    const admission: Admission = admit(request, this.store);
    const label = admission.admitted ? admission.station.id : (request.url ?? '?');
    if (!admission.admitted) {
      this.log(label, `upgrade refused with HTTP ${admission.httpStatus}: ${admission.reason}`);
      const extra = admission.httpStatus === 401 ? 'WWW-Authenticate: Basic realm="OCPP", charset="UTF-8"\r\n' : '';
      socket.end(
        `HTTP/1.1 ${admission.httpStatus} ${HTTP_STATUS_TEXT[admission.httpStatus]}\r\n${extra}Connection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws: WebSocket) => this.attach(admission.station.id, admission.securityProfile, ws));
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
