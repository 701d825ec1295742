import type { IdTokenType } from '../../../schemas/ocpp201-messages';
import { BadOperatorRequest, type RequestBuilders, type ResponseObservers, mergeParams } from '../../operator/builder-context';
import type { StationRecord } from '../../store';
import { RESERVATIONS } from './state';

const inOneHour = (): string => new Date(Date.now() + 3_600_000).toISOString();

function activeReservations(station: StationRecord): number[] {
  return [...station.areaState.of(RESERVATIONS).values()]
    .filter((reservation) => reservation.status === 'Active')
    .map((reservation) => reservation.id);
}

export const requests: RequestBuilders = {
  /**
   * { idToken?, evseId?, connectorType?, groupIdToken?, expiryDateTime? }: a new reservation id of
   * the CSMS's own; the configured valid idToken and an hour's validity unless the operator says.
   */
  ReserveNow: (params, { store, config, station }) => {
    const expiry = params.expiryDateTime;
    if (expiry !== undefined && (typeof expiry !== 'string' || Number.isNaN(Date.parse(expiry)))) {
      throw new BadOperatorRequest('expiryDateTime must be an ISO 8601 date-time');
    }
    const evseId = params.evseId;
    if (evseId !== undefined && !station.evses.some((evse) => evse.id === evseId)) {
      throw new BadOperatorRequest(`station ${station.id} has no EVSE ${String(evseId)}`);
    }
    return mergeParams(
      {
        id: store.nextRequestId(),
        expiryDateTime: inOneHour(),
        idToken: { idToken: config.VALID_ID_TOKEN, type: config.VALID_ID_TOKEN_TYPE } as IdTokenType,
      },
      params,
    );
  },
  /**
   * { reservationId? }: the reservation the operator names (the station's answer says whether it
   * holds it); without one, the latest this CSMS made there that is still active.
   */
  CancelReservation: (params, { station }) => {
    const reservationId = (params.reservationId as number | undefined) ?? activeReservations(station).at(-1);
    if (reservationId === undefined) throw new BadOperatorRequest(`station ${station.id} holds no reservation of this CSMS to cancel`);
    return mergeParams({ reservationId }, params);
  },
};

/** The CSMS keeps the reservations the station accepted, and drops the ones it cancelled. */
export const responses: ResponseObservers = {
  ReserveNow: (request, response, { station }) => {
    if (response.status !== 'Accepted') return;
    station.areaState.of(RESERVATIONS).set(request.id, {
      id: request.id,
      ...(request.evseId === undefined ? {} : { evseId: request.evseId }),
      ...(request.connectorType === undefined ? {} : { connectorType: request.connectorType }),
      idToken: request.idToken,
      ...(request.groupIdToken ? { groupIdToken: request.groupIdToken } : {}),
      expiryDateTime: request.expiryDateTime,
      status: 'Active',
    });
  },
  CancelReservation: (request, response, { station }) => {
    const reservation = station.areaState.of(RESERVATIONS).get(request.reservationId);
    if (reservation && response.status === 'Accepted') reservation.status = 'Cancelled';
  },
};
