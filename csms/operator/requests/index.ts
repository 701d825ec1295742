import { mergeAreas } from '../../../kernel/area-registry';
import { CSMS_TO_STATION_ACTIONS, type CsmsToStationAction } from '../../../kernel/ocpp/actions';
import type { RequestBuilder, RequestBuilders, ResponseObserver, ResponseObservers } from '../builder-context';
import { authorizationRequests, authorizationResponses } from './authorization';
import { otherBlockRequests } from './other-blocks';
import { provisioningRequests } from './provisioning';
import { securityRequests, securityResponses } from './security';
import { transactionRequests } from './transactions';

const AREAS: readonly RequestBuilders[] = [
  provisioningRequests,
  securityRequests,
  authorizationRequests,
  transactionRequests,
  otherBlockRequests,
];

/** A builder for every CSMS→CS action of OCPP 2.0.1. */
export function allRequestBuilders(): Map<CsmsToStationAction, RequestBuilder<CsmsToStationAction>> {
  return mergeAreas(AREAS, 'operator request builder', CSMS_TO_STATION_ACTIONS) as Map<
    CsmsToStationAction,
    RequestBuilder<CsmsToStationAction>
  >;
}

const OBSERVERS: readonly ResponseObservers[] = [authorizationResponses, securityResponses];

/** What the CSMS learns from the answers to the requests it sends, by action. */
export function allResponseObservers(): Map<CsmsToStationAction, ResponseObserver<CsmsToStationAction>> {
  return mergeAreas(OBSERVERS, 'response observer') as Map<CsmsToStationAction, ResponseObserver<CsmsToStationAction>>;
}
