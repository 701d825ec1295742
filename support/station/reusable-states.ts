/**
 * The catalog's reusable states (reusable-states.yaml), implemented once for every block. Each
 * runs the state's own prerequisite states first when they do not hold yet (EnergyTransferStarted
 * runs Authorized, skips the plug-in part when the EV is already connected, …), and checks what
 * the OCTT checks. Where the older suite's code and the OCTT differ, the station does what a real
 * one does: one transaction id for all events, seqNo per transaction, the configured EVSE.
 */
import type { IdTokenEnumType, IdTokenType, TransactionEventResponse } from '../../schemas/ocpp201-messages';
import type { Config } from '../config';
import type { ReceivedCall } from '../ocpp/rpc';
import { checkField } from '../validation/field-checks';
import type { ValueContext } from '../validation/values';
import type { ChargingStation } from './charging-station';
import type { Transaction } from './transactions';

export const REUSABLE_STATES = [
  'ParkingBayOccupied',
  'EVConnectedPreSession',
  'Authorized',
  'EnergyTransferStarted',
  'EnergyTransferSuspended',
  'StopAuthorized',
  'EVConnectedPostSession',
  'EVDisconnected',
  'Reserved',
  'Unavailable',
] as const;

export type ReusableStateName = (typeof REUSABLE_STATES)[number];

export interface StateParameters {
  evseId?: number;
  connectorId?: number;
  idToken?: string;
  idTokenType?: IdTokenEnumType;
  /** Use this transaction id instead of a fresh UUID when a transaction starts. */
  transactionId?: string;
  /** StopAuthorized: present the token again (the OCTT's G/J callers do not). */
  presentIdTokenOnStop?: boolean;
  /** Unavailable: the whole station instead of one EVSE. */
  wholeStation?: boolean;
}

export interface StateContext {
  station: ChargingStation;
  config: Config;
  values: ValueContext;
  /** Makes the CSMS act (operator) and returns its request once it arrived. */
  askCsms(action: string, params: Record<string, unknown>, instruction: string): Promise<ReceivedCall>;
  /** Makes a value available to later steps, e.g. `<transactionId>`. */
  remember(name: string, value: unknown): void;
}

/** Where one EVSE of the station stands in the session flow. */
interface EvseSession {
  state: ReusableStateName | undefined;
  parked: boolean;
  evConnected: boolean;
  authorized: boolean;
  charging: boolean;
  stopAuthorized: boolean;
}

const sessions = new WeakMap<ChargingStation, Map<number, EvseSession>>();

export function evseSession(station: ChargingStation, evseId: number): EvseSession {
  let perEvse = sessions.get(station);
  if (!perEvse) {
    perEvse = new Map();
    sessions.set(station, perEvse);
  }
  let session = perEvse.get(evseId);
  if (!session) {
    session = { state: undefined, parked: false, evConnected: false, authorized: false, charging: false, stopAuthorized: false };
    perEvse.set(evseId, session);
  }
  return session;
}

interface Resolved {
  evseId: number;
  connectorId: number;
  idToken: IdTokenType;
}

function resolve(context: StateContext, parameters: StateParameters): Resolved {
  const { config } = context;
  return {
    evseId: parameters.evseId ?? config.CONFIGURED_EVSE_ID,
    connectorId: parameters.connectorId ?? config.CONFIGURED_CONNECTOR_ID,
    idToken: { idToken: parameters.idToken ?? config.VALID_ID_TOKEN, type: parameters.idTokenType ?? config.VALID_ID_TOKEN_TYPE },
  };
}

function startPoints(station: ChargingStation): string[] {
  return (station.deviceModel.value('TxCtrlr', 'TxStartPoint') ?? '').split(',');
}

/** The running transaction on the EVSE, or a new one (its id remembered as `transactionId`). */
function transactionOn(context: StateContext, where: Resolved, parameters: StateParameters): Transaction {
  const running = context.station.transactions.onEvse(where.evseId);
  if (running) return running;
  const transaction = context.station.transactions.open(where.evseId, where.connectorId, parameters.transactionId);
  context.remember('transactionId', transaction.id);
  return transaction;
}

function expectTokenAccepted(context: StateContext, response: TransactionEventResponse | undefined, messageName: string): void {
  // The CSMS must return idTokenInfo whenever the request carried an idToken (E01/E03, TransactionEventResponse).
  if (response) checkField(messageName, response, 'idTokenInfo.status', 'Accepted', context.values);
}

async function reportConnector(
  context: StateContext,
  where: Resolved,
  status: 'Occupied' | 'Available' | 'Reserved' | 'Unavailable',
): Promise<void> {
  await context.station.reportConnectorStatus(where.evseId, where.connectorId, status);
}

const STATES: Record<ReusableStateName, (context: StateContext, parameters: StateParameters) => Promise<void>> = {
  async ParkingBayOccupied(context, parameters) {
    const where = resolve(context, parameters);
    const session = evseSession(context.station, where.evseId);
    session.parked = true;
    // A station only reports parking-bay occupancy when it starts transactions on it.
    if (startPoints(context.station).includes('ParkingBayOccupancy')) {
      const transaction = transactionOn(context, where, parameters);
      await context.station.sendTransactionEvent(transaction, { eventType: 'Started', triggerReason: 'EVDetected' });
    }
    session.state = 'ParkingBayOccupied';
  },

  async EVConnectedPreSession(context, parameters) {
    const where = resolve(context, parameters);
    const session = evseSession(context.station, where.evseId);
    await reportConnector(context, where, 'Occupied');
    session.evConnected = true;
    const running = context.station.transactions.onEvse(where.evseId);
    if (running?.started || startPoints(context.station).includes('EVConnected')) {
      const transaction = transactionOn(context, where, parameters);
      await context.station.sendTransactionEvent(transaction, {
        eventType: transaction.started ? 'Updated' : 'Started',
        triggerReason: 'CablePluggedIn',
        transactionInfo: { chargingState: 'EVConnected' },
      });
    }
    session.state = 'EVConnectedPreSession';
  },

  async Authorized(context, parameters) {
    const where = resolve(context, parameters);
    const session = evseSession(context.station, where.evseId);
    const authorize = await context.station.call('Authorize', { idToken: where.idToken });
    checkField('AuthorizeResponse', authorize, 'idTokenInfo.status', 'Accepted', context.values);
    session.authorized = true;
    const running = context.station.transactions.onEvse(where.evseId);
    if (running?.started || startPoints(context.station).includes('Authorized')) {
      const transaction = transactionOn(context, where, parameters);
      const response = await context.station.sendTransactionEvent(transaction, {
        eventType: transaction.started ? 'Updated' : 'Started',
        triggerReason: 'Authorized',
        idToken: where.idToken,
      });
      expectTokenAccepted(context, response, 'TransactionEventResponse');
    }
    session.state = 'Authorized';
  },

  async EnergyTransferStarted(context, parameters) {
    const where = resolve(context, parameters);
    const session = evseSession(context.station, where.evseId);
    if (!session.authorized) await STATES.Authorized(context, parameters);
    const transaction = transactionOn(context, where, parameters);
    if (!session.evConnected) {
      await reportConnector(context, where, 'Occupied');
      session.evConnected = true;
      await context.station.sendTransactionEvent(transaction, {
        eventType: transaction.started ? 'Updated' : 'Started',
        triggerReason: 'CablePluggedIn',
        transactionInfo: { chargingState: 'EVConnected' },
      });
    }
    await context.station.sendTransactionEvent(transaction, {
      eventType: transaction.started ? 'Updated' : 'Started',
      triggerReason: 'ChargingStateChanged',
      transactionInfo: { chargingState: 'Charging' },
    });
    session.charging = true;
    session.state = 'EnergyTransferStarted';
  },

  async EnergyTransferSuspended(context, parameters) {
    const where = resolve(context, parameters);
    const session = evseSession(context.station, where.evseId);
    if (!session.charging) await STATES.EnergyTransferStarted(context, parameters);
    await context.station.sendTransactionEvent(transactionOn(context, where, parameters), {
      eventType: 'Updated',
      triggerReason: 'ChargingStateChanged',
      transactionInfo: { chargingState: 'SuspendedEV' },
    });
    session.charging = false;
    session.state = 'EnergyTransferSuspended';
  },

  async StopAuthorized(context, parameters) {
    const where = resolve(context, parameters);
    const session = evseSession(context.station, where.evseId);
    if (session.state !== 'EnergyTransferStarted' && session.state !== 'EnergyTransferSuspended') {
      await STATES.EnergyTransferStarted(context, parameters);
    }
    const response = await context.station.sendTransactionEvent(transactionOn(context, where, parameters), {
      eventType: 'Updated',
      triggerReason: 'StopAuthorized',
      ...(parameters.presentIdTokenOnStop ? { idToken: where.idToken } : {}),
    });
    if (parameters.presentIdTokenOnStop) expectTokenAccepted(context, response, 'TransactionEventResponse');
    session.stopAuthorized = true;
    session.authorized = false;
    session.state = 'StopAuthorized';
  },

  async EVConnectedPostSession(context, parameters) {
    const where = resolve(context, parameters);
    const session = evseSession(context.station, where.evseId);
    if (!session.stopAuthorized) await STATES.StopAuthorized(context, parameters);
    await context.station.sendTransactionEvent(transactionOn(context, where, parameters), {
      eventType: 'Updated',
      triggerReason: 'ChargingStateChanged',
      transactionInfo: { chargingState: 'EVConnected' },
    });
    session.charging = false;
    session.state = 'EVConnectedPostSession';
  },

  async EVDisconnected(context, parameters) {
    const where = resolve(context, parameters);
    const session = evseSession(context.station, where.evseId);
    if (session.state !== 'EVConnectedPostSession') await STATES.EVConnectedPostSession(context, parameters);
    await reportConnector(context, where, 'Available');
    const transaction = transactionOn(context, where, parameters);
    await context.station.sendTransactionEvent(transaction, {
      eventType: 'Ended',
      triggerReason: 'EVCommunicationLost',
      transactionInfo: { chargingState: 'Idle', stoppedReason: 'EVDisconnected' },
      meterValue: [transaction.meterValue('Transaction.End')],
    });
    Object.assign(session, { evConnected: false, authorized: false, charging: false, stopAuthorized: false, parked: false });
    session.state = 'EVDisconnected';
  },

  async Reserved(context, parameters) {
    const where = resolve(context, parameters);
    const request = await context.askCsms(
      'ReserveNow',
      { evseId: where.evseId, idToken: where.idToken },
      `Make the CSMS reserve EVSE ${where.evseId} of ${context.station.id} for idToken ${where.idToken.idToken} (${where.idToken.type}).`,
    );
    const values = context.values;
    checkField('ReserveNowRequest', request.payload, 'evseId', String(where.evseId), values);
    checkField('ReserveNowRequest', request.payload, 'idToken.idToken', JSON.stringify(where.idToken.idToken), values);
    checkField('ReserveNowRequest', request.payload, 'idToken.type', where.idToken.type, values);
    const answer = await request.answered;
    if (answer.kind !== 'result' || (answer.payload as { status?: string }).status !== 'Accepted') {
      throw new Error(`the station did not accept the ReserveNowRequest (${JSON.stringify(answer)}); the state Reserved needs it accepted`);
    }
    await reportConnector(context, where, 'Reserved');
    evseSession(context.station, where.evseId).state = 'Reserved';
  },

  async Unavailable(context, parameters) {
    const where = resolve(context, parameters);
    const params = parameters.wholeStation
      ? { operationalStatus: 'Inoperative' }
      : { operationalStatus: 'Inoperative', evse: { id: where.evseId } };
    const scope = parameters.wholeStation ? `the whole station ${context.station.id}` : `EVSE ${where.evseId} of ${context.station.id}`;
    const request = await context.askCsms('ChangeAvailability', params, `Make the CSMS set ${scope} to Inoperative.`);
    const values = context.values;
    checkField('ChangeAvailabilityRequest', request.payload, 'operationalStatus', 'Inoperative', values);
    if (parameters.wholeStation) {
      checkField('ChangeAvailabilityRequest', request.payload, 'evse', 'absent', values);
    } else {
      checkField('ChangeAvailabilityRequest', request.payload, 'evse.id', String(where.evseId), values);
      checkField('ChangeAvailabilityRequest', request.payload, 'evse.connectorId', 'absent', values);
    }
    await request.answered;
    const evses = parameters.wholeStation ? context.station.topology.evses : [context.station.topology.evse(where.evseId)];
    for (const evse of evses) {
      for (const connector of evse.connectors) {
        await context.station.reportConnectorStatus(evse.id, connector.id, 'Unavailable');
      }
      evseSession(context.station, evse.id).state = 'Unavailable';
    }
  },
};

/** Brings the station into a reusable state, running prerequisite states as the catalog says. */
export function enterState(name: ReusableStateName, context: StateContext, parameters: StateParameters = {}): Promise<void> {
  return STATES[name](context, parameters);
}
