import type { OcppActionMap } from '../../schemas/ocpp201-messages';

export type Action = keyof OcppActionMap;
export type RequestOf<A extends Action> = OcppActionMap[A]['request'];
export type ResponseOf<A extends Action> = OcppActionMap[A]['response'];

/** Messages a Charging Station initiates (OCPP 2.0.1 Part 2). DataTransfer goes both ways. */
export const STATION_TO_CSMS_ACTIONS = [
  'Authorize',
  'BootNotification',
  'ClearedChargingLimit',
  'DataTransfer',
  'FirmwareStatusNotification',
  'Get15118EVCertificate',
  'GetCertificateStatus',
  'Heartbeat',
  'LogStatusNotification',
  'MeterValues',
  'NotifyChargingLimit',
  'NotifyCustomerInformation',
  'NotifyDisplayMessages',
  'NotifyEVChargingNeeds',
  'NotifyEVChargingSchedule',
  'NotifyEvent',
  'NotifyMonitoringReport',
  'NotifyReport',
  'PublishFirmwareStatusNotification',
  'ReportChargingProfiles',
  'ReservationStatusUpdate',
  'SecurityEventNotification',
  'SignCertificate',
  'StatusNotification',
  'TransactionEvent',
] as const satisfies readonly Action[];

/** Messages a CSMS initiates (OCPP 2.0.1 Part 2). */
export const CSMS_TO_STATION_ACTIONS = [
  'CancelReservation',
  'CertificateSigned',
  'ChangeAvailability',
  'ClearCache',
  'ClearChargingProfile',
  'ClearDisplayMessage',
  'ClearVariableMonitoring',
  'CostUpdated',
  'CustomerInformation',
  'DataTransfer',
  'DeleteCertificate',
  'GetBaseReport',
  'GetChargingProfiles',
  'GetCompositeSchedule',
  'GetDisplayMessages',
  'GetInstalledCertificateIds',
  'GetLocalListVersion',
  'GetLog',
  'GetMonitoringReport',
  'GetReport',
  'GetTransactionStatus',
  'GetVariables',
  'InstallCertificate',
  'PublishFirmware',
  'RequestStartTransaction',
  'RequestStopTransaction',
  'ReserveNow',
  'Reset',
  'SendLocalList',
  'SetChargingProfile',
  'SetDisplayMessage',
  'SetMonitoringBase',
  'SetMonitoringLevel',
  'SetNetworkProfile',
  'SetVariableMonitoring',
  'SetVariables',
  'TriggerMessage',
  'UnlockConnector',
  'UnpublishFirmware',
  'UpdateFirmware',
] as const satisfies readonly Action[];

export type StationToCsmsAction = (typeof STATION_TO_CSMS_ACTIONS)[number];
export type CsmsToStationAction = (typeof CSMS_TO_STATION_ACTIONS)[number];

export type Role = 'ChargingStation' | 'CSMS';

const ALL_ACTIONS: ReadonlySet<string> = new Set<string>([...STATION_TO_CSMS_ACTIONS, ...CSMS_TO_STATION_ACTIONS]);

export function isAction(name: string): name is Action {
  return ALL_ACTIONS.has(name);
}

/** The actions the peer of `role` may send to it. */
export function inboundActionsOf(role: Role): ReadonlySet<Action> {
  return new Set<Action>(role === 'ChargingStation' ? CSMS_TO_STATION_ACTIONS : STATION_TO_CSMS_ACTIONS);
}

/** "GetVariablesRequest" -> { action: "GetVariables", kind: "request" }. */
export function parseMessageName(name: string): { action: Action; kind: 'request' | 'response' } {
  const match = /^([A-Za-z0-9]+?)(Request|Response)$/.exec(name);
  if (!match || !isAction(match[1])) {
    throw new Error(`"${name}" is not an OCPP 2.0.1 message name (expected e.g. "ResetRequest")`);
  }
  return { action: match[1], kind: match[2] === 'Request' ? 'request' : 'response' };
}
