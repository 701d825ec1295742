import { nextEventId } from './event-ids';
import type {
  BootNotificationResponse,
  BootReasonEnumType,
  ConnectorStatusEnumType,
  NotifyEventRequest,
  RegistrationStatusEnumType,
  TransactionEventRequest,
  TransactionEventResponse,
  TransactionType,
} from '../../../schemas/ocpp201-messages';
import type { Action, CsmsToStationAction, RequestOf, ResponseOf, StationToCsmsAction } from '../../../kernel/ocpp/actions';
import { CSMS_TO_STATION_ACTIONS } from '../../../kernel/ocpp/actions';
import { mergeAreas } from '../../../kernel/area-registry';
import { ConnectionClosedError, OcppCallError } from '../../../kernel/ocpp/errors';
import type { Frame } from '../../../kernel/ocpp/framing';
import {
  type CallOptions,
  type Handler,
  type InboundCallInfo,
  OcppConnection,
  RawReply,
  type ReceivedCall,
  type Reply,
} from '../../../kernel/ocpp/rpc';
import { sharedSchemaValidator } from '../../../kernel/ocpp/schema-validator';
import type { TraceSink } from '../../../kernel/evidence/trace';
import { DeviceModel, defaultVariables } from './device-model';
import { StationClock, type TimerHandle } from '../../../kernel/time/station-clock';
import { Availability } from './availability';
import { StationMemory } from './memory';
import { OwedMessages } from './owed-messages';
import { type StateSlot, StateSlots } from '../../../kernel/state-slots';
import type { StationReplies } from './station-replies';
import { Topology } from './topology';
import { type Transaction, Transactions } from './transactions';
import { ConnectionRefusedError, type TlsSettings, openStationSocket } from './transport';

export type StationRole = 'basic' | 'sp2' | 'sp3';
export type SecurityProfile = 1 | 2 | 3;

/** Who the station is and how it reaches the CSMS. */
export interface StationIdentity {
  role: StationRole;
  id: string;
  securityProfile: SecurityProfile;
  /** ws:// (profile 1) or wss:// (profiles 2, 3) base address; the id is appended. */
  baseUrl: string;
  /** Basic-auth password (profiles 1 and 2). */
  password?: string;
  /** CA (profiles 2, 3) and client certificate (profile 3). */
  tls?: TlsSettings;
}

export interface StationHardware {
  vendorName: string;
  model: string;
  serialNumber?: string;
  firmwareVersion?: string;
  numberOfEvses: number;
  connectorType: string;
  numberOfPhases: number;
  organizationName: string;
  /** Volts per phase (A <-> W); 230 when absent. */
  nominalVoltage?: number;
}

/**
 * A functional area (provisioning, smart charging, …) plugged into the station core: its default
 * answers to the CSMS requests it owns, and whatever it adds to the station when it is built
 * (device-model variables). The core knows no area; the World hands it the list.
 */
export interface StationArea {
  readonly name: string;
  install?(station: ChargingStation): void;
  replies(station: ChargingStation): StationReplies;
}

/** Per-station state of an area, created on first use and gone with the station. */
export type StationState<T> = StateSlot<ChargingStation, T>;

export interface StationOptions {
  identity: StationIdentity;
  areas: readonly StationArea[];
  hardware: StationHardware;
  callTimeoutMs: number;
  handshakeTimeoutMs: number;
  /** How far a BootNotificationResponse's currentTime may be from the station's clock (BOOT_TIME_SKEW). */
  bootClockSkewMs?: number;
  /** TIME_SCALE: waits of the station's clock last this share of their nominal time. */
  timeScale?: number;
  sinks: TraceSink[];
  /** Told of every connection the station opened or the CSMS refused (the run's connection history). */
  connections?: ConnectionWatcher;
}

/** What a connection attempt presented: where, which profile, which Basic-auth user and password. */
export interface ConnectionCredentials {
  stationId: string;
  baseUrl: string;
  securityProfile: number;
  username?: string;
  password?: string;
}

export interface ConnectionWatcher {
  opened(credentials: ConnectionCredentials): void;
  /** The error to throw for a refusal: the same, or one that also names its likely cause. */
  refused(credentials: ConnectionCredentials, error: Error): Promise<Error>;
}

/** One connection attempt that differs from the station's own settings (block A). */
export interface ConnectAttempt {
  baseUrl?: string;
  securityProfile?: SecurityProfile;
  username?: string;
  password?: string;
  /** Send no Authorization header at all. */
  omitAuthorization?: boolean;
  tls?: TlsSettings;
  subprotocols?: string[];
}

/** A TransactionEvent as a scenario describes it; the station fills in seqNo, time, ids and evse. */
export type TransactionEventFields = Omit<TransactionEventRequest, 'seqNo' | 'timestamp' | 'transactionInfo' | 'evse'> & {
  timestamp?: string;
  transactionInfo?: Omit<TransactionType, 'transactionId'>;
  /** Leave out the evse field (allowed after the first event of a transaction). */
  omitEvse?: boolean;
};

/** A request the station sent (or queued while offline) and what became of it. */
export interface Exchange {
  action: string;
  request: unknown;
  /** The CSMS's answer; absent while the request waits in the offline queue or when the call failed. */
  response?: unknown;
  /** Kept in the offline queue when it was made; delivered later as a new exchange. */
  queued?: boolean;
  /** Why the call failed: a CALLERROR, a timeout, a schema violation, a closed connection. */
  failure?: Error;
}

/** How the station answers a CSMS request: a response, a CALLERROR, silence, or a function of the request. */
export type StationReply<A extends Action> = Reply<A> | ((request: RequestOf<A>, info: InboundCallInfo) => Reply<A> | Promise<Reply<A>>);

interface InboxEntry {
  call: ReceivedCall;
  consumed: boolean;
}

interface Waiter {
  action: string;
  where?: (call: ReceivedCall) => boolean;
  resolve(call: ReceivedCall): void;
  reject(error: Error): void;
}

/**
 * The mock Charging Station: connects as a real one would (security profile 1, 2 or 3), boots,
 * reports its connectors, keeps a device model, EVSEs and transactions, and answers every
 * CSMS request with a spec-correct default that a scenario may override.
 */
export class ChargingStation {
  readonly topology: Topology;
  readonly deviceModel: DeviceModel;
  readonly transactions: Transactions;
  readonly memory = new StationMemory();
  readonly availability: Availability;
  /** Messages the station's model owes the CSMS after answering a request (see OwedMessages). */
  readonly owed = new OwedMessages();
  /**
   * The station's clock: every timer of every area (reservation expiry, EV connection timeout,
   * firmware install time, aligned meter values) runs on it, scaled by TIME_SCALE, and ends with the
   * station at the end of the scenario.
   */
  readonly clock: StationClock;
  registration: RegistrationStatusEnumType | 'NotBooted' = 'NotBooted';
  /** Interval (s) of the last BootNotificationResponse. */
  bootInterval = 0;
  private connection: OcppConnection | undefined;
  private password: string | undefined;
  private securityProfile: SecurityProfile;
  private readonly overrides = new Map<string, StationReply<Action>>();
  private readonly defaults: Map<string, (request: unknown, info: InboundCallInfo) => Reply<Action> | Promise<Reply<Action>>>;
  private readonly slots = new StateSlots<ChargingStation>(this);
  private readonly inbox: InboxEntry[] = [];
  private readonly waiters = new Set<Waiter>();
  /** When the scenario last asked for each CSMS request (see noteAsked). */
  private readonly askedAt = new Map<string, number>();
  private heartbeatTimer: TimerHandle | undefined;
  /** TransactionEvents kept while offline, sent in order (offline: true) once connected again. */
  private readonly offlineQueue: TransactionEventRequest[] = [];
  private closingOnPurpose = false;
  /** When the connection was lost; undefined while connected. */
  private offlineSince: number | undefined;
  /** Connectors whose status changed while offline ("evseId/connectorId"), reported after reconnecting. */
  private readonly unreportedConnectors = new Set<string>();
  /** Every request the station sent during the scenario, in order, with its outcome. */
  readonly exchanges: Exchange[] = [];
  /** Called once a transaction's Ended event was sent or queued (what waited for the transaction may happen now). */
  private readonly endListeners: Array<(transaction: Transaction) => void> = [];

  constructor(private readonly options: StationOptions) {
    const { hardware, identity } = options;
    this.clock = new StationClock({
      scale: options.timeScale ?? 1,
      onError: (error) => this.backgroundFailures.push(`a timer of the station failed: ${(error as Error).message}`),
    });
    this.transactions = new Transactions(this.clock, phasesOf(hardware.numberOfPhases));
    this.topology = new Topology(hardware.numberOfEvses, hardware.connectorType);
    this.availability = new Availability(this.topology, (evseId) => this.transactions.onEvse(evseId) !== undefined);
    this.password = identity.password;
    this.securityProfile = identity.securityProfile;
    this.deviceModel = new DeviceModel(
      defaultVariables({
        evses: this.topology.evses.map((evse) => ({ id: evse.id, connectors: evse.connectors })),
        numberOfPhases: hardware.numberOfPhases,
        basicAuthPassword: identity.password ?? '',
        organizationName: hardware.organizationName,
      }),
    );
    this.deviceModel.setValue('ChargingStation', 'Model', hardware.model);
    this.deviceModel.setValue('ChargingStation', 'VendorName', hardware.vendorName);
    this.deviceModel.setValue('SecurityCtrlr', 'SecurityProfile', String(identity.securityProfile));
    for (const area of options.areas) area.install?.(this);
    this.defaults = mergeAreas(
      options.areas.map((area) => area.replies(this)),
      'default answer of the station',
      CSMS_TO_STATION_ACTIONS,
    ) as typeof this.defaults;
  }

  /** An area's state for this station (see StationState). */
  state<T>(slot: StationState<T>): T {
    return this.slots.of(slot);
  }

  /** An area's state if it was ever created. */
  peekState<T>(slot: StationState<T>): T | undefined {
    return this.slots.peek(slot);
  }

  get id(): string {
    return this.options.identity.id;
  }

  get identity(): StationIdentity {
    return this.options.identity;
  }

  get hardware(): StationHardware {
    return this.options.hardware;
  }

  get isConnected(): boolean {
    return this.connection?.isOpen ?? false;
  }

  /** The password the station presents now (changes when the CSMS sets BasicAuthPassword). */
  get currentPassword(): string | undefined {
    return this.password;
  }

  set currentPassword(password: string | undefined) {
    this.password = password;
  }

  get currentSecurityProfile(): SecurityProfile {
    return this.securityProfile;
  }

  /** When the station's WebSocket last opened (wall clock, ms); undefined before its first connection. */
  openedAt: number | undefined;

  /** OCPP-J rules the CSMS broke on this station's connections. */
  readonly csmsViolations: string[] = [];
  /** The CSMS's CALL ids on all this station's connections (OCPP-J: never reused). */
  private readonly csmsCallIds = new Map<string, string>();
  /** What went wrong in messages no step waited for (the heartbeat): each fails the scenario. */
  readonly backgroundFailures: string[] = [];

  /** Opens the WebSocket; throws ConnectionRefusedError when the CSMS does not let it open. */
  async connect(attempt: ConnectAttempt = {}): Promise<void> {
    if (this.connection?.isOpen) throw new Error(`station ${this.id} is already connected`);
    const profile = attempt.securityProfile ?? this.securityProfile;
    const baseUrl = attempt.baseUrl ?? this.options.identity.baseUrl;
    const password = attempt.password ?? this.password;
    const basicAuth =
      attempt.omitAuthorization || (profile === 3 && attempt.password === undefined) || password === undefined
        ? undefined
        : { username: attempt.username ?? this.id, password };
    const description = `${baseUrl}/${this.id} (security profile ${profile}${basicAuth ? `, Basic auth as ${basicAuth.username}` : ', no Authorization header'})`;
    const credentials: ConnectionCredentials = { stationId: this.id, baseUrl, securityProfile: profile, ...basicAuth };
    let socket;
    try {
      socket = await openStationSocket({
        baseUrl,
        stationId: this.id,
        basicAuth,
        tls: attempt.tls ?? this.options.identity.tls,
        subprotocols: attempt.subprotocols,
        handshakeTimeoutMs: this.options.handshakeTimeoutMs,
      });
    } catch (error) {
      const explained = (await this.options.connections?.refused(credentials, error as Error)) ?? (error as Error);
      this.note(`connection to ${description} refused: ${explained.message}`);
      throw explained;
    }
    this.openedAt = Date.now();
    this.options.connections?.opened(credentials);
    const connection = new OcppConnection(socket, {
      role: 'ChargingStation',
      label: this.id,
      callTimeoutMs: this.options.callTimeoutMs,
      sinks: this.options.sinks,
      peerCallIds: this.csmsCallIds,
    });
    this.connection = connection;
    this.closingOnPurpose = false;
    this.offlineSince = undefined;
    connection.note(`connected to ${description}, subprotocol ${socket.protocol}`);
    for (const action of CSMS_TO_STATION_ACTIONS) {
      connection.handle(action, ((request: unknown, info: InboundCallInfo) => this.dispatch(action, request, info)) as Handler<
        typeof action
      >);
    }
    connection.onCall((call) => this.receive(call));
    connection.onClose((code, reason) => this.onClosed(connection, code, reason));
  }

  /** Tries to connect and reports the outcome instead of throwing (block A refusal checks). */
  async tryConnect(attempt: ConnectAttempt = {}): Promise<{ connected: true } | { connected: false; refusal: ConnectionRefusedError }> {
    try {
      await this.connect(attempt);
      return { connected: true };
    } catch (error) {
      if (error instanceof ConnectionRefusedError) return { connected: false, refusal: error };
      throw error;
    }
  }

  /** Closes the connection on purpose (no failure of waiting steps). */
  async disconnect(code = 1000, reason = ''): Promise<void> {
    this.stopHeartbeat();
    const connection = this.connection;
    if (!connection) return;
    this.closingOnPurpose = true;
    if (connection.isOpen) this.offlineSince ??= Date.now();
    await connection.close(code, reason);
  }

  /**
   * Back online after a connection loss. The station did not restart, so it sends no
   * BootNotification; its heartbeat resumes and it reports the connectors whose status changed
   * while it was offline, or all of them after more than OCPPCommCtrlr.OfflineThreshold (G01).
   * Queued TransactionEvents wait for flushOfflineQueue.
   */
  async reconnect(): Promise<void> {
    const offlineMs = this.offlineSince === undefined ? 0 : Date.now() - this.offlineSince;
    await this.connect();
    if (this.registration === 'Accepted') this.startHeartbeat(this.bootInterval);
    const thresholdMs = Number(this.deviceModel.value('OCPPCommCtrlr', 'OfflineThreshold') ?? '0') * 1000;
    for (const { evse, connector } of this.topology.allConnectors()) {
      if (offlineMs > thresholdMs || this.unreportedConnectors.has(`${evse.id}/${connector.id}`)) {
        await this.reportConnectorStatus(evse.id, connector.id, connector.status);
      }
    }
  }

  /** A connector's status changed: reported now when online, after reconnecting otherwise. */
  async setConnectorStatus(evseId: number, connectorId: number, status: ConnectorStatusEnumType): Promise<void> {
    if (this.isConnected) {
      await this.reportConnectorStatus(evseId, connectorId, status);
      return;
    }
    this.topology.connector(evseId, connectorId).status = status;
    this.unreportedConnectors.add(`${evseId}/${connectorId}`);
    this.note(`offline: connector ${evseId}/${connectorId} is now ${status}; reported after reconnecting`);
  }

  /** Sends BootNotification with the station's own model and vendor; on Accepted it starts its heartbeat. */
  async boot(reason: BootReasonEnumType = 'PowerUp'): Promise<BootNotificationResponse> {
    const { hardware } = this.options;
    const response = await this.call('BootNotification', {
      reason,
      chargingStation: {
        model: hardware.model,
        vendorName: hardware.vendorName,
        ...(hardware.serialNumber ? { serialNumber: hardware.serialNumber } : {}),
        ...(hardware.firmwareVersion ? { firmwareVersion: hardware.firmwareVersion } : {}),
      },
    });
    return response;
  }

  /** A BootNotificationResponse, however the request was sent, decides the station's registration. */
  private onBootResponse(response: BootNotificationResponse): void {
    this.registration = response.status;
    this.bootInterval = response.interval;
    if (response.status === 'Accepted') this.startHeartbeat(response.interval);
  }

  /**
   * Power cycle: close, reconnect, BootNotification with the reason. The topology and its persisted
   * operational status stay: connectors come back Available, or Unavailable where Inoperative.
   */
  async reboot(reason: BootReasonEnumType): Promise<BootNotificationResponse> {
    await this.disconnect(1000, 'rebooting');
    this.registration = 'NotBooted';
    this.availability.powerUp();
    await this.connect();
    return this.boot(reason);
  }

  /** StatusNotification for one connector, followed by the matching NotifyEvent (AvailabilityState). */
  async reportConnectorStatus(evseId: number, connectorId: number, status: ConnectorStatusEnumType): Promise<void> {
    const connector = this.topology.connector(evseId, connectorId);
    connector.status = status;
    this.unreportedConnectors.delete(`${evseId}/${connectorId}`);
    const timestamp = new Date().toISOString();
    await this.call('StatusNotification', { timestamp, connectorStatus: status, evseId, connectorId });
    await this.call('NotifyEvent', this.availabilityEvent(evseId, connectorId, status, timestamp));
  }

  /**
   * The connector's status changed in the station's model (e.g. by ChangeAvailability): its
   * StatusNotification and NotifyEvent are owed until the scenario's step sends them.
   */
  oweConnectorStatus(evseId: number, connectorId: number, status: ConnectorStatusEnumType, because: string): void {
    this.topology.connector(evseId, connectorId).status = status;
    let timestamp = new Date().toISOString();
    this.owed.owe(
      'StatusNotification',
      () => {
        timestamp = new Date().toISOString();
        return { timestamp, connectorStatus: status, evseId, connectorId };
      },
      because,
    );
    this.owed.owe('NotifyEvent', () => this.availabilityEvent(evseId, connectorId, status, timestamp), because);
  }

  private availabilityEvent(evseId: number, connectorId: number, status: ConnectorStatusEnumType, timestamp: string): NotifyEventRequest {
    return {
      generatedAt: timestamp,
      seqNo: 0,
      eventData: [
        {
          eventId: this.nextEventId(),
          timestamp,
          trigger: 'Delta',
          actualValue: status,
          eventNotificationType: 'HardWiredNotification',
          component: { name: 'Connector', evse: { id: evseId, connectorId } },
          variable: { name: 'AvailabilityState' },
        },
      ],
    };
  }

  /** Reports every connector's current status, as a station does after it booted. */
  async reportAllConnectors(): Promise<void> {
    for (const { evse, connector } of this.topology.allConnectors()) {
      await this.reportConnectorStatus(evse.id, connector.id, connector.status);
    }
  }

  /** Increasing across the whole run for this station id (see event-ids.ts), not per scenario. */
  nextEventId(): number {
    return nextEventId(this.id);
  }

  /**
   * Sends the next TransactionEvent of `transaction`: seqNo counts per transaction from 0, the
   * transactionId is the transaction's own, evse names its EVSE (and connector, once known). While
   * offline the event is queued with offline: true and its original timestamp; while older events
   * wait in the queue a new one joins them, so that the CSMS receives them in order. A queued event
   * returns undefined.
   */
  async sendTransactionEvent(transaction: Transaction, fields: TransactionEventFields): Promise<TransactionEventResponse | undefined> {
    const { omitEvse, transactionInfo, timestamp, ...rest } = fields;
    const evse = { id: transaction.evseId, ...(transaction.connectorId === undefined ? {} : { connectorId: transaction.connectorId }) };
    const request: TransactionEventRequest = {
      ...rest,
      timestamp: timestamp ?? new Date().toISOString(),
      seqNo: transaction.takeSeqNo(),
      transactionInfo: { transactionId: transaction.id, ...transactionInfo },
      ...(omitEvse ? {} : { evse }),
    };
    if (transactionInfo?.chargingState) transaction.chargingState = transactionInfo.chargingState;
    if (request.idToken) transaction.idToken = request.idToken;
    if (request.eventType === 'Started') transaction.started = true;
    if (request.eventType === 'Ended') transaction.ended = true;
    if (transactionInfo?.remoteStartId !== undefined) transaction.remoteStartId = transactionInfo.remoteStartId;
    if (!this.isConnected || this.offlineQueue.length > 0) {
      const queued: TransactionEventRequest = this.isConnected ? request : { ...request, offline: true };
      this.offlineQueue.push(queued);
      this.exchanges.push({ action: 'TransactionEvent', request: queued, queued: true });
      this.note(
        `queued TransactionEvent ${request.eventType} seqNo ${request.seqNo} of ${transaction.id} (${this.offlineQueue.length} waiting)`,
      );
      if (request.eventType === 'Ended') this.transactionHasEnded(transaction);
      return undefined;
    }
    const response = await this.call('TransactionEvent', request);
    if (request.eventType === 'Ended') this.transactionHasEnded(transaction);
    return response;
  }

  /** Registers a listener for the end of every transaction (e.g. a firmware update waiting for it, L01). */
  onTransactionEnded(listener: (transaction: Transaction) => void): void {
    this.endListeners.push(listener);
  }

  private transactionHasEnded(transaction: Transaction): void {
    for (const listener of this.endListeners) listener(transaction);
  }

  /** TransactionEvents waiting for the connection. */
  get queuedTransactionEvents(): readonly TransactionEventRequest[] {
    return this.offlineQueue;
  }

  /**
   * Sends the queued TransactionEvents of one event type ahead of the others (TC_E_31: the CSMS must
   * cope with events that arrive out of order); the rest stay queued.
   */
  async deliverQueuedFirst(eventType: TransactionEventRequest['eventType']): Promise<TransactionEventResponse[]> {
    const chosen = this.offlineQueue.filter((event) => event.eventType === eventType);
    if (chosen.length === 0) throw new Error(`no queued TransactionEventRequest has eventType ${eventType}`);
    const responses: TransactionEventResponse[] = [];
    for (const event of chosen) {
      responses.push(await this.call('TransactionEvent', event));
      this.offlineQueue.splice(this.offlineQueue.indexOf(event), 1);
    }
    return responses;
  }

  /** Sends the queued TransactionEvents in their original order; returns the CSMS's answers. */
  async flushOfflineQueue(): Promise<TransactionEventResponse[]> {
    const responses: TransactionEventResponse[] = [];
    while (this.offlineQueue.length > 0) {
      responses.push(await this.call('TransactionEvent', this.offlineQueue[0]));
      this.offlineQueue.shift();
    }
    return responses;
  }

  /**
   * Sends what the station owes of one action (every owed message when none is named), in the order
   * it came to owe them; throws when it owes nothing of that action, so that a step that expects a
   * follow-up fails with what the station does owe.
   */
  async sendOwed(action?: StationToCsmsAction): Promise<Exchange[]> {
    const owed = this.owed.take(action);
    if (owed.length === 0) {
      throw new Error(`the charging station owes no ${action ? `${action}Request` : 'message'} (it owes: ${this.owed.describe()})`);
    }
    const from = this.exchanges.length;
    for (const message of owed) await this.callUntyped(message.action, message.build());
    return this.exchanges.slice(from);
  }

  call<A extends Action>(action: A, payload: RequestOf<A>, options?: CallOptions): Promise<ResponseOf<A>> {
    return this.callUntyped(action, payload, options) as Promise<ResponseOf<A>>;
  }

  callUntyped(action: string, payload: unknown, options?: CallOptions): Promise<unknown> {
    const connection = this.requireConnection(action);
    const exchange: Exchange = { action, request: payload };
    this.exchanges.push(exchange);
    return connection.callUntyped(action, payload, options).then(
      (response) => {
        exchange.response = response;
        if (action === 'BootNotification') {
          this.onBootResponse(response as BootNotificationResponse);
          const problems = bootResponseProblems(response as BootNotificationResponse, Date.now(), this.options.bootClockSkewMs ?? 300_000);
          if (problems.length > 0) {
            const failure = new Error(`the CSMS's BootNotificationResponse is wrong (B01.FR.06, B01.FR.07): ${problems.join('; ')}`);
            exchange.failure = failure;
            throw failure;
          }
        }
        return response;
      },
      (error: Error) => {
        exchange.failure = error;
        throw error;
      },
    );
  }

  sendRaw(text: string): void {
    this.requireConnection('a raw frame').sendRaw(text);
  }

  sendRawAndAwaitAnswer(text: string, answerId: string, timeoutMs?: number): Promise<Frame> {
    return this.requireConnection('a raw frame').sendRawAndAwaitAnswer(text, answerId, timeoutMs);
  }

  /** What the station answers to a request now (override or default), without a connection: for unit tests. */
  async replyTo<A extends CsmsToStationAction>(action: A, request: RequestOf<A>): Promise<Reply<A>> {
    return (await this.dispatch(action, request, { messageId: 'local', receivedAt: new Date() })) as Reply<A>;
  }

  /** Overrides the answer to a CSMS request for the rest of the scenario. */
  answer<A extends CsmsToStationAction>(action: A, reply: StationReply<A>): void {
    if (isPlainPayload(reply)) {
      const { valid, problems } = sharedSchemaValidator().validate(action, 'response', reply);
      if (!valid) throw new Error(`the scenario's ${action}Response is not valid OCPP 2.0.1: ${problems.join('; ')}`);
    }
    this.overrides.set(action, reply as StationReply<Action>);
  }

  clearAnswer(action: CsmsToStationAction): void {
    this.overrides.delete(action);
  }

  /**
   * The next request of `action` the CSMS sent (now or within `timeoutMs`) that the scenario has not
   * looked at yet. Rejects at once when the CSMS closes the connection.
   */
  waitForCall(action: string, timeoutMs: number, where?: (call: ReceivedCall) => boolean): Promise<ReceivedCall> {
    const askedAt = this.askedAt.get(action);
    if (askedAt !== undefined) {
      const given = where;
      where = (call) => call.receivedAt.getTime() >= askedAt && (!given || given(call));
    }
    const entry = this.inbox.find(
      (candidate) => !candidate.consumed && candidate.call.action === action && (!where || where(candidate.call)),
    );
    if (entry) {
      entry.consumed = true;
      return Promise.resolve(entry.call);
    }
    return new Promise<ReceivedCall>((resolve, reject) => {
      const waiter: Waiter = {
        action,
        where,
        resolve: (call) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(call);
        },
        reject: (error) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        const unconsumed = this.inbox.filter((candidate) => !candidate.consumed);
        const early =
          askedAt === undefined ? [] : unconsumed.filter(({ call }) => call.action === action && call.receivedAt.getTime() < askedAt);
        const others = unconsumed.filter((candidate) => !early.includes(candidate)).map((candidate) => `${candidate.call.action}Request`);
        waiter.reject(
          new NoCsmsRequest(
            `the CSMS sent no ${action}Request to ${this.id} within ${timeoutMs / 1000} s${askedAt === undefined ? '' : ' after it was asked to'}` +
              (early.length ? ` (one arrived at ${early[0].call.receivedAt.toISOString()}, before the ask, and does not count)` : '') +
              (others.length ? ` (it sent: ${others.join(', ')})` : ''),
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /**
   * The scenario asked the operator to make the CSMS send `action`: from now on only a request that
   * arrives after this moment answers that ask (one sent before it was not a response to it).
   */
  noteAsked(action: string): void {
    this.askedAt.set(action, Date.now());
  }

  /** Requests of `action` the scenario has not looked at yet (e.g. to check none was sent). */
  unconsumed(action: string): ReceivedCall[] {
    return this.inbox.filter((entry) => !entry.consumed && entry.call.action === action).map((entry) => entry.call);
  }

  /** Every request the CSMS sent to this station during the scenario, in order. */
  received(): ReceivedCall[] {
    return this.inbox.map((entry) => entry.call);
  }

  /** Closes everything; the station is not used after this. */
  async shutdown(): Promise<void> {
    for (const waiter of [...this.waiters]) waiter.reject(new Error(`the scenario ended while waiting for a ${waiter.action}Request`));
    this.clock.cancelAll();
    await this.disconnect(1000, 'scenario finished');
  }

  note(text: string): void {
    const at = new Date().toISOString();
    for (const sink of this.options.sinks) sink.record({ kind: 'event', at, connection: this.id, recordedBy: 'ChargingStation', text });
  }

  private requireConnection(what: string): OcppConnection {
    if (!this.connection?.isOpen) {
      throw new Error(`station ${this.id} cannot send ${what}: it is not connected to the CSMS`);
    }
    return this.connection;
  }

  private async dispatch(action: CsmsToStationAction, request: unknown, info: InboundCallInfo): Promise<Reply<Action>> {
    const override = this.overrides.get(action);
    if (override !== undefined) {
      return typeof override === 'function' ? override(request as never, info) : override;
    }
    const fallback = this.defaults.get(action);
    if (!fallback) throw new OcppCallError('NotImplemented', `the station has no answer to ${action}`);
    return fallback(request, info);
  }

  private receive(call: ReceivedCall): void {
    for (const waiter of this.waiters) {
      if (waiter.action === call.action && (!waiter.where || waiter.where(call))) {
        this.inbox.push({ call, consumed: true });
        waiter.resolve(call);
        return;
      }
    }
    this.inbox.push({ call, consumed: false });
  }

  private onClosed(connection: OcppConnection, code: number, reason: string): void {
    this.csmsViolations.push(...connection.violations);
    if (this.connection !== connection) return;
    this.stopHeartbeat();
    this.offlineSince ??= Date.now();
    if (this.closingOnPurpose) return;
    for (const waiter of [...this.waiters]) {
      waiter.reject(
        new Error(
          `the CSMS closed the connection of ${this.id} (code ${code}${reason ? `, "${reason}"` : ''}) while the station waited for a ${waiter.action}Request`,
        ),
      );
    }
  }

  private startHeartbeat(intervalSeconds: number): void {
    this.stopHeartbeat();
    if (intervalSeconds <= 0) return;
    this.heartbeatTimer = this.clock.every(intervalSeconds, () => {
      if (!this.connection?.isOpen) return;
      const connection = this.connection;
      // A Heartbeat the CSMS refuses or leaves unanswered fails the scenario (G02: the CSMS answers
      // every HeartbeatRequest with its current time); one cut short by a closing socket does not.
      connection.call('Heartbeat', {}).catch((error: Error) => {
        this.note(`Heartbeat failed: ${error.message}`);
        if (!(error instanceof ConnectionClosedError)) this.backgroundFailures.push(`HeartbeatRequest: ${error.message}`);
      });
    });
  }

  private stopHeartbeat(): void {
    this.heartbeatTimer?.cancel();
    this.heartbeatTimer = undefined;
  }
}

/** The CSMS did not send the request a step waited for, in time. */
export class NoCsmsRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoCsmsRequest';
  }
}

/**
 * A BootNotificationResponse tells the station the time (it sets its clock from currentTime) and the
 * heartbeat or retry interval; a time far from the real one, or a negative interval, is no answer a
 * station can use.
 */
export function bootResponseProblems(response: BootNotificationResponse, nowMs: number, maxSkewMs: number): string[] {
  const problems: string[] = [];
  const current = Date.parse(response.currentTime);
  if (Number.isNaN(current)) problems.push(`currentTime ${JSON.stringify(response.currentTime)} is not a date-time`);
  else if (Math.abs(current - nowMs) > maxSkewMs) {
    problems.push(
      `currentTime ${response.currentTime} is ${Math.round(Math.abs(current - nowMs) / 1000)} s away from the station's clock ${new Date(nowMs).toISOString()} (at most ${maxSkewMs / 1000} s allowed, BOOT_TIME_SKEW)`,
    );
  }
  if (response.interval < 0) problems.push(`interval ${response.interval} is negative`);
  return problems;
}

/** The phases an EVSE's meter measures: 1 to 3 (a configuration of more is read as 3). */
function phasesOf(numberOfPhases: number): 1 | 2 | 3 {
  return numberOfPhases <= 1 ? 1 : numberOfPhases === 2 ? 2 : 3;
}

/** A fixed response payload, as opposed to a CALLERROR, silence, a raw frame or a function. */
function isPlainPayload(reply: unknown): boolean {
  return typeof reply === 'object' && reply !== null && !(reply instanceof OcppCallError) && !(reply instanceof RawReply);
}

export { OcppCallError, ConnectionRefusedError };
