import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach } from 'node:test';
import WebSocket from 'ws';
import { ReferenceCsms } from '../../csms/reference-csms';
import { type Config, loadConfig } from '../../kernel/config';
import { PKI_DIR } from '../../kernel/tls/test-pki';
import type { ChargingStation } from '../../support/station/core/charging-station';
import { basicAuthorization } from '../../support/station/core/transport';
import { testStation } from './station';
import { ensureTestPki } from '../../kernel/tls/test-pki';

/** A configuration as the suite would load it, from these variables only (no .env of the developer). */
export function testConfig(env: Record<string, string> = {}): Config {
  const envFile = join(mkdtempSync(join(tmpdir(), 'octt-test-')), 'empty.env');
  writeFileSync(envFile, '');
  return loadConfig({ env, envFile });
}

/** The reference CSMS on free loopback ports, seeded with stations CP_1 and CP_2. */
export async function startTestCsms(env: Record<string, string> = {}, options: { operatorPort?: number } = {}): Promise<ReferenceCsms> {
  const config = testConfig({ SECURITY_PROFILE_2_CP: 'CP_2', ...env });
  const pki = await ensureTestPki(PKI_DIR, config.SECURITY_PROFILE_3_CP);
  return ReferenceCsms.start({ config, pki, host: '127.0.0.1', wsPort: 0, wssPort: 0, callTimeoutMs: 2000, ...options });
}

/** Opens a raw WebSocket as station `id` with security profile 1. */
export function rawStation(csms: ReferenceCsms, id: string, password = '0123456789123456'): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${csms.endpoints.ws}/${id}`, ['ocpp2.0.1'], {
      headers: { Authorization: basicAuthorization(id, password) },
    });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
  });
}

/** The HTTP status of a refused upgrade (or "open" if it was accepted). */
export function upgradeStatus(url: string, protocols: string[], headers: Record<string, string>): Promise<number | 'open'> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocols, { headers });
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (error) => reject(error));
  });
}

export interface CsmsWithStation {
  readonly csms: ReferenceCsms;
  readonly station: ChargingStation;
  /** Has the operator API make the CSMS act for the station; the station's answer, if any. */
  ask(action: string, params: Record<string, unknown>): Promise<unknown>;
}

/**
 * For a test file about one area of the reference CSMS: the CSMS started once for the file and
 * reset before every test, and a station (CP_1 unless `id`) connected to it afresh, booted unless
 * `boot` is false.
 */
export function csmsWithStation(options: { id?: string; password?: string; boot?: boolean; timeScale?: number } = {}): CsmsWithStation {
  const id = options.id ?? 'CP_1';
  let csms: ReferenceCsms | undefined;
  let station: ChargingStation | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is not started: use csmsWithStation() at the top of a describe`);
    return value;
  };
  before(async () => {
    csms = await startTestCsms();
  });
  after(async () => {
    await csms?.stop();
  });
  beforeEach(async () => {
    await started(csms, 'reference CSMS').reset();
    station = testStation({
      id,
      baseUrl: started(csms, 'reference CSMS').endpoints.ws,
      ...(options.password ? { password: options.password } : {}),
      ...(options.timeScale ? { timeScale: options.timeScale } : {}),
    });
    await station.connect();
    if (options.boot !== false) await station.boot('PowerUp');
  });
  afterEach(async () => {
    await station?.shutdown();
  });
  return {
    get csms() {
      return started(csms, 'reference CSMS');
    },
    get station() {
      return started(station, 'station');
    },
    ask: (action, params) =>
      started(csms, 'reference CSMS')
        .perform({ action, stationId: id, params, instruction: action })
        .then((result) => result.response),
  };
}
