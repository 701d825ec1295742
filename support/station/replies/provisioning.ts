import { OcppCallError } from '../../ocpp/errors';
import type { ChargingStation } from '../charging-station';
import type { StationReplies } from './station-replies';

/** Block B: device model, reports, reset, network profile, availability, triggers. */
export function provisioningReplies(station: ChargingStation): StationReplies {
  const { memory, topology, transactions, deviceModel } = station;
  return {
    GetBaseReport: () => ({ status: 'Accepted' }),
    GetReport: ({ componentVariable, componentCriteria }) => {
      const matching = deviceModel.report().filter((entry) => {
        const selected =
          !componentVariable ||
          componentVariable.some(
            (wanted) =>
              wanted.component.name === entry.component.name && (!wanted.variable || wanted.variable.name === entry.variable.name),
          );
        return selected;
      });
      if (componentVariable && componentVariable.some((wanted) => !deviceModel.hasComponent(wanted.component))) {
        return matching.length > 0 ? { status: 'Accepted' } : { status: 'EmptyResultSet' };
      }
      if (componentCriteria && componentCriteria.length > 0) {
        // A criterion selects components whose state matches it; none of ours is in a Problem state.
        const states = new Set(componentCriteria);
        const anyMatch = matching.some((entry) => {
          const available = deviceModel.find(entry.component, { name: 'Available' })?.attributes.Actual?.value === 'true';
          return (states.has('Available') && available) || states.has('Active') || states.has('Enabled');
        });
        return { status: anyMatch ? 'Accepted' : 'EmptyResultSet' };
      }
      return { status: matching.length > 0 ? 'Accepted' : 'EmptyResultSet' };
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
      memory.networkProfiles.set(configurationSlot, connectionData);
      return { status: 'Accepted' };
    },
    TriggerMessage: ({ requestedMessage, evse }) => {
      if (evse && !topology.hasEvse(evse.id)) return { status: 'Rejected' };
      if (requestedMessage === 'BootNotification' && station.registration === 'Accepted') return { status: 'Rejected' };
      const supported = [
        'BootNotification',
        'LogStatusNotification',
        'FirmwareStatusNotification',
        'Heartbeat',
        'MeterValues',
        'SignChargingStationCertificate',
        'SignV2GCertificate',
        'SignCombinedCertificate',
        'StatusNotification',
        'TransactionEvent',
        'PublishFirmwareStatusNotification',
      ];
      return { status: supported.includes(requestedMessage) ? 'Accepted' : 'NotImplemented' };
    },
    ChangeAvailability: ({ operationalStatus, evse }) => {
      const scope = evse ? [topology.evse(evse.id)] : topology.evses;
      if (evse && !topology.hasEvse(evse.id)) return { status: 'Rejected' };
      const busy = scope.some((candidate) => transactions.onEvse(candidate.id));
      if (evse) topology.evse(evse.id).operationalStatus = operationalStatus;
      else topology.operationalStatus = operationalStatus;
      return { status: busy && operationalStatus === 'Inoperative' ? 'Scheduled' : 'Accepted' };
    },
  };
}
