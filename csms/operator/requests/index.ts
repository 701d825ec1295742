import type { CsmsToStationAction } from '../../../support/ocpp/actions';
import { CSMS_TO_STATION_ACTIONS } from '../../../support/ocpp/actions';
import type { RequestBuilder, RequestBuilders, ResponseObserver, ResponseObservers } from '../builder-context';
import { authorizationRequests, authorizationResponses } from './authorization';
import { otherBlockRequests } from './other-blocks';
import { provisioningRequests } from './provisioning';
import { securityRequests } from './security';
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
  const merged = new Map<CsmsToStationAction, RequestBuilder<CsmsToStationAction>>();
  for (const area of AREAS) {
    for (const [action, builder] of Object.entries(area) as Array<[CsmsToStationAction, RequestBuilder<CsmsToStationAction>]>) {
      if (merged.has(action)) throw new Error(`two request areas build ${action}`);
      merged.set(action, builder);
    }
  }
  const missing = CSMS_TO_STATION_ACTIONS.filter((action) => !merged.has(action));
  if (missing.length > 0) throw new Error(`no operator request builder for ${missing.join(', ')}`);
  return merged;
}

const OBSERVERS: readonly ResponseObservers[] = [authorizationResponses];

/** What the CSMS learns from the answers to the requests it sends, by action. */
export function allResponseObservers(): Map<CsmsToStationAction, ResponseObserver<CsmsToStationAction>> {
  const merged = new Map<CsmsToStationAction, ResponseObserver<CsmsToStationAction>>();
  for (const area of OBSERVERS) {
    for (const [action, observer] of Object.entries(area) as Array<[CsmsToStationAction, ResponseObserver<CsmsToStationAction>]>) {
      if (merged.has(action)) throw new Error(`two areas observe ${action}`);
      merged.set(action, observer);
    }
  }
  return merged;
}
