import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { ReferenceCsms } from '../../csms/reference-csms';
import { type Config, loadConfig } from '../../kernel/config';
import { PKI_DIR } from '../../kernel/tls/test-pki';
import { basicAuthorization } from '../../support/station/core/transport';
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
