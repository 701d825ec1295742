import type { CsmsHandlers } from '../../handler-context';

export const handlers: CsmsHandlers = {
  LogStatusNotification: () => ({}),
  NotifyMonitoringReport: () => ({}),
  NotifyCustomerInformation: () => ({}),
};
