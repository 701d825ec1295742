import type { RpcErrorCode } from './errors';

export const CALL = 2;
export const CALLRESULT = 3;
export const CALLERROR = 4;

/** The message id OCPP-J 2.0.1 prescribes for a CALLERROR when the offending message id cannot be read. */
export const UNREADABLE_MESSAGE_ID = '-1';
/** OCPP-J limits message ids to 36 characters. */
export const MAX_MESSAGE_ID_LENGTH = 36;

export interface CallFrame {
  type: typeof CALL;
  messageId: string;
  action: string;
  payload: unknown;
}
export interface CallResultFrame {
  type: typeof CALLRESULT;
  messageId: string;
  payload: unknown;
}
export interface CallErrorFrame {
  type: typeof CALLERROR;
  messageId: string;
  errorCode: string;
  errorDescription: string;
  errorDetails: unknown;
}
export type Frame = CallFrame | CallResultFrame | CallErrorFrame;

/** Why an inbound text could not be read as an OCPP-J frame, and the CALLERROR it deserves. */
export interface FramingProblem {
  /** The id to answer with: the frame's own when readable, else "-1". */
  messageId: string;
  code: RpcErrorCode;
  description: string;
  /** A malformed CALLRESULT/CALLERROR is dropped, never answered (an answer to an answer would loop). */
  answer: boolean;
}

export type ParseOutcome = { ok: true; frame: Frame } | { ok: false; problem: FramingProblem };

function problem(messageId: string, code: RpcErrorCode, description: string, answer = true): ParseOutcome {
  return { ok: false, problem: { messageId, code, description, answer } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseFrame(text: string): ParseOutcome {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return problem(UNREADABLE_MESSAGE_ID, 'RpcFrameworkError', `not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) {
    return problem(UNREADABLE_MESSAGE_ID, 'RpcFrameworkError', 'an OCPP-J message must be a JSON array');
  }
  const [type, messageId] = data as unknown[];
  if (typeof messageId !== 'string' || messageId.length === 0 || messageId.length > MAX_MESSAGE_ID_LENGTH) {
    return problem(
      UNREADABLE_MESSAGE_ID,
      'RpcFrameworkError',
      `the message id must be a string of 1 to ${MAX_MESSAGE_ID_LENGTH} characters, got ${JSON.stringify(messageId)}`,
    );
  }
  switch (type) {
    case CALL: {
      if (data.length !== 4) {
        return problem(messageId, 'RpcFrameworkError', `a CALL has 4 elements, this one has ${data.length}`);
      }
      const [, , action, payload] = data as unknown[];
      if (typeof action !== 'string' || action.length === 0) {
        return problem(messageId, 'RpcFrameworkError', `the action must be a non-empty string, got ${JSON.stringify(action)}`);
      }
      if (!isPlainObject(payload)) {
        return problem(messageId, 'FormatViolation', `the payload of ${action} must be a JSON object`);
      }
      return { ok: true, frame: { type: CALL, messageId, action, payload } };
    }
    case CALLRESULT: {
      if (data.length !== 3 || !isPlainObject(data[2])) {
        return problem(messageId, 'RpcFrameworkError', 'a CALLRESULT is [3, messageId, {payload}]', false);
      }
      return { ok: true, frame: { type: CALLRESULT, messageId, payload: data[2] } };
    }
    case CALLERROR: {
      const [, , errorCode, errorDescription, errorDetails] = data as unknown[];
      if (data.length !== 5 || typeof errorCode !== 'string' || typeof errorDescription !== 'string' || !isPlainObject(errorDetails)) {
        return problem(messageId, 'RpcFrameworkError', 'a CALLERROR is [4, messageId, errorCode, errorDescription, {errorDetails}]', false);
      }
      return { ok: true, frame: { type: CALLERROR, messageId, errorCode, errorDescription, errorDetails } };
    }
    default:
      return problem(messageId, 'MessageTypeNotSupported', `message type ${JSON.stringify(type)} is not 2, 3 or 4`);
  }
}

export function serializeCall(messageId: string, action: string, payload: unknown): string {
  return JSON.stringify([CALL, messageId, action, payload]);
}
export function serializeCallResult(messageId: string, payload: unknown): string {
  return JSON.stringify([CALLRESULT, messageId, payload]);
}
export function serializeCallError(messageId: string, code: string, description: string, details: unknown = {}): string {
  // OCPP-J bounds errorDescription to 255 characters.
  return JSON.stringify([CALLERROR, messageId, code, description.slice(0, 255), details]);
}
