import type {
  ClearVariableMonitoringRequest,
  GetLogRequest,
  GetVariableResultType,
  SetMonitoringDataType,
} from '../../../schemas/ocpp201-messages';
import {
  BadOperatorRequest,
  type RequestBuilders,
  type ResponseObservers,
  batches,
  mergeParams,
  requireParam,
} from '../../operator/builder-context';
import type { StationRecord } from '../../store';
import { csmsLogService } from './log-service';
import { DIAGNOSTICS } from './state';

/** A device-model limit the CSMS learned from the station (GetVariables, NotifyReport), e.g. MonitoringCtrlr.ItemsPerMessage[ClearVariableMonitoring]. */
function learnedLimit(station: StationRecord, component: string, variable: string, instance: string): number | undefined {
  const value = station.reportedVariables.get(`${component}.${variable}[${instance}]`);
  const number = value === undefined ? NaN : Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/**
 * Block N requests. Monitors are set and cleared in batches of the station's ItemsPerMessage the
 * CSMS learned; a log upload goes where the operator says, or to the CSMS's own upload server.
 */
export const requests: RequestBuilders = {
  GetLog: async (params, { store, station }) => {
    const given = (params.log as { remoteLocation?: string } | undefined)?.remoteLocation;
    const remoteLocation = given ?? (await csmsLogService()).url(`/logs/${encodeURIComponent(station.id)}/`);
    const request: GetLogRequest = mergeParams(
      { requestId: store.nextRequestId(), logType: 'DiagnosticsLog' as const, log: { remoteLocation } },
      params,
    );
    station.areaState
      .of(DIAGNOSTICS)
      .logs.set(request.requestId, { logType: request.logType, remoteLocation: request.log.remoteLocation, statuses: [] });
    return request;
  },
  GetMonitoringReport: (params, { store }) => mergeParams({ requestId: store.nextRequestId() }, params),
  SetMonitoringBase: (params) => mergeParams({ monitoringBase: requireParam(params, 'monitoringBase', 'SetMonitoringBase') }, params),
  SetMonitoringLevel: (params) => mergeParams({ severity: requireParam<number>(params, 'severity', 'SetMonitoringLevel') }, params),
  SetVariableMonitoring: (params, { station }) => {
    const data = requireParam<SetMonitoringDataType[]>(params, 'setMonitoringData', 'SetVariableMonitoring');
    if (!Array.isArray(data) || data.length === 0) throw new BadOperatorRequest('setMonitoringData must be a non-empty list');
    const limit = learnedLimit(station, 'MonitoringCtrlr', 'ItemsPerMessage', 'SetVariableMonitoring');
    return batches(data, limit).map((setMonitoringData) => ({ setMonitoringData }));
  },
  ClearVariableMonitoring: (params, { station }) => {
    // Without ids the CSMS clears every monitor it knows on the station.
    const known = [...station.areaState.of(DIAGNOSTICS).monitors.keys()];
    const ids = (params.id as number[] | undefined) ?? known;
    if (!Array.isArray(ids) || ids.length === 0)
      throw new BadOperatorRequest('ClearVariableMonitoring needs "id" (or monitors the CSMS knows)');
    const limit = learnedLimit(station, 'MonitoringCtrlr', 'ItemsPerMessage', 'ClearVariableMonitoring');
    return batches(ids, limit).map((id): ClearVariableMonitoringRequest => ({ id }));
  },
  CustomerInformation: (params, { store }) => mergeParams({ requestId: store.nextRequestId(), report: true, clear: false }, params),
};

/** What the CSMS learns from the answers: the monitors it set and cleared, the variables it read. */
export const responses: ResponseObservers = {
  SetVariableMonitoring: (request, response, { station }) => {
    const { monitors } = station.areaState.of(DIAGNOSTICS);
    response.setMonitoringResult.forEach((result, index) => {
      const data = request.setMonitoringData[index];
      if (result.status === 'Accepted' && result.id !== undefined && data) monitors.set(result.id, { ...data, id: result.id });
    });
  },
  ClearVariableMonitoring: (_request, response, { station }) => {
    const { monitors } = station.areaState.of(DIAGNOSTICS);
    for (const result of response.clearMonitoringResult) {
      if (result.status === 'Accepted' || result.status === 'NotFound') monitors.delete(result.id);
    }
  },
  GetVariables: (_request, response, { station }) => {
    for (const result of response.getVariableResult as GetVariableResultType[]) {
      if (result.attributeStatus !== 'Accepted' || result.attributeValue === undefined || (result.attributeType ?? 'Actual') !== 'Actual')
        continue;
      const instance = result.variable.instance ? `[${result.variable.instance}]` : '';
      station.reportedVariables.set(`${result.component.name}.${result.variable.name}${instance}`, result.attributeValue);
    }
  },
};
