import type { CsmsHandlers } from '../../handler-context';

export const handlers: CsmsHandlers = {
  ReportChargingProfiles: () => ({}),
  NotifyChargingLimit: () => ({}),
  ClearedChargingLimit: () => ({}),
  NotifyEVChargingNeeds: () => ({ status: 'Accepted' }),
  NotifyEVChargingSchedule: () => ({ status: 'Accepted' }),
};
