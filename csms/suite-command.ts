/**
 * The command `npm run csms` prints to run the whole suite against it from another shell: every
 * variable a full run needs (addresses, the HTTP operator, the test PKI's CA and both client
 * certificates), and every variable the CSMS itself was started with, so that both sides agree on
 * station ids, passwords and tokens. Secrets are not printed: the command takes them from the shell.
 */
import { type Config, SECRET_VARIABLES, type VariableName } from '../kernel/config';
import type { TestPki } from '../kernel/tls/test-pki';

/** Variables of the standalone CSMS alone, which the suite does not read. */
const CSMS_ONLY: readonly VariableName[] = ['CSMS_WS_PORT', 'CSMS_WSS_PORT', 'CSMS_OPERATOR_PORT'];

const quoted = (value: string): string => (/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

/** The variables, in order, as NAME=value (a secret as NAME="$NAME", read from the shell). */
export function suiteVariables(config: Config, endpoints: { ws: string; wss: string; operator?: string }, pki: TestPki): string[] {
  const fixed: Array<[string, string]> = [
    ['CSMS_ADDRESS', endpoints.ws],
    ['CSMS_WSS_ADDRESS', endpoints.wss],
    ['CSMS_OPERATOR', 'http'],
    ['CSMS_OPERATOR_URL', endpoints.operator ?? ''],
    ['TLS_CA_CERT', pki.caCert],
    ['TLS_CLIENT_CERT', pki.clientCert],
    ['TLS_CLIENT_KEY', pki.clientKey],
    ['TLS_INVALID_CLIENT_CERT', pki.invalidClientCert],
    ['TLS_INVALID_CLIENT_KEY', pki.invalidClientKey],
    // The pool's client certificates were generated beside the others.
    ...(config.STATION_POOL ? ([['STATION_POOL_CERT_DIR', pki.dir]] as Array<[string, string]>) : []),
  ];
  const named = new Set(fixed.map(([name]) => name));
  const own = (Object.keys(config.sources) as VariableName[]).filter(
    (name) => config.sources[name] === 'environment' && !named.has(name) && !CSMS_ONLY.includes(name),
  );
  return [
    ...fixed.map(([name, value]) => `${name}=${quoted(value)}`),
    // A secret (a password, the pool's passwords) is referenced, never printed.
    ...own.map((name) =>
      SECRET_VARIABLES.includes(name) || name === 'STATION_POOL' ? `${name}="$${name}"` : `${name}=${quoted(String(config[name]))}`,
    ),
  ];
}

/** The command lines, ready to paste: the variables, three to a line, then the suite. */
export function suiteCommand(variables: readonly string[], tail = 'npx cucumber-js'): string[] {
  const lines: string[] = [];
  for (let i = 0; i < variables.length; i += 3) lines.push(`  ${variables.slice(i, i + 3).join(' ')} \\`);
  lines.push(`  ${tail}`);
  return lines;
}
