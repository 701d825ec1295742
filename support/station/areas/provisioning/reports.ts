/**
 * What the station reports after it accepted a GetBaseReportRequest or GetReportRequest (B07,
 * B08): the selected part of its device model, with the availability it has right now, in as many
 * NotifyReportRequests as a real station would need (seqNo counting from 0, tbc until the last).
 */
import type {
  ConnectorStatusEnumType,
  GetBaseReportRequest,
  GetReportRequest,
  NotifyReportRequest,
  NotifyReportResponse,
  ReportDataType,
} from '../../../../schemas/ocpp201-messages';
import type { ChargingStation } from '../../core/charging-station';
import { baseReportSelection, customReportSelection } from '../../core/device-model';
import type { Evse } from '../../core/topology';

/**
 * A full inventory does not fit one frame of a real station; ten entries a message makes the CSMS
 * assemble a report from several parts (seqNo, tbc), as it must with any real station.
 */
export const ENTRIES_PER_NOTIFY_REPORT = 10;

function evseAvailability(evse: Evse, stationOperative: boolean): ConnectorStatusEnumType {
  if (!stationOperative || evse.operationalStatus === 'Inoperative') return 'Unavailable';
  const statuses = evse.connectors.map((connector) => connector.status);
  if (statuses.includes('Occupied')) return 'Occupied';
  if (statuses.includes('Reserved')) return 'Reserved';
  if (statuses.every((status) => status === 'Faulted')) return 'Faulted';
  if (statuses.every((status) => status === 'Unavailable')) return 'Unavailable';
  return 'Available';
}

/**
 * Brings the device model's AvailabilityState and Available variables in line with the station's
 * EVSEs and connectors, so that reports and report criteria tell the truth.
 */
export function syncAvailability(station: ChargingStation): void {
  const { topology, deviceModel } = station;
  const stationOperative = topology.operationalStatus === 'Operative';
  deviceModel.setValue('ChargingStation', 'AvailabilityState', stationOperative ? 'Available' : 'Unavailable');
  deviceModel.setValue('ChargingStation', 'Available', String(stationOperative));
  for (const evse of topology.evses) {
    const component = { name: 'EVSE', evse: { id: evse.id } };
    const evseOperative = stationOperative && evse.operationalStatus === 'Operative';
    deviceModel.setComponentValue(component, { name: 'AvailabilityState' }, evseAvailability(evse, stationOperative));
    deviceModel.setComponentValue(component, { name: 'Available' }, String(evseOperative));
    for (const connector of evse.connectors) {
      const connectorComponent = { name: 'Connector', evse: { id: evse.id, connectorId: connector.id } };
      deviceModel.setComponentValue(connectorComponent, { name: 'AvailabilityState' }, connector.status);
      deviceModel.setComponentValue(connectorComponent, { name: 'Available' }, String(evseOperative && connector.status !== 'Unavailable'));
    }
  }
}

export type ReportRequest = { action: 'GetBaseReport'; payload: GetBaseReportRequest } | { action: 'GetReport'; payload: GetReportRequest };

/** The report entries a request selects, from the device model as it is now. */
export function reportDataFor(station: ChargingStation, request: ReportRequest): ReportDataType[] {
  syncAvailability(station);
  const { deviceModel } = station;
  if (request.action === 'GetBaseReport') return deviceModel.report(baseReportSelection(request.payload.reportBase));
  const { componentVariable, componentCriteria } = request.payload;
  return deviceModel.report(customReportSelection(deviceModel, componentVariable, componentCriteria));
}

/** The NotifyReportRequests carrying `reportData` for `requestId`, in order. */
export function notifyReportRequests(requestId: number, reportData: readonly ReportDataType[], generatedAt: string): NotifyReportRequest[] {
  const parts: ReportDataType[][] = [];
  for (let start = 0; start < reportData.length; start += ENTRIES_PER_NOTIFY_REPORT) {
    parts.push(reportData.slice(start, start + ENTRIES_PER_NOTIFY_REPORT));
  }
  return parts.map((part, seqNo) => ({
    requestId,
    generatedAt,
    seqNo,
    tbc: seqNo < parts.length - 1,
    reportData: part,
  }));
}

/** Sends the report of an accepted request; each NotifyReportRequest waits for the CSMS's answer. */
export async function sendReport(station: ChargingStation, request: ReportRequest): Promise<NotifyReportResponse[]> {
  const reportData = reportDataFor(station, request);
  if (reportData.length === 0) {
    throw new Error(`the station has nothing to report for ${request.action}Request ${JSON.stringify(request.payload)}`);
  }
  const responses: NotifyReportResponse[] = [];
  for (const notifyReport of notifyReportRequests(request.payload.requestId, reportData, new Date().toISOString())) {
    responses.push(await station.call('NotifyReport', notifyReport));
  }
  return responses;
}
