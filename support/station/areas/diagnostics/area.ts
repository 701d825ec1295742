import type { ClearMonitoringResultType, SetMonitoringResultType } from '../../../../schemas/ocpp201-messages';
import { OcppCallError } from '../../../../kernel/ocpp/errors';
import type { StationArea } from '../../core/charging-station';
import { MONITORING } from './state';

/** Block N: logs, monitoring, customer information. */
export const diagnosticsArea: StationArea = {
  name: 'diagnostics',
  replies: (station) => {
    const { deviceModel } = station;
    const monitoring = () => station.state(MONITORING);
    return {
      ClearVariableMonitoring: ({ id }) => {
        const limit = deviceModel.itemsPerMessage('MonitoringCtrlr', 'ClearVariableMonitoring');
        if (limit !== undefined && id.length > limit) {
          throw new OcppCallError('OccurrenceConstraintViolation', `${id.length} monitor ids exceed ItemsPerMessage ${limit}`);
        }
        const { monitors } = monitoring();
        const clearMonitoringResult: ClearMonitoringResultType[] = id.map((monitorId) => {
          const index = monitors.findIndex((monitor) => monitor.id === monitorId);
          if (index < 0) return { id: monitorId, status: 'NotFound' };
          monitors.splice(index, 1);
          return { id: monitorId, status: 'Accepted' };
        });
        return { clearMonitoringResult };
      },
      CustomerInformation: ({ report, clear }) => ({ status: report || clear ? 'Accepted' : 'Rejected' }),
      GetLog: ({ logType }) => ({ status: 'Accepted', filename: `${station.id}-${logType}.log` }),
      GetMonitoringReport: () => ({ status: monitoring().monitors.length > 0 ? 'Accepted' : 'EmptyResultSet' }),
      SetMonitoringBase: () => ({ status: 'Accepted' }),
      SetMonitoringLevel: ({ severity }) => {
        monitoring().monitoringLevel = severity;
        return { status: 'Accepted' };
      },
      SetVariableMonitoring: ({ setMonitoringData }) => {
        const limit = deviceModel.itemsPerMessage('MonitoringCtrlr', 'SetVariableMonitoring');
        if (limit !== undefined && setMonitoringData.length > limit) {
          throw new OcppCallError(
            'OccurrenceConstraintViolation',
            `${setMonitoringData.length} setMonitoringData elements exceed ItemsPerMessage ${limit}`,
          );
        }
        const state = monitoring();
        const setMonitoringResult: SetMonitoringResultType[] = setMonitoringData.map((data) => {
          const base = { type: data.type, severity: data.severity, component: data.component, variable: data.variable };
          if (!deviceModel.hasComponent(data.component)) return { ...base, status: 'UnknownComponent' };
          const definition = deviceModel.find(data.component, data.variable);
          if (!definition) return { ...base, status: 'UnknownVariable' };
          if (!definition.supportsMonitoring) return { ...base, status: 'Rejected' };
          const id = data.id ?? state.nextMonitorId++;
          state.monitors = state.monitors.filter((monitor) => monitor.id !== id);
          state.monitors.push({ ...data, id });
          return { ...base, id, status: 'Accepted' };
        });
        return { setMonitoringResult };
      },
    };
  },
};
