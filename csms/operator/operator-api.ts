import { type CsmsToStationAction, CSMS_TO_STATION_ACTIONS } from '../../kernel/ocpp/actions';
import { CallErrorReceived, CallTimeoutError, SchemaViolationError } from '../../kernel/ocpp/errors';
import type { OperatorRequest, OperatorResult } from '../../kernel/operator/contract';
import { isConfigurationAction } from '../../kernel/operator/contract';
import { BadOperatorRequest, type BuilderContext } from './builder-context';
import { allConfigureActions, allRequestBuilders, allResponseObservers } from '../areas';

/** Why the operator API could not do what it was asked, with the HTTP status it maps to. */
export class OperatorApiError extends Error {
  constructor(
    readonly httpStatus: 400 | 404 | 409 | 422 | 502 | 504,
    message: string,
  ) {
    super(message);
    this.name = 'OperatorApiError';
  }
}

const BUILDERS = allRequestBuilders();
const OBSERVERS = allResponseObservers();
const SETTINGS = allConfigureActions();

function isCsmsAction(action: string): action is CsmsToStationAction {
  return (CSMS_TO_STATION_ACTIONS as readonly string[]).includes(action);
}

export function validateOperatorRequest(body: unknown): OperatorRequest {
  if (typeof body !== 'object' || body === null) throw new OperatorApiError(400, 'the body must be a JSON object');
  const { action, stationId, params = {}, instruction = '' } = body as Record<string, unknown>;
  if (typeof action !== 'string' || action === '') throw new OperatorApiError(400, '"action" must be a non-empty string');
  if (typeof stationId !== 'string' || stationId === '') throw new OperatorApiError(400, '"stationId" must be a non-empty string');
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw new OperatorApiError(400, '"params" must be a JSON object');
  return { action, stationId, params: params as Record<string, unknown>, instruction: String(instruction) };
}

/**
 * Does what an operator at the reference CSMS would do: change a setting, or build the request(s)
 * for an OCPP action from the parameters, send them to the station and return its answer(s).
 */
export async function performOperatorRequest(
  request: OperatorRequest,
  contextOf: (stationId: string) => BuilderContext | undefined,
): Promise<OperatorResult> {
  const context = contextOf(request.stationId);
  if (!context) throw new OperatorApiError(404, `station ${request.stationId} is not registered at this CSMS`);
  try {
    if (isConfigurationAction(request.action)) {
      const setting = SETTINGS.get(request.action);
      if (!setting) throw new OperatorApiError(400, `unknown setting ${request.action}; known: ${[...SETTINGS.keys()].join(', ')}`);
      return { response: setting(request.params, context) };
    }
    if (!isCsmsAction(request.action)) {
      throw new OperatorApiError(400, `${request.action} is not an action a CSMS initiates (nor a Configure… setting)`);
    }
    const builder = BUILDERS.get(request.action);
    if (!builder) throw new OperatorApiError(400, `no builder for ${request.action}`);
    const session = context.session;
    if (!session || !session.connection.isOpen) throw new OperatorApiError(409, `station ${request.stationId} is not connected`);
    const built = await builder(request.params, context);
    const payloads = Array.isArray(built) ? built : [built];
    const responses: unknown[] = [];
    const observe = OBSERVERS.get(request.action);
    for (const payload of payloads) {
      const response = await session.connection.callUntyped(request.action, payload);
      observe?.(payload as never, response as never, context);
      responses.push(response);
    }
    return { response: responses.length === 1 ? responses[0] : responses };
  } catch (error) {
    if (error instanceof OperatorApiError) throw error;
    if (error instanceof BadOperatorRequest) throw new OperatorApiError(400, error.message);
    if (error instanceof SchemaViolationError)
      throw new OperatorApiError(422, `the request built from these params is invalid: ${error.problems.join('; ')}`);
    if (error instanceof CallErrorReceived) throw new OperatorApiError(502, error.message);
    if (error instanceof CallTimeoutError) throw new OperatorApiError(504, error.message);
    throw new OperatorApiError(502, (error as Error).message);
  }
}
