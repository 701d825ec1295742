/**
 * A charging session at one EVSE as a real station lives it: the EV parks, is plugged in, the
 * driver authorizes, energy flows, the stop is authorized, energy stops, the EV is unplugged and
 * leaves. Each change is reported the way the station's own TxCtrlr settings dictate (E01, E06):
 * a TransactionEvent Started when a TxStartPoint is reached, Updated while the transaction runs,
 * Ended when a TxStopPoint stops holding. Every event of a transaction carries its id and the next
 * seqNo of that transaction; chargingState is sent when it changed; a Started event carries the
 * TxStartedMeasurands readings and an Ended one the TxEndedMeasurands readings.
 */
import type {
  AuthorizeResponse,
  AuthorizationStatusEnumType,
  ChargingStateEnumType,
  IdTokenInfoType,
  IdTokenType,
  MeterValueType,
  ReadingContextEnumType,
  ReasonEnumType,
  TransactionEventEnumType,
  TransactionEventResponse,
  TriggerReasonEnumType,
} from '../../../../schemas/ocpp201-messages';
import { authorizeLocally, cacheIdTokenInfo, idTokenKey } from '../authorization/lists';
import type { ChargingStation, StationState } from '../../core/charging-station';
import { stateSlot } from '../../../../kernel/state-slots';
import { type TxPoint, endsTransaction, startsTransaction, txPointsOf } from './points';
import type { Transaction } from '../../core/transactions';
import { admits, claimReservation } from '../reservation/reservations';

/** What the session needs from the scenario: the station, and a way to hand values to later steps. */
export interface SessionContext {
  station: ChargingStation;
  /** Makes a value available to later steps, e.g. `<transactionId>`. */
  remember(name: string, value: unknown): void;
}

export interface Where {
  evseId: number;
  connectorId: number;
}

/** What the EV, the driver and the EVSE are doing at one EVSE. */
export class EvseSession {
  parked = false;
  evConnected = false;
  /** The idToken the session is authorized by. */
  authorization: IdTokenType | undefined;
  /** The group of that idToken (C09: a token of the same group may stop the transaction). */
  authorizationGroup: string | undefined;
  powerPathClosed = false;
  /** What the EV and the EVSE are doing; undefined while no EV is there. */
  chargingState: ChargingStateEnumType | undefined;
  /** The stop of this session was authorized (locally or remotely); cleared when a new one begins. */
  stopAuthorized = false;
  /** The status the CSMS gave instead of Accepted for the session's idToken (E05, C12). */
  rejection: AuthorizationStatusEnumType | undefined;
  /** When energy began to flow, ms since the epoch. */
  chargingSince: number | undefined;
  /** The reusable state reached last (see reusable-states.ts). */
  state: string | undefined;
  /** The id the next transaction on this EVSE takes, instead of a fresh UUID. */
  nextTransactionId: string | undefined;
  /** A scenario variable the next transaction's id is also remembered as. */
  rememberNextTransactionAs: string | undefined;

  constructor(readonly evseId: number) {}

  get charging(): boolean {
    return this.chargingState === 'Charging';
  }
}

/** The sessions at the station's EVSEs. */
const SESSIONS: StationState<Map<number, EvseSession>> = stateSlot('EVSE sessions', () => new Map());

/** The session at one EVSE of the station, created on first use. */
export function sessionOf(station: ChargingStation, evseId: number): EvseSession {
  const perEvse = station.state(SESSIONS);
  let session = perEvse.get(evseId);
  if (!session) {
    session = new EvseSession(evseId);
    perEvse.set(evseId, session);
  }
  return session;
}

/** One change of the session, as the transaction events describe it. */
interface Change {
  trigger: TriggerReasonEnumType;
  /** The start points this change reaches. */
  reaches?: readonly TxPoint[];
  /** The stop points that no longer hold after this change. */
  loses?: readonly TxPoint[];
  /** Ends the transaction whatever TxStopPoint says (StopTxOnEVSideDisconnect, EVConnectionTimeOut, StopTxOnInvalidId). */
  forceEnd?: boolean;
  /** Why the transaction stopped, if this change ends it. */
  stoppedReason?: ReasonEnumType;
  idToken?: IdTokenType;
  meterValue?: MeterValueType[];
  /** The start reading is signed (TxStartPoint DataSigned). */
  signedStart?: boolean;
  /** The remoteStartId of the RequestStartTransactionRequest this change carries out (F01, F02). */
  remoteStartId?: number;
}

/** A TransactionEvent the station sent (response present) or queued while offline. */
export interface Reported {
  transaction: Transaction;
  eventType: TransactionEventEnumType;
  response: TransactionEventResponse | undefined;
}

function deviceValue(station: ChargingStation, component: string, variable: string): string | undefined {
  return station.deviceModel.value(component, variable);
}

/** The readings of SampledDataCtrlr for a context, or none when sampling is off or asks for nothing. */
function reading(station: ChargingStation, transaction: Transaction, context: ReadingContextEnumType, sign = false): MeterValueType[] {
  if (deviceValue(station, 'SampledDataCtrlr', 'Enabled') === 'false') return [];
  const variable =
    context === 'Transaction.Begin' ? 'TxStartedMeasurands' : context === 'Transaction.End' ? 'TxEndedMeasurands' : 'TxUpdatedMeasurands';
  const measurands = (deviceValue(station, 'SampledDataCtrlr', variable) ?? '').split(',').filter((measurand) => measurand !== '');
  if (measurands.length === 0 && !sign) return [];
  const signed = sign || deviceValue(station, 'SampledDataCtrlr', 'SignReadings') === 'true';
  return [transaction.meter.read(context, measurands, signed)];
}

function announce(context: SessionContext, session: EvseSession, transaction: Transaction): void {
  const count = context.station.transactions.all().length;
  context.remember('transactionId', transaction.id);
  context.remember(`transactionId #${count}`, transaction.id);
  if (session.rememberNextTransactionAs) context.remember(session.rememberNextTransactionAs, transaction.id);
  session.rememberNextTransactionAs = undefined;
  context.station.note(`transaction ${transaction.id} starts on EVSE ${transaction.evseId}`);
}

/** After an Ended event the session starts afresh; an EV still plugged in stays connected. */
function closeSession(session: EvseSession, station: ChargingStation): void {
  session.authorization = undefined;
  session.authorizationGroup = undefined;
  session.powerPathClosed = false;
  session.rejection = undefined;
  session.chargingSince = undefined;
  session.chargingState = session.evConnected ? 'EVConnected' : undefined;
  station.transactions.meterOf(session.evseId).setCharging(false);
}

/** Energy stops because the station opens its power path. */
function openPowerPath(session: EvseSession, station: ChargingStation): void {
  session.powerPathClosed = false;
  if (session.evConnected) session.chargingState = 'EVConnected';
  session.chargingSince = undefined;
  station.transactions.meterOf(session.evseId).setCharging(false);
}

/**
 * Reports one change: opens a transaction when it reaches a start point and none runs, sends an
 * Updated or Ended event while one runs, and nothing otherwise.
 */
async function report(context: SessionContext, session: EvseSession, where: Where, change: Change): Promise<Reported | undefined> {
  const { station } = context;
  const points = txPointsOf(station.deviceModel);
  let transaction = station.transactions.onEvse(session.evseId);
  let eventType: TransactionEventEnumType;
  let idToken = change.idToken;
  let reservationId: number | undefined;
  const meterValue: MeterValueType[] = [];
  if (!transaction) {
    if (!(change.reaches ?? []).some((point) => startsTransaction(points, point))) return undefined;
    if (!station.availability.isOperative(session.evseId, where.connectorId)) {
      station.note(`EVSE ${session.evseId} is Inoperative: the station starts no transaction there (G03)`);
      return undefined;
    }
    transaction = station.transactions.open(session.evseId, session.evConnected ? where.connectorId : undefined, session.nextTransactionId);
    session.nextTransactionId = undefined;
    announce(context, session, transaction);
    eventType = 'Started';
    // The Started event names whoever is already authorized (E01).
    idToken ??= session.authorization;
    reservationId = claimReservation(station, session.evseId, idToken, session.authorizationGroup);
    meterValue.push(...reading(station, transaction, 'Transaction.Begin', change.signedStart));
  } else {
    eventType = change.forceEnd || endsTransaction(points, change.loses ?? []) ? 'Ended' : 'Updated';
  }
  meterValue.push(...(change.meterValue ?? []));
  if (eventType === 'Ended') meterValue.push(...reading(station, transaction, 'Transaction.End'));
  if (session.evConnected && transaction.connectorId === undefined) transaction.connectorId = where.connectorId;
  const chargingState = session.chargingState !== transaction.chargingState ? session.chargingState : undefined;
  const response = await station.sendTransactionEvent(transaction, {
    eventType,
    triggerReason: change.trigger,
    ...(idToken ? { idToken } : {}),
    ...(reservationId === undefined ? {} : { reservationId }),
    ...(meterValue.length > 0 ? { meterValue } : {}),
    transactionInfo: {
      ...(chargingState ? { chargingState } : {}),
      ...(eventType === 'Ended' && change.stoppedReason ? { stoppedReason: change.stoppedReason } : {}),
      ...(change.remoteStartId === undefined ? {} : { remoteStartId: change.remoteStartId }),
    },
  });
  if (eventType === 'Ended') {
    closeSession(session, station);
    // A ChangeAvailability answered Scheduled happens now (G03.FR.05, G04).
    for (const { evseId, connectorId, status } of station.availability.transactionEnded(session.evseId)) {
      station.oweConnectorStatus(evseId, connectorId, status, `the transaction ended: the scheduled ChangeAvailability holds now`);
    }
  }
  const verdict = response?.idTokenInfo;
  const judged = idToken ?? transaction.idToken;
  if (verdict && judged) {
    cacheIdTokenInfo(station, judged, verdict);
    // A verdict for an earlier token (the CSMS withdrew it mid-transaction) counts as much as one for a token just sent.
    if (eventType !== 'Ended') session.rejection = verdict.status === 'Accepted' ? undefined : verdict.status;
  }
  return { transaction, eventType, response };
}

function requireEvConnected(session: EvseSession, what: string): void {
  if (!session.evConnected) throw new Error(`${what}: no EV is plugged in at EVSE ${session.evseId}`);
}

function authorizationRequired(station: ChargingStation): boolean {
  return deviceValue(station, 'AuthCtrlr', 'AuthEnabled') !== 'false';
}

/**
 * The station's own verdict on a token, when it may give one without the CSMS: online with
 * AuthCtrlr.LocalPreAuthorize (C12, C14), offline with AuthCtrlr.LocalAuthorizeOffline (C13); an
 * Accepted, unexpired entry of its Local Authorization List, or else of its Authorization Cache.
 */
function localVerdict(station: ChargingStation, idToken: IdTokenType): IdTokenInfoType | undefined {
  if (station.isConnected) {
    const local = authorizeLocally(station, idToken);
    return local.authorized ? local.idTokenInfo : undefined;
  }
  if (deviceValue(station, 'AuthCtrlr', 'LocalAuthorizeOffline') === 'false') return undefined;
  const key = idTokenKey(idToken);
  const enabled = (component: string): boolean => deviceValue(station, component, 'Enabled') === 'true';
  const entry =
    (enabled('LocalAuthListCtrlr') ? station.memory.localList.entries.get(key) : undefined) ??
    (enabled('AuthCacheCtrlr') ? station.memory.authorizationCache.get(key) : undefined);
  const info = entry?.idTokenInfo;
  const current =
    info?.status === 'Accepted' && (info.cacheExpiryDateTime === undefined || Date.parse(info.cacheExpiryDateTime) > Date.now());
  return current ? info : undefined;
}

// ---------------------------------------------------------------------------------------------
// The changes a scenario can make happen

export async function enterParkingBay(context: SessionContext, where: Where): Promise<Reported | undefined> {
  const session = sessionOf(context.station, where.evseId);
  if (session.parked) throw new Error(`an EV already occupies the parking bay of EVSE ${where.evseId}`);
  session.parked = true;
  return report(context, session, where, { trigger: 'EVDetected', reaches: ['ParkingBayOccupancy'] });
}

export async function leaveParkingBay(context: SessionContext, where: Where): Promise<Reported | undefined> {
  const session = sessionOf(context.station, where.evseId);
  if (!session.parked) throw new Error(`no EV occupies the parking bay of EVSE ${where.evseId}`);
  session.parked = false;
  return report(context, session, where, { trigger: 'EVDeparted', loses: ['ParkingBayOccupancy'], stoppedReason: 'Local' });
}

/** The cable is plugged in: the connector becomes Occupied (StatusNotification and NotifyEvent). */
export async function plugIn(context: SessionContext, where: Where): Promise<Reported | undefined> {
  const session = sessionOf(context.station, where.evseId);
  if (session.evConnected) throw new Error(`the EV is already plugged in at EVSE ${where.evseId}`);
  session.evConnected = true;
  session.chargingState = 'EVConnected';
  await context.station.setConnectorStatus(where.evseId, where.connectorId, 'Occupied');
  return report(context, session, where, { trigger: 'CablePluggedIn', reaches: ['EVConnected'] });
}

/**
 * The cable is unplugged: at the station side (the connector is free) or at the EV side. An EV-side
 * disconnect ends the transaction when TxCtrlr.StopTxOnEVSideDisconnect is true (E09) and only
 * suspends it otherwise (E10); a station-side one ends it where TxStopPoint says so.
 */
export async function unplug(context: SessionContext, where: Where, side: 'station' | 'ev'): Promise<Reported | undefined> {
  const { station } = context;
  const session = sessionOf(station, where.evseId);
  requireEvConnected(session, 'cannot unplug');
  const lost: TxPoint[] = ['EVConnected'];
  if (session.powerPathClosed) lost.push('PowerPathClosed');
  if (session.charging) lost.push('EnergyTransfer');
  session.evConnected = false;
  session.stopAuthorized = false;
  openPowerPath(session, station);
  const running = station.transactions.onEvse(where.evseId);
  session.chargingState = running ? 'Idle' : undefined;
  const free = station.availability.isOperative(where.evseId, where.connectorId) ? 'Available' : 'Unavailable';
  await station.setConnectorStatus(where.evseId, where.connectorId, free);
  const stopOnEvSide = deviceValue(station, 'TxCtrlr', 'StopTxOnEVSideDisconnect') !== 'false';
  if (side === 'ev' && !stopOnEvSide) return report(context, session, where, { trigger: 'EVCommunicationLost' });
  return report(context, session, where, {
    trigger: 'EVCommunicationLost',
    loses: lost,
    forceEnd: side === 'ev',
    stoppedReason: 'EVDisconnected',
  });
}

export interface Presented {
  /** Absent when the station accepted the token locally (LocalPreAuthorize, or offline). */
  authorize?: AuthorizeResponse;
  accepted: boolean;
  event?: Reported;
}

/**
 * The driver presents an idToken to start charging. The station asks the CSMS (AuthorizeRequest)
 * unless it may accept the token from its Local Authorization List or cache: when online with
 * AuthCtrlr.LocalPreAuthorize, when offline with AuthCtrlr.LocalAuthorizeOffline.
 */
export async function presentIdToken(context: SessionContext, where: Where, idToken: IdTokenType): Promise<Presented> {
  const { station } = context;
  const session = sessionOf(station, where.evseId);
  if (session.authorization) {
    throw new Error(`EVSE ${where.evseId} is already authorized by ${session.authorization.idToken}; present a token to stop instead`);
  }
  if (!station.availability.isOperative(where.evseId, where.connectorId)) {
    station.note(`EVSE ${where.evseId} is Inoperative: the station does not accept ${idToken.idToken} there (G03)`);
    return { accepted: false };
  }
  const local = localVerdict(station, idToken);
  let authorize: AuthorizeResponse | undefined;
  let accepted: boolean;
  let group: string | undefined;
  if (local) {
    accepted = true;
    group = local.groupIdToken?.idToken;
    station.note(`${idToken.idToken} accepted locally, without asking the CSMS`);
  } else if (!station.isConnected) {
    throw new Error(`the station is offline and cannot accept ${idToken.idToken} locally, so it cannot authorize it`);
  } else {
    authorize = await station.call('Authorize', { idToken });
    cacheIdTokenInfo(station, idToken, authorize.idTokenInfo);
    accepted = authorize.idTokenInfo.status === 'Accepted';
    group = authorize.idTokenInfo.groupIdToken?.idToken;
  }
  if (!accepted) return { authorize, accepted };
  if (!admits(station, where.evseId, idToken, group)) {
    station.note(`EVSE ${where.evseId} is reserved for someone else: the station does not accept ${idToken.idToken} there (H01)`);
    return { authorize, accepted: false };
  }
  session.authorization = idToken;
  session.authorizationGroup = group;
  session.stopAuthorized = false;
  session.rejection = undefined;
  const event = await report(context, session, where, { trigger: 'Authorized', reaches: ['Authorized'], idToken });
  return { authorize, accepted, event };
}

/**
 * The CSMS started the session remotely (F01, F02) with an idToken the station accepted, by asking
 * the CSMS first (AuthCtrlr.AuthorizeRemoteStart) or as it came. The remote start counts as the
 * authorization: it opens the transaction where TxStartPoint holds Authorized, else updates the one
 * the plug-in opened; either event names the idToken and the remoteStartId.
 */
export async function authorizeRemoteStart(
  context: SessionContext,
  where: Where,
  idToken: IdTokenType,
  group: string | undefined,
  remoteStartId: number,
): Promise<Reported | undefined> {
  const session = sessionOf(context.station, where.evseId);
  if (session.authorization) throw new Error(`EVSE ${where.evseId} is already authorized by ${session.authorization.idToken}`);
  session.authorization = idToken;
  session.authorizationGroup = group;
  session.stopAuthorized = false;
  session.rejection = undefined;
  return report(context, session, where, { trigger: 'RemoteStart', reaches: ['Authorized'], idToken, remoteStartId });
}

/**
 * The driver presents an idToken to stop (E07): the token that started the session, or another of
 * its group, which the station first has the CSMS authorize (C09). Without a token the stop comes
 * from the station itself (a stop button). The authorization ends; where TxStopPoint holds
 * Authorized or PowerPathClosed, the station opens its power path and the transaction ends.
 */
export async function authorizeStop(context: SessionContext, where: Where, idToken: IdTokenType | undefined): Promise<Presented> {
  const { station } = context;
  const session = sessionOf(station, where.evseId);
  if (!station.transactions.onEvse(where.evseId))
    throw new Error(`no transaction runs on EVSE ${where.evseId}, so there is nothing to stop`);
  let authorize: AuthorizeResponse | undefined;
  const starter = session.authorization;
  const sameToken = idToken && starter && idToken.idToken === starter.idToken && idToken.type === starter.type;
  if (idToken && !sameToken) {
    if (!station.isConnected)
      throw new Error(`the station is offline and cannot check whether ${idToken.idToken} may stop this transaction`);
    authorize = await station.call('Authorize', { idToken });
    const info = authorize.idTokenInfo;
    const sameGroup = info.groupIdToken?.idToken !== undefined && info.groupIdToken.idToken === session.authorizationGroup;
    if (info.status !== 'Accepted' || !sameGroup) return { authorize, accepted: false };
  }
  const lost = withdrawAuthorization(session, station);
  const event = await report(context, session, where, {
    trigger: 'StopAuthorized',
    loses: lost,
    stoppedReason: 'Local',
    ...(idToken ? { idToken } : {}),
  });
  return { authorize, accepted: true, event };
}

/**
 * The driver's authorization ends (a local or remote stop): the points the transaction loses, with
 * the power path opened when that ends the transaction.
 */
function withdrawAuthorization(session: EvseSession, station: ChargingStation): TxPoint[] {
  const lost: TxPoint[] = ['Authorized'];
  if (session.powerPathClosed) lost.push('PowerPathClosed');
  if (endsTransaction(txPointsOf(station.deviceModel), lost)) openPowerPath(session, station);
  session.authorization = undefined;
  session.stopAuthorized = true;
  return lost;
}

/** The station stops the transaction the CSMS asked it to stop with RequestStopTransaction (F03). */
export async function stopRemotely(context: SessionContext, where: Where): Promise<Reported | undefined> {
  const { station } = context;
  const session = sessionOf(station, where.evseId);
  const transaction = station.transactions.onEvse(where.evseId);
  if (!transaction) throw new Error(`no transaction runs on EVSE ${where.evseId}, so there is nothing to stop`);
  const asked = station
    .received()
    .some(
      (call) => call.action === 'RequestStopTransaction' && (call.payload as { transactionId?: string }).transactionId === transaction.id,
    );
  if (!asked)
    throw new Error(`the CSMS has not asked the station to stop transaction ${transaction.id} (no RequestStopTransactionRequest for it)`);
  const lost = withdrawAuthorization(session, station);
  return report(context, session, where, { trigger: 'RemoteStop', loses: lost, stoppedReason: 'Remote' });
}

/**
 * The CSMS answered the session's idToken with a status other than Accepted (E05, C12): the
 * station ends the transaction when TxCtrlr.StopTxOnInvalidId is true or TxStopPoint holds
 * Authorized; otherwise it stops offering energy and the transaction goes on.
 */
export async function deauthorize(context: SessionContext, where: Where): Promise<Reported | undefined> {
  const { station } = context;
  const session = sessionOf(station, where.evseId);
  if (!station.transactions.onEvse(where.evseId)) throw new Error(`no transaction runs on EVSE ${where.evseId}`);
  if (!session.rejection)
    throw new Error(`the CSMS has not rejected the idToken of the transaction on EVSE ${where.evseId}, so the station keeps it authorized`);
  const points = txPointsOf(station.deviceModel);
  const lost: TxPoint[] = ['Authorized'];
  if (session.powerPathClosed) lost.push('PowerPathClosed');
  const stopOnInvalid = deviceValue(station, 'TxCtrlr', 'StopTxOnInvalidId') !== 'false';
  if (stopOnInvalid || endsTransaction(points, lost)) openPowerPath(session, station);
  else if (session.evConnected) {
    session.chargingState = 'SuspendedEVSE';
    station.transactions.meterOf(where.evseId).setCharging(false);
  }
  session.authorization = undefined;
  return report(context, session, where, { trigger: 'Deauthorized', loses: lost, forceEnd: stopOnInvalid, stoppedReason: 'DeAuthorized' });
}

/** TxCtrlr.EVConnectionTimeOut passed without an EV: the authorization lapses and a started transaction ends (E03.FR.05). */
export async function expireEvConnection(context: SessionContext, where: Where): Promise<Reported | undefined> {
  const session = sessionOf(context.station, where.evseId);
  if (session.evConnected) throw new Error(`an EV is plugged in at EVSE ${where.evseId}; the connection timeout does not apply`);
  if (!session.authorization) throw new Error(`EVSE ${where.evseId} is not authorized; no connection timeout runs`);
  session.authorization = undefined;
  return report(context, session, where, { trigger: 'EVConnectTimeout', loses: ['Authorized'], forceEnd: true, stoppedReason: 'Timeout' });
}

/** The station closes its power path for the connected, authorized EV; no energy flows yet (SuspendedEVSE). */
export async function closePowerPath(context: SessionContext, where: Where): Promise<Reported | undefined> {
  const { station } = context;
  const session = sessionOf(station, where.evseId);
  requireEvConnected(session, 'cannot close the power path');
  if (authorizationRequired(station) && !session.authorization)
    throw new Error(`cannot close the power path: EVSE ${where.evseId} is not authorized`);
  session.powerPathClosed = true;
  session.chargingState = 'SuspendedEVSE';
  return report(context, session, where, { trigger: 'ChargingStateChanged', reaches: ['PowerPathClosed'] });
}

/** The meter delivers a signed reading (TxStartPoint DataSigned, E01.FR.04). */
export async function receiveSignedMeterData(context: SessionContext, where: Where): Promise<Reported | undefined> {
  const { station } = context;
  const session = sessionOf(station, where.evseId);
  requireEvConnected(session, 'no signed meter data');
  if (!session.charging) session.chargingState = 'SuspendedEVSE';
  const running = station.transactions.onEvse(where.evseId);
  const signedNow = running ? [running.meter.read('Other', ['Energy.Active.Import.Register'], true)] : [];
  return report(context, session, where, {
    trigger: 'SignedDataReceived',
    reaches: ['DataSigned'],
    signedStart: true,
    meterValue: signedNow,
  });
}

/** Energy flows to the EV; the power path closes with it when it was still open. */
export async function startEnergyTransfer(context: SessionContext, where: Where): Promise<Reported | undefined> {
  const { station } = context;
  const session = sessionOf(station, where.evseId);
  requireEvConnected(session, 'no energy can flow');
  if (authorizationRequired(station) && !session.authorization)
    throw new Error(`no energy can flow: EVSE ${where.evseId} is not authorized`);
  if (session.charging) return undefined;
  const reaches: TxPoint[] = ['EnergyTransfer'];
  if (!session.powerPathClosed) reaches.push('PowerPathClosed');
  session.powerPathClosed = true;
  session.chargingState = 'Charging';
  session.chargingSince = Date.now();
  station.transactions.meterOf(where.evseId).setCharging(true);
  return report(context, session, where, { trigger: 'ChargingStateChanged', reaches });
}

/** The EV stops taking energy, or is not ready to take any (SuspendedEV). */
export async function suspendByEv(context: SessionContext, where: Where): Promise<Reported | undefined> {
  const { station } = context;
  const session = sessionOf(station, where.evseId);
  requireEvConnected(session, 'cannot suspend');
  const lost: TxPoint[] = session.charging ? ['EnergyTransfer'] : [];
  session.chargingState = 'SuspendedEV';
  session.chargingSince = undefined;
  station.transactions.meterOf(where.evseId).setCharging(false);
  return report(context, session, where, { trigger: 'ChargingStateChanged', loses: lost, stoppedReason: 'StoppedByEV' });
}

/** The station stops the energy transfer after the stop was authorized; the EV stays plugged in. */
export async function stopEnergyTransfer(context: SessionContext, where: Where): Promise<Reported | undefined> {
  const { station } = context;
  const session = sessionOf(station, where.evseId);
  requireEvConnected(session, 'no energy transfer to stop');
  const lost: TxPoint[] = [];
  if (session.charging) lost.push('EnergyTransfer');
  if (session.powerPathClosed) lost.push('PowerPathClosed');
  openPowerPath(session, station);
  return report(context, session, where, { trigger: 'ChargingStateChanged', loses: lost, stoppedReason: 'Local' });
}

/** A periodic meter reading of the running transaction (SampledDataCtrlr.TxUpdatedMeasurands). */
export async function sampleMeter(context: SessionContext, where: Where): Promise<Reported | undefined> {
  const { station } = context;
  const transaction = station.transactions.onEvse(where.evseId);
  if (!transaction) throw new Error(`no transaction runs on EVSE ${where.evseId}, so there is nothing to sample`);
  const measurands = (deviceValue(station, 'SampledDataCtrlr', 'TxUpdatedMeasurands') ?? '').split(',');
  const meterValue = [transaction.meter.read('Sample.Periodic', measurands)];
  return report(context, sessionOf(station, where.evseId), where, { trigger: 'MeterValuePeriodic', meterValue });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until energy has flowed for `durationMs` (counted from when it began). */
export async function chargeUntil(context: SessionContext, where: Where, durationMs: number): Promise<void> {
  const session = sessionOf(context.station, where.evseId);
  if (!session.charging || session.chargingSince === undefined) throw new Error(`the EV at EVSE ${where.evseId} is not charging`);
  await sleep(Math.max(0, session.chargingSince + durationMs - Date.now()));
}

/** Energy flows for `durationMs` while the station samples the meter every `intervalMs` (SampledDataCtrlr.TxUpdatedInterval). */
export async function chargeWithSamples(context: SessionContext, where: Where, durationMs: number, intervalMs: number): Promise<number> {
  const session = sessionOf(context.station, where.evseId);
  if (!session.charging) throw new Error(`the EV at EVSE ${where.evseId} is not charging`);
  if (intervalMs <= 0) throw new Error('the sampling interval must be > 0');
  const start = Date.now();
  const samples = Math.floor(durationMs / intervalMs);
  // Each sample at its own moment from the start, so that waiting does not add up drift.
  for (let sample = 1; sample <= samples; sample++) {
    await sleep(Math.max(0, start + sample * intervalMs - Date.now()));
    await sampleMeter(context, where);
  }
  await sleep(Math.max(0, start + durationMs - Date.now()));
  return samples;
}
