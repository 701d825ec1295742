/**
 * What lives for a whole run (one per worker process): the validated configuration, the CSMS
 * endpoints, the TLS material of the stations, the operator and, in the embedded mode, the
 * reference CSMS itself.
 */
import { readFileSync } from 'node:fs';
import { MutatingRelay } from '../csms/faults/mutating-relay';
import { mutantNamed } from '../csms/faults/mutants';
import { ReferenceCsms } from '../csms/reference-csms';
import { type Config, SECRET_VARIABLES, type VariableName, loadConfig } from '../kernel/config';
import { EmbeddedOperator } from './operator/embedded-operator';
import { HttpOperator } from '../kernel/operator/http-operator';
import { ManualOperator } from './operator/manual-operator';
import type { CsmsOperator } from '../kernel/operator/contract';
import { PKI_DIR, type TestPki, ensureTestPki } from '../kernel/tls/test-pki';
import { StationPool } from './station-pool';
import { ConnectionHistory } from './station/connection-history';
import { configurationReport } from './configuration-check';

export interface TlsMaterial {
  /** PEM of the CA the CSMS's server certificate chains to; undefined = the system's trust store. */
  ca?: string;
  clientCert?: string;
  clientKey?: string;
  invalidClientCert?: string;
  invalidClientKey?: string;
}

export interface RunContext {
  config: Config;
  /** Where the stations connect: the configured addresses, or the embedded CSMS's free ports. */
  endpoints: { ws: string; wss: string };
  tls: TlsMaterial;
  operator: CsmsOperator;
  /** The reference CSMS, in the embedded mode only. */
  embedded?: ReferenceCsms;
  /** The self-test's faulty relay in front of the embedded CSMS (SELFTEST_MUTANT). */
  relay?: MutatingRelay;
  /** The generated test PKI, in the embedded mode only. */
  pki?: TestPki;
  /** The station identities scenarios lease: against a user's CSMS always, embedded with STATION_POOL. */
  stationPool?: StationPool;
  startedAt: Date;
  /** Who connected with which credentials, who changed the CSMS's view of a station (explains a 401). */
  connections: ConnectionHistory;
}

let current: RunContext | undefined;

function readPem(config: Config, name: VariableName): string | undefined {
  const path = config[name] as string | undefined;
  return path ? readFileSync(path, 'utf8') : undefined;
}

function operatorFor(config: Config, embedded: ReferenceCsms | undefined): CsmsOperator {
  const timeoutMs = config.CSMS_ACTION_TIMEOUT * 1000;
  switch (config.CSMS_OPERATOR) {
    case 'embedded':
      if (!embedded) throw new Error('CSMS_OPERATOR=embedded needs the embedded CSMS (leave CSMS_ADDRESS unset)');
      return new EmbeddedOperator((request) => embedded.perform(request));
    case 'http':
      return new HttpOperator(config.CSMS_OPERATOR_URL as string, timeoutMs);
    case 'manual':
      return new ManualOperator({
        output: process.stderr,
        input: process.stdin.isTTY ? process.stdin : undefined,
        actionTimeoutMs: timeoutMs,
      });
  }
}

/** Loads and validates the configuration, starts the embedded CSMS when no CSMS_ADDRESS is set. */
export async function startRun(): Promise<RunContext> {
  if (current) return current;
  const config = loadConfig();
  if (config.defaultedMinimal.length > 0) {
    const shown = config.defaultedMinimal.map((name) => `${name}=${SECRET_VARIABLES.includes(name) ? '(default)' : String(config[name])}`);
    process.stderr.write(`Against ${config.CSMS_ADDRESS}, these are at their defaults; set them to match your CSMS: ${shown.join(', ')}\n`);
  }
  let embedded: ReferenceCsms | undefined;
  let relay: MutatingRelay | undefined;
  let pki: TestPki | undefined;
  let endpoints = { ws: config.CSMS_ADDRESS, wss: config.CSMS_WSS_ADDRESS };
  let tls: TlsMaterial = {
    ca: readPem(config, 'TLS_CA_CERT'),
    clientCert: readPem(config, 'TLS_CLIENT_CERT'),
    clientKey: readPem(config, 'TLS_CLIENT_KEY'),
    invalidClientCert: readPem(config, 'TLS_INVALID_CLIENT_CERT'),
    invalidClientKey: readPem(config, 'TLS_INVALID_CLIENT_KEY'),
  };
  if (config.mode === 'embedded') {
    pki = await ensureTestPki(PKI_DIR, [config.SECURITY_PROFILE_3_CP, ...(config.STATION_POOL ?? []).map((station) => station.id)]);
    // npm run selftest: the CSMS's connections pass a relay that plants one bug.
    if (config.SELFTEST_MUTANT) relay = await MutatingRelay.start(mutantNamed(config.SELFTEST_MUTANT));
    const tap = relay?.tap.bind(relay);
    embedded = await ReferenceCsms.start({
      config,
      pki,
      host: '127.0.0.1',
      wsPort: 0,
      wssPort: 0,
      callTimeoutMs: config.OCPP_CALL_TIMEOUT * 1000,
      tap,
    });
    endpoints = { ws: embedded.endpoints.ws, wss: embedded.endpoints.wss };
    const read = (path: string): string => readFileSync(path, 'utf8');
    tls = {
      ca: tls.ca ?? read(pki.caCert),
      clientCert: tls.clientCert ?? read(pki.clientCert),
      clientKey: tls.clientKey ?? read(pki.clientKey),
      invalidClientCert: tls.invalidClientCert ?? read(pki.invalidClientCert),
      invalidClientKey: tls.invalidClientKey ?? read(pki.invalidClientKey),
    };
  }
  const stationPool =
    config.mode === 'external' || config.STATION_POOL
      ? new StationPool(config, endpoints.ws, tls, config.STATION_POOL_CERT_DIR ?? pki?.dir)
      : undefined;
  // Before the first scenario: what a selected block needs and is not configured.
  process.stderr.write(configurationReport(config, tls));
  current = {
    config,
    endpoints,
    tls,
    operator: operatorFor(config, embedded),
    embedded,
    relay,
    pki,
    stationPool,
    startedAt: new Date(),
    connections: new ConnectionHistory(),
  };
  return current;
}

export function runContext(): RunContext {
  if (!current) throw new Error('the run has not started (BeforeAll did not run)');
  return current;
}

export async function endRun(): Promise<void> {
  const ending = current;
  current = undefined;
  if (ending?.relay) {
    // The self-test runner reads this line: a mutant that never fired proves nothing.
    process.stderr.write(`selftest: mutant ${JSON.stringify(ending.config.SELFTEST_MUTANT)} fired ${ending.relay.fired} times\n`);
    await ending.relay.stop();
  }
  await ending?.embedded?.stop();
}
