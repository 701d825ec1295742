import type {
  ComponentType,
  IdTokenType,
  LogEnumType,
  MonitorEnumType,
  UploadLogStatusEnumType,
  VariableType,
} from '../../../../schemas/ocpp201-messages';
import type { StationClock, TimerHandle } from '../../../../kernel/time/station-clock';
import { type StationState } from '../../core/charging-station';
import { stateSlot } from '../../../../kernel/state-slots';

export type MonitorKind = 'HardWired' | 'Preconfigured' | 'Custom';

export interface Monitor {
  id: number;
  kind: MonitorKind;
  /** A pre-configured monitor the manufacturer recommends (active under FactoryDefault). */
  factoryDefault: boolean;
  /** Pre-configured monitors are switched off by HardWiredOnly; the others are always active. */
  active: boolean;
  component: ComponentType;
  variable: VariableType;
  type: MonitorEnumType;
  value: number;
  severity: number;
  /** Only monitors while a transaction runs. */
  transaction: boolean;
}

export interface MonitoringState {
  monitors: Monitor[];
  nextMonitorId: number;
  /** Running periodic monitors, by monitor id. */
  timers: Map<number, TimerHandle>;
  /** The last value each monitor judged, by monitor id (Delta compares with it; thresholds remember whether they are crossed). */
  lastValues: Map<number, string>;
  /** Threshold monitors whose limit is crossed right now (an event reported, not yet cleared). */
  crossed: Set<number>;
}

/** The variable monitors the station holds (N02-N08). */
export const MONITORING: StationState<MonitoringState> = stateSlot('monitoring', () => ({
  monitors: [],
  nextMonitorId: 1,
  timers: new Map(),
  lastValues: new Map(),
  crossed: new Set(),
}));

/** The scenario's station clock for the area's timers (periodic monitors, upload retries); set by the steps. */
export const DIAGNOSTICS_CLOCK: StationState<{ clock: StationClock | undefined }> = stateSlot('diagnostics clock', () => ({
  clock: undefined,
}));

export interface LogUpload {
  requestId: number;
  logType: LogEnumType;
  remoteLocation: string;
  filename: string;
  retries: number;
  retryInterval: number;
  oldestTimestamp?: string;
  latestTimestamp?: string;
  /** accepted: GetLog answered; uploading: Uploading reported; finished or canceled: over. */
  phase: 'accepted' | 'uploading' | 'finished' | 'canceled';
  outcome?: UploadLogStatusEnumType;
  /** HTTP answers of each attempt, for the evidence. */
  attempts: string[];
}

export interface LogsState {
  current: LogUpload | undefined;
  history: LogUpload[];
}

/** The log uploads the CSMS asked for (N01). */
export const LOGS: StationState<LogsState> = stateSlot('logs', () => ({ current: undefined, history: [] }));

export interface CustomerRecord {
  customerIdentifier?: string;
  /** The idTokens the customer identifies with at this station. */
  idTokens: IdTokenType[];
  /** The customer's certificate (e.g. an ISO 15118 contract certificate) with its issuer, PEM. */
  certificate?: { pem: string; issuerPem: string };
}

export interface CustomersState {
  /** The customers the station knows beyond their idTokens. */
  records: CustomerRecord[];
  /** The station operator's privacy policy forbids giving out or clearing customer data remotely. */
  refusesRemoteRequests: boolean;
}

/** What the station knows of its customers besides tokens, lists and transactions (N09, N10). */
export const CUSTOMERS: StationState<CustomersState> = stateSlot('customers', () => ({ records: [], refusesRemoteRequests: false }));
