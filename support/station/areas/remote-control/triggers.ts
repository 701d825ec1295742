/**
 * TriggerMessage (F06): whether the station can send the requested message follows from its state;
 * what it then owes is built from its model when the scenario's step sends it (the readings, the
 * connector status, the firmware or log status of that moment).
 */
import type {
  FirmwareStatusEnumType,
  MessageTriggerEnumType,
  MeterValueType,
  TriggerMessageRequest,
  TriggerMessageResponse,
  UploadLogStatusEnumType,
} from '../../../../schemas/ocpp201-messages';
import type { ChargingStation } from '../../core/charging-station';
import type { MeterModel } from '../../core/meter-model';
import type { Transaction } from '../../core/transactions';
import { sessionOf } from '../transactions/session';
import { CAPABILITIES } from './state';

function rejected(additionalInfo: string, reasonCode: string): TriggerMessageResponse {
  return { status: 'Rejected', statusInfo: { reasonCode, additionalInfo } };
}

function measurands(station: ChargingStation, component: string, variable: string): string[] {
  return (station.deviceModel.value(component, variable) ?? '').split(',').filter((measurand) => measurand !== '');
}

/** A triggered reading of the measurands listed; the energy register when the meter gives none of them. */
function triggeredReading(meter: MeterModel, listed: readonly string[]): MeterValueType {
  const reading = meter.read(listed, 'Trigger').meterValue ?? meter.read(['Energy.Active.Import.Register'], 'Trigger').meterValue;
  if (!reading) throw new Error(`the meter of EVSE ${meter.evseId} gave no energy register`);
  return reading;
}

/** The messages this station can be asked for; a Local Controller's message only when it is one. */
function canTrigger(station: ChargingStation, requested: MessageTriggerEnumType): boolean {
  return requested !== 'PublishFirmwareStatusNotification' || station.state(CAPABILITIES).localController;
}

/** The last status the station reported of an action, with the requestId it named. */
function lastReported<S extends string>(station: ChargingStation, action: string): { status: S; requestId?: number } | undefined {
  const sent = station.exchanges.filter((exchange) => exchange.action === action).at(-1);
  return sent?.request as { status: S; requestId?: number } | undefined;
}

const FIRMWARE_AT_REST: readonly FirmwareStatusEnumType[] = [
  'Idle',
  'Installed',
  'DownloadFailed',
  'InstallationFailed',
  'InstallVerificationFailed',
  'InvalidSignature',
];
const LOG_AT_REST: readonly UploadLogStatusEnumType[] = [
  'Idle',
  'Uploaded',
  'UploadFailure',
  'BadMessage',
  'NotSupportedOperation',
  'PermissionDenied',
  'AcceptedCanceled',
];

/**
 * Idle unless an update (an upload) runs: then the status last reported, with its requestId. A
 * triggered Idle carries no requestId (L01, N01: requestId is optional only then).
 */
function currentStatus<S extends string>(
  station: ChargingStation,
  action: string,
  atRest: readonly S[],
): { status: S | 'Idle'; requestId?: number } {
  const last = lastReported<S>(station, action);
  if (!last || atRest.includes(last.status)) return { status: 'Idle' };
  return { status: last.status, ...(last.requestId === undefined ? {} : { requestId: last.requestId }) };
}

function oweTriggeredEvent(station: ChargingStation, transaction: Transaction, because: string): void {
  station.owed.owe(
    'TransactionEvent',
    () => {
      const session = sessionOf(station, transaction.evseId);
      // A triggered event reports the transaction as it stands, chargingState included (F06).
      const chargingState = session.chargingState;
      if (chargingState) transaction.chargingState = chargingState;
      return {
        eventType: 'Updated',
        timestamp: new Date().toISOString(),
        triggerReason: 'Trigger',
        seqNo: transaction.takeSeqNo(),
        transactionInfo: { transactionId: transaction.id, ...(chargingState ? { chargingState } : {}) },
        evse: { id: transaction.evseId, ...(transaction.connectorId === undefined ? {} : { connectorId: transaction.connectorId }) },
        meterValue: [triggeredReading(transaction.meter, measurands(station, 'SampledDataCtrlr', 'TxUpdatedMeasurands'))],
      };
    },
    because,
  );
}

/**
 * The answer to TriggerMessage, and the owed message once Accepted. An evse matters only to the
 * messages about an EVSE (MeterValues, StatusNotification, TransactionEvent); for the others it is
 * ignored (F06.FR.02). Without evse, those are owed for every EVSE (connector, transaction).
 */
export function answerTrigger(station: ChargingStation, request: TriggerMessageRequest): TriggerMessageResponse {
  const { requestedMessage, evse } = request;
  const because = `TriggerMessage ${requestedMessage}${evse ? ` for EVSE ${evse.id}` : ''} accepted`;
  const perEvse =
    requestedMessage === 'MeterValues' || requestedMessage === 'StatusNotification' || requestedMessage === 'TransactionEvent';
  if (!canTrigger(station, requestedMessage)) {
    return {
      status: 'NotImplemented',
      statusInfo: { reasonCode: 'UnsupportedRequest', additionalInfo: `the station does not send ${requestedMessage}` },
    };
  }
  if (perEvse && evse && !station.topology.hasEvse(evse.id)) return rejected(`the station has no EVSE ${evse.id}`, 'UnknownEvse');
  if (perEvse && evse?.connectorId !== undefined && !station.topology.hasConnector(evse.id, evse.connectorId)) {
    return rejected(`EVSE ${evse.id} has no connector ${evse.connectorId}`, 'UnknownConnectorId');
  }
  // For the other messages an evse is ignored, known or not (F06.FR.02).
  const evses = perEvse && evse ? [station.topology.evse(evse.id)] : station.topology.evses;
  switch (requestedMessage) {
    case 'BootNotification': {
      // F06.FR.17: an accepted station does not boot again on request.
      if (station.registration === 'Accepted') return rejected('the station is already accepted by the CSMS', 'InvalidValue');
      const { model, vendorName, serialNumber, firmwareVersion } = station.hardware;
      station.owed.owe(
        'BootNotification',
        () => ({
          reason: 'Triggered',
          chargingStation: {
            model,
            vendorName,
            ...(serialNumber ? { serialNumber } : {}),
            ...(firmwareVersion ? { firmwareVersion } : {}),
          },
        }),
        because,
      );
      break;
    }
    case 'Heartbeat':
      station.owed.owe('Heartbeat', () => ({}), because);
      break;
    case 'StatusNotification':
      for (const { id, connectors } of evses) {
        for (const connector of connectors) {
          if (evse?.connectorId !== undefined && connector.id !== evse.connectorId) continue;
          station.oweConnectorStatus(id, connector.id, connector.status, because);
        }
      }
      break;
    case 'MeterValues':
      for (const { id } of evses) {
        station.owed.owe(
          'MeterValues',
          () => ({
            evseId: id,
            meterValue: [triggeredReading(station.transactions.meterOf(id), measurands(station, 'AlignedDataCtrlr', 'Measurands'))],
          }),
          because,
        );
      }
      break;
    case 'TransactionEvent': {
      const running = evses
        .map((candidate) => station.transactions.onEvse(candidate.id))
        .filter((tx): tx is Transaction => tx !== undefined);
      if (running.length === 0) {
        return rejected(
          `no transaction runs${evse ? ` on EVSE ${evse.id}` : ''}, so there is no TransactionEvent to send`,
          'NoTransaction',
        );
      }
      for (const transaction of running) oweTriggeredEvent(station, transaction, because);
      break;
    }
    case 'FirmwareStatusNotification':
      station.owed.owe('FirmwareStatusNotification', () => currentStatus(station, 'FirmwareStatusNotification', FIRMWARE_AT_REST), because);
      break;
    case 'LogStatusNotification':
      station.owed.owe('LogStatusNotification', () => currentStatus(station, 'LogStatusNotification', LOG_AT_REST), because);
      break;
    case 'PublishFirmwareStatusNotification':
      station.owed.owe('PublishFirmwareStatusNotification', () => ({ status: 'Idle' }), because);
      break;
    // The CSR of a Sign…Certificate is made by the security area's step ("sends a SignCertificateRequest for a new key").
    case 'SignChargingStationCertificate':
    case 'SignV2GCertificate':
    case 'SignCombinedCertificate':
      break;
  }
  return { status: 'Accepted' };
}
