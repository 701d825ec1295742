/**
 * What a block-A scenario keeps between its steps (the last connection attempt, the cipher-suite
 * probes) and how its tables read: a `| field | value |` table describing a connection attempt, and
 * one describing the subject of a certificate signing request.
 */
import { randomInt } from 'node:crypto';
import type { SecureVersion } from 'node:tls';
import type { RunContext } from '../../../run-context';
import { requireConfigured } from '../../../configuration-check';
import { LEGACY_TLS_CLIENT } from '../../../../kernel/tls/cipher-suites';
import type { SubjectFields } from '../../../../kernel/tls/csr';
import { type ValueContext, resolveValue } from '../../../validation/values';
import type { ChargingStation, SecurityProfile, StationRole } from '../../core/charging-station';
import { type AttemptOutcome, type AttemptSpec, type CipherProbe, attemptConnection } from './attempts';
import { type NetworkState, type StationEnvironment, activateHighestPriorityProfile, networkStateOf } from './network';

/** What a block-A scenario needs of the World. */
export interface ScenarioWorld {
  readonly run: RunContext;
  /** The TLS material of the station identity the scenario plays. */
  readonly tls: RunContext['tls'];
  station(role: StationRole): ChargingStation;
  remember(name: string, value: unknown): void;
}

export class SecurityScenario {
  lastAttempt: AttemptOutcome | undefined;
  /** Which station made the last attempt. */
  lastRole: StationRole | undefined;
  cipherProbes: CipherProbe[] | undefined;

  constructor(private readonly world: ScenarioWorld) {}

  /**
   * The station playing `role`, ready for block A: its network state exists from its first step on,
   * so that a password it accepts is followed. (The World undoes what the CSMS changed.)
   */
  station(role: StationRole): ChargingStation {
    const station = this.world.station(role);
    this.networkOf(station);
    return station;
  }

  /** Makes a connection attempt and keeps its outcome for the Then-steps. */
  async attempt(role: StationRole, spec: AttemptSpec): Promise<AttemptOutcome> {
    const station = this.station(role);
    const outcome = await attemptConnection(station, this.networkOf(station), spec, this.world.run.config.OCPP_CALL_TIMEOUT * 1000);
    if (outcome.handshake) this.world.remember('csmsHostName', new URL(outcome.handshake.url).hostname);
    this.lastAttempt = outcome;
    this.lastRole = role;
    return outcome;
  }

  /**
   * A05 after a ResetRequest: the station goes down, comes up with the network profile that
   * NetworkConfigurationPriority puts first, and tries to connect with it.
   */
  async restartWithHighestPriorityProfile(role: StationRole): Promise<AttemptOutcome> {
    const station = this.station(role);
    const state = this.networkOf(station);
    await station.disconnect(1000, 'rebooting');
    station.registration = 'NotBooted';
    for (const { connector } of station.topology.allConnectors()) connector.status = 'Available';
    activateHighestPriorityProfile(station, state);
    return this.attempt(role, {});
  }

  environment(): StationEnvironment {
    const { endpoints } = this.world.run;
    const { tls } = this.world;
    return {
      wsUrl: endpoints.ws,
      wssUrl: endpoints.wss,
      csmsRootCa: tls.ca,
      clientCert: tls.clientCert,
      clientKey: tls.clientKey,
      invalidClientCert: tls.invalidClientCert,
      invalidClientKey: tls.invalidClientKey,
    };
  }

  networkOf(station: ChargingStation): NetworkState {
    return networkStateOf(station, this.environment());
  }

  /** The tables' context for an attempt of `role`. */
  tableContext(role: StationRole, values: ValueContext, addSecret: (secret: string) => void): AttemptTableContext {
    const station = this.station(role);
    return { station, state: this.networkOf(station), values, addSecret };
  }

  requireLastAttempt(): AttemptOutcome {
    if (!this.lastAttempt) throw new Error('no connection attempt yet: a "requests a WebSocket upgrade" step must come first');
    return this.lastAttempt;
  }
}

const PASSWORD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.*-_:+!@#$%^&';

/** A random password as the OCTT makes it for TC_A_03: 16 to 40 characters, never the one in use. */
export function randomWrongPassword(avoid: readonly (string | undefined)[]): string {
  for (;;) {
    const length = randomInt(16, 41);
    const password = Array.from({ length }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
    if (!avoid.includes(password)) return password;
  }
}

const TLS_VERSIONS: readonly SecureVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

export interface AttemptTableContext {
  station: ChargingStation;
  state: NetworkState;
  values: ValueContext;
  /** A secret made up during the scenario (kept out of the trace). */
  addSecret(secret: string): void;
}

/** `X + "suffix"`: a value with text appended (TC_A_02's username "<station id>wrong"). */
function resolveText(cell: string, values: ValueContext): unknown {
  const appended = /^(.+?)\s*\+\s*("(?:[^"\\]|\\.)*")$/.exec(cell.trim());
  if (appended) return `${String(resolveValue(appended[1], values).value)}${JSON.parse(appended[2]) as string}`;
  return resolveValue(cell, values).value;
}

/**
 * Reads an attempt table. Fields: security profile, Sec-WebSocket-Protocol, username, password
 * ("a random password of 16 to 40 characters"), Authorization ("absent"), client certificate
 * ("none", "the configured client certificate", "the configured invalid client certificate",
 * "its renewed certificate"), highest TLS version, server certificate check ("none",
 * "the configured CA and host name").
 */
export function attemptSpecFrom(rows: ReadonlyArray<{ field: string; cell: string }>, context: AttemptTableContext): AttemptSpec {
  const { station, state, values } = context;
  const spec: AttemptSpec = {};
  const tls: NonNullable<AttemptSpec['tls']> = {};
  for (const { field, cell } of rows) {
    const text = cell.trim();
    switch (field) {
      case 'security profile': {
        const profile = Number(resolveValue(text, values).value);
        if (profile !== 1 && profile !== 2 && profile !== 3) throw new Error(`security profile must be 1, 2 or 3, got ${text}`);
        spec.securityProfile = profile as SecurityProfile;
        break;
      }
      case 'Sec-WebSocket-Protocol':
        spec.subprotocols = text.split(',').map((protocol) => protocol.trim());
        break;
      case 'username':
        spec.username = String(resolveText(text, values));
        break;
      case 'password':
        if (text === 'a random password of 16 to 40 characters') {
          spec.password = randomWrongPassword([station.currentPassword, state.original.password]);
          context.addSecret(spec.password);
        } else {
          spec.password = String(resolveText(text, values));
        }
        break;
      case 'Authorization':
        if (text !== 'absent') throw new Error(`Authorization can only be "absent" here; give username and password instead`);
        spec.omitAuthorization = true;
        break;
      case 'client certificate':
        spec.clientCertificate = clientCertificateOf(text, state);
        break;
      case 'highest TLS version': {
        const version = text as SecureVersion;
        if (!TLS_VERSIONS.includes(version)) throw new Error(`highest TLS version must be one of ${TLS_VERSIONS.join(', ')}, got ${text}`);
        tls.maxVersion = version;
        if (version === 'TLSv1' || version === 'TLSv1.1') Object.assign(tls, LEGACY_TLS_CLIENT);
        break;
      }
      case 'server certificate check':
        if (text === 'none') tls.verifyServer = false;
        else if (text === 'the configured CA and host name') tls.verifyServer = true;
        else throw new Error(`server certificate check must be "none" or "the configured CA and host name", got ${text}`);
        break;
      default:
        throw new Error(
          `unknown connection field "${field}"; known: security profile, Sec-WebSocket-Protocol, username, password, Authorization, ` +
            'client certificate, highest TLS version, server certificate check',
        );
    }
  }
  if (Object.keys(tls).length > 0) spec.tls = tls;
  return spec;
}

function clientCertificateOf(text: string, state: NetworkState): AttemptSpec['clientCertificate'] {
  const { environment } = state;
  switch (text) {
    case 'none':
      return null;
    case 'the configured client certificate':
      requireConfigured(environment, ['TLS_CLIENT_CERT', 'TLS_CLIENT_KEY']);
      return { cert: environment.clientCert as string, key: environment.clientKey as string };
    case 'the configured invalid client certificate':
      requireConfigured(environment, ['TLS_INVALID_CLIENT_CERT', 'TLS_INVALID_CLIENT_KEY']);
      return { cert: environment.invalidClientCert as string, key: environment.invalidClientKey as string };
    case 'its renewed certificate':
      if (!state.renewedCertificate) throw new Error('the station has no renewed certificate: no CertificateSignedRequest was accepted');
      return state.renewedCertificate;
    default:
      throw new Error(
        `client certificate must be none, the configured client certificate, the configured invalid client certificate or its renewed certificate, got ${text}`,
      );
  }
}

/**
 * Reads a CSR table: certificateType (or "absent" for a combined certificate) and subject.CN,
 * subject.O, subject.OU, subject.C. A value "its Component.Variable" is read from the station's
 * device model, e.g. "its SecurityCtrlr.OrganizationName".
 */
export function signingRequestFrom(
  rows: ReadonlyArray<{ field: string; cell: string }>,
  station: ChargingStation,
  values: ValueContext,
): { certificateType: 'ChargingStationCertificate' | 'V2GCertificate' | undefined; subject: SubjectFields } {
  let certificateType: 'ChargingStationCertificate' | 'V2GCertificate' | undefined;
  let typeGiven = false;
  const subject: SubjectFields = {};
  for (const { field, cell } of rows) {
    const text = cell.trim();
    if (field === 'certificateType') {
      typeGiven = true;
      if (text === 'absent') certificateType = undefined;
      else if (text === 'ChargingStationCertificate' || text === 'V2GCertificate') certificateType = text;
      else throw new Error(`certificateType must be ChargingStationCertificate, V2GCertificate or absent, got ${text}`);
      continue;
    }
    const attribute = /^subject\.(CN|O|OU|C)$/.exec(field);
    if (!attribute) throw new Error(`unknown CSR field "${field}"; known: certificateType, subject.CN, subject.O, subject.OU, subject.C`);
    const variable = /^its ([A-Za-z0-9]+)\.([A-Za-z0-9]+)$/.exec(text);
    if (variable) {
      const value = station.deviceModel.value(variable[1], variable[2]);
      if (value === undefined || value === '') throw new Error(`the station has no value for ${variable[1]}.${variable[2]}`);
      subject[attribute[1] as keyof SubjectFields] = value;
    } else {
      subject[attribute[1] as keyof SubjectFields] = String(resolveValue(text, values).value);
    }
  }
  if (!typeGiven) throw new Error('the CSR table needs a certificateType row (a value or "absent")');
  return { certificateType, subject };
}
