/**
 * What each block needs configured beyond the defaults, checked before the run: against a user's
 * CSMS nothing generates the TLS client certificates, so a block whose scenarios need one is named
 * at start with the variables missing. A scenario that still runs without its configuration ends
 * inconclusive (missingConfiguration throws an EnvironmentError), never as the CSMS's failure.
 */
import type { Config, VariableName } from '../kernel/config';
import { EnvironmentError } from '../kernel/verdicts';

/** The TLS material of the run (support/run-context.ts's TlsMaterial, the part checked here). */
interface TlsMaterial {
  clientCert?: string;
  clientKey?: string;
  invalidClientCert?: string;
  invalidClientKey?: string;
}

export interface BlockNeed {
  block: string;
  tag: string;
  /** The variables, all of which must be set. */
  variables: readonly VariableName[];
  /** Which scenarios need them, and for what. */
  why: string;
  /** Whether the run has what they configure. */
  present(tls: TlsMaterial): boolean;
}

export const BLOCK_NEEDS: readonly BlockNeed[] = [
  {
    block: 'A',
    tag: '@security',
    variables: ['TLS_CLIENT_CERT', 'TLS_CLIENT_KEY'],
    why: 'the security profile 3 scenarios: a client certificate with CN = SECURITY_PROFILE_3_CP that chains to the CSMS CA',
    present: (tls) => Boolean(tls.clientCert && tls.clientKey),
  },
  {
    block: 'A',
    tag: '@security',
    variables: ['TLS_INVALID_CLIENT_CERT', 'TLS_INVALID_CLIENT_KEY'],
    why: 'TC_A_08_CSMS and the refusal cases: a client certificate the CSMS must refuse (not issued by a CA it trusts)',
    present: (tls) => Boolean(tls.invalidClientCert && tls.invalidClientKey),
  },
];

/** One line per unmet need, e.g. "block A (@security): TLS_INVALID_CLIENT_CERT, … not set: needed by …". */
export function configurationCheck(tls: TlsMaterial): string[] {
  return BLOCK_NEEDS.filter((need) => !need.present(tls)).map(
    (need) => `block ${need.block} (${need.tag}): ${need.variables.join(', ')} not set, needed by ${need.why}`,
  );
}

/** Throws the EnvironmentError a scenario ends with when a need of its block is not configured. */
export function requireConfigured(tls: TlsMaterial, variables: readonly VariableName[]): void {
  const need = BLOCK_NEEDS.find((candidate) => candidate.variables.join() === variables.join());
  if (need && !need.present(tls)) {
    throw new EnvironmentError(`${variables.join(' and ')} are not set: ${need.why} (see README.md, "Configuration")`);
  }
}

/** The configuration check's report before a run against a user's CSMS; empty when all is set. */
export function configurationReport(config: Config, tls: TlsMaterial): string {
  if (config.mode === 'embedded') return '';
  const missing = configurationCheck(tls);
  if (missing.length === 0) return '';
  return [
    'Configuration check: these scenarios will be inconclusive unless you set what they need:',
    ...missing.map((line) => `  - ${line}`),
    '',
  ].join('\n');
}
