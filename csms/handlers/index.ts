import type { StationToCsmsAction } from '../../support/ocpp/actions';
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

/** Every CS→CSMS action the reference CSMS answers, by action; an area may not redefine another's. */
export function allHandlers(): Map<StationToCsmsAction, CsmsHandler<StationToCsmsAction>> {
  const merged = new Map<StationToCsmsAction, CsmsHandler<StationToCsmsAction>>();
  for (const area of AREAS) {
    for (const [action, handler] of Object.entries(area) as Array<[StationToCsmsAction, CsmsHandler<StationToCsmsAction>]>) {
      if (merged.has(action)) throw new Error(`two handler areas answer ${action}`);
      merged.set(action, handler);
    }
  }
  return merged;
}
