import type { CsmsToStationAction, RequestOf, ResponseOf } from '../../kernel/ocpp/actions';
import type { Config } from '../../kernel/config';
import type { CsmsStore, StationRecord } from '../store';
import type { StationSession } from '../station-session';
import type { TestPki } from '../../kernel/tls/test-pki';

/** What the operator API knows when it turns an operator request into OCPP requests. */
export interface BuilderContext {
  store: CsmsStore;
  config: Config;
  station: StationRecord;
  /** The station's connection, when it is connected. */
  session: StationSession | undefined;
  pki: TestPki;
  /** The CSMS's own endpoints (for SetNetworkProfile). */
  endpoints: { ws: string; wss: string };
}

export type Params = Record<string, unknown>;

/**
 * Builds the request(s) a real operator would have the CSMS send, from the operator's parameters.
 * More than one request when the CSMS must split (e.g. GetVariables beyond ItemsPerMessage); a
 * promise when the CSMS must first fetch something (a certificate it holds, the station's answer).
 */
export type RequestBuilder<A extends CsmsToStationAction> = (
  params: Params,
  context: BuilderContext,
) => RequestOf<A> | Array<RequestOf<A>> | Promise<RequestOf<A> | Array<RequestOf<A>>>;

export type RequestBuilders = { [A in CsmsToStationAction]?: RequestBuilder<A> };

/** What the CSMS learns from the station's answer to a request it sent (e.g. the local list version). */
export type ResponseObserver<A extends CsmsToStationAction> = (
  request: RequestOf<A>,
  response: ResponseOf<A>,
  context: BuilderContext,
) => void;

export type ResponseObservers = { [A in CsmsToStationAction]?: ResponseObserver<A> };

/** A "Configure…" action: changes a CSMS setting; returns what it now is. */
export type ConfigureAction = (params: Params, context: BuilderContext) => unknown;

export type ConfigureActions = Record<string, ConfigureAction>;

/** The operator gave parameters the CSMS cannot act on. */
export class BadOperatorRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadOperatorRequest';
  }
}

export function requireParam<T>(params: Params, name: string, action: string): T {
  if (params[name] === undefined) throw new BadOperatorRequest(`${action} needs the parameter "${name}"`);
  return params[name] as T;
}

/** `params` over `base`: objects merge key by key, anything else (lists included) replaces. */
export function mergeParams<T>(base: T, params: Params): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(params)) {
    const current = out[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current)
        ? mergeParams(current, value as Params)
        : value;
  }
  return out as T;
}

/** Splits a list into batches of at most `size` (the station's ItemsPerMessage). */
export function batches<T>(items: readonly T[], size: number | undefined): T[][] {
  if (!size || size <= 0 || items.length <= size) return [items.slice()];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
