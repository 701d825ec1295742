import type { StationArea } from '../../core/charging-station';
import { CHARGING_PROFILES } from './state';

/** Block K: smart charging. */
export const smartChargingArea: StationArea = {
  name: 'smart charging',
  replies: (station) => {
    const { topology, transactions } = station;
    const profiles = () => station.state(CHARGING_PROFILES);
    return {
      ClearChargingProfile: ({ chargingProfileId, chargingProfileCriteria }) => {
        const installed = profiles();
        const kept = installed.filter(({ evseId, profile }) => {
          if (chargingProfileId !== undefined) return profile.id !== chargingProfileId;
          if (!chargingProfileCriteria) return false;
          const matches =
            (chargingProfileCriteria.evseId === undefined || chargingProfileCriteria.evseId === evseId) &&
            (chargingProfileCriteria.chargingProfilePurpose === undefined ||
              chargingProfileCriteria.chargingProfilePurpose === profile.chargingProfilePurpose) &&
            (chargingProfileCriteria.stackLevel === undefined || chargingProfileCriteria.stackLevel === profile.stackLevel);
          return !matches;
        });
        const removed = installed.length - kept.length;
        installed.splice(0, installed.length, ...kept);
        return { status: removed > 0 ? 'Accepted' : 'Unknown' };
      },
      GetChargingProfiles: ({ evseId, chargingProfile }) => {
        const found = profiles().filter(
          (entry) =>
            (evseId === undefined || entry.evseId === evseId) &&
            (chargingProfile.chargingProfilePurpose === undefined ||
              entry.profile.chargingProfilePurpose === chargingProfile.chargingProfilePurpose) &&
            (chargingProfile.stackLevel === undefined || entry.profile.stackLevel === chargingProfile.stackLevel) &&
            (chargingProfile.chargingProfileId === undefined || chargingProfile.chargingProfileId.includes(entry.profile.id)),
        );
        return { status: found.length > 0 ? 'Accepted' : 'NoProfiles' };
      },
      GetCompositeSchedule: ({ evseId, duration, chargingRateUnit }) => {
        if (evseId !== 0 && !topology.hasEvse(evseId)) return { status: 'Rejected' };
        const unit = chargingRateUnit ?? 'A';
        return {
          status: 'Accepted',
          schedule: {
            evseId,
            duration,
            scheduleStart: new Date().toISOString(),
            chargingRateUnit: unit,
            chargingSchedulePeriod: [{ startPeriod: 0, limit: unit === 'A' ? 32 : 22_000, numberPhases: station.hardware.numberOfPhases }],
          },
        };
      },
      SetChargingProfile: ({ evseId, chargingProfile }) => {
        if (evseId !== 0 && !topology.hasEvse(evseId)) return { status: 'Rejected', statusInfo: { reasonCode: 'UnknownEVSE' } };
        if (chargingProfile.chargingProfilePurpose === 'TxProfile') {
          const transaction = evseId === 0 ? undefined : transactions.onEvse(evseId);
          if (!transaction || (chargingProfile.transactionId !== undefined && chargingProfile.transactionId !== transaction.id)) {
            return { status: 'Rejected', statusInfo: { reasonCode: 'TxNotFound' } };
          }
        }
        if (chargingProfile.chargingProfilePurpose === 'ChargingStationMaxProfile' && evseId !== 0) {
          return {
            status: 'Rejected',
            statusInfo: { reasonCode: 'InvalidValue', additionalInfo: 'ChargingStationMaxProfile needs evseId 0' },
          };
        }
        const installed = profiles();
        const kept = installed.filter((entry) => entry.profile.id !== chargingProfile.id);
        installed.splice(0, installed.length, ...kept, { evseId, profile: chargingProfile });
        return { status: 'Accepted' };
      },
    };
  },
};
