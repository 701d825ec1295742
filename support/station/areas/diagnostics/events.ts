/**
 * Monitors fire (OCPP 2.0.1 N07, N08): a threshold crossed or left again by a real change of a
 * variable, a delta large enough, a periodic monitor on the station clock. Each firing makes the
 * station owe a NotifyEventRequest with a fresh eventId, sent by the scenario's explicit step.
 */
import type { ComponentType, EventDataType, EventNotificationEnumType, VariableType } from '../../../../schemas/ocpp201-messages';
import type { StationClock } from '../../../../kernel/time/station-clock';
import type { ChargingStation } from '../../core/charging-station';
import { DIAGNOSTICS_CLOCK, MONITORING, type Monitor, type MonitorKind } from './state';

const NOTIFICATION_TYPE: Record<MonitorKind, EventNotificationEnumType> = {
  HardWired: 'HardWiredMonitor',
  Preconfigured: 'PreconfiguredMonitor',
  Custom: 'CustomMonitor',
};

function describe(monitor: Monitor): string {
  const evse = monitor.component.evse ? ` (EVSE ${monitor.component.evse.id})` : '';
  return `${monitor.kind} ${monitor.type} monitor ${monitor.id} on ${monitor.component.name}${evse}.${monitor.variable.name}`;
}

/** The severity level the station reports up to (N05): MonitoringCtrlr.ActiveMonitoringLevel. */
function reportsSeverity(station: ChargingStation, severity: number): boolean {
  const level = Number(station.deviceModel.value('MonitoringCtrlr', 'ActiveMonitoringLevel') ?? '9');
  return severity <= level;
}

function inEffect(station: ChargingStation, monitor: Monitor): boolean {
  if (!monitor.active) return false;
  if (!monitor.transaction) return true;
  const evseId = monitor.component.evse?.id;
  return evseId === undefined ? station.transactions.active().length > 0 : station.transactions.onEvse(evseId) !== undefined;
}

/** What the station may tell of a variable: a write-only value is never reported (N07: empty actualValue). */
function reportableValue(station: ChargingStation, component: ComponentType, variable: VariableType): string {
  const attribute = station.deviceModel.find(component, variable)?.attributes.Actual;
  if (!attribute || attribute.mutability === 'WriteOnly') return '';
  return attribute.value;
}

function oweEvent(station: ChargingStation, monitor: Monitor, fields: Pick<EventDataType, 'trigger' | 'cleared'>, because: string): void {
  if (!reportsSeverity(station, monitor.severity)) {
    station.note(`${describe(monitor)} fired (${because}) below the active monitoring level: not reported`);
    return;
  }
  const eventId = station.nextEventId();
  const timestamp = new Date().toISOString();
  const actualValue = reportableValue(station, monitor.component, monitor.variable);
  station.owed.owe(
    'NotifyEvent',
    () => ({
      generatedAt: new Date().toISOString(),
      seqNo: 0,
      tbc: false,
      eventData: [
        {
          eventId,
          timestamp,
          trigger: fields.trigger,
          actualValue,
          ...(fields.cleared ? { cleared: true } : {}),
          eventNotificationType: NOTIFICATION_TYPE[monitor.kind],
          component: monitor.component,
          variable: monitor.variable,
          variableMonitoringId: monitor.id,
        },
      ],
    }),
    `${describe(monitor)}: ${because}`,
  );
}

function sameVariable(monitor: Monitor, component: ComponentType, variable: VariableType): boolean {
  return (
    monitor.component.name === component.name &&
    (monitor.component.instance ?? '') === (component.instance ?? '') &&
    (monitor.component.evse?.id ?? 0) === (component.evse?.id ?? 0) &&
    (monitor.component.evse?.connectorId ?? 0) === (component.evse?.connectorId ?? 0) &&
    monitor.variable.name === variable.name &&
    (monitor.variable.instance ?? '') === (variable.instance ?? '')
  );
}

/** A monitored variable took a new value: thresholds and deltas judge it. */
export function judgeChange(station: ChargingStation, component: ComponentType, variable: VariableType, value: string): void {
  const state = station.state(MONITORING);
  for (const monitor of state.monitors.filter((candidate) => sameVariable(candidate, component, variable))) {
    const previous = state.lastValues.get(monitor.id) ?? '';
    state.lastValues.set(monitor.id, value);
    if (!inEffect(station, monitor)) continue;
    const number = Number(value);
    if (monitor.type === 'UpperThreshold' || monitor.type === 'LowerThreshold') {
      const beyond = monitor.type === 'UpperThreshold' ? number > monitor.value : number < monitor.value;
      const wasBeyond = state.crossed.has(monitor.id);
      if (beyond && !wasBeyond) {
        state.crossed.add(monitor.id);
        oweEvent(station, monitor, { trigger: 'Alerting' }, `${value} crossed ${monitor.value}`);
      } else if (!beyond && wasBeyond) {
        state.crossed.delete(monitor.id);
        oweEvent(station, monitor, { trigger: 'Alerting', cleared: true }, `${value} is back within ${monitor.value}`);
      }
    } else if (monitor.type === 'Delta') {
      const numeric = value !== '' && previous !== '' && !Number.isNaN(number) && !Number.isNaN(Number(previous));
      const changed = numeric ? Math.abs(number - Number(previous)) >= monitor.value : value !== previous;
      if (changed) oweEvent(station, monitor, { trigger: 'Delta' }, `changed from ${previous} to ${value}`);
      // A numeric delta is measured from the last reported value, so a slow drift still fires once it adds up.
      else if (numeric) state.lastValues.set(monitor.id, previous);
    }
  }
}

/** The station's own variable changes (a measured power, a state): written to the device model and judged by its monitors. */
export function changeVariable(station: ChargingStation, component: ComponentType, variable: VariableType, value: string): void {
  station.deviceModel.setComponentValue(component, variable, value);
  judgeChange(station, component, variable, value);
}

export function startPeriodic(station: ChargingStation, monitor: Monitor): void {
  const { clock } = station.state(DIAGNOSTICS_CLOCK);
  const state = station.state(MONITORING);
  state.timers.get(monitor.id)?.cancel();
  state.timers.delete(monitor.id);
  // Without a clock the station is not running yet (unit tests); useClock starts the timers.
  if (!clock) return;
  const fire = (): void => {
    if (inEffect(station, monitor)) oweEvent(station, monitor, { trigger: 'Periodic' }, `every ${monitor.value} s`);
  };
  state.timers.set(
    monitor.id,
    monitor.type === 'PeriodicClockAligned' ? clock.everyAligned(monitor.value, fire) : clock.every(monitor.value, fire),
  );
}

export function stopPeriodic(station: ChargingStation, id: number): void {
  const state = station.state(MONITORING);
  state.timers.get(id)?.cancel();
  state.timers.delete(id);
}

/** Gives the area the scenario's station clock and starts the periodic monitors already installed. */
export function useClock(station: ChargingStation, clock: StationClock): void {
  station.state(DIAGNOSTICS_CLOCK).clock = clock;
  for (const monitor of station.state(MONITORING).monitors) {
    if (monitor.active && (monitor.type === 'Periodic' || monitor.type === 'PeriodicClockAligned')) startPeriodic(station, monitor);
  }
}

/** The clock the area's timers run on; the steps give it before anything waits. */
export function diagnosticsClock(station: ChargingStation): StationClock {
  const { clock } = station.state(DIAGNOSTICS_CLOCK);
  if (!clock) throw new Error('the diagnostics area has no station clock (useClock was not called)');
  return clock;
}
