import type { CsmsToStationAction, RequestOf } from '../../../kernel/ocpp/actions';
import type { InboundCallInfo, Reply } from '../../../kernel/ocpp/rpc';

export type StationReply<A extends CsmsToStationAction> = (request: RequestOf<A>, info: InboundCallInfo) => Reply<A> | Promise<Reply<A>>;

/** Default answers of one functional area, by action. */
export type StationReplies = { [A in CsmsToStationAction]?: StationReply<A> };
