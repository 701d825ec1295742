import type {
  EventDataType,
  LogEnumType,
  MonitoringDataType,
  SetMonitoringDataType,
  UploadLogStatusEnumType,
} from '../../../schemas/ocpp201-messages';
import { stateSlot } from '../../../kernel/state-slots';
import type { CsmsStationState } from '../../store';

export interface KnownMonitor extends SetMonitoringDataType {
  id: number;
}

export interface LogRequestRecord {
  logType: LogEnumType;
  remoteLocation: string;
  /** Every status the station reported for it, in order. */
  statuses: UploadLogStatusEnumType[];
}

export interface DiagnosticsRecord {
  /** The monitors the CSMS knows on the station: those it set (Accepted) and those reported, by id. */
  monitors: Map<number, KnownMonitor>;
  /** Monitoring reports by requestId, in parts as received. */
  monitoringReports: Map<number, MonitoringDataType[]>;
  /** Every event the station reported. */
  events: EventDataType[];
  logs: Map<number, LogRequestRecord>;
  /** Customer information by requestId: the data of each part, and whether the last part came. */
  customerInformation: Map<number, { data: string[]; complete: boolean }>;
}

export const DIAGNOSTICS: CsmsStationState<DiagnosticsRecord> = stateSlot('diagnostics', () => ({
  monitors: new Map(),
  monitoringReports: new Map(),
  events: [],
  logs: new Map(),
  customerInformation: new Map(),
}));
