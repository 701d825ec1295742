import type { OperationalStatusEnumType } from '../../../schemas/ocpp201-messages';
import {
  BadOperatorRequest,
  type RequestBuilders,
  type ResponseObservers,
  mergeParams,
  requireParam,
} from '../../operator/builder-context';
import type { StationRecord } from '../../store';
import { AVAILABILITY } from './state';

const STATUSES: readonly OperationalStatusEnumType[] = ['Operative', 'Inoperative'];

/** The scope key a ChangeAvailability applies to, as the store keeps it. */
export function availabilityScope(evse: { id: number; connectorId?: number } | undefined): string {
  if (!evse || evse.id === 0) return 'station';
  return evse.connectorId === undefined ? `evse ${evse.id}` : `connector ${evse.id}/${evse.connectorId}`;
}

function knows(station: StationRecord, evse: { id: number; connectorId?: number } | undefined): boolean {
  if (!evse || evse.id === 0) return true;
  const known = station.evses.find((candidate) => candidate.id === evse.id);
  return known !== undefined && (evse.connectorId === undefined || known.connectorIds.includes(evse.connectorId));
}

export const requests: RequestBuilders = {
  /** { operationalStatus, evse?: { id, connectorId? } }: the whole station, one EVSE or one connector. */
  ChangeAvailability: (params, { station }) => {
    const operationalStatus = requireParam<OperationalStatusEnumType>(params, 'operationalStatus', 'ChangeAvailability');
    if (!STATUSES.includes(operationalStatus)) throw new BadOperatorRequest(`operationalStatus must be one of ${STATUSES.join(', ')}`);
    const evse = params.evse as { id: number; connectorId?: number } | undefined;
    if (!knows(station, evse)) throw new BadOperatorRequest(`station ${station.id} has no ${availabilityScope(evse)}`);
    return mergeParams({ operationalStatus }, params);
  },
};

/** What the CSMS keeps of the answer: the status the station took on, or will once its transaction ends. */
export const responses: ResponseObservers = {
  ChangeAvailability: (request, response, { station }) => {
    if (response.status === 'Rejected') return;
    station.areaState.of(AVAILABILITY).set(availabilityScope(request.evse), {
      status: request.operationalStatus,
      scheduled: response.status === 'Scheduled',
    });
  },
};
