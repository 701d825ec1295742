/**
 * The station's own authorization data (OCPP 2.0.1 C10-C14, D01, D02): the Local Authorization
 * List with its version, the Authorization Cache, and the rule by which the station authorizes an
 * idToken without asking the CSMS.
 */
import type {
  AuthorizationData,
  IdTokenInfoType,
  IdTokenType,
  SendLocalListRequest,
  SendLocalListResponse,
} from '../../../../schemas/ocpp201-messages';
import type { ChargingStation } from '../../core/charging-station';

/**
 * The key of an idToken in the station's list and cache: idTokens are case insensitive
 * (IdTokenType), and the type is part of the identity.
 */
export function idTokenKey(idToken: IdTokenType): string {
  return `${idToken.type}:${idToken.idToken.toLowerCase()}`;
}

function enabled(station: ChargingStation, component: 'LocalAuthListCtrlr' | 'AuthCacheCtrlr'): boolean {
  return station.deviceModel.value(component, 'Enabled') === 'true';
}

function recountEntries(station: ChargingStation): void {
  station.deviceModel.setValue('LocalAuthListCtrlr', 'Entries', String(station.memory.localList.entries.size));
}

/** Puts a list on the station as if a CSMS had installed it earlier (a test case's precondition). */
export function installLocalList(station: ChargingStation, version: number, entries: readonly AuthorizationData[]): void {
  station.memory.localList = { version, entries: new Map(entries.map((entry) => [idTokenKey(entry.idToken), entry])) };
  recountEntries(station);
}

/** The idTokens that appear more than once in a list (D01.FR.06 forbids it). */
export function duplicateIdTokens(list: readonly AuthorizationData[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const entry of list) {
    const key = idTokenKey(entry.idToken);
    if (seen.has(key)) duplicates.add(`${entry.idToken.idToken} (${entry.idToken.type})`);
    seen.add(key);
  }
  return [...duplicates];
}

/** How a station answers SendLocalList (D01) and updates its list. */
export function applySendLocalList(station: ChargingStation, request: SendLocalListRequest): SendLocalListResponse {
  const { versionNumber, updateType, localAuthorizationList = [] } = request;
  if (!enabled(station, 'LocalAuthListCtrlr')) return { status: 'Failed', statusInfo: { reasonCode: 'LocalListDisabled' } };
  // Version 0 means "no list" (D02), so a list the CSMS sends must be numbered above it.
  if (versionNumber <= 0) return { status: 'Failed', statusInfo: { reasonCode: 'InvalidVersion' } };
  const duplicates = duplicateIdTokens(localAuthorizationList);
  if (duplicates.length > 0) {
    return { status: 'Failed', statusInfo: { reasonCode: 'DuplicateIdToken', additionalInfo: duplicates.join(', ').slice(0, 512) } };
  }
  if (updateType === 'Full') {
    if (localAuthorizationList.some((entry) => !entry.idTokenInfo)) {
      return { status: 'Failed', statusInfo: { reasonCode: 'MissingIdTokenInfo' } };
    }
    installLocalList(station, versionNumber, localAuthorizationList);
    return { status: 'Accepted' };
  }
  const list = station.memory.localList;
  if (versionNumber <= list.version) return { status: 'VersionMismatch' };
  for (const entry of localAuthorizationList) {
    // A differential entry without idTokenInfo removes the idToken (D01.FR.17).
    if (entry.idTokenInfo) list.entries.set(idTokenKey(entry.idToken), entry);
    else list.entries.delete(idTokenKey(entry.idToken));
  }
  list.version = versionNumber;
  recountEntries(station);
  return { status: 'Accepted' };
}

/** Adds or replaces a cache entry, as after an answer of the CSMS (C10). Local-list tokens are not cached. */
export function cacheIdTokenInfo(station: ChargingStation, idToken: IdTokenType, idTokenInfo: IdTokenInfoType): void {
  if (!enabled(station, 'AuthCacheCtrlr')) return;
  if (enabled(station, 'LocalAuthListCtrlr') && station.memory.localList.entries.has(idTokenKey(idToken))) return;
  station.memory.authorizationCache.set(idTokenKey(idToken), { idToken, idTokenInfo });
}

export type LocalAuthorization =
  | { authorized: true; source: 'Local Authorization List' | 'Authorization Cache'; idTokenInfo: IdTokenInfoType }
  | { authorized: false; reason: string };

function current(info: IdTokenInfoType | undefined, now: number): boolean {
  return info?.status === 'Accepted' && (info.cacheExpiryDateTime === undefined || Date.parse(info.cacheExpiryDateTime) > now);
}

/**
 * Whether the station, online, starts authorizing `idToken` on its own: with LocalPreAuthorize it
 * trusts an Accepted, unexpired entry of its Local Authorization List (C14) or else of its
 * Authorization Cache (C12); any other entry makes it ask the CSMS.
 */
export function authorizeLocally(station: ChargingStation, idToken: IdTokenType, now = Date.now()): LocalAuthorization {
  const name = `${idToken.idToken} (${idToken.type})`;
  if (station.deviceModel.value('AuthCtrlr', 'LocalPreAuthorize') !== 'true') {
    return { authorized: false, reason: `AuthCtrlr.LocalPreAuthorize is false, so the station asks the CSMS about ${name}` };
  }
  if (enabled(station, 'LocalAuthListCtrlr')) {
    const entry = station.memory.localList.entries.get(idTokenKey(idToken));
    if (entry) {
      return current(entry.idTokenInfo, now)
        ? { authorized: true, source: 'Local Authorization List', idTokenInfo: entry.idTokenInfo as IdTokenInfoType }
        : { authorized: false, reason: `its Local Authorization List holds ${name} as ${entry.idTokenInfo?.status ?? 'without status'}` };
    }
  }
  if (enabled(station, 'AuthCacheCtrlr')) {
    const entry = station.memory.authorizationCache.get(idTokenKey(idToken));
    if (entry) {
      return current(entry.idTokenInfo, now)
        ? { authorized: true, source: 'Authorization Cache', idTokenInfo: entry.idTokenInfo as IdTokenInfoType }
        : { authorized: false, reason: `its Authorization Cache holds ${name} as ${entry.idTokenInfo?.status ?? 'without status'}` };
    }
  }
  return { authorized: false, reason: `neither its Local Authorization List nor its Authorization Cache holds ${name}` };
}
