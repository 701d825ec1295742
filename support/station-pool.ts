/**
 * The station identities of a run against a CSMS, leased one per scenario so that no two
 * scenarios (of parallel workers, or of two runs on this machine) play the same station at once:
 * the CSMS would take the second connection of a station id for a reconnect and drop the first.
 *
 * A lease is a lock directory per identity and CSMS (kernel/process-lock: created with mkdir, so
 * exactly one process gets it), released at the scenario's end and when the process exits; a lock
 * of a dead process is taken over. Locks rather than a partition of the pool by CUCUMBER_WORKER_ID:
 * a partition leaves a worker without a station when the pool is smaller than the worker count and
 * does not see a second run against the same CSMS; with locks, workers simply wait for a free one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config, PoolStation } from '../kernel/config';
import { acquireOneOf } from '../kernel/process-lock';
import { clientCertificatesOf } from '../kernel/tls/test-pki';

export interface StationTls {
  ca?: string;
  clientCert?: string;
  clientKey?: string;
  invalidClientCert?: string;
  invalidClientKey?: string;
}

export interface StationLease {
  readonly id: string;
  /** The configuration as the scenario sees it: its station ids and password are the leased ones. */
  readonly config: Config;
  readonly tls: StationTls;
  release(): void;
}

/** How long a scenario waits for a free identity: the longest a scenario may hold one. */
const LEASE_WAIT_MS = 10 * 60 * 1000;

function safe(id: string): string {
  return id.replace(/[^A-Za-z0-9_.-]/g, '_');
}

export class StationPool {
  private readonly stations: readonly PoolStation[];
  private readonly lockDir: string;

  /**
   * @param csmsAddress where the stations connect: a lock is per CSMS.
   * @param runTls the run's TLS material (the configured identity's client certificate).
   * @param certDir where client-<id>.pem/.key of the pool's stations are (STATION_POOL_CERT_DIR, or the generated PKI).
   */
  constructor(
    private readonly config: Config,
    csmsAddress: string,
    private readonly runTls: StationTls,
    private readonly certDir: string | undefined,
  ) {
    this.stations = config.STATION_POOL ?? [{ id: config.BASIC_AUTH_CP, password: config.BASIC_AUTH_CP_PASSWORD }];
    const key = createHash('sha256').update(csmsAddress).digest('hex').slice(0, 16);
    this.lockDir = join(tmpdir(), 'ocpp-conformance-stations', key);
  }

  get size(): number {
    return this.stations.length;
  }

  get ids(): string[] {
    return this.stations.map((station) => station.id);
  }

  /** The lock directory of each identity, in the pool's order. */
  lockPaths(): string[] {
    return this.stations.map((station) => join(this.lockDir, `${safe(station.id)}.lock`));
  }

  /** Waits for a free identity and leases it until release(). */
  async lease(): Promise<StationLease> {
    const paths = this.lockPaths();
    const lock = await acquireOneOf(paths, LEASE_WAIT_MS);
    const station = this.stations[paths.indexOf(lock.path)];
    return { id: station.id, config: this.configOf(station), tls: this.tlsOf(station.id), release: () => lock.release() };
  }

  private configOf(station: PoolStation): Config {
    // Without STATION_POOL the one identity is the configuration's own, security-profile ids included.
    if (!this.config.STATION_POOL) return this.config;
    return Object.freeze({
      ...this.config,
      BASIC_AUTH_CP: station.id,
      BASIC_AUTH_CP_PASSWORD: station.password,
      SECURITY_PROFILE_2_CP: station.id,
      SECURITY_PROFILE_3_CP: station.id,
    });
  }

  private tlsOf(id: string): StationTls {
    if (!this.config.STATION_POOL) return this.runTls;
    // TLS_CLIENT_CERT/KEY are the configured security-profile-3 station's.
    const base = id === this.config.SECURITY_PROFILE_3_CP ? this.runTls : { ca: this.runTls.ca };
    if (!this.certDir) return base;
    const files = clientCertificatesOf(this.certDir, id);
    const read = (path: string): string | undefined => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
    const own = { clientCert: read(files.clientCert), clientKey: read(files.clientKey) };
    const invalid = { invalidClientCert: read(files.invalidClientCert), invalidClientKey: read(files.invalidClientKey) };
    return {
      ...base,
      ...(own.clientCert && own.clientKey ? own : {}),
      ...(invalid.invalidClientCert && invalid.invalidClientKey ? invalid : {}),
    };
  }
}
