import { defineParameterType } from '@cucumber/cucumber';
import { type Action, parseMessageName } from '../kernel/ocpp/actions';
import { RPC_ERROR_CODES, type RpcErrorCode } from '../kernel/ocpp/errors';
import { enumPattern } from '../kernel/ocpp/schema-enums';
import { REUSABLE_STATES, type ReusableStateName } from '../support/station/reusable-states';

export interface MessageName {
  /** e.g. "GetVariablesRequest" */
  name: string;
  action: Action;
  kind: 'request' | 'response';
}

defineParameterType({
  name: 'message',
  regexp: /[A-Z][A-Za-z0-9]+?(?:Request|Response)/,
  transformer: (name: string): MessageName => ({ name, ...parseMessageName(name) }),
});

defineParameterType({
  name: 'field',
  regexp: /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[(?:\d+|\*)\])*/,
  transformer: (path: string) => path,
});

defineParameterType({
  name: 'reusableState',
  regexp: new RegExp(REUSABLE_STATES.join('|')),
  transformer: (name: string) => name as ReusableStateName,
});

/**
 * Enumeration words of the OCPP 2.0.1 schemas: a value outside the enumeration (a typo) leaves the
 * step undefined instead of sending a wrong frame.
 */
function enumParameter(name: string, definition: string): void {
  defineParameterType({ name, regexp: enumPattern(definition), transformer: (value: string) => value });
}

enumParameter('bootReason', 'BootReasonEnumType');
enumParameter('connectorStatus', 'ConnectorStatusEnumType');
enumParameter('operationalStatus', 'OperationalStatusEnumType');
enumParameter('messageTrigger', 'MessageTriggerEnumType');
enumParameter('chargingProfilePurpose', 'ChargingProfilePurposeEnumType');
enumParameter('chargingRateUnit', 'ChargingRateUnitEnumType');
enumParameter('logType', 'LogEnumType');
enumParameter('certificateUse', 'GetCertificateIdUseEnumType');
enumParameter('installCertificateUse', 'InstallCertificateUseEnumType');
enumParameter('monitorType', 'MonitorEnumType');
enumParameter('messagePriority', 'MessagePriorityEnumType');
enumParameter('messageState', 'MessageStateEnumType');
enumParameter('messageFormat', 'MessageFormatEnumType');
enumParameter('reservationUpdateStatus', 'ReservationUpdateStatusEnumType');
enumParameter('firmwareStatus', 'FirmwareStatusEnumType');
enumParameter('publishFirmwareStatus', 'PublishFirmwareStatusEnumType');
enumParameter('uploadLogStatus', 'UploadLogStatusEnumType');
enumParameter('transactionEventType', 'TransactionEventEnumType');
enumParameter('hashAlgorithm', 'HashAlgorithmEnumType');

defineParameterType({
  name: 'callErrorCode',
  regexp: new RegExp([...RPC_ERROR_CODES].sort((a, b) => b.length - a.length).join('|')),
  transformer: (code: string): RpcErrorCode => code as RpcErrorCode,
});
