/**
 * Remote start (F01 cable plugged in first, F02 remote start first) on the station's charging
 * session model: the answer to RequestStartTransaction follows from the EVSE's state; acting on it
 * (the AuthorizeRequest of AuthCtrlr.AuthorizeRemoteStart, the RemoteStart event) is the scenario's
 * explicit step; the EV connection timeout counts from the remote authorization.
 */
import type {
  AuthorizeResponse,
  RequestStartTransactionRequest,
  RequestStartTransactionResponse,
} from '../../../../schemas/ocpp201-messages';
import { cacheIdTokenInfo } from '../authorization/lists';
import type { ChargingStation } from '../../core/charging-station';
import { admits } from '../reservation/reservations';
import { adoptRemoteStartProfile } from '../smart-charging/remote-start';
import {
  type Reported,
  type SessionContext,
  type Where,
  authorizeRemoteStart,
  expireEvConnection,
  sessionOf,
} from '../transactions/session';
import { REMOTE_STARTS, type RemoteStart } from './state';

function rejected(additionalInfo: string, reasonCode = 'InvalidValue'): RequestStartTransactionResponse {
  return { status: 'Rejected', statusInfo: { reasonCode, additionalInfo } };
}

/** Why an EVSE cannot take a remote start now, or undefined when it can. */
function obstacle(station: ChargingStation, evseId: number, request: RequestStartTransactionRequest): string | undefined {
  const evse = station.topology.evse(evseId);
  if (station.topology.operationalStatus !== 'Operative' || evse.operationalStatus !== 'Operative') return `EVSE ${evseId} is Inoperative`;
  const session = sessionOf(station, evseId);
  if (session.authorization) return `EVSE ${evseId} is already authorized by ${session.authorization.idToken}`;
  const waiting = station.state(REMOTE_STARTS).find((start) => start.evseId === evseId && !start.settled);
  if (waiting) return `EVSE ${evseId} is still carrying out remote start ${waiting.remoteStartId}`;
  if (!admits(station, evseId, request.idToken, request.groupIdToken?.idToken)) return `EVSE ${evseId} is reserved for another idToken`;
  return undefined;
}

/**
 * The EVSE a request without evseId goes to: the one where an EV waits for authorization, else the
 * first free one.
 */
function chooseEvse(station: ChargingStation, request: RequestStartTransactionRequest): number | undefined {
  const free = station.topology.evses.filter((evse) => obstacle(station, evse.id, request) === undefined);
  return (free.find((evse) => sessionOf(station, evse.id).evConnected) ?? free[0])?.id;
}

/** The answer to RequestStartTransaction; an accepted start is kept until the scenario's step acts on it. */
export function answerRemoteStart(station: ChargingStation, request: RequestStartTransactionRequest): RequestStartTransactionResponse {
  if (request.evseId !== undefined && !station.topology.hasEvse(request.evseId)) {
    return rejected(`the station has no EVSE ${request.evseId}`, 'UnknownEvse');
  }
  const profile = request.chargingProfile;
  // K05: a charging profile sent with a remote start is the profile of that transaction only.
  if (profile && profile.chargingProfilePurpose !== 'TxProfile') {
    return rejected(`the chargingProfile of a remote start must be a TxProfile, not ${profile.chargingProfilePurpose}`);
  }
  const evseId = request.evseId ?? chooseEvse(station, request);
  if (evseId === undefined) return rejected('no EVSE of the station is free for a remote start', 'NoAvailableEvse');
  const reason = obstacle(station, evseId, request);
  if (reason) return rejected(reason);
  const running = station.transactions.onEvse(evseId);
  station.state(REMOTE_STARTS).push({
    remoteStartId: request.remoteStartId,
    idToken: request.idToken,
    groupIdToken: request.groupIdToken,
    evseId,
    chargingProfile: profile,
    transactionId: running?.id,
    settled: false,
    evConnectionDeadline: undefined,
  });
  station.note(`remote start ${request.remoteStartId} for ${request.idToken.idToken} accepted on EVSE ${evseId}`);
  return { status: 'Accepted', ...(running ? { transactionId: running.id } : {}) };
}

/** The remote start kept for a transaction (its chargingProfile is the request's, for block K). */
export function remoteStartOf(station: ChargingStation, transactionId: string): RemoteStart | undefined {
  return station.state(REMOTE_STARTS).find((start) => start.transactionId === transactionId);
}

export interface RemoteStartOutcome {
  start: RemoteStart;
  /** Present when AuthCtrlr.AuthorizeRemoteStart made the station ask the CSMS first. */
  authorize?: AuthorizeResponse;
  accepted: boolean;
  event?: Reported;
}

/** The oldest accepted remote start the station has not acted on yet. */
function nextUnsettled(station: ChargingStation): RemoteStart {
  const start = station.state(REMOTE_STARTS).find((candidate) => !candidate.settled);
  if (!start) throw new Error('the station has accepted no RequestStartTransactionRequest it has not acted on yet');
  return start;
}

/**
 * The station acts on the remote start it accepted: with AuthCtrlr.AuthorizeRemoteStart it first
 * asks the CSMS about the idToken as if presented locally (F01.FR.01) and drops the start unless it
 * is Accepted; without, the remote start is the authorization (F01.FR.02).
 */
export async function carryOutRemoteStart(context: SessionContext, connectorOf: (evseId: number) => number): Promise<RemoteStartOutcome> {
  const { station } = context;
  const start = nextUnsettled(station);
  const where: Where = { evseId: start.evseId, connectorId: connectorOf(start.evseId) };
  start.settled = true;
  let authorize: AuthorizeResponse | undefined;
  let group = start.groupIdToken?.idToken;
  if (station.deviceModel.value('AuthCtrlr', 'AuthorizeRemoteStart') === 'true') {
    authorize = await station.call('Authorize', { idToken: start.idToken });
    cacheIdTokenInfo(station, start.idToken, authorize.idTokenInfo);
    if (authorize.idTokenInfo.status !== 'Accepted') {
      station.note(`remote start ${start.remoteStartId} dropped: the CSMS answered ${authorize.idTokenInfo.status} for its idToken`);
      return { start, authorize, accepted: false };
    }
    group = authorize.idTokenInfo.groupIdToken?.idToken ?? group;
  }
  const event = await authorizeRemoteStart(context, where, start.idToken, group, start.remoteStartId);
  if (event) start.transactionId = event.transaction.id;
  // K05: the request's profile is now the TxProfile of the transaction it started (or joined).
  const transaction = start.transactionId === undefined ? undefined : station.transactions.byId(start.transactionId);
  if (start.chargingProfile && transaction) adoptRemoteStartProfile(station, transaction, start.chargingProfile);
  if (!sessionOf(station, start.evseId).evConnected) {
    const seconds = Number(station.deviceModel.value('TxCtrlr', 'EVConnectionTimeOut') ?? '0');
    start.evConnectionDeadline = station.clock.timestampIn(seconds);
  }
  return { start, authorize, accepted: true, event };
}

/**
 * No EV is plugged in after the remote start: TxCtrlr.EVConnectionTimeOut, counted from the remote
 * authorization, runs out on the station's clock; the station then ends the authorization and the
 * transaction it opened (C01.FR.26, E03.FR.05: Ended, EVConnectTimeout, stoppedReason Timeout).
 */
export async function awaitEvConnectionTimeout(context: SessionContext, where: Where): Promise<Reported | undefined> {
  const { station } = context;
  const start = [...station.state(REMOTE_STARTS)].reverse().find((candidate) => candidate.evseId === where.evseId && candidate.settled);
  const deadline = start?.evConnectionDeadline;
  if (!start || !deadline) throw new Error(`no remote start authorized EVSE ${where.evseId} without an EV plugged in`);
  await new Promise<void>((resolve) => station.clock.at(deadline, resolve));
  if (sessionOf(station, where.evseId).evConnected) throw new Error(`an EV was plugged in at EVSE ${where.evseId} before the timeout`);
  start.evConnectionDeadline = undefined;
  return expireEvConnection(context, where);
}
