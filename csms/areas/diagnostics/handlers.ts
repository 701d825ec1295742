import type { CsmsHandlers } from '../../handler-context';
import { DIAGNOSTICS } from './state';

/** The station's reports of block N, kept per station. */
export const handlers: CsmsHandlers = {
  LogStatusNotification: ({ status, requestId }, { station }) => {
    const logs = station.areaState.of(DIAGNOSTICS).logs;
    // A status for a request the CSMS did not send (or sent before a restart) is still kept.
    const record = (requestId !== undefined ? logs.get(requestId) : undefined) ?? {
      logType: 'DiagnosticsLog',
      remoteLocation: '',
      statuses: [],
    };
    record.statuses.push(status);
    if (requestId !== undefined) logs.set(requestId, record);
    return {};
  },
  NotifyMonitoringReport: ({ requestId, monitor }, { station }) => {
    const record = station.areaState.of(DIAGNOSTICS);
    const report = record.monitoringReports.get(requestId) ?? [];
    report.push(...(monitor ?? []));
    record.monitoringReports.set(requestId, report);
    for (const entry of monitor ?? []) {
      for (const monitoring of entry.variableMonitoring) {
        record.monitors.set(monitoring.id, { ...monitoring, component: entry.component, variable: entry.variable });
      }
    }
    return {};
  },
  NotifyCustomerInformation: ({ requestId, data, tbc }, { station }) => {
    const record = station.areaState.of(DIAGNOSTICS).customerInformation;
    const entry = record.get(requestId) ?? { data: [], complete: false };
    entry.data.push(data);
    entry.complete = !tbc;
    record.set(requestId, entry);
    return {};
  },
  NotifyEvent: ({ eventData }, { station }) => {
    station.areaState.of(DIAGNOSTICS).events.push(...eventData);
    return {};
  },
};
