/**
 * The station's variable monitors (OCPP 2.0.1 N02-N06): hard-wired ones that are always there,
 * pre-configured ones that the monitoring base switches on and off, and custom ones the CSMS sets.
 * Every answer of SetVariableMonitoring, ClearVariableMonitoring, SetMonitoringBase and
 * GetMonitoringReport is computed here from the store and the device model.
 */
import type {
  ClearMonitoringResultType,
  ComponentType,
  ComponentVariableType,
  MonitorEnumType,
  MonitoringBaseEnumType,
  MonitoringCriterionEnumType,
  MonitoringDataType,
  NotifyMonitoringReportRequest,
  SetMonitoringDataType,
  SetMonitoringResultType,
  VariableType,
} from '../../../../schemas/ocpp201-messages';
import type { ChargingStation } from '../../core/charging-station';
import { componentMatches, variableMatches } from '../../core/device-model';
import { MONITORING, type Monitor } from './state';

export type { Monitor, MonitorKind } from './state';
import { startPeriodic, stopPeriodic } from './events';

/** A full monitoring report does not fit one frame of a real station: ten monitored variables a part. */
export const VARIABLES_PER_MONITORING_REPORT = 10;

const THRESHOLDS: readonly MonitorEnumType[] = ['UpperThreshold', 'LowerThreshold'];
const PERIODIC: readonly MonitorEnumType[] = ['Periodic', 'PeriodicClockAligned'];

function sameTarget(
  a: { component: ComponentType; variable: VariableType },
  b: { component: ComponentType; variable: VariableType },
): boolean {
  return (
    a.component.name === b.component.name &&
    (a.component.instance ?? '') === (b.component.instance ?? '') &&
    (a.component.evse?.id ?? 0) === (b.component.evse?.id ?? 0) &&
    (a.component.evse?.connectorId ?? 0) === (b.component.evse?.connectorId ?? 0) &&
    a.variable.name === b.variable.name &&
    (a.variable.instance ?? '') === (b.variable.instance ?? '')
  );
}

/** The monitors in effect now. */
export function activeMonitors(station: ChargingStation): Monitor[] {
  return station.state(MONITORING).monitors.filter((monitor) => monitor.active);
}

export function monitorById(station: ChargingStation, id: number): Monitor | undefined {
  return station.state(MONITORING).monitors.find((monitor) => monitor.id === id);
}

function store(station: ChargingStation, monitor: Monitor): void {
  const state = station.state(MONITORING);
  state.monitors = state.monitors.filter((existing) => existing.id !== monitor.id);
  state.monitors.push(monitor);
  state.nextMonitorId = Math.max(state.nextMonitorId, monitor.id + 1);
  state.lastValues.set(monitor.id, station.deviceModel.find(monitor.component, monitor.variable)?.attributes.Actual?.value ?? '');
  state.crossed.delete(monitor.id);
  if (monitor.active && PERIODIC.includes(monitor.type)) startPeriodic(station, monitor);
}

function remove(station: ChargingStation, id: number): void {
  const state = station.state(MONITORING);
  stopPeriodic(station, id);
  state.monitors = state.monitors.filter((monitor) => monitor.id !== id);
  state.lastValues.delete(id);
  state.crossed.delete(id);
}

/** A monitor the station has from its manufacturer or an earlier CSMS (a test case's precondition); the variable must exist. */
export function installMonitor(station: ChargingStation, monitor: Omit<Monitor, 'id' | 'active'> & { id?: number }): Monitor {
  if (!station.deviceModel.find(monitor.component, monitor.variable)) {
    throw new Error(`the station has no variable ${monitor.component.name}.${monitor.variable.name} to monitor`);
  }
  const state = station.state(MONITORING);
  const id = monitor.id ?? state.nextMonitorId;
  if (state.monitors.some((existing) => existing.id === id)) throw new Error(`the station already has a monitor with id ${id}`);
  const installed: Monitor = { ...monitor, id, active: true };
  store(station, installed);
  return installed;
}

/** Why a SetMonitoringData element cannot be installed, as the status the station answers; undefined when it can. */
function refusal(
  station: ChargingStation,
  data: SetMonitoringDataType,
): Pick<SetMonitoringResultType, 'status' | 'statusInfo'> | undefined {
  const { deviceModel } = station;
  if (!deviceModel.hasComponent(data.component)) return { status: 'UnknownComponent' };
  const definition = deviceModel.find(data.component, data.variable);
  if (!definition) return { status: 'UnknownVariable' };
  if (!definition.supportsMonitoring)
    return { status: 'Rejected', statusInfo: { reasonCode: 'NoMonitoring', additionalInfo: 'the variable does not support monitoring' } };
  const numeric = definition.dataType === 'integer' || definition.dataType === 'decimal';
  if (THRESHOLDS.includes(data.type) && !numeric) return { status: 'UnsupportedMonitorType', statusInfo: { reasonCode: 'NotNumeric' } };
  if ((PERIODIC.includes(data.type) && data.value <= 0) || (data.type === 'Delta' && data.value < 0)) {
    return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidValue', additionalInfo: `${data.type} value ${data.value}` } };
  }
  if (data.severity < 0 || data.severity > 9)
    return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidValue', additionalInfo: `severity ${data.severity}` } };
  if (data.id !== undefined) {
    const existing = monitorById(station, data.id);
    // Only a custom monitor may be replaced by id; an id the station never gave is not the CSMS's to choose.
    if (!existing || existing.kind !== 'Custom') return { status: 'Rejected', statusInfo: { reasonCode: 'UnknownMonitorId' } };
  }
  const duplicate = activeMonitors(station).some(
    (monitor) => monitor.id !== data.id && sameTarget(monitor, data) && monitor.type === data.type && monitor.severity === data.severity,
  );
  if (duplicate) return { status: 'Duplicate' };
  return undefined;
}

/** SetVariableMonitoring (N04): one result per element, in order; an Accepted monitor gets its id. */
export function setVariableMonitoring(
  station: ChargingStation,
  setMonitoringData: readonly SetMonitoringDataType[],
): SetMonitoringResultType[] {
  return setMonitoringData.map((data) => {
    const base = { type: data.type, severity: data.severity, component: data.component, variable: data.variable };
    const refused = refusal(station, data);
    if (refused) return { ...base, ...(data.id !== undefined ? { id: data.id } : {}), ...refused };
    const state = station.state(MONITORING);
    const id = data.id ?? state.nextMonitorId;
    if (data.id !== undefined) stopPeriodic(station, data.id);
    store(station, {
      id,
      kind: 'Custom',
      factoryDefault: false,
      active: true,
      component: data.component,
      variable: data.variable,
      type: data.type,
      value: data.value,
      severity: data.severity,
      transaction: data.transaction ?? false,
    });
    return { ...base, id, status: 'Accepted' };
  });
}

/** ClearVariableMonitoring (N06): a hard-wired monitor cannot be cleared. */
export function clearVariableMonitoring(station: ChargingStation, ids: readonly number[]): ClearMonitoringResultType[] {
  return ids.map((id) => {
    const monitor = monitorById(station, id);
    if (!monitor) return { id, status: 'NotFound' };
    if (monitor.kind === 'HardWired') {
      return {
        id,
        status: 'Rejected',
        statusInfo: { reasonCode: 'HardWiredMonitor', additionalInfo: 'a hard-wired monitor cannot be cleared' },
      };
    }
    remove(station, id);
    return { id, status: 'Accepted' };
  });
}

/**
 * SetMonitoringBase (N03): All switches every pre-configured monitor on, FactoryDefault only those
 * the manufacturer recommends, HardWiredOnly switches them all off and clears the custom monitors.
 */
export function applyMonitoringBase(station: ChargingStation, base: MonitoringBaseEnumType): void {
  for (const monitor of [...station.state(MONITORING).monitors]) {
    if (monitor.kind === 'Preconfigured') {
      const active = base === 'All' || (base === 'FactoryDefault' && monitor.factoryDefault);
      if (active && !monitor.active) store(station, { ...monitor, active });
      if (!active) {
        stopPeriodic(station, monitor.id);
        monitor.active = false;
      }
    }
    if (monitor.kind === 'Custom' && base === 'HardWiredOnly') remove(station, monitor.id);
  }
  station.deviceModel.setValue('MonitoringCtrlr', 'ActiveMonitoringBase', base);
}

function meetsCriteria(monitor: Monitor, criteria: readonly MonitoringCriterionEnumType[] | undefined): boolean {
  if (!criteria || criteria.length === 0) return true;
  return criteria.some(
    (criterion) =>
      (criterion === 'ThresholdMonitoring' && THRESHOLDS.includes(monitor.type)) ||
      (criterion === 'DeltaMonitoring' && monitor.type === 'Delta') ||
      (criterion === 'PeriodicMonitoring' && PERIODIC.includes(monitor.type)),
  );
}

/**
 * What GetMonitoringReport selects (N02): the active monitors of the requested components and
 * variables (all when none is named) that meet at least one criterion (any when none is given),
 * grouped by monitored variable in the order the request names them.
 */
export function monitoringReport(
  station: ChargingStation,
  componentVariable: readonly ComponentVariableType[] | undefined,
  criteria: readonly MonitoringCriterionEnumType[] | undefined,
): MonitoringDataType[] {
  const selected = activeMonitors(station)
    .filter((monitor) => meetsCriteria(monitor, criteria))
    .map((monitor) => ({
      monitor,
      order: componentVariable
        ? componentVariable.findIndex(
            (wanted) => componentMatches(wanted.component, monitor.component) && variableMatches(wanted.variable, monitor.variable),
          )
        : 0,
    }))
    .filter(({ order }) => order >= 0)
    .sort((a, b) => a.order - b.order || a.monitor.id - b.monitor.id);
  const groups: MonitoringDataType[] = [];
  for (const { monitor } of selected) {
    let group = groups.find((candidate) => sameTarget(candidate, monitor));
    if (!group) {
      group = { component: monitor.component, variable: monitor.variable, variableMonitoring: [] };
      groups.push(group);
    }
    group.variableMonitoring.push({
      id: monitor.id,
      transaction: monitor.transaction,
      value: monitor.value,
      type: monitor.type,
      severity: monitor.severity,
    });
  }
  return groups;
}

/** The NotifyMonitoringReportRequests carrying `monitor` for `requestId`, seqNo from 0, tbc until the last. */
export function notifyMonitoringReportRequests(
  requestId: number,
  monitor: readonly MonitoringDataType[],
  generatedAt: string,
): NotifyMonitoringReportRequest[] {
  const parts: MonitoringDataType[][] = [];
  for (let start = 0; start < monitor.length; start += VARIABLES_PER_MONITORING_REPORT) {
    parts.push(monitor.slice(start, start + VARIABLES_PER_MONITORING_REPORT));
  }
  return parts.map((part, seqNo) => ({ requestId, generatedAt, seqNo, tbc: seqNo < parts.length - 1, monitor: part }));
}
