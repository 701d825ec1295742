import type { ChargingProfileType } from '../../../schemas/ocpp201-messages';
import { type RequestBuilders, mergeParams } from '../../operator/builder-context';

export const requests: RequestBuilders = {
  SetChargingProfile: (params, { store, config }) => {
    const purpose = (params.chargingProfile as Partial<ChargingProfileType> | undefined)?.chargingProfilePurpose ?? 'TxDefaultProfile';
    const profile: ChargingProfileType = {
      id: store.nextChargingProfileId(),
      stackLevel: config.CONFIGURED_STACK_LEVEL,
      chargingProfilePurpose: purpose,
      chargingProfileKind: 'Absolute',
      chargingSchedule: [
        {
          id: store.nextChargingProfileId(),
          startSchedule: new Date().toISOString(),
          duration: config.CONFIGURED_CHARGING_SCHEDULE_DURATION,
          chargingRateUnit: config.CONFIGURED_CHARGING_RATE_UNIT,
          chargingSchedulePeriod: [{ startPeriod: 0, limit: config.CONFIGURED_CHARGING_RATE_UNIT === 'A' ? 16 : 11_000 }],
        },
      ],
    };
    return mergeParams({ evseId: config.CONFIGURED_EVSE_ID, chargingProfile: profile }, params);
  },
  GetChargingProfiles: (params, { store }) => mergeParams({ requestId: store.nextRequestId(), chargingProfile: {} }, params),
  ClearChargingProfile: (params) => mergeParams({}, params),
  GetCompositeSchedule: (params, { config }) =>
    mergeParams(
      {
        evseId: config.CONFIGURED_EVSE_ID,
        duration: config.CONFIGURED_CHARGING_SCHEDULE_DURATION,
        chargingRateUnit: config.CONFIGURED_CHARGING_RATE_UNIT,
      },
      params,
    ),
};
