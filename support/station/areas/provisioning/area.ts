import { OcppCallError } from '../../../../kernel/ocpp/errors';
import type { StationArea } from '../../core/charging-station';
import { customReportSelection } from '../../core/device-model';
import { syncAvailability } from './reports';

/** Block B: device model, reports, reset, network profile, availability, triggers. */
export const provisioningArea: StationArea = {
  name: 'provisioning',
  replies: (station) => {
    const { memory, topology, transactions, deviceModel } = station;
    return {
      // All three base reports are supported, SummaryInventory included (B07.FR.09 makes it optional).
      GetBaseReport: () => ({ status: 'Accepted' }),
      GetReport: ({ componentVariable, componentCriteria }) => {
        const limit = deviceModel.itemsPerMessage('DeviceDataCtrlr', 'GetReport');
        if (limit !== undefined && componentVariable && componentVariable.length > limit) {
          throw new OcppCallError(
            'OccurrenceConstraintViolation',
            `${componentVariable.length} componentVariable elements exceed ItemsPerMessage[GetReport] ${limit}`,
          );
        }
        syncAvailability(station);
        const selected = deviceModel.all().filter(customReportSelection(deviceModel, componentVariable, componentCriteria));
        return { status: selected.length > 0 ? 'Accepted' : 'EmptyResultSet' };
      },
      GetVariables: ({ getVariableData }) => {
        const limit = deviceModel.itemsPerMessage('DeviceDataCtrlr', 'GetVariables');
        if (limit !== undefined && getVariableData.length > limit) {
          throw new OcppCallError(
            'OccurrenceConstraintViolation',
            `${getVariableData.length} getVariableData elements exceed ItemsPerMessage[GetVariables] ${limit}`,
          );
        }
        return { getVariableResult: getVariableData.map((item) => deviceModel.get(item)) };
      },
      SetVariables: ({ setVariableData }) => {
        const limit = deviceModel.itemsPerMessage('DeviceDataCtrlr', 'SetVariables');
        if (limit !== undefined && setVariableData.length > limit) {
          throw new OcppCallError(
            'OccurrenceConstraintViolation',
            `${setVariableData.length} setVariableData elements exceed ItemsPerMessage[SetVariables] ${limit}`,
          );
        }
        return { setVariableResult: setVariableData.map((item) => deviceModel.set(item)) };
      },
      Reset: ({ type, evseId }) => {
        if (evseId !== undefined && !topology.hasEvse(evseId)) return { status: 'Rejected' };
        const busy = evseId !== undefined ? transactions.onEvse(evseId) !== undefined : transactions.active().length > 0;
        return { status: type === 'OnIdle' && busy ? 'Scheduled' : 'Accepted' };
      },
      SetNetworkProfile: ({ configurationSlot, connectionData }) => {
        if (configurationSlot < 0) return { status: 'Rejected' };
        // A station never lets a new profile lower its security profile (security is only ever raised).
        if (connectionData.securityProfile < station.currentSecurityProfile) {
          return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidSecurityProfile' } };
        }
        memory.networkProfiles.set(configurationSlot, connectionData);
        return { status: 'Accepted' };
      },
    };
  },
};
