import type { ClearMonitoringResultType, SetMonitoringResultType } from '../../../schemas/ocpp201-messages';
import { OcppCallError } from '../../../kernel/ocpp/errors';
import type { ChargingStation } from '../charging-station';
import type { StationReplies } from './station-replies';

/** Blocks G–P: reservations, smart charging, firmware, diagnostics, monitoring, display messages, data transfer. */
export function otherBlockReplies(station: ChargingStation): StationReplies {
  const { memory, topology, transactions, deviceModel } = station;
  return {
    CancelReservation: ({ reservationId }) => {
      const index = memory.reservations.findIndex((reservation) => reservation.id === reservationId);
      if (index < 0) return { status: 'Rejected' };
      memory.reservations.splice(index, 1);
      return { status: 'Accepted' };
    },
    ClearChargingProfile: ({ chargingProfileId, chargingProfileCriteria }) => {
      const before = memory.chargingProfiles.length;
      memory.chargingProfiles = memory.chargingProfiles.filter(({ evseId, profile }) => {
        if (chargingProfileId !== undefined) return profile.id !== chargingProfileId;
        if (!chargingProfileCriteria) return false;
        const matches =
          (chargingProfileCriteria.evseId === undefined || chargingProfileCriteria.evseId === evseId) &&
          (chargingProfileCriteria.chargingProfilePurpose === undefined ||
            chargingProfileCriteria.chargingProfilePurpose === profile.chargingProfilePurpose) &&
          (chargingProfileCriteria.stackLevel === undefined || chargingProfileCriteria.stackLevel === profile.stackLevel);
        return !matches;
      });
      return { status: memory.chargingProfiles.length < before ? 'Accepted' : 'Unknown' };
    },
    ClearDisplayMessage: ({ id }) => {
      const before = memory.displayMessages.length;
      memory.displayMessages = memory.displayMessages.filter((message) => message.id !== id);
      return { status: memory.displayMessages.length < before ? 'Accepted' : 'Unknown' };
    },
    ClearVariableMonitoring: ({ id }) => {
      const limit = deviceModel.itemsPerMessage('MonitoringCtrlr', 'ClearVariableMonitoring');
      if (limit !== undefined && id.length > limit) {
        throw new OcppCallError('OccurrenceConstraintViolation', `${id.length} monitor ids exceed ItemsPerMessage ${limit}`);
      }
      const clearMonitoringResult: ClearMonitoringResultType[] = id.map((monitorId) => {
        const index = memory.monitors.findIndex((monitor) => monitor.id === monitorId);
        if (index < 0) return { id: monitorId, status: 'NotFound' };
        memory.monitors.splice(index, 1);
        return { id: monitorId, status: 'Accepted' };
      });
      return { clearMonitoringResult };
    },
    CustomerInformation: ({ report, clear }) => ({ status: report || clear ? 'Accepted' : 'Rejected' }),
    DataTransfer: () => ({ status: 'UnknownVendorId' }),
    GetChargingProfiles: ({ evseId, chargingProfile }) => {
      const found = memory.chargingProfiles.filter(
        (entry) =>
          (evseId === undefined || entry.evseId === evseId) &&
          (chargingProfile.chargingProfilePurpose === undefined ||
            entry.profile.chargingProfilePurpose === chargingProfile.chargingProfilePurpose) &&
          (chargingProfile.stackLevel === undefined || entry.profile.stackLevel === chargingProfile.stackLevel) &&
          (chargingProfile.chargingProfileId === undefined || chargingProfile.chargingProfileId.includes(entry.profile.id)),
      );
      return { status: found.length > 0 ? 'Accepted' : 'NoProfiles' };
    },
    GetCompositeSchedule: ({ evseId, duration, chargingRateUnit }) => {
      if (evseId !== 0 && !topology.hasEvse(evseId)) return { status: 'Rejected' };
      const unit = chargingRateUnit ?? 'A';
      return {
        status: 'Accepted',
        schedule: {
          evseId,
          duration,
          scheduleStart: new Date().toISOString(),
          chargingRateUnit: unit,
          chargingSchedulePeriod: [{ startPeriod: 0, limit: unit === 'A' ? 32 : 22_000, numberPhases: station.hardware.numberOfPhases }],
        },
      };
    },
    GetDisplayMessages: ({ id }) => {
      const found = memory.displayMessages.filter((message) => !id || id.includes(message.id));
      return { status: found.length > 0 ? 'Accepted' : 'Unknown' };
    },
    GetLog: ({ logType }) => ({ status: 'Accepted', filename: `${station.id}-${logType}.log` }),
    GetMonitoringReport: () => ({ status: memory.monitors.length > 0 ? 'Accepted' : 'EmptyResultSet' }),
    PublishFirmware: () => ({ status: 'Accepted' }),
    ReserveNow: ({ id, evseId, idToken, expiryDateTime }) => {
      if (deviceModel.value('ReservationCtrlr', 'Enabled') === 'false') return { status: 'Rejected' };
      if (evseId !== undefined) {
        if (!topology.hasEvse(evseId)) return { status: 'Rejected' };
        const evse = topology.evse(evseId);
        if (evse.operationalStatus === 'Inoperative') return { status: 'Unavailable' };
        if (transactions.onEvse(evseId) || evse.connectors.every((connector) => connector.status === 'Occupied'))
          return { status: 'Occupied' };
        if (evse.connectors.every((connector) => connector.status === 'Faulted')) return { status: 'Faulted' };
      }
      memory.reservations = memory.reservations.filter((reservation) => reservation.id !== id);
      memory.reservations.push({ id, evseId, idToken, expiryDateTime });
      return { status: 'Accepted' };
    },
    SetChargingProfile: ({ evseId, chargingProfile }) => {
      if (evseId !== 0 && !topology.hasEvse(evseId)) return { status: 'Rejected', statusInfo: { reasonCode: 'UnknownEVSE' } };
      if (chargingProfile.chargingProfilePurpose === 'TxProfile') {
        const transaction = evseId === 0 ? undefined : transactions.onEvse(evseId);
        if (!transaction || (chargingProfile.transactionId !== undefined && chargingProfile.transactionId !== transaction.id)) {
          return { status: 'Rejected', statusInfo: { reasonCode: 'TxNotFound' } };
        }
      }
      if (chargingProfile.chargingProfilePurpose === 'ChargingStationMaxProfile' && evseId !== 0) {
        return {
          status: 'Rejected',
          statusInfo: { reasonCode: 'InvalidValue', additionalInfo: 'ChargingStationMaxProfile needs evseId 0' },
        };
      }
      memory.chargingProfiles = memory.chargingProfiles.filter((entry) => entry.profile.id !== chargingProfile.id);
      memory.chargingProfiles.push({ evseId, profile: chargingProfile });
      return { status: 'Accepted' };
    },
    SetDisplayMessage: ({ message }) => {
      const formats = (deviceModel.value('DisplayMessageCtrlr', 'SupportedFormats') ?? '').split(',');
      if (!formats.includes(message.message.format)) return { status: 'NotSupportedMessageFormat' };
      const priorities = (deviceModel.value('DisplayMessageCtrlr', 'SupportedPriorities') ?? '').split(',');
      if (!priorities.includes(message.priority)) return { status: 'NotSupportedPriority' };
      if (message.transactionId !== undefined && !transactions.byId(message.transactionId)) return { status: 'UnknownTransaction' };
      memory.displayMessages = memory.displayMessages.filter((existing) => existing.id !== message.id);
      memory.displayMessages.push(message);
      return { status: 'Accepted' };
    },
    SetMonitoringBase: () => ({ status: 'Accepted' }),
    SetMonitoringLevel: ({ severity }) => {
      memory.monitoringLevel = severity;
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
      const setMonitoringResult: SetMonitoringResultType[] = setMonitoringData.map((data) => {
        const base = { type: data.type, severity: data.severity, component: data.component, variable: data.variable };
        if (!deviceModel.hasComponent(data.component)) return { ...base, status: 'UnknownComponent' };
        const definition = deviceModel.find(data.component, data.variable);
        if (!definition) return { ...base, status: 'UnknownVariable' };
        if (!definition.supportsMonitoring) return { ...base, status: 'Rejected' };
        const id = data.id ?? memory.nextMonitorId++;
        memory.monitors = memory.monitors.filter((monitor) => monitor.id !== id);
        memory.monitors.push({ ...data, id });
        return { ...base, id, status: 'Accepted' };
      });
      return { setMonitoringResult };
    },
    UnpublishFirmware: () => ({ status: 'NoFirmware' }),
    UpdateFirmware: () => ({ status: 'Accepted' }),
  };
}
