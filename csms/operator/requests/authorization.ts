import type { AuthorizationData } from '../../../schemas/ocpp201-messages';
import { type RequestBuilders, mergeParams } from '../builder-context';

/** Block C and D requests: authorization cache and local list. */
export const authorizationRequests: RequestBuilders = {
  ClearCache: (params) => mergeParams({}, params),
  GetLocalListVersion: (params) => mergeParams({}, params),
  SendLocalList: (params, { station }) => {
    const updateType = (params.updateType as 'Full' | 'Differential' | undefined) ?? 'Full';
    const request = mergeParams(
      { versionNumber: station.localListVersion + 1, updateType, localAuthorizationList: [] as AuthorizationData[] },
      params,
    );
    station.localListVersion = request.versionNumber;
    return request;
  },
};
