/**
 * How a station reaches its CSMS, as block A changes it: the security profile and address it uses
 * now (A05: switched by SetNetworkProfile + NetworkConfigurationPriority + a reboot), the CSMS root
 * it trusts, the client certificate it presents (A02: replaced by a renewed one), and the Basic-auth
 * password it presents (A01: replaced when it accepts a new BasicAuthPassword).
 */
import type { ChargingStation, SecurityProfile, StationState } from '../../core/charging-station';
import { stateSlot } from '../../../../kernel/state-slots';
import type { TlsSettings } from '../../core/transport';

/** What the run provides: the CSMS's addresses and the TLS material of the configuration. */
export interface StationEnvironment {
  /** ws:// base address (security profile 1). */
  wsUrl: string;
  /** wss:// base address (security profiles 2 and 3). */
  wssUrl: string;
  /** PEM of the CSMS root, installed on every station (a profile-1 station needs it to upgrade). */
  csmsRootCa?: string;
  clientCert?: string;
  clientKey?: string;
  invalidClientCert?: string;
  invalidClientKey?: string;
}

export interface ClientCertificate {
  cert: string;
  key: string;
}

export interface NetworkState {
  environment: StationEnvironment;
  securityProfile: SecurityProfile;
  /** Base address the station connects to now (the ocppCsmsUrl of its active network profile). */
  baseUrl: string;
  /** The certificate the station presents with security profile 3. */
  clientCertificate?: ClientCertificate;
  /** The certificate the CSMS issued to the station during this scenario (A02). */
  renewedCertificate?: ClientCertificate;
  /** The profile and password the station had before block A changed them, for the CSMS's undo. */
  original: { securityProfile: SecurityProfile; password?: string };
}

/** Created by networkStateOf, which needs the scenario's environment: no default. */
const NETWORK: StationState<{ current?: NetworkState }> = stateSlot('network', () => ({}));

const pem = (value: string | Buffer | undefined): string | undefined => (value === undefined ? undefined : value.toString());

/** The station's network state, created from its identity on first use. */
export function networkStateOf(station: ChargingStation, environment?: StationEnvironment): NetworkState {
  const slot = station.state(NETWORK);
  let state = slot.current;
  if (!state) {
    const identity = station.identity;
    const env = environment ?? { wsUrl: identity.baseUrl, wssUrl: identity.baseUrl, csmsRootCa: pem(identity.tls?.ca) };
    const cert = pem(identity.tls?.cert);
    const key = pem(identity.tls?.key);
    state = {
      environment: env,
      securityProfile: station.currentSecurityProfile,
      baseUrl: identity.baseUrl,
      clientCertificate: cert && key ? { cert, key } : undefined,
      original: { securityProfile: station.currentSecurityProfile, password: station.currentPassword },
    };
    slot.current = state;
    followPasswordChanges(station);
  } else if (environment) {
    state.environment = environment;
  }
  return state;
}

/** CSMS roots the station trusts: the configured one and any installed as CSMSRootCertificate. */
export function trustedCsmsRoots(station: ChargingStation): string[] {
  const configured = station.peekState(NETWORK)?.current?.environment.csmsRootCa ?? pem(station.identity.tls?.ca);
  const installed = station.memory.installedCertificates.filter((entry) => entry.use === 'CSMSRootCertificate').map((entry) => entry.pem);
  return [...(configured ? [configured] : []), ...installed];
}

/** A01: a BasicAuthPassword the station accepted is the one it presents from then on. */
function followPasswordChanges(station: ChargingStation): void {
  station.deviceModel.onChange(({ definition, attributeType, value }) => {
    if (definition.component.name !== 'SecurityCtrlr' || definition.variable.name !== 'BasicAuthPassword' || attributeType !== 'Actual') {
      return;
    }
    station.currentPassword = value;
    station.note('accepted a new Basic auth password: it is used from the next connection on');
  });
}

/** The base address for a profile: the active one when it fits the profile's scheme, else the configured one. */
export function baseUrlFor(state: NetworkState, profile: SecurityProfile): string {
  const secure = profile > 1;
  if (state.baseUrl.startsWith(secure ? 'wss:' : 'ws:')) return state.baseUrl;
  return secure ? state.environment.wssUrl : state.environment.wsUrl;
}

/** The TLS settings of a connection with `profile`; `certificate` overrides the one the station presents. */
export function tlsFor(state: NetworkState, profile: SecurityProfile, certificate?: ClientCertificate | null): TlsSettings | undefined {
  if (profile === 1) return undefined;
  const ca = state.environment.csmsRootCa;
  const presented = certificate === null ? undefined : (certificate ?? (profile === 3 ? state.clientCertificate : undefined));
  return { ...(ca ? { ca } : {}), ...(presented ? { cert: presented.cert, key: presented.key } : {}) };
}

/**
 * A05: after a reboot the station connects with the first network profile of
 * OCPPCommCtrlr.NetworkConfigurationPriority it holds a connection profile for. Returns the slot.
 */
export function activateHighestPriorityProfile(station: ChargingStation, state: NetworkState): number {
  const priority = (station.deviceModel.value('OCPPCommCtrlr', 'NetworkConfigurationPriority') ?? '')
    .split(',')
    .map((slot) => slot.trim())
    .filter((slot) => /^\d+$/.test(slot))
    .map(Number);
  const slot = priority.find((candidate) => station.memory.networkProfiles.has(candidate));
  const profile = slot === undefined ? undefined : station.memory.networkProfiles.get(slot);
  if (slot === undefined || !profile) {
    throw new Error(
      `the station holds no network profile for any slot of NetworkConfigurationPriority "${priority.join(',')}" ` +
        `(slots it holds: ${[...station.memory.networkProfiles.keys()].join(', ') || 'none'})`,
    );
  }
  const securityProfile = profile.securityProfile;
  if (securityProfile !== 1 && securityProfile !== 2 && securityProfile !== 3) {
    throw new Error(`network profile ${slot} has security profile ${securityProfile}, which OCPP 2.0.1 does not define`);
  }
  state.securityProfile = securityProfile;
  state.baseUrl = profile.ocppCsmsUrl.replace(/\/+$/, '');
  station.deviceModel.setValue('SecurityCtrlr', 'SecurityProfile', String(securityProfile));
  station.note(`switched to network profile ${slot}: security profile ${securityProfile} at ${state.baseUrl}`);
  return slot;
}
