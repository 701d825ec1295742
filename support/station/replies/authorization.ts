import type { ChargingStation } from '../charging-station';
import type { StationReplies } from './station-replies';

/** Blocks C and D: authorization cache and local authorization list. */
export function authorizationReplies(station: ChargingStation): StationReplies {
  const { memory, deviceModel } = station;
  return {
    ClearCache: () => {
      if (deviceModel.value('AuthCacheCtrlr', 'Enabled') === 'false') return { status: 'Rejected' };
      memory.authorizationCache.clear();
      return { status: 'Accepted' };
    },
    SendLocalList: ({ versionNumber, updateType, localAuthorizationList }) => {
      if (deviceModel.value('LocalAuthListCtrlr', 'Enabled') === 'false') return { status: 'Failed' };
      if (updateType === 'Full') {
        memory.localList = { version: versionNumber, entries: new Map() };
        for (const entry of localAuthorizationList ?? []) memory.localList.entries.set(entry.idToken.idToken, entry);
        return { status: 'Accepted' };
      }
      if (versionNumber <= memory.localList.version) return { status: 'VersionMismatch' };
      for (const entry of localAuthorizationList ?? []) {
        if (entry.idTokenInfo) memory.localList.entries.set(entry.idToken.idToken, entry);
        else memory.localList.entries.delete(entry.idToken.idToken);
      }
      memory.localList.version = versionNumber;
      return { status: 'Accepted' };
    },
    GetLocalListVersion: () => ({ versionNumber: memory.localList.version }),
  };
}
