import type { CsmsHandlers } from './handler-context';

/** Notifications the CSMS stores and acknowledges: firmware, logs, monitoring, customer data, display messages, charging limits, reservations. */
export const reportingHandlers: CsmsHandlers = {
  FirmwareStatusNotification: () => ({}),
  PublishFirmwareStatusNotification: () => ({}),
  LogStatusNotification: () => ({}),
  NotifyMonitoringReport: () => ({}),
  NotifyCustomerInformation: () => ({}),
  NotifyDisplayMessages: () => ({}),
  ReportChargingProfiles: () => ({}),
  NotifyChargingLimit: () => ({}),
  ClearedChargingLimit: () => ({}),
  NotifyEVChargingNeeds: () => ({ status: 'Accepted' }),
  NotifyEVChargingSchedule: () => ({ status: 'Accepted' }),
  ReservationStatusUpdate: () => ({}),
};
