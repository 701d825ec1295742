import type { Action } from '../../../kernel/ocpp/actions';
import type { Config } from '../../../kernel/config';
import type { ChargingStation } from './charging-station';

/**
 * What the station puts in a message unless a scenario says otherwise: its own model and vendor,
 * the configured EVSE and connector, the current time. A Gherkin table then sets or overrides fields.
 */
export function defaultPayload(action: Action, station: ChargingStation, config: Config): Record<string, unknown> {
  const now = new Date().toISOString();
  const evseId = config.CONFIGURED_EVSE_ID;
  const connectorId = config.CONFIGURED_CONNECTOR_ID;
  switch (action) {
    case 'BootNotification':
      return { reason: 'PowerUp', chargingStation: { model: station.hardware.model, vendorName: station.hardware.vendorName } };
    case 'StatusNotification':
      return { timestamp: now, connectorStatus: 'Available', evseId, connectorId };
    case 'NotifyEvent':
      return {
        generatedAt: now,
        seqNo: 0,
        eventData: [
          {
            eventId: station.nextEventId(),
            timestamp: now,
            trigger: 'Delta',
            actualValue: 'Available',
            eventNotificationType: 'HardWiredNotification',
            component: { name: 'Connector', evse: { id: evseId, connectorId } },
            variable: { name: 'AvailabilityState' },
          },
        ],
      };
    case 'Authorize':
      return { idToken: { idToken: config.VALID_ID_TOKEN, type: config.VALID_ID_TOKEN_TYPE } };
    case 'MeterValues':
      return {
        evseId,
        meterValue: [
          { timestamp: now, sampledValue: [{ value: 0, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } }] },
        ],
      };
    case 'NotifyReport':
    case 'NotifyMonitoringReport':
    case 'NotifyCustomerInformation':
      return { generatedAt: now, seqNo: 0 };
    case 'SecurityEventNotification':
      return { timestamp: now };
    case 'DataTransfer':
      return { vendorId: config.CONFIGURED_VENDOR_ID };
    case 'TransactionEvent': {
      const transaction = station.transactions.onEvse(evseId);
      return {
        timestamp: now,
        evse: { id: evseId, connectorId },
        ...(transaction ? { transactionInfo: { transactionId: transaction.id } } : {}),
      };
    }
    default:
      return {};
  }
}
