import type { CsmsHandlers } from './handler-context';
import type { ConfigureActions, RequestBuilders, ResponseObservers } from './operator/builder-context';

/** A functional area of the reference CSMS, registered in csms/areas/index.ts. */
export interface CsmsArea {
  readonly name: string;
  handlers?: CsmsHandlers;
  requests?: RequestBuilders;
  responses?: ResponseObservers;
  settings?: ConfigureActions;
}
