import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { CsmsStore, SecurityProfileNumber, StationRecord } from './store';

export const OCPP_SUBPROTOCOL = 'ocpp2.0.1';

export type Admission =
  | { admitted: true; station: StationRecord; securityProfile: SecurityProfileNumber }
  | { admitted: false; httpStatus: 400 | 401 | 404; reason: string };

/**
 * The checks the CSMS makes before it lets a station in. Every one is what OCPP 2.0.1 requires;
 * they are named so that a self-test can switch one off and show that the suite then fails.
 */
export interface AdmissionRules {
  /** A00.FR.204: the Basic-auth username is the station id. */
  usernameIsStationId: boolean;
  /** Profiles 1 and 2 need an Authorization header. */
  requireAuthorization: boolean;
  /** The Basic-auth password is the one the CSMS holds for the station. */
  verifyPassword: boolean;
  /** Profile 3: the client certificate chains to the CSMS's CA and carries the station id as CN. */
  verifyClientCertificate: boolean;
  /** A05: once a station connected with an upgraded profile, a lower one is refused. */
  refuseDowngrade: boolean;
  /** Lowest TLS version the wss listener accepts (A00: TLS 1.2 or higher). */
  minTlsVersion: 'TLSv1' | 'TLSv1.2';
}

export const SPECIFICATION_RULES: Readonly<AdmissionRules> = Object.freeze({
  usernameIsStationId: true,
  requireAuthorization: true,
  verifyPassword: true,
  verifyClientCertificate: true,
  refuseDowngrade: true,
  minTlsVersion: 'TLSv1.2',
});

function stationIdOf(url: string | undefined): string | undefined {
  const path = new URL(url ?? '/', 'http://csms').pathname;
  const last = path.split('/').filter(Boolean).at(-1);
  if (!last) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return undefined;
  }
}

function basicCredentials(header: string | undefined): { username: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Decides whether a WebSocket upgrade may proceed (OCPP 2.0.1 Part 2 A00, Part 4 OCPP-J):
 * station id from the last path segment; subprotocol ocpp2.0.1; profile 1 and 2 by HTTP Basic
 * auth (username = station id); profile 3 by a client certificate that chains to the CSMS's CA and
 * whose CN is the station id; never below the station's configured security profile.
 */
export function admit(request: IncomingMessage, store: CsmsStore, rules: Readonly<AdmissionRules> = SPECIFICATION_RULES): Admission {
  const stationId = stationIdOf(request.url);
  if (!stationId) return { admitted: false, httpStatus: 404, reason: 'no station id in the URL path' };
  const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  if (!offered.includes(OCPP_SUBPROTOCOL)) {
    return {
      admitted: false,
      httpStatus: 400,
      reason: `subprotocol ${OCPP_SUBPROTOCOL} not offered (offered: ${offered.filter(Boolean).join(', ') || 'none'})`,
    };
  }
  const station = store.station(stationId);
  if (!station) return { admitted: false, httpStatus: 401, reason: `unknown station ${stationId}` };

  const socket = request.socket as TLSSocket;
  const encrypted = Boolean(socket.encrypted);
  // A socket the TLS layer already dropped reports no certificate at all (null).
  const peer = encrypted ? (socket.getPeerCertificate() as ReturnType<TLSSocket['getPeerCertificate']> | null) : undefined;
  const hasClientCertificate = peer !== undefined && peer !== null && Object.keys(peer).length > 0;
  let securityProfile: SecurityProfileNumber;
  if (hasClientCertificate) {
    if (rules.verifyClientCertificate) {
      if (!socket.authorized)
        return { admitted: false, httpStatus: 401, reason: `client certificate not trusted: ${String(socket.authorizationError)}` };
      const commonName = Array.isArray(peer.subject.CN) ? peer.subject.CN[0] : peer.subject.CN;
      if (commonName !== stationId)
        return { admitted: false, httpStatus: 401, reason: `client certificate CN "${commonName}" is not the station id ${stationId}` };
    }
    securityProfile = 3;
  } else {
    const credentials = basicCredentials(request.headers.authorization);
    if (!credentials && rules.requireAuthorization)
      return { admitted: false, httpStatus: 401, reason: 'no HTTP Basic Authorization header' };
    if (credentials && rules.usernameIsStationId && credentials.username !== stationId)
      return { admitted: false, httpStatus: 401, reason: `username "${credentials.username}" is not the station id ${stationId}` };
    if (credentials && rules.verifyPassword && credentials.password !== station.password)
      return { admitted: false, httpStatus: 401, reason: `wrong password for ${stationId}` };
    securityProfile = encrypted ? 2 : 1;
  }
  if (securityProfile < station.securityProfile) {
    return {
      admitted: false,
      httpStatus: 401,
      reason: `${stationId} must connect with security profile ${station.securityProfile} or higher, not ${securityProfile}`,
    };
  }
  return { admitted: true, station, securityProfile };
}

/**
 * A05: the station has connected with `securityProfile`. When that is the upgraded profile the CSMS
 * gave it, the lower profile is refused from now on; until then the CSMS keeps accepting the old
 * one, so that a station whose upgrade fails is not locked out.
 */
export function noteAdmitted(station: StationRecord, securityProfile: SecurityProfileNumber, rules: Readonly<AdmissionRules>): boolean {
  const pending = station.pendingSecurityProfile;
  if (pending === undefined || securityProfile < pending) return false;
  station.pendingSecurityProfile = undefined;
  if (!rules.refuseDowngrade || securityProfile <= station.securityProfile) return false;
  station.securityProfile = securityProfile;
  return true;
}

/** An operator setting: the profile the CSMS requires of the station from now on (e.g. undoing an upgrade). */
export function setRequiredSecurityProfile(station: StationRecord, securityProfile: SecurityProfileNumber): void {
  station.pendingSecurityProfile = undefined;
  station.securityProfile = securityProfile;
}
