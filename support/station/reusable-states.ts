/**
 * The catalog's reusable states (reusable-states.yaml), implemented once for every block on top of
 * the station's charging session (transaction-session.ts). Each state first runs the states it
 * presupposes when they do not hold yet (EnergyTransferStarted runs Authorized when the EVSE is not
 * authorized, and skips the plug-in when the EV is already connected; StopAuthorized runs
 * EnergyTransferStarted; …) and checks what the OCTT checks. Whether an event opens, updates or ends
 * a transaction follows the station's TxStartPoint/TxStopPoint, so the same state serves every
 * TxCtrlr setting of the catalog.
 */
import type { IdTokenEnumType, IdTokenType } from '../../schemas/ocpp201-messages';
import { type Config, scaledMs } from '../../kernel/config';
import type { ReceivedCall } from '../../kernel/ocpp/rpc';
import type { CsmsToStationAction } from '../../kernel/ocpp/actions';
import type { OperatorParams } from '../../kernel/operator/contract';
import { checkField } from '../validation/field-checks';
import type { ValueContext } from '../validation/values';
import type { ChargingStation } from './core/charging-station';
import {
  type EvseSession,
  type SessionContext,
  type Where,
  authorizeStop,
  chargeUntil,
  enterParkingBay,
  plugIn,
  presentIdToken,
  sessionOf,
  startEnergyTransfer,
  stopEnergyTransfer,
  suspendByEv,
  unplug,
} from './areas/transactions/session';
import { evStatesNeeds, forwardEvSchedules } from './areas/smart-charging/iso15118';

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
  'ISO15118SmartCharging',
] as const;

export type ReusableStateName = (typeof REUSABLE_STATES)[number];

export interface StateParameters {
  evseId?: number;
  connectorId?: number;
  idToken?: string;
  idTokenType?: IdTokenEnumType;
  /** Use this transaction id instead of a fresh UUID when a transaction starts. */
  transactionId?: string;
  /** Also remember the id of the transaction that starts as this scenario variable (e.g. T2 for `<T2>`). */
  rememberTransactionAs?: string;
  /**
   * StopAuthorized: the driver presents the idToken to stop (default true, as at a real station,
   * E07); false stops without a token (the OCTT's G/J callers).
   */
  presentIdTokenOnStop?: boolean;
  /** Unavailable: the whole station instead of one EVSE. */
  wholeStation?: boolean;
}

export interface StateContext {
  station: ChargingStation;
  config: Config;
  values: ValueContext;
  /** Makes the CSMS act (operator) and returns its request once it arrived. */
  askCsms<A extends CsmsToStationAction>(action: A, params: OperatorParams<A>, instruction: string): Promise<ReceivedCall>;
  /** Waits for a request the CSMS sends on its own (no operator), up to CSMS_ACTION_TIMEOUT. */
  awaitCsms(action: CsmsToStationAction): Promise<ReceivedCall>;
  /** Makes a value available to later steps, e.g. `<transactionId>`. */
  remember(name: string, value: unknown): void;
}

interface Resolved extends Where {
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

/** The session at the state's EVSE, primed with the transaction id and name the parameters give. */
function sessionFor(context: StateContext, where: Resolved, parameters: StateParameters): EvseSession {
  const session = sessionOf(context.station, where.evseId);
  if (parameters.transactionId !== undefined && !context.station.transactions.onEvse(where.evseId)) {
    session.nextTransactionId = String(parameters.transactionId);
  }
  if (parameters.rememberTransactionAs !== undefined) {
    const running = context.station.transactions.onEvse(where.evseId);
    if (running) context.remember(parameters.rememberTransactionAs, running.id);
    else session.rememberNextTransactionAs = parameters.rememberTransactionAs;
  }
  return session;
}

/** Where the session at an EVSE stands, as flags a caller may read and set. */
export interface SessionFlags {
  state: string | undefined;
  parked: boolean;
  evConnected: boolean;
  authorized: boolean;
  charging: boolean;
  stopAuthorized: boolean;
}

/**
 * The session at an EVSE as flags, for code that sends its own TransactionEvents and records where
 * the session now stands (so that the reusable states continue from there). Setting a flag updates
 * the station's session model: `authorized` takes the token of the running transaction, `charging`
 * starts or stops the EVSE's meter.
 */
export function evseSession(station: ChargingStation, evseId: number): SessionFlags {
  const session = sessionOf(station, evseId);
  const meter = station.transactions.meterOf(evseId);
  return {
    get state() {
      return session.state;
    },
    set state(value: string | undefined) {
      session.state = value;
    },
    get parked() {
      return session.parked;
    },
    set parked(value: boolean) {
      session.parked = value;
    },
    get evConnected() {
      return session.evConnected;
    },
    set evConnected(value: boolean) {
      session.evConnected = value;
      if (!value) session.chargingState = undefined;
      else session.chargingState ??= 'EVConnected';
    },
    get authorized() {
      return session.authorization !== undefined;
    },
    set authorized(value: boolean) {
      const token = station.transactions.onEvse(evseId)?.idToken;
      session.authorization = value ? (session.authorization ?? token ?? { idToken: '', type: 'NoAuthorization' }) : undefined;
      if (value) session.stopAuthorized = false;
    },
    get charging() {
      return session.charging;
    },
    set charging(value: boolean) {
      if (value && !session.charging) {
        session.chargingState = 'Charging';
        session.powerPathClosed = true;
        session.chargingSince = Date.now();
      } else if (!value && session.charging) {
        session.chargingState = session.evConnected ? 'EVConnected' : undefined;
        session.chargingSince = undefined;
      }
      meter.setCharging(session.charging);
    },
    get stopAuthorized() {
      return session.stopAuthorized;
    },
    set stopAuthorized(value: boolean) {
      session.stopAuthorized = value;
    },
  };
}

function sessionContext(context: StateContext): SessionContext {
  return { station: context.station, remember: (name, value) => context.remember(name, value) };
}

/** The TransactionEventResponse to an event carrying an idToken must carry idTokenInfo (E01, E03). */
function expectTokenAccepted(context: StateContext, response: unknown): void {
  checkField('TransactionEventResponse', response, 'idTokenInfo.status', 'Accepted', context.values);
}

const STATES: Record<ReusableStateName, (context: StateContext, parameters: StateParameters) => Promise<void>> = {
  ISO15118SmartCharging: (context, parameters) => iso15118SmartCharging(context, parameters),

  async ParkingBayOccupied(context, parameters) {
    const where = resolve(context, parameters);
    const session = sessionFor(context, where, parameters);
    if (!session.parked) await enterParkingBay(sessionContext(context), where);
    session.state = 'ParkingBayOccupied';
  },

  async EVConnectedPreSession(context, parameters) {
    const where = resolve(context, parameters);
    const session = sessionFor(context, where, parameters);
    if (!session.evConnected) await plugIn(sessionContext(context), where);
    session.state = 'EVConnectedPreSession';
  },

  async Authorized(context, parameters) {
    const where = resolve(context, parameters);
    const session = sessionFor(context, where, parameters);
    if (!session.authorization) {
      const presented = await presentIdToken(sessionContext(context), where, where.idToken);
      if (presented.authorize) checkField('AuthorizeResponse', presented.authorize, 'idTokenInfo.status', 'Accepted', context.values);
      if (!presented.accepted)
        throw new Error(`the station did not accept ${where.idToken.idToken}, so the state Authorized cannot be reached`);
      if (presented.event?.response) expectTokenAccepted(context, presented.event.response);
    }
    session.state = 'Authorized';
  },

  async EnergyTransferStarted(context, parameters) {
    const where = resolve(context, parameters);
    const session = sessionFor(context, where, parameters);
    if (!session.authorization) await STATES.Authorized(context, parameters);
    const from = context.station.exchanges.length;
    if (!session.evConnected) await plugIn(sessionContext(context), where);
    await startEnergyTransfer(sessionContext(context), where);
    // With TxStartPoint EVConnected or PowerPathClosed the Started event comes here, carrying the
    // idToken authorized before: its response must carry idTokenInfo with the verdict, as the
    // Authorized state requires of the event that carries the token.
    for (const exchange of context.station.exchanges.slice(from)) {
      const request = exchange.request as { idToken?: unknown };
      if (exchange.action === 'TransactionEvent' && request.idToken !== undefined && exchange.response !== undefined) {
        expectTokenAccepted(context, exchange.response);
      }
    }
    session.state = 'EnergyTransferStarted';
  },

  async EnergyTransferSuspended(context, parameters) {
    const where = resolve(context, parameters);
    const session = sessionFor(context, where, parameters);
    if (!session.charging) await STATES.EnergyTransferStarted(context, parameters);
    // The OCTT lets the EV charge <Configured transaction duration> before it suspends.
    await chargeUntil(sessionContext(context), where, scaledMs(context.config, 'TRANSACTION_DURATION'));
    await suspendByEv(sessionContext(context), where);
    session.state = 'EnergyTransferSuspended';
  },

  async StopAuthorized(context, parameters) {
    const where = resolve(context, parameters);
    const session = sessionFor(context, where, parameters);
    if (!session.charging && session.chargingState !== 'SuspendedEV') await STATES.EnergyTransferStarted(context, parameters);
    // The OCTT lets the EV charge <Configured transaction duration> before the stop.
    if (session.charging) await chargeUntil(sessionContext(context), where, scaledMs(context.config, 'TRANSACTION_DURATION'));
    const token = parameters.presentIdTokenOnStop === false ? undefined : parameters.idToken ? where.idToken : session.authorization;
    const stopped = await authorizeStop(sessionContext(context), where, token);
    if (stopped.authorize) checkField('AuthorizeResponse', stopped.authorize, 'idTokenInfo.status', 'Accepted', context.values);
    if (!stopped.accepted) throw new Error(`the station did not let ${token?.idToken} stop the transaction`);
    if (token && stopped.event?.response) expectTokenAccepted(context, stopped.event.response);
    session.state = 'StopAuthorized';
  },

  async EVConnectedPostSession(context, parameters) {
    const where = resolve(context, parameters);
    const session = sessionFor(context, where, parameters);
    if (!session.stopAuthorized || !session.evConnected) await STATES.StopAuthorized(context, parameters);
    if (session.chargingState !== 'EVConnected' || session.powerPathClosed) await stopEnergyTransfer(sessionContext(context), where);
    session.state = 'EVConnectedPostSession';
  },

  async EVDisconnected(context, parameters) {
    const where = resolve(context, parameters);
    const session = sessionFor(context, where, parameters);
    const postSession =
      session.evConnected && session.stopAuthorized && session.chargingState === 'EVConnected' && !session.powerPathClosed;
    if (!postSession) await STATES.EVConnectedPostSession(context, parameters);
    await unplug(sessionContext(context), where, 'station');
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
    // The station's model owes the Reserved report (StatusNotification and NotifyEvent) of the EVSE's connectors.
    await context.station.sendOwed();
    sessionOf(context.station, where.evseId).state = 'Reserved';
  },

  async Unavailable(context, parameters) {
    const where = resolve(context, parameters);
    const params: OperatorParams<'ChangeAvailability'> = parameters.wholeStation
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
    const answer = await request.answered;
    if (answer.kind !== 'result' || (answer.payload as { status?: string }).status !== 'Accepted') {
      throw new Error(
        `the station did not accept the ChangeAvailabilityRequest (${JSON.stringify(answer)}); the state Unavailable needs it accepted`,
      );
    }
    // The station's model owes the Unavailable report (StatusNotification and NotifyEvent) of every connector that changed.
    await context.station.sendOwed();
    const evses = parameters.wholeStation ? context.station.topology.evses : [context.station.topology.evse(where.evseId)];
    for (const evse of evses) sessionOf(context.station, evse.id).state = 'Unavailable';
  },
};

/**
 * ISO15118SmartCharging (K15): the EV states its needs (NotifyEVChargingNeeds, answered Accepted or
 * Processing), the CSMS sets a TxProfile for the transaction on its own, the EV adopts its schedule
 * (NotifyEVChargingSchedule, answered Accepted) and energy flows (ChargingStateChanged/Charging).
 */
async function iso15118SmartCharging(context: StateContext, parameters: StateParameters): Promise<void> {
  const where = resolve(context, parameters);
  const session = sessionFor(context, where, parameters);
  if (!session.authorization) await STATES.Authorized(context, parameters);
  const { station, values } = context;
  const transaction = station.transactions.onEvse(where.evseId);
  if (!transaction) throw new Error(`no transaction runs on EVSE ${where.evseId}: ISO15118SmartCharging needs one`);
  const needs = { evseId: where.evseId, maxScheduleTuples: 10, chargingNeeds: { requestedEnergyTransfer: 'AC_three_phase' as const } };
  evStatesNeeds(station, needs);
  const answer = await station.call('NotifyEVChargingNeeds', needs);
  checkField('NotifyEVChargingNeedsResponse', answer, 'status', 'Accepted or Processing', values);
  const request = await context.awaitCsms('SetChargingProfile');
  checkField('SetChargingProfileRequest', request.payload, 'evseId', String(where.evseId), values);
  checkField('SetChargingProfileRequest', request.payload, 'chargingProfile.chargingProfilePurpose', 'TxProfile', values);
  checkField('SetChargingProfileRequest', request.payload, 'chargingProfile.transactionId', JSON.stringify(transaction.id), values);
  const installed = await request.answered;
  if (installed.kind !== 'result' || (installed.payload as { status?: string }).status !== 'Accepted') {
    throw new Error(`the station did not accept the CSMS's TxProfile (${JSON.stringify(installed)}); ISO15118SmartCharging needs it`);
  }
  const [schedule] = await forwardEvSchedules(station);
  checkField('NotifyEVChargingScheduleResponse', schedule?.response, 'status', 'Accepted', values);
  if (!session.evConnected) await plugIn(sessionContext(context), where);
  await startEnergyTransfer(sessionContext(context), where);
  session.state = 'ISO15118SmartCharging';
}

/** Brings the station into a reusable state, running prerequisite states as the catalog says. */
export function enterState(name: ReusableStateName, context: StateContext, parameters: StateParameters = {}): Promise<void> {
  return STATES[name](context, parameters);
}
