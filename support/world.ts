import { World, setWorldConstructor } from '@cucumber/cucumber';
import { secretValues } from '../kernel/config';
import type { Config } from '../kernel/config';
import { SecretMasker } from '../kernel/evidence/masking';
import { Trace } from '../kernel/evidence/trace';
import type { ReceivedCall } from '../kernel/ocpp/rpc';
import type { OperatorParams, OperatorRequest } from '../kernel/operator/contract';
import { OperatorTimeout } from '../kernel/verdicts';
import type { CsmsToStationAction } from '../kernel/ocpp/actions';
import { type RunContext, runContext } from './run-context';
import type { StationLease, StationTls } from './station-pool';
import type { ChargingStation, ConnectionWatcher, Exchange, StationRole } from './station/core/charging-station';
import { NoCsmsRequest } from './station/core/charging-station';
import { stationFor } from './station/station-factory';
import { type StateSlot, StateSlots } from '../kernel/state-slots';
import { checkOperatorParams } from './operator/params-check';
import { settleAfterConnect } from './operator/connect-settle';
import { connectionRelevant, csmsViewChanges, undoOfCsmsChanges } from './station/csms-changes';
import { MessageLog } from './station/core/message-log';
import type { StateContext } from './station/reusable-states';
import type { CheckRecord, ValueContext } from './validation/values';

/** The message the Then-steps look at: the latest CSMS request waited for, or CSMS response. */
export interface Inspected {
  name: string;
  payload: unknown;
  /** Set when the message is a request the CSMS sent (its answer can be checked). */
  call?: ReceivedCall;
}

/**
 * One per scenario: the configuration, the stations (by role), the operator, the trace, and what
 * the scenario remembered. Every scenario starts from new stations and ends with every socket and
 * timer closed.
 */
export class OcttWorld extends World {
  private context: RunContext | undefined;
  /** The station identity this scenario plays, leased from the run's pool (see support/station-pool.ts). */
  private lease: StationLease | undefined;
  private traceOfScenario: Trace | undefined;
  readonly messages = new MessageLog();
  private readonly stations = new Map<StationRole, ChargingStation>();
  private readonly stationShapes = new Map<StationRole, { numberOfEvses: number }>();
  private readonly variables = new Map<string, unknown>();
  /** Undo work for after the scenario (e.g. restoring a changed password at the CSMS). */
  readonly cleanups: Array<() => Promise<void>> = [];
  inspected: Inspected | undefined;
  /** What the station sent during the scenario's latest acting step (see recordStep). */
  latestExchanges: Exchange[] | undefined;
  private readonly slots = new StateSlots<OcttWorld>(this);
  /** One line per failed check of the scenario, for its evidence. */
  readonly failureLines: string[] = [];
  /** The scenario's name (set by the Before hook), for the run's connection history. */
  scenarioName = 'a scenario';
  /** Every check the scenario made, passed or failed, in order: the report shows them all. */
  readonly checks: CheckRecord[] = [];
  /** Settles when the operator has done (or failed) the last thing the scenario asked. */
  private operatorOutcome: Promise<void> = Promise.resolve();

  /** The run's context; read lazily so that a --dry-run (where BeforeAll does not run) can build worlds. */
  get run(): RunContext {
    this.context ??= runContext();
    return this.context;
  }

  get trace(): Trace {
    this.traceOfScenario ??= new Trace(new SecretMasker(secretValues(this.config)));
    return this.traceOfScenario;
  }

  get config(): Config {
    return this.lease?.config ?? this.run.config;
  }

  /** The TLS material of the station identity the scenario plays. */
  get tls(): StationTls {
    return this.lease?.tls ?? this.run.tls;
  }

  /** Leases a station identity of the run's pool (waiting for a free one), when the run has a pool. */
  async leaseStation(): Promise<void> {
    this.lease ??= await this.run.stationPool?.lease();
  }

  releaseStation(): void {
    this.lease?.release();
    this.lease = undefined;
  }

  /** CSMS_ACTION_TIMEOUT in ms: how long to wait for a CSMS-initiated message. */
  get actionTimeoutMs(): number {
    return this.config.CSMS_ACTION_TIMEOUT * 1000;
  }

  /**
   * Shapes the station before its first use, e.g. a second EVSE for the master-pass cases
   * (configuration.yaml: "the reference setup also has EVSE 2").
   */
  configureStation(role: StationRole, shape: { numberOfEvses: number }): void {
    if (this.stations.has(role)) throw new Error(`the ${role} station is already in use; shape it before its first step`);
    this.stationShapes.set(role, shape);
  }

  /** The station playing `role` in this scenario, created on first use. */
  station(role: StationRole = 'basic'): ChargingStation {
    let station = this.stations.get(role);
    if (!station) {
      // The leased identity (its config and TLS material), on the run's endpoints.
      station = stationFor({ config: this.config, endpoints: this.run.endpoints, tls: this.tls }, role, {
        numberOfEvses: this.stationShapes.get(role)?.numberOfEvses,
        sinks: [this.trace, this.messages],
        connections: this.connectionWatcher(),
      });
      this.stations.set(role, station);
    }
    return station;
  }

  /** Tells the run's connection history of this scenario's connections, and explains a 401 with it. */
  private connectionWatcher(): ConnectionWatcher {
    const history = this.run.connections;
    return {
      opened: (credentials) => history.noteConnected(credentials, this.scenarioName),
      refused: async (credentials, error) => {
        const changedNow = await Promise.all(
          this.activeStations.map(async (station) => connectionRelevant(await csmsViewChanges(station))),
        );
        return history.explain(error, credentials, this.scenarioName, [...new Set(changedNow.flat())]);
      },
    };
  }

  get activeStations(): ChargingStation[] {
    return [...this.stations.values()];
  }

  /** A step module's state for this scenario, created on first use and gone with the scenario. */
  scenarioState<T>(slot: StateSlot<OcttWorld, T>): T {
    return this.slots.of(slot);
  }

  remember(name: string, value: unknown): void {
    this.variables.set(name, value);
  }

  recall(name: string): unknown {
    return this.variables.get(name);
  }

  valueContext(): ValueContext {
    return {
      config: this.config,
      variable: (name) => this.variables.get(name),
      message: (name) => this.messages.get(name),
      recordCheck: (check) => this.checks.push(check),
    };
  }

  stateContext(role: StationRole = 'basic'): StateContext {
    return {
      station: this.station(role),
      config: this.config,
      values: this.valueContext(),
      askCsms: async (action, params, instruction) => {
        this.askCsms(action, params, instruction, role);
        return this.expectCsmsRequest(action, role);
      },
      awaitCsms: (action) => this.expectCsmsRequest(action, role),
      remember: (name, value) => this.remember(name, value),
    };
  }

  /**
   * Asks the operator to make the CSMS send `action` to the station. Does not wait: the scenario
   * then waits for the message itself (expectCsmsRequest), and fails early if the operator cannot.
   */
  askCsms<A extends CsmsToStationAction>(action: A, params: OperatorParams<A>, instruction: string, role: StationRole = 'basic'): void {
    // Before anything reaches the operator: no CSMS may be asked for a request its schema forbids.
    checkOperatorParams(action, params);
    const station = this.station(role);
    const request: OperatorRequest = { action, stationId: station.id, params: params as Record<string, unknown>, instruction };
    station.note(`asked the CSMS operator (${this.run.operator.kind}): ${instruction}`);
    station.noteAsked(action);
    // An operator does one thing after the other: the next request is built once the CSMS has the previous answer.
    const performing = this.operatorOutcome
      .catch(() => undefined)
      .then(() => settleAfterConnect(station.openedAt, this.config.CSMS_CONNECT_SETTLE_MS))
      .then(() => this.run.operator.perform(request));
    this.operatorOutcome = performing.then(
      () => undefined,
      (error: Error) => {
        station.note(error.message);
        throw error;
      },
    );
    // The failure surfaces in expectCsmsRequest; never as an unhandled rejection.
    this.operatorOutcome.catch(() => undefined);
  }

  /** Changes a CSMS setting through the operator ("Configure…" actions) and waits until it is done. */
  async configureCsms(action: string, params: Record<string, unknown>, instruction: string, role: StationRole = 'basic'): Promise<unknown> {
    const station = this.station(role);
    station.note(`CSMS setting (${this.run.operator.kind}): ${instruction}`);
    const result = await this.run.operator.perform({ action, stationId: station.id, params, instruction });
    return result.response;
  }

  /**
   * Waits up to CSMS_ACTION_TIMEOUT for the CSMS to send `action` to the station; fails at once when
   * the operator reports it cannot, or the CSMS closes the connection.
   */
  async expectCsmsRequest(action: string, role: StationRole = 'basic', where?: (call: ReceivedCall) => boolean): Promise<ReceivedCall> {
    const arrival = this.station(role).waitForCall(action, this.actionTimeoutMs, where);
    const operatorFailure = this.operatorOutcome.then(() => new Promise<never>(() => undefined));
    const call = await Promise.race([arrival, operatorFailure]).catch((error: Error) => {
      // A person at the prompt who did not act in time tells nothing about the CSMS.
      if (this.run.operator.kind === 'manual' && error instanceof NoCsmsRequest) throw new OperatorTimeout(action, this.actionTimeoutMs);
      throw error;
    });
    if (call.problems.length > 0) {
      throw new Error(`the CSMS sent a ${action}Request that violates the OCPP 2.0.1 schema: ${call.problems.join('; ')}`);
    }
    this.inspected = { name: `${action}Request`, payload: call.payload, call };
    return call;
  }

  /**
   * Runs the scenario's cleanups, first putting back what the CSMS changed of the stations (see
   * undoOfCsmsChanges), then closes every station. Never throws: problems are returned.
   */
  async teardown(): Promise<string[]> {
    const problems: string[] = [];
    for (const station of this.stations.values()) {
      this.run.connections.noteChanged(station.id, this.scenarioName, connectionRelevant(await csmsViewChanges(station)));
    }
    for (const [role, station] of this.stations) {
      for (const undo of await undoOfCsmsChanges(station, this.config)) {
        this.cleanups.push(async () => void (await this.configureCsms(undo.action, undo.params, undo.instruction, role)));
      }
    }
    for (const cleanup of this.cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        problems.push(`cleanup failed: ${(error as Error).message}`);
      }
    }
    await Promise.all(this.activeStations.map((station) => station.shutdown().catch((error: Error) => problems.push(error.message))));
    return problems;
  }
}

setWorldConstructor(OcttWorld);
