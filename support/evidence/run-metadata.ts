/**
 * What a run tested and with what: the CSMS as the user declared it, the suite's version and
 * commit, the operator mode, when it ran and which scenarios were selected. This is the front page
 * of the report; a certification lead reads it before anything else.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../kernel/config';

const ROOT = join(__dirname, '..', '..');
export const OCPP_VERSION = '2.0.1';

export interface RunFacts {
  /** ISO times of the run's start and end (end: when it finished or was interrupted). */
  startedAt?: string;
  endedAt?: string;
  interrupted: boolean;
  /** The tag expression the run was started with; undefined = every scenario. */
  tags?: string;
  /** e.g. "cucumber-js 12.9.0 on node.js 20.20.2, linux". */
  runtime?: string;
}

export interface RunMetadata {
  /** The CSMS in a few words, for titles: vendor, product and version as declared. */
  csmsName: string;
  csmsAddress: string;
  csmsVendor: string;
  csmsProduct: string;
  csmsVersion: string;
  ocppVersion: string;
  suiteVersion: string;
  gitCommit?: string;
  operatorMode: string;
  stations: string;
  startedAt?: string;
  endedAt?: string;
  interrupted: boolean;
  tags: string;
  runtime?: string;
}

/** A URL with any password in it masked (ws://user:secret@host). */
function withoutPassword(address: string): string {
  try {
    const url = new URL(address);
    if (url.password) url.password = `masked-${url.password.length}-chars`;
    return url.toString().replace(/\/$/, '');
  } catch {
    return address;
  }
}

export function suiteVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/** The commit the suite ran from, marked when the working tree differs from it; undefined outside git. */
export function gitCommit(cwd = ROOT): string | undefined {
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' }).trim();
  try {
    const commit = git('rev-parse', '--short=12', 'HEAD');
    const changed = git('status', '--porcelain', '--untracked-files=no') !== '';
    return changed ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return undefined;
  }
}

/**
 * The tag expression of a cucumber-js command line: `--tags X`, `--tags=X`, `-t X`; several are
 * combined with "and", as cucumber-js does.
 */
export function tagsOf(argv: readonly string[]): string | undefined {
  const found: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if ((arg === '--tags' || arg === '-t') && i + 1 < argv.length) found.push(argv[++i]);
    else if (arg.startsWith('--tags=')) found.push(arg.slice('--tags='.length));
  }
  if (found.length === 0) return undefined;
  return found.length === 1 ? found[0] : found.map((expression) => `(${expression})`).join(' and ');
}

export function runMetadata(config: Config | undefined, facts: RunFacts): RunMetadata {
  const version = suiteVersion();
  const embedded = config?.mode === 'embedded';
  // The embedded CSMS is the suite's own: its identity is known without the user declaring it.
  const reference = { CSMS_VENDOR: 'this conformance suite', CSMS_PRODUCT: 'reference CSMS', CSMS_VERSION: version };
  const declared = (variable: 'CSMS_VENDOR' | 'CSMS_PRODUCT' | 'CSMS_VERSION'): string => {
    if (!config) return 'unknown: the configuration is invalid';
    return config[variable] ?? (embedded ? reference[variable] : `not declared (set ${variable})`);
  };
  let csmsAddress = 'unknown: the configuration is invalid';
  let csmsName = 'an unknown CSMS';
  let operatorMode = 'unknown';
  let stations = 'unknown';
  if (config) {
    csmsAddress = embedded
      ? 'embedded reference CSMS (started by the suite on 127.0.0.1, free ports)'
      : `${withoutPassword(config.CSMS_ADDRESS)} (ws), ${withoutPassword(config.CSMS_WSS_ADDRESS)} (wss)`;
    const named = [config.CSMS_VENDOR, config.CSMS_PRODUCT, config.CSMS_VERSION].filter((part): part is string => part !== undefined);
    if (named.length > 0) csmsName = named.join(' ');
    else csmsName = embedded ? `the reference CSMS of this suite ${version}` : `the CSMS at ${withoutPassword(config.CSMS_ADDRESS)}`;
    operatorMode =
      config.CSMS_OPERATOR === 'http' && config.CSMS_OPERATOR_URL
        ? `http (${withoutPassword(config.CSMS_OPERATOR_URL)})`
        : config.CSMS_OPERATOR;
    const pool = (config.STATION_POOL ?? []).map((station) => station.id);
    stations = [
      ...new Set(pool.length > 0 ? pool : [config.BASIC_AUTH_CP, config.SECURITY_PROFILE_2_CP, config.SECURITY_PROFILE_3_CP]),
    ].join(', ');
  }
  return {
    csmsName,
    csmsAddress,
    csmsVendor: declared('CSMS_VENDOR'),
    csmsProduct: declared('CSMS_PRODUCT'),
    csmsVersion: declared('CSMS_VERSION'),
    ocppVersion: OCPP_VERSION,
    suiteVersion: version,
    gitCommit: gitCommit(),
    operatorMode,
    stations,
    startedAt: facts.startedAt,
    endedAt: facts.endedAt,
    interrupted: facts.interrupted,
    tags: facts.tags ?? 'none (every scenario)',
    runtime: facts.runtime,
  };
}

/** The metadata as labelled rows, in the order a reader asks for them. */
export function metadataRows(meta: RunMetadata): Array<{ label: string; value: string }> {
  const rows = [
    { label: 'CSMS address', value: meta.csmsAddress },
    { label: 'CSMS vendor', value: meta.csmsVendor },
    { label: 'CSMS product', value: meta.csmsProduct },
    { label: 'CSMS version', value: meta.csmsVersion },
    { label: 'OCPP version', value: meta.ocppVersion },
    { label: 'Suite version', value: meta.gitCommit ? `${meta.suiteVersion}, commit ${meta.gitCommit}` : meta.suiteVersion },
    { label: 'Operator mode', value: meta.operatorMode },
    { label: 'Charging station ids', value: meta.stations },
    { label: 'Started', value: meta.startedAt ?? 'unknown' },
    { label: meta.interrupted ? 'Interrupted' : 'Ended', value: meta.endedAt ?? 'unknown' },
    { label: 'Tags selected', value: meta.tags },
  ];
  if (meta.runtime) rows.push({ label: 'Runtime', value: meta.runtime });
  return rows;
}
