import type { CsmsHandlers } from './handler-context';

/** Block B: registration, heartbeat, status and device-model reports. */
export const provisioningHandlers: CsmsHandlers = {
  BootNotification: (_request, { station }) => {
    const { status, interval } = station.bootPolicy;
    station.registration = status;
    return { currentTime: new Date().toISOString(), interval, status };
  },
  Heartbeat: (_request, { station }) => {
    const currentTime = new Date().toISOString();
    station.lastHeartbeat = currentTime;
    return { currentTime };
  },
  StatusNotification: ({ evseId, connectorId, connectorStatus }, { station }) => {
    station.connectorStatus.set(`${evseId}/${connectorId}`, connectorStatus);
    return {};
  },
  NotifyEvent: () => ({}),
  NotifyReport: ({ reportData }, { station }) => {
    for (const entry of reportData ?? []) {
      const actual = entry.variableAttribute.find((attribute) => (attribute.type ?? 'Actual') === 'Actual');
      if (actual?.value === undefined) continue;
      const name = `${entry.component.name}.${entry.variable.name}${entry.variable.instance ? `[${entry.variable.instance}]` : ''}`;
      station.reportedVariables.set(name, actual.value);
      if (entry.component.name === 'DeviceDataCtrlr' && entry.variable.name === 'ItemsPerMessage' && entry.variable.instance) {
        const instance = entry.variable.instance as 'GetVariables' | 'SetVariables' | 'GetReport';
        if (['GetVariables', 'SetVariables', 'GetReport'].includes(instance)) station.itemsPerMessage[instance] = Number(actual.value);
      }
    }
    return {};
  },
};
