import { applySendLocalList } from './lists';
import type { StationArea } from '../../core/charging-station';

/** Blocks C and D: authorization cache and local authorization list. */
export const authorizationArea: StationArea = {
  name: 'authorization',
  replies: (station) => {
    const { memory, deviceModel } = station;
    return {
      // A station whose cache is disabled has nothing it could clear.
      ClearCache: () => {
        if (deviceModel.value('AuthCacheCtrlr', 'Enabled') !== 'true') return { status: 'Rejected' };
        memory.authorizationCache.clear();
        return { status: 'Accepted' };
      },
      SendLocalList: (request) => applySendLocalList(station, request),
      // Version 0 tells the CSMS that no list is installed.
      GetLocalListVersion: () => ({ versionNumber: memory.localList.version }),
    };
  },
};
