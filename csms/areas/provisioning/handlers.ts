import type { MessageTriggerEnumType } from '../../../schemas/ocpp201-messages';
import type { StationToCsmsAction } from '../../../kernel/ocpp/actions';
import { OcppCallError } from '../../../kernel/ocpp/errors';
import type { StationRecord } from '../../store';
import type { CsmsHandlers } from '../../handler-context';

const TRIGGERED_ACTION: Readonly<Record<MessageTriggerEnumType, StationToCsmsAction>> = {
  BootNotification: 'BootNotification',
  LogStatusNotification: 'LogStatusNotification',
  FirmwareStatusNotification: 'FirmwareStatusNotification',
  Heartbeat: 'Heartbeat',
  MeterValues: 'MeterValues',
  SignChargingStationCertificate: 'SignCertificate',
  SignV2GCertificate: 'SignCertificate',
  SignCombinedCertificate: 'SignCertificate',
  StatusNotification: 'StatusNotification',
  TransactionEvent: 'TransactionEvent',
  PublishFirmwareStatusNotification: 'PublishFirmwareStatusNotification',
};

/**
 * Notes that the CSMS asked the station for a message (a TriggerMessage, a report), so that the
 * station may send it even before it is accepted (B02: the CSMS may query and trigger while Pending).
 */
export function expectRequestedMessage(station: StationRecord, requested: MessageTriggerEnumType | 'NotifyReport'): void {
  station.requestedWhilePending.add(requested === 'NotifyReport' ? 'NotifyReport' : TRIGGERED_ACTION[requested]);
}

/**
 * B02.FR.09 / B03.FR.07: while the CSMS has answered a station's BootNotification with Pending or
 * Rejected, any other CALL is answered with a CALLERROR SecurityError, except those the CSMS itself
 * asked for. A station that has not booted on this connection yet but was accepted before may
 * carry on (a reconnect is not a reboot).
 */
export function requireRegistration(action: StationToCsmsAction, station: StationRecord): void {
  if (action === 'BootNotification') return;
  if (station.registration !== 'Pending' && station.registration !== 'Rejected') return;
  if (station.requestedWhilePending.has(action)) return;
  throw new OcppCallError(
    'SecurityError',
    `${station.id} is ${station.registration}: only a BootNotificationRequest or a message the CSMS asked for is accepted`,
  );
}

/** Block B: registration, heartbeat, status and device-model reports. */
export const handlers: CsmsHandlers = {
  BootNotification: (_request, { station }) => {
    const { status, interval } = station.bootPolicy;
    station.registration = status;
    if (station.bootPolicyAfterwards) {
      station.bootPolicy = station.bootPolicyAfterwards;
      station.bootPolicyAfterwards = undefined;
    }
    if (status === 'Accepted') station.requestedWhilePending.clear();
    return { currentTime: new Date().toISOString(), interval, status };
  },
  Heartbeat: (_request, { station }) => {
    const currentTime = new Date().toISOString();
    station.lastHeartbeat = currentTime;
    return { currentTime };
  },
  StatusNotification: ({ evseId, connectorId, connectorStatus }, { station }) => {
    station.connectorStatus.set(`${evseId}/${connectorId}`, connectorStatus);
    return {};
  },
  NotifyReport: ({ reportData }, { station }) => {
    for (const entry of reportData ?? []) {
      const actual = entry.variableAttribute.find((attribute) => (attribute.type ?? 'Actual') === 'Actual');
      if (actual?.value === undefined) continue;
      const name = `${entry.component.name}.${entry.variable.name}${entry.variable.instance ? `[${entry.variable.instance}]` : ''}`;
      station.reportedVariables.set(name, actual.value);
      if (entry.component.name === 'DeviceDataCtrlr' && entry.variable.name === 'ItemsPerMessage' && entry.variable.instance) {
        const instance = entry.variable.instance as 'GetVariables' | 'SetVariables' | 'GetReport';
        if (['GetVariables', 'SetVariables', 'GetReport'].includes(instance)) station.itemsPerMessage[instance] = Number(actual.value);
      }
    }
    return {};
  },
};
