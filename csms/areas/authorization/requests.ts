import type { AuthorizationData, IdTokenType, SendLocalListRequest, UpdateEnumType } from '../../../schemas/ocpp201-messages';
import { idTokenInfoFor } from './handlers';
import type { StationRecord } from '../../store';
import {
  BadOperatorRequest,
  type BuilderContext,
  type RequestBuilders,
  type ResponseObservers,
  mergeParams,
} from '../../operator/builder-context';

const tokenKey = (idToken: IdTokenType): string => `${idToken.type}:${idToken.idToken.toLowerCase()}`;

/** Replaces the idTokens the CSMS keeps in the station's Local Authorization List, each once. */
export function setLocalList(station: StationRecord, idTokens: readonly IdTokenType[]): void {
  station.localList = [...new Map(idTokens.map((idToken) => [tokenKey(idToken), idToken])).values()];
}

function withIdTokenInfo(idToken: IdTokenType, context: BuilderContext): AuthorizationData {
  return { idToken, idTokenInfo: idTokenInfoFor(idToken, context) };
}

/**
 * SendLocalList from the operator's fields. Unless given: a Full update carries every token of the
 * station's list with its current idTokenInfo, a Differential one re-sends them as updates, and
 * the version is one above the version the CSMS knows. An empty list is sent as no list at all
 * (the schema allows no empty one). Entries the operator gives also change the CSMS's own list:
 * a differential entry without idTokenInfo removes its idToken.
 */
function buildSendLocalList(params: Record<string, unknown>, context: BuilderContext): SendLocalListRequest {
  const updateType = (params.updateType as UpdateEnumType | undefined) ?? 'Full';
  if (updateType !== 'Full' && updateType !== 'Differential') throw new BadOperatorRequest('updateType must be Full or Differential');
  const given = params.localAuthorizationList as AuthorizationData[] | undefined;
  if (given !== undefined && !Array.isArray(given))
    throw new BadOperatorRequest('localAuthorizationList must be a list of AuthorizationData');
  const seen = new Set<string>();
  for (const entry of given ?? []) {
    if (!entry?.idToken?.idToken || !entry.idToken.type)
      throw new BadOperatorRequest('every localAuthorizationList entry needs idToken.idToken and idToken.type');
    if (seen.has(tokenKey(entry.idToken)))
      throw new BadOperatorRequest(`idToken ${entry.idToken.idToken} is listed twice; a list holds each idToken once`);
    seen.add(tokenKey(entry.idToken));
  }
  let entries: AuthorizationData[];
  if (given === undefined) {
    entries = context.station.localList.map((idToken) => withIdTokenInfo(idToken, context));
  } else if (updateType === 'Full') {
    // A full list states every entry's authorization; the CSMS fills in what the operator left out.
    entries = given.map((entry) => (entry.idTokenInfo ? entry : withIdTokenInfo(entry.idToken, context)));
    setLocalList(
      context.station,
      entries.map((entry) => entry.idToken),
    );
  } else {
    entries = given;
    const removed = new Set(given.filter((entry) => !entry.idTokenInfo).map((entry) => tokenKey(entry.idToken)));
    const kept = context.station.localList.filter((idToken) => !removed.has(tokenKey(idToken)));
    setLocalList(context.station, [...kept, ...given.filter((entry) => entry.idTokenInfo).map((entry) => entry.idToken)]);
  }
  const { localAuthorizationList: _given, ...rest } = params;
  return mergeParams(
    {
      versionNumber: context.station.localListVersion + 1,
      updateType,
      ...(entries.length > 0 ? { localAuthorizationList: entries } : {}),
    },
    rest,
  );
}

/** Block C and D requests: authorization cache and local list. */
export const requests: RequestBuilders = {
  ClearCache: (params) => mergeParams({}, params),
  GetLocalListVersion: (params) => mergeParams({}, params),
  SendLocalList: buildSendLocalList,
};

/**
 * The CSMS learns the station's list version from its answers: GetLocalListVersion reports it
 * (D02), an Accepted SendLocalList sets it.
 */
export const responses: ResponseObservers = {
  GetLocalListVersion: (_request, response, { station }) => {
    station.localListVersion = response.versionNumber;
  },
  SendLocalList: (request, response, { station }) => {
    if (response.status === 'Accepted') station.localListVersion = request.versionNumber;
  },
};
