import type { ReportChargingProfilesRequest } from '../../../../schemas/ocpp201-messages';
import { OcppCallError } from '../../../../kernel/ocpp/errors';
import type { StationArea } from '../../core/charging-station';
import { evReceivesProfile } from './iso15118';
import { compositeOf, countEntries, installContext, smartChargingSupported, watchingRates } from './limits';
import { CHARGING_PROFILES } from './state';

function notSupported(action: string): OcppCallError {
  return new OcppCallError('NotSupported', `${action}: smart charging is not available on this station (SmartChargingCtrlr)`);
}

/** Block K: smart charging, on the station's profile store (kernel/smart-charging). */
export const smartChargingArea: StationArea = {
  name: 'smart charging',
  install: (station) => {
    countEntries(station);
  },
  replies: (station) => {
    const profiles = () => station.state(CHARGING_PROFILES);
    return {
      SetChargingProfile: ({ evseId, chargingProfile }) => {
        if (!smartChargingSupported(station)) return notSupported('SetChargingProfile');
        const response = watchingRates(station, `SetChargingProfile ${chargingProfile.id}`, () =>
          profiles().install(evseId, chargingProfile, installContext(station)),
        );
        if (response.status === 'Accepted') evReceivesProfile(station, evseId, chargingProfile);
        return response;
      },
      ClearChargingProfile: (request) => {
        if (!smartChargingSupported(station)) return notSupported('ClearChargingProfile');
        return { status: watchingRates(station, 'ClearChargingProfile', () => profiles().clear(request)).status };
      },
      GetChargingProfiles: ({ requestId, evseId, chargingProfile }) => {
        if (!smartChargingSupported(station)) return notSupported('GetChargingProfiles');
        const groups = profiles().query({ ...chargingProfile, ...(evseId === undefined ? {} : { evseId }) });
        if (groups.length === 0) return { status: 'NoProfiles' };
        groups.forEach((group, index) => {
          const report: ReportChargingProfilesRequest = {
            requestId,
            chargingLimitSource: group.chargingLimitSource,
            evseId: group.evseId,
            chargingProfile: group.chargingProfile,
            ...(index < groups.length - 1 ? { tbc: true } : {}),
          };
          station.owed.owe('ReportChargingProfiles', () => structuredClone(report), `GetChargingProfiles ${requestId} accepted`);
        });
        return { status: 'Accepted' };
      },
      GetCompositeSchedule: ({ evseId, duration, chargingRateUnit }) => {
        if (!smartChargingSupported(station)) return notSupported('GetCompositeSchedule');
        if (evseId !== 0 && !station.topology.hasEvse(evseId)) {
          return { status: 'Rejected', statusInfo: { reasonCode: 'UnknownEvse', additionalInfo: `the station has no EVSE ${evseId}` } };
        }
        const units = installContext(station).rateUnits;
        if (chargingRateUnit !== undefined && units !== undefined && !units.includes(chargingRateUnit)) {
          return { status: 'Rejected', statusInfo: { reasonCode: 'UnsupportedRateUnit' } };
        }
        const schedule = compositeOf(station, evseId, duration, chargingRateUnit);
        return schedule ? { status: 'Accepted', schedule } : { status: 'Rejected', statusInfo: { reasonCode: 'NoSchedule' } };
      },
    };
  },
};
