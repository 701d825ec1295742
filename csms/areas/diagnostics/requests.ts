import { type RequestBuilders, mergeParams, requireParam } from '../../operator/builder-context';

export const requests: RequestBuilders = {
  GetLog: (params, { store }) =>
    mergeParams(
      { requestId: store.nextRequestId(), logType: 'DiagnosticsLog' as const, log: { remoteLocation: 'https://localhost/logs' } },
      params,
    ),
  GetMonitoringReport: (params, { store }) => mergeParams({ requestId: store.nextRequestId() }, params),
  SetMonitoringBase: (params) => mergeParams({ monitoringBase: requireParam(params, 'monitoringBase', 'SetMonitoringBase') }, params),
  SetMonitoringLevel: (params) => mergeParams({ severity: requireParam<number>(params, 'severity', 'SetMonitoringLevel') }, params),
  SetVariableMonitoring: (params) =>
    mergeParams({ setMonitoringData: requireParam(params, 'setMonitoringData', 'SetVariableMonitoring') }, params),
  ClearVariableMonitoring: (params) => mergeParams({ id: requireParam<number[]>(params, 'id', 'ClearVariableMonitoring') }, params),
  CustomerInformation: (params, { store }) => mergeParams({ requestId: store.nextRequestId(), report: true, clear: false }, params),
};
