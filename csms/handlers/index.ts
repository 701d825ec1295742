import { mergeAreas } from '../../kernel/area-registry';
import { STATION_TO_CSMS_ACTIONS, type StationToCsmsAction } from '../../kernel/ocpp/actions';
import { authorizationHandlers } from './authorization';
import { dataTransferHandlers } from './data-transfer';
import type { CsmsHandler, CsmsHandlers } from './handler-context';
import { provisioningHandlers } from './provisioning';
import { reportingHandlers } from './reporting';
import { securityHandlers } from './security';
import { transactionHandlers } from './transactions';

const AREAS: readonly CsmsHandlers[] = [
  provisioningHandlers,
  authorizationHandlers,
  transactionHandlers,
  securityHandlers,
  reportingHandlers,
  dataTransferHandlers,
];

/** Every CS→CSMS action of OCPP 2.0.1, answered by the reference CSMS; an area may not redefine another's. */
export function allHandlers(): Map<StationToCsmsAction, CsmsHandler<StationToCsmsAction>> {
  return mergeAreas(AREAS, 'CSMS handler', STATION_TO_CSMS_ACTIONS) as Map<StationToCsmsAction, CsmsHandler<StationToCsmsAction>>;
}
