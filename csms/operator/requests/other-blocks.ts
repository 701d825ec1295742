import type { ChargingProfileType } from '../../../schemas/ocpp201-messages';
import { type RequestBuilders, mergeParams, requireParam } from '../builder-context';

const inOneHour = (): string => new Date(Date.now() + 3_600_000).toISOString();

/** Requests of blocks F–P: reservations, smart charging, firmware, diagnostics, monitoring, display, data transfer. */
export const otherBlockRequests: RequestBuilders = {
  ReserveNow: (params, { store, config }) =>
    mergeParams(
      {
        id: store.nextRequestId(),
        expiryDateTime: inOneHour(),
        idToken: { idToken: config.VALID_ID_TOKEN, type: config.VALID_ID_TOKEN_TYPE },
      },
      params,
    ),
  CancelReservation: (params) => mergeParams({ reservationId: requireParam<number>(params, 'reservationId', 'CancelReservation') }, params),
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
  UpdateFirmware: (params, { store }) =>
    mergeParams(
      {
        requestId: store.nextRequestId(),
        firmware: { location: 'https://localhost/firmware.bin', retrieveDateTime: new Date().toISOString() },
      },
      params,
    ),
  PublishFirmware: (params, { store }) =>
    mergeParams(
      {
        requestId: store.nextRequestId(),
        location: 'https://localhost/firmware.bin',
        checksum: requireParam<string>(params, 'checksum', 'PublishFirmware'),
      },
      params,
    ),
  UnpublishFirmware: (params) => mergeParams({ checksum: requireParam<string>(params, 'checksum', 'UnpublishFirmware') }, params),
  GetLog: (params, { store }) =>
    mergeParams(
      { requestId: store.nextRequestId(), logType: 'DiagnosticsLog' as const, log: { remoteLocation: 'https://localhost/logs' } },
      params,
    ),
  GetMonitoringReport: (params, { store }) => mergeParams({ requestId: store.nextRequestId() }, params),
  SetMonitoringBase: (params) => mergeParams({ monitoringBase: requireParam(params, 'monitoringBase', 'SetMonitoringBase') }, params),
  SetMonitoringLevel: (params) => mergeParams({ severity: requireParam<number>(params, 'severity', 'SetMonitoringLevel') }, params),
  SetVariableMonitoring: (params) =>
    mergeParams({ setMonitoringData: requireParam(params, 'setMonitoringData', 'SetVariableMonitoring') }, params),
  ClearVariableMonitoring: (params) => mergeParams({ id: requireParam<number[]>(params, 'id', 'ClearVariableMonitoring') }, params),
  CustomerInformation: (params, { store }) => mergeParams({ requestId: store.nextRequestId(), report: true, clear: false }, params),
  SetDisplayMessage: (params, { store }) =>
    mergeParams(
      {
        message: {
          id: store.nextRequestId(),
          priority: 'NormalCycle',
          message: { format: 'UTF8', content: requireParam(params, 'content', 'SetDisplayMessage') },
        },
      },
      omit(params, 'content'),
    ),
  GetDisplayMessages: (params, { store }) => mergeParams({ requestId: store.nextRequestId() }, params),
  ClearDisplayMessage: (params) => mergeParams({ id: requireParam<number>(params, 'id', 'ClearDisplayMessage') }, params),
  DataTransfer: (params, { config }) => mergeParams({ vendorId: config.CONFIGURED_VENDOR_ID }, params),
};

function omit(params: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = params;
  return rest;
}
