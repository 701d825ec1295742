/**
 * The suite's configuration: every variable of the catalog's configuration.yaml (same names,
 * same defaults) plus the suite's own (operator, timeouts, report metadata). Read once from the
 * environment and an optional .env file, validated once, typed. Nothing else reads process.env.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { OPTIONAL_FEATURES } from './catalog/test-case-list';

export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

interface VariableSpec<T> {
  /** Expected form, quoted in error messages. */
  form: string;
  /** Default when unset; a function sees the already-parsed variables. `undefined` = optional. */
  fallback?: T | ((parsed: Record<string, unknown>) => T);
  parse(raw: string): T | undefined;
  /** In the catalog's `minimal` set: against a user's CSMS, a default is announced at start. */
  requiredForExternal?: boolean;
}

type Fallback<T> = T | ((parsed: Record<string, unknown>) => T);
/** A variable that always has a value: its type in Config is not optional. */
type Defaulted<T> = VariableSpec<T> & { fallback: Fallback<T> };

function text(): VariableSpec<string>;
function text(fallback: string, requiredForExternal?: boolean): Defaulted<string>;
function text(fallback?: string, requiredForExternal = false): VariableSpec<string> {
  return {
    form: 'a non-empty string',
    fallback,
    requiredForExternal,
    parse: (raw) => (raw.trim() === '' ? undefined : raw),
  };
}

const integer = (fallback: number, min = 0, requiredForExternal = false): Defaulted<number> => ({
  form: `an integer >= ${min}`,
  fallback,
  requiredForExternal,
  parse: (raw) => (/^-?\d+$/.test(raw.trim()) && Number(raw) >= min ? Number(raw) : undefined),
});

const seconds = (fallback: number, requiredForExternal = false): Defaulted<number> => ({
  form: 'a number of seconds > 0',
  fallback,
  requiredForExternal,
  parse: (raw) => (/^\d+(\.\d+)?$/.test(raw.trim()) && Number(raw) > 0 ? Number(raw) : undefined),
});

const decimal = (fallback: number): Defaulted<number> => ({
  form: 'a number >= 0',
  fallback,
  parse: (raw) => (/^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : undefined),
});

function oneOf<T extends string>(values: readonly T[], fallback: Fallback<T>): Defaulted<T> {
  return {
    form: `one of ${values.join(', ')}`,
    fallback,
    parse: (raw) => ((values as readonly string[]).includes(raw.trim()) ? (raw.trim() as T) : undefined),
  };
}

/** A comma-separated subset of `values` (empty by default). */
function subsetOf(values: readonly string[]): Defaulted<readonly string[]> {
  return {
    form: `a comma-separated list of: ${values.join(', ')}`,
    fallback: [],
    parse: (raw) => {
      const items = raw
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      return items.every((item) => values.includes(item)) ? items : undefined;
    },
  };
}

function url(schemes: readonly string[]): VariableSpec<string>;
function url(schemes: readonly string[], fallback: string): Defaulted<string>;
function url(schemes: readonly string[], fallback?: string): VariableSpec<string> {
  return {
    form: `a URL starting with ${schemes.map((s) => `${s}//`).join(' or ')}`,
    fallback,
    parse: (raw) => {
      try {
        const parsed = new URL(raw.trim());
        return schemes.includes(parsed.protocol) ? raw.trim().replace(/\/+$/, '') : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

const existingFile = (): VariableSpec<string> => ({
  form: 'the path of a readable file',
  parse: (raw) => (raw.trim() !== '' && existsSync(resolve(raw.trim())) ? resolve(raw.trim()) : undefined),
});

/** A station identity the CSMS under test knows: its id and its basic-auth password. */
export interface PoolStation {
  readonly id: string;
  readonly password: string;
}

/** `id:password` entries separated by commas (the password is everything after the first colon). */
const stationPool = (): VariableSpec<readonly PoolStation[]> => ({
  form: 'a comma-separated list of stationId:password (ids distinct and non-empty, passwords non-empty)',
  parse: (raw) => {
    const entries = raw
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const stations = entries.map((entry) => ({ id: entry.slice(0, entry.indexOf(':')), password: entry.slice(entry.indexOf(':') + 1) }));
    const valid =
      entries.length > 0 &&
      entries.every((entry) => entry.indexOf(':') > 0 && entry.indexOf(':') < entry.length - 1) &&
      new Set(stations.map((station) => station.id)).size === stations.length;
    return valid ? stations : undefined;
  },
});

const existingDirectory = (): VariableSpec<string> => ({
  form: 'the path of a readable directory',
  parse: (raw) =>
    raw.trim() !== '' && existsSync(resolve(raw.trim())) && statSync(resolve(raw.trim())).isDirectory() ? resolve(raw.trim()) : undefined,
});

/**
 * An eMAID (contract id) as eMI3 and ISO 15118-2 write it: country code (ISO 3166-1 alpha-2),
 * provider id (3 alphanumerics), the eMA instance (9 alphanumerics: the ID type "C" and 8 more), an
 * optional check character, with or without the "-" separators, e.g. NLTNMC00122045K or
 * NL-TNM-C00122045-K.
 */
export const EMAID_FORM = /^[A-Z]{2}(-?)[A-Z0-9]{3}\1[A-Z0-9]{9}(\1[A-Z0-9])?$/i;

const emaid = (fallback: string): Defaulted<string> => ({
  form: 'an eMAID in eMI3 form, e.g. NLTNMC00122045K or NL-TNM-C00122045-K (country, provider, 9 characters, check character)',
  fallback,
  parse: (raw) => (EMAID_FORM.test(raw.trim()) ? raw.trim() : undefined),
});

const ID_TOKEN_TYPES = ['Central', 'eMAID', 'ISO14443', 'ISO15693', 'KeyCode', 'Local', 'MacAddress', 'NoAuthorization'] as const;
const idTokenType = (fallback: (typeof ID_TOKEN_TYPES)[number], requiredForExternal = false) => ({
  ...oneOf(ID_TOKEN_TYPES, fallback),
  requiredForExternal,
});

/** Every variable, in the order of configuration.yaml, then the suite's own. */
const SPEC = {
  // connection
  CSMS_ADDRESS: url(['ws:', 'wss:'], 'ws://localhost:9000'),
  CSMS_WSS_ADDRESS: url(['wss:'], 'wss://localhost:8082'),
  CSMS_ACTION_TIMEOUT: seconds(30),
  // stations
  BASIC_AUTH_CP: text('CP_1', true),
  BASIC_AUTH_CP_PASSWORD: text('0123456789123456', true),
  SECURITY_PROFILE_2_CP: text('CP_1'),
  SECURITY_PROFILE_3_CP: text('CP_1'),
  NEW_BASIC_AUTH_PASSWORD: text('new_password_12345678'),
  // station model
  CONFIGURED_EVSE_ID: integer(1, 1, true),
  CONFIGURED_CONNECTOR_ID: integer(1, 1, true),
  CONFIGURED_NUMBER_OF_EVSES: integer(1, 1),
  CONFIGURED_CONNECTOR_TYPE: text('cType2'),
  CONFIGURED_NUMBER_PHASES: integer(3, 1),
  CONFIGURED_CP_MODEL: text('CP Model 1.0'),
  CONFIGURED_CP_VENDOR: text('OCPP Conformance Suite'),
  // id tokens
  VALID_ID_TOKEN: text('100000C01', true),
  VALID_ID_TOKEN_TYPE: idTokenType('Central', true),
  VALID_ID_TOKEN_2: text('100000C39B'),
  VALID_ID_TOKEN_TYPE_2: idTokenType('Central'),
  INVALID_ID_TOKEN: text('100000C02'),
  // configuration.yaml's default "Cash" is not an IdTokenEnumType of OCPP 2.0.1: a request carrying it
  // fails the schema, so the CSMS could never judge the token. The token is invalid by its value.
  INVALID_ID_TOKEN_TYPE: idTokenType('Central'),
  BLOCKED_ID_TOKEN: text('100000C06'),
  BLOCKED_ID_TOKEN_TYPE: idTokenType('Central'),
  EXPIRED_ID_TOKEN: text('100000C07'),
  EXPIRED_ID_TOKEN_TYPE: idTokenType('Central'),
  GROUP_ID: text('GROUP001'),
  MASTERPASS_ID_TOKEN: text('MASTERC47'),
  MASTERPASS_ID_TOKEN_TYPE: idTokenType('Central'),
  MASTERPASS_GROUP_ID: text('GROUP001'),
  VALID_IDTOKEN_IDTOKEN: { ...text(), fallback: (p: Record<string, unknown>) => p.VALID_ID_TOKEN as string } as Defaulted<string>,
  VALID_IDTOKEN_TYPE: oneOf(ID_TOKEN_TYPES, (p) => p.VALID_ID_TOKEN_TYPE as (typeof ID_TOKEN_TYPES)[number]),
  // local list
  LOCAL_LIST_VERSION: integer(1, 1),
  LOCAL_AUTH_LIST_ID_TOKEN: text('D001001'),
  LOCAL_AUTH_LIST_ID_TOKEN_TYPE: idTokenType('Central'),
  LOCAL_AUTH_LIST_ID_TOKEN_2: text('D001002'),
  LOCAL_AUTH_LIST_ID_TOKEN_TYPE_2: idTokenType('Central'),
  // timing (seconds)
  TRANSACTION_DURATION: seconds(5),
  SAMPLED_METER_VALUES_INTERVAL: seconds(1),
  CLOCK_ALIGNED_METER_VALUES_INTERVAL: seconds(1),
  TX_ENDED_METER_VALUES_INTERVAL: seconds(1),
  // provisioning
  CONFIGURED_CONFIGURATION_SLOT: integer(1, 0),
  CONFIGURED_MESSAGE_TIMEOUT: integer(30, 1),
  CONFIGURED_OCPP_CSMS_URL: url(['ws:', 'wss:'], 'wss://localhost:8082'),
  CONFIGURED_OCPP_INTERFACE: oneOf(
    ['Wired0', 'Wired1', 'Wired2', 'Wired3', 'Wireless0', 'Wireless1', 'Wireless2', 'Wireless3'] as const,
    'Wired0',
  ),
  CONFIGURED_SECURITY_PROFILE: integer(2, 0),
  // smart charging
  CONFIGURED_STACK_LEVEL: integer(1, 0),
  CONFIGURED_CHARGING_RATE_UNIT: oneOf(['A', 'W'] as const, 'A'),
  CONFIGURED_CHARGING_SCHEDULE_DURATION: integer(300, 1),
  /** Volts per phase the station and the CSMS convert A <-> W with (block K). */
  CONFIGURED_VOLTAGE: integer(230, 1),
  // tariff
  COST_PER_KWH: decimal(0.35),
  // data transfer
  CONFIGURED_VENDOR_ID: text('org.ocpp-conformance-suite'),
  CONFIGURED_MESSAGE_ID: text('TestMessage'),
  // TLS assets (generated for the embedded CSMS)
  TLS_CA_CERT: existingFile(),
  TLS_CLIENT_CERT: existingFile(),
  TLS_CLIENT_KEY: existingFile(),
  TLS_INVALID_CLIENT_CERT: existingFile(),
  TLS_INVALID_CLIENT_KEY: existingFile(),
  // ISO 15118 assets
  ISO15118_CERT_HASH_DATA_FILE: existingFile(),
  ISO15118_REVOKED_CERT_HASH_DATA_FILE: existingFile(),
  CONTRACT_CERT_FILE: existingFile(),
  // eMI3 / ISO 15118-2 form (country, provider, ID type and 8 characters, check character) without
  // the optional separators: an EV transfers 15 characters at most (ISO 15118-2), and the generated
  // contract certificate names it as its subject CN.
  CONTRACT_CERT_EMAID: emaid('NLTNMC00122045K'),
  // firmware (block L): the ManufacturerRootCertificate the station trusts; generated into .pki/firmware when unset
  MANUFACTURER_ROOT_CERT: existingFile(),
  // the suite's own
  CSMS_OPERATOR: oneOf(['manual', 'http', 'embedded'] as const, (p) => (p.CSMS_ADDRESS_SET ? 'manual' : 'embedded')),
  CSMS_OPERATOR_URL: url(['http:', 'https:']),
  OCPP_CALL_TIMEOUT: seconds(30),
  // Station identities the CSMS knows, for parallel workers against it: each scenario leases one
  // (and plays it in every security profile); unset = the one identity of BASIC_AUTH_CP.
  STATION_POOL: stationPool(),
  // Client certificates of the pool's stations for security profile 3: client-<id>.pem/.key (and
  // invalid-client-<id>.pem/.key, from a CA the CSMS does not trust), as in the generated .pki/.
  STATION_POOL_CERT_DIR: existingDirectory(),
  // A workaround, off by default: some CSMSs route messages to a station only a moment after the
  // WebSocket upgrade, so an operator request sent at once is lost. Milliseconds to wait after the
  // WebSocket opens before the first operator request.
  CSMS_CONNECT_SETTLE_MS: integer(0, 0),
  // How far a BootNotificationResponse's currentTime may be from the station's clock.
  BOOT_TIME_SKEW: seconds(300),
  // The optional features of OCPP 2.0.1 the CSMS under test does not support: their test cases end
  // "not applicable" instead of running (see kernel/catalog/README.md).
  CSMS_UNSUPPORTED_FEATURES: subsetOf(OPTIONAL_FEATURES),
  // The self-test (npm run selftest): the mutant the embedded CSMS's relay applies.
  SELFTEST_MUTANT: text(),
  TIME_SCALE: {
    form: 'a number > 0 and <= 1',
    fallback: (p: Record<string, unknown>) => (p.CSMS_ADDRESS_SET ? 1 : 0.1),
    parse: (raw: string) => (/^\d+(\.\d+)?$/.test(raw.trim()) && Number(raw) > 0 && Number(raw) <= 1 ? Number(raw) : undefined),
  } as Defaulted<number>,
  // the reference CSMS when started on its own (npm run csms)
  CSMS_WS_PORT: integer(9000, 0),
  CSMS_WSS_PORT: integer(8082, 0),
  CSMS_OPERATOR_PORT: integer(9100, 0),
  CSMS_VENDOR: text(),
  CSMS_PRODUCT: text(),
  CSMS_VERSION: text(),
} satisfies Record<string, VariableSpec<unknown>>;

type Spec = typeof SPEC;
type ValueOf<S> = S extends VariableSpec<infer T> ? T : never;
type Optional = {
  [K in keyof Spec]: Spec[K] extends Defaulted<unknown> ? never : K;
}[keyof Spec];

export type VariableName = keyof Spec;

export type Config = Readonly<
  { [K in Exclude<VariableName, Optional>]: ValueOf<Spec[K]> } & { [K in Optional]?: ValueOf<Spec[K]> } & {
    /** embedded: no CSMS_ADDRESS, the suite runs the reference CSMS itself. */
    mode: 'embedded' | 'external';
    /** Where the values came from, for the report. */
    sources: Readonly<Partial<Record<VariableName, 'environment' | '.env' | 'default'>>>;
    /** Against a user's CSMS: variables of the catalog's minimal set left at their defaults. */
    defaultedMinimal: readonly VariableName[];
  }
>;

export const VARIABLE_NAMES = Object.keys(SPEC) as VariableName[];

/** The form each variable's value must have, as an error message quotes it (README.md lists them). */
export const VARIABLE_FORMS: Readonly<Record<VariableName, string>> = Object.fromEntries(
  VARIABLE_NAMES.map((name) => [name, (SPEC[name] as VariableSpec<unknown>).form]),
) as Record<VariableName, string>;

/** Variables whose values are secrets, masked in traces and reports. */
export const SECRET_VARIABLES: readonly VariableName[] = ['BASIC_AUTH_CP_PASSWORD', 'NEW_BASIC_AUTH_PASSWORD'];

export interface LoadOptions {
  env?: Env;
  /** .env file to read; defaults to ENV_FILE or ./.env. A missing default file is fine. */
  envFile?: string;
}

/** Reads, validates and types the configuration. Throws ConfigurationError naming every bad variable. */
export function loadConfig(options: LoadOptions = {}): Config {
  const env = options.env ?? process.env;
  const explicitFile = options.envFile ?? (env.ENV_FILE || undefined);
  const filePath = resolve(explicitFile ?? '.env');
  const problems: string[] = [];
  let fileVars: Record<string, string> = {};
  if (existsSync(filePath)) {
    fileVars = parseDotenv(readFileSync(filePath));
  } else if (explicitFile) {
    problems.push(`ENV_FILE: expected the path of a readable .env file, got "${explicitFile}"`);
  }

  const rawOf = (name: string): { value: string; source: 'environment' | '.env' } | undefined => {
    const fromEnv = env[name];
    if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, source: 'environment' };
    const fromFile = fileVars[name];
    if (fromFile !== undefined && fromFile !== '') return { value: fromFile, source: '.env' };
    return undefined;
  };

  const external = rawOf('CSMS_ADDRESS') !== undefined;
  const parsed: Record<string, unknown> = { CSMS_ADDRESS_SET: external };
  const sources: Partial<Record<VariableName, 'environment' | '.env' | 'default'>> = {};
  const defaultedMinimal: VariableName[] = [];

  for (const name of VARIABLE_NAMES) {
    const spec = SPEC[name] as VariableSpec<unknown>;
    const raw = rawOf(name);
    if (raw !== undefined) {
      const value = spec.parse(raw.value);
      if (value === undefined) {
        const shown = SECRET_VARIABLES.includes(name) ? `a value of ${raw.value.length} chars` : `"${raw.value}"`;
        problems.push(`${name}: expected ${spec.form}, got ${shown}`);
      } else {
        parsed[name] = value;
        sources[name] = raw.source;
      }
      continue;
    }
    // With STATION_POOL the stations' ids and passwords are the pool's.
    const fromPool = (name === 'BASIC_AUTH_CP' || name === 'BASIC_AUTH_CP_PASSWORD') && rawOf('STATION_POOL') !== undefined;
    if (external && spec.requiredForExternal && !fromPool) defaultedMinimal.push(name);
    if (spec.fallback !== undefined) {
      parsed[name] =
        typeof spec.fallback === 'function' ? (spec.fallback as (p: Record<string, unknown>) => unknown)(parsed) : spec.fallback;
      sources[name] = 'default';
    }
  }

  if (
    parsed.CSMS_OPERATOR === 'http' &&
    parsed.CSMS_OPERATOR_URL === undefined &&
    !problems.some((p) => p.startsWith('CSMS_OPERATOR_URL'))
  ) {
    problems.push('CSMS_OPERATOR_URL: missing; it must be set when CSMS_OPERATOR=http (expected a URL starting with http:// or https://)');
  }
  if (parsed.CSMS_OPERATOR === 'embedded' && external) {
    problems.push(
      'CSMS_OPERATOR: "embedded" drives the built-in reference CSMS, which runs only when CSMS_ADDRESS is unset; use manual or http for your CSMS',
    );
  }
  const password = parsed.BASIC_AUTH_CP_PASSWORD;
  if (typeof password === 'string' && password.length < 16 && !external) {
    problems.push(`BASIC_AUTH_CP_PASSWORD: expected at least 16 characters (SecurityCtrlr.BasicAuthPassword), got ${password.length}`);
  }
  const pool = (parsed.STATION_POOL ?? []) as readonly PoolStation[];
  const short = pool.filter((station) => station.password.length < 16).map((station) => station.id);
  if (short.length > 0 && !external) {
    problems.push(
      `STATION_POOL: expected passwords of at least 16 characters (SecurityCtrlr.BasicAuthPassword), not so for ${short.join(', ')}`,
    );
  }
  if (problems.length > 0) throw new ConfigurationError(problems);

  delete parsed.CSMS_ADDRESS_SET;
  return Object.freeze({
    ...parsed,
    mode: external ? 'external' : 'embedded',
    sources: Object.freeze(sources),
    defaultedMinimal: Object.freeze(defaultedMinimal),
  }) as unknown as Config;
}

/** Every secret value of the configuration (masked in traces and reports), the pool's passwords too. */
export function secretValues(config: Config): string[] {
  const named = SECRET_VARIABLES.map((name) => config[name] as string | undefined).filter((value): value is string => value !== undefined);
  return [...named, ...(config.STATION_POOL ?? []).map((station) => station.password)];
}

/** A timing variable in milliseconds, scaled by TIME_SCALE (the embedded mode runs faster). */
export function scaledMs(
  config: Config,
  name: 'TRANSACTION_DURATION' | 'SAMPLED_METER_VALUES_INTERVAL' | 'CLOCK_ALIGNED_METER_VALUES_INTERVAL' | 'TX_ENDED_METER_VALUES_INTERVAL',
): number {
  return Math.round(config[name] * 1000 * config.TIME_SCALE);
}
