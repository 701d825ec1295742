/**
 * The station's reservations (H01-H04) and what they do to its connectors. An EVSE-specific
 * reservation makes the EVSE's connectors Reserved; reservations without an EVSE (of a connector
 * type, or of any) make every EVSE that could serve them Reserved once there are as many of them as
 * such EVSEs are free (TC_H_14). A reserved EVSE admits only the reservation's idToken
 * or its group (H03); the reservation ends when it expires (ReservationStatusUpdate Expired, H04),
 * when the CSMS cancels it (H02), when its EVSE becomes Faulted or Unavailable (Removed, H01) or when
 * its transaction starts (the Started event carries its id). Every connector
 * status change and ReservationStatusUpdate is owed, to be sent by the scenario's explicit steps.
 */
import type {
  CancelReservationStatusEnumType,
  ConnectorStatusEnumType,
  IdTokenType,
  ReserveNowRequest,
  ReserveNowStatusEnumType,
} from '../../../../schemas/ocpp201-messages';
import type { ChargingStation } from '../../core/charging-station';
import type { Evse } from '../../core/topology';
import { RESERVATIONS, type Reservation, type ReservationBook, type ReservationEnd } from './state';

const sameToken = (a: IdTokenType | undefined, b: IdTokenType | undefined): boolean =>
  a !== undefined && b !== undefined && a.idToken === b.idToken && a.type === b.type;

function book(station: ChargingStation): ReservationBook {
  return station.state(RESERVATIONS);
}

function endOf(station: ChargingStation, id: number): { ended: Promise<ReservationEnd>; end(how: ReservationEnd): void } {
  const { ends } = book(station);
  let entry = ends.get(id);
  if (!entry) {
    let end: (how: ReservationEnd) => void = () => undefined;
    const ended = new Promise<ReservationEnd>((resolve) => (end = resolve));
    entry = { ended, end };
    ends.set(id, entry);
  }
  return entry;
}

/** An EVSE that could take a new customer now: operative, no transaction, no fault, no EV plugged in. */
function isFree(station: ChargingStation, evse: Evse): boolean {
  if (!station.availability.isOperative(evse.id) || station.transactions.onEvse(evse.id)) return false;
  return evse.connectors.some((connector) => connector.status === 'Available' || connector.status === 'Reserved');
}

function serves(evse: Evse, connectorType: string | undefined): boolean {
  return connectorType === undefined || evse.connectors.some((connector) => connector.type === connectorType);
}

/** The EVSEs the reservations now hold back from other customers. */
export function reservedEvses(station: ChargingStation, held: readonly Reservation[] = book(station).held): Set<number> {
  const { evses } = station.topology;
  const reserved = new Set<number>();
  for (const reservation of held) if (reservation.evseId !== undefined) reserved.add(reservation.evseId);
  const open = held.filter((reservation) => reservation.evseId === undefined);
  for (const connectorType of new Set(open.map((reservation) => reservation.connectorType))) {
    const wanting = open.filter((reservation) => reservation.connectorType === undefined || reservation.connectorType === connectorType);
    const candidates = evses.filter((evse) => !reserved.has(evse.id) && isFree(station, evse) && serves(evse, connectorType));
    if (wanting.length >= candidates.length) for (const evse of candidates) reserved.add(evse.id);
  }
  return reserved;
}

/** Brings the connectors' Reserved/Available status in line with the reservations; the changes are owed. */
function refreshConnectors(station: ChargingStation, because: string): void {
  const reserved = reservedEvses(station);
  for (const evse of station.topology.evses) {
    for (const connector of evse.connectors) {
      let status: ConnectorStatusEnumType | undefined;
      if (connector.status === 'Available' && reserved.has(evse.id) && isFree(station, evse)) status = 'Reserved';
      else if (connector.status === 'Reserved' && !reserved.has(evse.id)) status = 'Available';
      if (status) station.oweConnectorStatus(evse.id, connector.id, status, because);
    }
  }
}

/** Why an EVSE cannot take a reservation now, as ReserveNowResponse says it; undefined when it can. */
function refusalAt(station: ChargingStation, evse: Evse, id: number): ReserveNowStatusEnumType | undefined {
  if (!station.availability.isOperative(evse.id)) return 'Unavailable';
  if (evse.connectors.every((connector) => connector.status === 'Faulted')) return 'Faulted';
  if (station.transactions.onEvse(evse.id) || !isFree(station, evse)) return 'Occupied';
  const others = book(station).held.filter((reservation) => reservation.id !== id);
  return reservedEvses(station, others).has(evse.id) ? 'Occupied' : undefined;
}

/** The most telling refusal when no EVSE that serves the type is free. */
function refusalOfAll(station: ChargingStation, evses: readonly Evse[]): ReserveNowStatusEnumType {
  const refusals = evses.map((evse) => refusalAt(station, evse, -1) ?? 'Occupied');
  if (refusals.every((refusal) => refusal === 'Unavailable')) return 'Unavailable';
  if (refusals.every((refusal) => refusal === 'Faulted')) return 'Faulted';
  return 'Occupied';
}

function release(station: ChargingStation, reservation: Reservation, how: ReservationEnd): void {
  const { held } = book(station);
  const index = held.indexOf(reservation);
  if (index < 0) return;
  held.splice(index, 1);
  reservation.expiry.cancel();
  endOf(station, reservation.id).end(how);
  station.note(`reservation ${reservation.id} ends: ${how}`);
}

/**
 * A ReserveNowRequest (H01). Rejected when reservations are off (ReservationCtrlr.Enabled false),
 * or without evseId when ReservationCtrlr.NonEvseSpecific is not true, or for an EVSE or connector
 * type the station does not have; Unavailable, Faulted or Occupied as the EVSE (or every EVSE that
 * could serve it) is; Accepted otherwise. A reservation with the id of one held replaces it (H01).
 */
export function reserve(station: ChargingStation, request: ReserveNowRequest): ReserveNowStatusEnumType {
  const { deviceModel, topology } = station;
  if (deviceModel.value('ReservationCtrlr', 'Enabled') !== 'true') return 'Rejected';
  const { held } = book(station);
  const previous = held.find((reservation) => reservation.id === request.id);
  const others = held.filter((reservation) => reservation !== previous);
  if (request.evseId !== undefined) {
    if (!topology.hasEvse(request.evseId)) return 'Rejected';
    const evse = topology.evse(request.evseId);
    if (!serves(evse, request.connectorType)) return 'Rejected';
    const refusal = refusalAt(station, evse, request.id);
    if (refusal) return refusal;
  } else {
    if (deviceModel.value('ReservationCtrlr', 'NonEvseSpecific') !== 'true') return 'Rejected';
    const serving = topology.evses.filter((evse) => serves(evse, request.connectorType));
    if (serving.length === 0) return 'Rejected';
    const specific = new Set(others.flatMap((reservation) => (reservation.evseId === undefined ? [] : [reservation.evseId])));
    const free = serving.filter((evse) => isFree(station, evse) && !specific.has(evse.id));
    const wanting = others.filter(
      (reservation) =>
        reservation.evseId === undefined &&
        (reservation.connectorType === undefined || reservation.connectorType === request.connectorType),
    );
    if (free.length <= wanting.length) return free.length === 0 ? refusalOfAll(station, serving) : 'Occupied';
  }
  if (previous) release(station, previous, 'Cancelled');
  const reservation: Reservation = {
    id: request.id,
    ...(request.evseId === undefined ? {} : { evseId: request.evseId }),
    ...(request.connectorType === undefined ? {} : { connectorType: request.connectorType }),
    idToken: request.idToken,
    ...(request.groupIdToken ? { groupIdToken: request.groupIdToken } : {}),
    expiryDateTime: request.expiryDateTime,
    // The station's clock: the expiry timer ends with the station at the end of the scenario.
    expiry: station.clock.at(request.expiryDateTime, () => expire(station, request.id)),
  };
  book(station).ends.delete(request.id);
  held.push(reservation);
  refreshConnectors(station, `ReserveNow ${request.id} Accepted`);
  return 'Accepted';
}

/** A CancelReservationRequest (H02): Accepted for a reservation the station holds, which ends; Rejected otherwise. */
export function cancel(station: ChargingStation, reservationId: number): CancelReservationStatusEnumType {
  const reservation = book(station).held.find((candidate) => candidate.id === reservationId);
  if (!reservation) return 'Rejected';
  release(station, reservation, 'Cancelled');
  refreshConnectors(station, `CancelReservation ${reservationId} Accepted`);
  return 'Accepted';
}

/** expiryDateTime has come (H04): the reservation ends, its EVSE is free again, ReservationStatusUpdate Expired is owed. */
export function expire(station: ChargingStation, reservationId: number): void {
  const reservation = book(station).held.find((candidate) => candidate.id === reservationId);
  if (!reservation) return;
  release(station, reservation, 'Expired');
  const because = `reservation ${reservationId} expired at ${reservation.expiryDateTime}`;
  refreshConnectors(station, because);
  station.owed.owe('ReservationStatusUpdate', () => ({ reservationId, reservationUpdateStatus: 'Expired' }), because);
}

/**
 * An EVSE became Faulted or Unavailable: the reservations it can no longer serve end with
 * ReservationStatusUpdate Removed (H01): those for it, and open ones beyond what the other
 * EVSEs can still serve.
 */
export function evseLost(station: ChargingStation, evseId: number, why: string): void {
  const { held } = book(station);
  const lost = held.filter((reservation) => reservation.evseId === evseId);
  for (const reservation of [...held].reverse()) {
    if (reservation.evseId !== undefined || lost.includes(reservation)) continue;
    const others = held.filter((candidate) => candidate !== reservation && !lost.includes(candidate));
    const serving = station.topology.evses.filter((evse) => serves(evse, reservation.connectorType) && isFree(station, evse));
    const open = others.filter((candidate) => candidate.evseId === undefined);
    if (serving.length <= open.length) lost.push(reservation);
  }
  for (const reservation of lost) {
    release(station, reservation, 'Removed');
    station.owed.owe(
      'ReservationStatusUpdate',
      () => ({ reservationId: reservation.id, reservationUpdateStatus: 'Removed' }),
      `EVSE ${evseId} ${why}: reservation ${reservation.id} removed`,
    );
  }
  if (lost.length > 0) refreshConnectors(station, `EVSE ${evseId} ${why}`);
}

/** The reservation that holds the EVSE back for someone, if any: its own, or an open one when every free EVSE is held. */
export function reservationAt(station: ChargingStation, evseId: number): Reservation | undefined {
  const { held } = book(station);
  const own = held.find((reservation) => reservation.evseId === evseId);
  if (own) return own;
  if (!reservedEvses(station).has(evseId)) return undefined;
  return held.find((reservation) => reservation.evseId === undefined);
}

/** Whether the reservation is for this idToken, or for its group (H03: groupIdToken). */
export function isFor(reservation: Reservation, idToken: IdTokenType, groupIdToken: string | undefined): boolean {
  if (sameToken(reservation.idToken, idToken)) return true;
  return reservation.groupIdToken !== undefined && groupIdToken !== undefined && reservation.groupIdToken.idToken === groupIdToken;
}

/**
 * Whether a driver with this idToken (of this group) may charge at the EVSE: not when a reservation
 * holds it for someone else (H01: a reserved EVSE refuses other idTokens).
 */
export function admits(station: ChargingStation, evseId: number, idToken: IdTokenType, groupIdToken: string | undefined): boolean {
  const reservation = reservationAt(station, evseId);
  return reservation === undefined || isFor(reservation, idToken, groupIdToken);
}

/**
 * A transaction starts at the EVSE for this idToken: the reservation it uses (the EVSE's own, or
 * an open one it holds) ends, and its id goes in the Started event.
 */
export function claimReservation(
  station: ChargingStation,
  evseId: number,
  idToken: IdTokenType | undefined,
  groupIdToken: string | undefined,
): number | undefined {
  if (!idToken) return undefined;
  const { held } = book(station);
  const reservation =
    held.find((candidate) => candidate.evseId === evseId && isFor(candidate, idToken, groupIdToken)) ??
    held.find((candidate) => candidate.evseId === undefined && isFor(candidate, idToken, groupIdToken));
  if (!reservation) return undefined;
  release(station, reservation, 'Used');
  return reservation.id;
}

/** How the reservation ended, once it has; rejects after `timeoutMs` if it still holds. */
export async function reservationEnd(station: ChargingStation, reservationId: number, timeoutMs: number): Promise<ReservationEnd> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`reservation ${reservationId} of ${station.id} had not ended after ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([endOf(station, reservationId).ended, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The reservations the station holds now. */
export function heldReservations(station: ChargingStation): readonly Reservation[] {
  return book(station).held;
}
