/**
 * The station's default, spec-correct answer to every CSMS request of OCPP 2.0.1, one file per
 * functional area. A default only answers and updates the station's own state; what a station sends
 * afterwards (a NotifyReport, a StatusNotification, a BootNotification after a reset) is a step of
 * the scenario, so that it is visible in the Gherkin as it is in the OCTT's numbered steps.
 */
import { mergeAreas } from '../../../kernel/area-registry';
import { CSMS_TO_STATION_ACTIONS, type CsmsToStationAction } from '../../../kernel/ocpp/actions';
import type { ChargingStation } from '../charging-station';
import { authorizationReplies } from './authorization';
import { otherBlockReplies } from './other-blocks';
import { provisioningReplies } from './provisioning';
import { securityReplies } from './security';
import type { StationReply } from './station-replies';
import { transactionReplies } from './transactions';

export type DefaultReplies = { [A in CsmsToStationAction]: StationReply<A> };

export function defaultReplies(station: ChargingStation): DefaultReplies {
  const areas = [provisioningReplies, securityReplies, authorizationReplies, transactionReplies, otherBlockReplies].map((area) =>
    area(station),
  );
  return Object.fromEntries(mergeAreas(areas, 'default answer of the station', CSMS_TO_STATION_ACTIONS)) as DefaultReplies;
}
