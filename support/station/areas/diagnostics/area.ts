import { OcppCallError } from '../../../../kernel/ocpp/errors';
import type { StationArea } from '../../core/charging-station';
import { answerCustomerInformation } from './customers';
import { judgeChange } from './events';
import { acceptGetLog } from './logs';
import {
  applyMonitoringBase,
  clearVariableMonitoring,
  monitoringReport,
  notifyMonitoringReportRequests,
  setVariableMonitoring,
} from './monitors';

/** Block N: logs, monitoring, customer information; every answer from the station's own state. */
export const diagnosticsArea: StationArea = {
  name: 'diagnostics',
  install: (station) => {
    const { deviceModel } = station;
    deviceModel.define({
      component: { name: 'ChargingStation' },
      variable: { name: 'Power' },
      dataType: 'decimal',
      attributes: { Actual: { value: '0', mutability: 'ReadOnly' } },
      unit: 'W',
      supportsMonitoring: true,
    });
    deviceModel.define({
      component: { name: 'MonitoringCtrlr' },
      variable: { name: 'ActiveMonitoringBase' },
      dataType: 'OptionList',
      attributes: { Actual: { value: 'All', mutability: 'ReadOnly' } },
      valuesList: 'All,FactoryDefault,HardWiredOnly',
    });
    // The levels the station can report at: severity 0 (Danger) to 9 (Debug), narrowed by a station that supports fewer.
    deviceModel.define({
      component: { name: 'MonitoringCtrlr' },
      variable: { name: 'ActiveMonitoringLevel' },
      dataType: 'integer',
      attributes: { Actual: { value: '9', mutability: 'ReadOnly' } },
      minLimit: 0,
      maxLimit: 9,
    });
    // What the CSMS writes is judged by the monitors on it, like any other change.
    deviceModel.onChange(({ definition, attributeType, value }) => {
      if (attributeType === 'Actual') judgeChange(station, definition.component, definition.variable, value);
    });
  },
  replies: (station) => {
    const { deviceModel } = station;
    return {
      ClearVariableMonitoring: ({ id }) => {
        const limit = deviceModel.itemsPerMessage('MonitoringCtrlr', 'ClearVariableMonitoring');
        if (limit !== undefined && id.length > limit) {
          throw new OcppCallError('OccurrenceConstraintViolation', `${id.length} monitor ids exceed ItemsPerMessage ${limit}`);
        }
        return { clearMonitoringResult: clearVariableMonitoring(station, id) };
      },
      CustomerInformation: (request) => answerCustomerInformation(station, request),
      GetLog: (request) => acceptGetLog(station, request),
      GetMonitoringReport: ({ requestId, componentVariable, monitoringCriteria }) => {
        const monitor = monitoringReport(station, componentVariable, monitoringCriteria);
        if (monitor.length === 0) return { status: 'EmptyResultSet' };
        const parts = notifyMonitoringReportRequests(requestId, monitor, new Date().toISOString());
        for (const part of parts) {
          station.owed.owe(
            'NotifyMonitoringReport',
            () => ({ ...part, generatedAt: new Date().toISOString() }),
            `GetMonitoringReport ${requestId}: ${monitor.length} monitored variable(s), part ${part.seqNo + 1} of ${parts.length}`,
          );
        }
        return { status: 'Accepted' };
      },
      SetMonitoringBase: ({ monitoringBase }) => {
        applyMonitoringBase(station, monitoringBase);
        return { status: 'Accepted' };
      },
      SetMonitoringLevel: ({ severity }) => {
        const definition = deviceModel.find({ name: 'MonitoringCtrlr' }, { name: 'ActiveMonitoringLevel' });
        const min = definition?.minLimit ?? 0;
        const max = definition?.maxLimit ?? 9;
        if (!Number.isInteger(severity) || severity < min || severity > max) {
          return {
            status: 'Rejected',
            statusInfo: { reasonCode: 'OutOfRange', additionalInfo: `the station supports levels ${min} to ${max}` },
          };
        }
        deviceModel.setValue('MonitoringCtrlr', 'ActiveMonitoringLevel', String(severity));
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
        return { setMonitoringResult: setVariableMonitoring(station, setMonitoringData) };
      },
    };
  },
};
