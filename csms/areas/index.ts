/**
 * Every functional area of the reference CSMS, one folder each: its answers to the station's
 * messages (handlers), the requests it builds when the operator asks (requests), what it learns from
 * the station's answers (responses) and its "Configure…" settings. The core (listeners, admission,
 * sessions, store, operator API) knows no area; it takes these registries.
 */
import { mergeAreas } from '../../kernel/area-registry';
import {
  CSMS_TO_STATION_ACTIONS,
  type CsmsToStationAction,
  STATION_TO_CSMS_ACTIONS,
  type StationToCsmsAction,
} from '../../kernel/ocpp/actions';
import type { CsmsArea } from '../area';
import type { CsmsHandler } from '../handler-context';
import type { ConfigureAction, RequestBuilder, ResponseObserver } from '../operator/builder-context';
import { authorizationArea } from './authorization/area';
import { availabilityArea } from './availability/area';
import { certificatesArea } from './certificates/area';
import { dataTransferArea } from './data-transfer/area';
import { diagnosticsArea } from './diagnostics/area';
import { displayMessagesArea } from './display-messages/area';
import { firmwareArea } from './firmware/area';
import { provisioningArea } from './provisioning/area';
import { remoteControlArea } from './remote-control/area';
import { reservationArea } from './reservation/area';
import { securityArea } from './security/area';
import { smartChargingArea } from './smart-charging/area';
import { tariffCostArea } from './tariff-cost/area';
import { transactionsArea } from './transactions/area';

export const CSMS_AREAS: readonly CsmsArea[] = [
  authorizationArea,
  availabilityArea,
  certificatesArea,
  dataTransferArea,
  diagnosticsArea,
  displayMessagesArea,
  firmwareArea,
  provisioningArea,
  remoteControlArea,
  reservationArea,
  securityArea,
  smartChargingArea,
  tariffCostArea,
  transactionsArea,
];

/** Every CS→CSMS action of OCPP 2.0.1, answered by the reference CSMS; an area may not redefine another's. */
export function allHandlers(): Map<StationToCsmsAction, CsmsHandler<StationToCsmsAction>> {
  return mergeAreas(
    CSMS_AREAS.map((area) => area.handlers ?? {}),
    'CSMS handler',
    STATION_TO_CSMS_ACTIONS,
  ) as Map<StationToCsmsAction, CsmsHandler<StationToCsmsAction>>;
}

/** A builder for every CSMS→CS action of OCPP 2.0.1. */
export function allRequestBuilders(): Map<CsmsToStationAction, RequestBuilder<CsmsToStationAction>> {
  return mergeAreas(
    CSMS_AREAS.map((area) => area.requests ?? {}),
    'operator request builder',
    CSMS_TO_STATION_ACTIONS,
  ) as Map<CsmsToStationAction, RequestBuilder<CsmsToStationAction>>;
}

/** What the CSMS learns from the answers to the requests it sends, by action. */
export function allResponseObservers(): Map<CsmsToStationAction, ResponseObserver<CsmsToStationAction>> {
  return mergeAreas(
    CSMS_AREAS.map((area) => area.responses ?? {}),
    'response observer',
  ) as Map<CsmsToStationAction, ResponseObserver<CsmsToStationAction>>;
}

/** Every "Configure…" setting the operator API knows, by name. */
export function allConfigureActions(): Map<string, ConfigureAction> {
  return mergeAreas(
    CSMS_AREAS.map((area) => area.settings ?? {}),
    'setting',
  );
}
