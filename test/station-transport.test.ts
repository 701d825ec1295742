import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { type IncomingMessage, createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { after, before, describe, test } from 'node:test';
import { WebSocketServer } from 'ws';
import { PKI_DIR } from '../kernel/tls/test-pki';
import { ConnectionRefusedError, openStationSocket } from '../support/station/core/transport';
import { type TestPki, ensureTestPki } from '../kernel/tls/test-pki';

interface Seen {
  authorization?: string;
  protocols?: string;
  clientCn?: string;
}

/** A ws/wss server on loopback that records what the station presented. */
async function server(
  tls: ServerOptions | undefined,
  selectProtocol = true,
): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const http = tls ? createHttpsServer(tls) : createHttpServer();
  const seen: Seen[] = [];
  const wss = new WebSocketServer({
    server: http,
    handleProtocols: (protocols) => (selectProtocol && protocols.has('ocpp2.0.1') ? 'ocpp2.0.1' : false),
  });
  wss.on('connection', (_socket, request: IncomingMessage) => {
    const peer = (request.socket as TLSSocket).getPeerCertificate?.();
    seen.push({
      authorization: request.headers.authorization,
      protocols: request.headers['sec-websocket-protocol'],
      clientCn: peer && Object.keys(peer).length > 0 ? String(peer.subject.CN) : undefined,
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `${tls ? 'wss' : 'ws'}://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        http.close(() => resolve());
      }),
  };
}

async function refusal(promise: Promise<unknown>): Promise<ConnectionRefusedError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ConnectionRefusedError, String(error));
    return error;
  }
  assert.fail('the connection was expected to be refused');
}

describe('station transport', () => {
  let pki: TestPki;
  const pem = (path: string): string => readFileSync(path, 'utf8');
  before(async () => {
    pki = await ensureTestPki(PKI_DIR, 'CP_1');
  });

  test('security profile 1: ws:// with Basic auth (username = station id) and subprotocol ocpp2.0.1', async () => {
    const csms = await server(undefined);
    const socket = await openStationSocket({
      baseUrl: `${csms.url}/ocpp`,
      stationId: 'CP 1',
      basicAuth: { username: 'CP 1', password: 'pw:with:colons' },
      handshakeTimeoutMs: 2000,
    });
    assert.equal(socket.protocol, 'ocpp2.0.1');
    socket.close();
    assert.deepEqual(csms.seen, [
      { authorization: `Basic ${Buffer.from('CP 1:pw:with:colons').toString('base64')}`, protocols: 'ocpp2.0.1', clientCn: undefined },
    ]);
    await csms.close();
  });

  test('a CSMS that selects no subprotocol is refused by the station', async () => {
    const csms = await server(undefined, false);
    const error = await refusal(openStationSocket({ baseUrl: csms.url, stationId: 'CP_1', handshakeTimeoutMs: 2000 }));
    assert.equal(error.kind, 'subprotocol');
    await csms.close();
  });

  test('an HTTP refusal is reported with its status code', async () => {
    const http = createHttpServer();
    http.on('upgrade', (_request, socket) => socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const error = await refusal(
      openStationSocket({ baseUrl: `ws://127.0.0.1:${(http.address() as AddressInfo).port}`, stationId: 'CP_1', handshakeTimeoutMs: 2000 }),
    );
    assert.equal(error.kind, 'http');
    assert.equal(error.statusCode, 401);
    await new Promise<void>((resolve) => http.close(() => resolve()));
  });

  describe('TLS', () => {
    let serverOnly: Awaited<ReturnType<typeof server>>;
    let mutual: Awaited<ReturnType<typeof server>>;
    before(async () => {
      serverOnly = await server({ cert: pem(pki.serverCert), key: pem(pki.serverKey), minVersion: 'TLSv1.2' });
      mutual = await server({
        cert: pem(pki.serverCert),
        key: pem(pki.serverKey),
        ca: pem(pki.caCert),
        requestCert: true,
        rejectUnauthorized: true,
      });
    });
    after(async () => {
      await Promise.all([serverOnly.close(), mutual.close()]);
    });

    test('security profile 2: the server certificate is verified against the configured CA', async () => {
      const socket = await openStationSocket({
        baseUrl: serverOnly.url,
        stationId: 'CP_1',
        basicAuth: { username: 'CP_1', password: 'p' },
        tls: { ca: pem(pki.caCert) },
        handshakeTimeoutMs: 2000,
      });
      socket.close();
      const error = await refusal(
        openStationSocket({ baseUrl: serverOnly.url, stationId: 'CP_1', tls: { ca: pem(pki.unknownCaCert) }, handshakeTimeoutMs: 2000 }),
      );
      assert.equal(error.kind, 'tls');
    });

    test('security profile 3: the station presents its client certificate', async () => {
      const socket = await openStationSocket({
        baseUrl: mutual.url,
        stationId: 'CP_1',
        tls: { ca: pem(pki.caCert), cert: pem(pki.clientCert), key: pem(pki.clientKey) },
        handshakeTimeoutMs: 2000,
      });
      socket.close();
      assert.equal(mutual.seen.at(-1)?.clientCn, 'CP_1');
      const error = await refusal(
        openStationSocket({ baseUrl: mutual.url, stationId: 'CP_1', tls: { ca: pem(pki.caCert) }, handshakeTimeoutMs: 2000 }),
      );
      assert.ok(['tls', 'network'].includes(error.kind), error.message);
    });

    test('TLS 1.2 is the minimum the station offers', async () => {
      const old = await server({
        cert: pem(pki.serverCert),
        key: pem(pki.serverKey),
        minVersion: 'TLSv1',
        maxVersion: 'TLSv1.1',
        ciphers: 'DEFAULT@SECLEVEL=0',
      });
      const error = await refusal(
        openStationSocket({ baseUrl: old.url, stationId: 'CP_1', tls: { ca: pem(pki.caCert) }, handshakeTimeoutMs: 2000 }),
      );
      assert.equal(error.kind, 'tls');
      await old.close();
    });
  });
});
