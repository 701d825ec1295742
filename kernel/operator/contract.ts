import type { CsmsToStationAction, RequestOf } from '../ocpp/actions';
import { OperatorUnable } from '../verdicts';

/**
 * The operator contract: how the suite makes the CSMS act first (the catalog's `manual_action`).
 * One request shape, three implementations: a person at a prompt (manual), an HTTP hook into the
 * user's CSMS (http), and the built-in reference CSMS (embedded).
 */

/** What the CSMS must do. The same JSON goes to every implementation. */
export interface OperatorRequest {
  /**
   * An OCPP action the CSMS must initiate towards the station ("Reset", "GetVariables", …), or a
   * CSMS setting to change first, prefixed "Configure" ("ConfigureBootNotificationResponse", …).
   */
  action: string;
  /** The station the action concerns. */
  stationId: string;
  /**
   * For OCPP actions: the request fields the CSMS must use (paths as in the OCPP message; anything
   * not given is the CSMS's own choice, e.g. requestId). For Configure actions: the setting.
   */
  params: Record<string, unknown>;
  /** The same, in words, for a person at the CSMS. */
  instruction: string;
}

export interface OperatorResult {
  /** The station's answer, when the operator waited for it (http and embedded may). */
  response?: unknown;
}

export type OperatorKind = 'manual' | 'http' | 'embedded';

export interface CsmsOperator {
  readonly kind: OperatorKind;
  /**
   * Asks the CSMS to act. Resolves once the operator has done its part (for an OCPP action, the
   * suite then waits for the message itself); rejects with a readable reason when it cannot.
   */
  perform(request: OperatorRequest): Promise<OperatorResult>;
}

/**
 * The operator could not do what the scenario asked: the suite cannot judge the CSMS, so the
 * scenario is inconclusive (an OperatorUnable), not failed.
 */
export class OperatorError extends OperatorUnable {
  constructor(
    readonly request: OperatorRequest,
    reason: string,
  ) {
    super(request.action, `${reason} (station ${request.stationId})`);
  }
}

/** True for the "Configure…" actions that change a CSMS setting instead of sending a message. */
export function isConfigurationAction(action: string): boolean {
  return action.startsWith('Configure');
}

/** Any part of T, at any depth: what the operator says of a request, the CSMS chooses the rest. */
export type DeepPartial<T> =
  T extends ReadonlyArray<infer E> ? ReadonlyArray<DeepPartial<E>> : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/**
 * The fields the CSMS must use in the request it initiates, typed by that request's schema; a step
 * whose params come from a Gherkin table is checked at run time instead (the CSMS's request is
 * schema-validated when it arrives).
 */
export type OperatorParams<A extends CsmsToStationAction> = DeepPartial<RequestOf<A>>;
