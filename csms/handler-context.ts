import type { StationToCsmsAction, RequestOf, ResponseOf } from '../kernel/ocpp/actions';
import type { Config } from '../kernel/config';
import type { CsmsStore, StationRecord } from './store';
import type { StationSession } from './station-session';

/** What a handler of the reference CSMS may use: the store, the configuration, the station it talks to. */
export interface HandlerContext {
  store: CsmsStore;
  config: Config;
  station: StationRecord;
  session: StationSession;
}

export type CsmsHandler<A extends StationToCsmsAction> = (
  request: RequestOf<A>,
  context: HandlerContext,
) => ResponseOf<A> | Promise<ResponseOf<A>>;

/** Handlers of one functional area, by action. */
export type CsmsHandlers = { [A in StationToCsmsAction]?: CsmsHandler<A> };
