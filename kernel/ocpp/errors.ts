/** OCPP-J 2.0.1 CALLERROR codes (OCPP 2.0.1 Part 4, "RPC Framework"). */
export const RPC_ERROR_CODES = [
  'FormatViolation',
  'GenericError',
  'InternalError',
  'MessageTypeNotSupported',
  'NotImplemented',
  'NotSupported',
  'OccurrenceConstraintViolation',
  'PropertyConstraintViolation',
  'ProtocolError',
  'RpcFrameworkError',
  'SecurityError',
  'TypeConstraintViolation',
] as const;

export type RpcErrorCode = (typeof RPC_ERROR_CODES)[number];

export function isRpcErrorCode(code: unknown): code is RpcErrorCode {
  return typeof code === 'string' && (RPC_ERROR_CODES as readonly string[]).includes(code);
}

/** A CALLERROR, received from the peer or to be sent to it. */
export class OcppCallError extends Error {
  constructor(
    readonly code: RpcErrorCode,
    readonly description: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${description}`);
    this.name = 'OcppCallError';
  }
}

/** The peer answered a CALL with a CALLERROR. */
export class CallErrorReceived extends Error {
  constructor(
    readonly action: string,
    readonly code: string,
    readonly description: string,
    readonly details: unknown,
  ) {
    super(`${action}Request was answered with CALLERROR ${code}${description ? `: ${description}` : ''}`);
    this.name = 'CallErrorReceived';
  }
}

export class CallTimeoutError extends Error {
  constructor(
    readonly action: string,
    readonly timeoutMs: number,
    /** What the peer sent meanwhile that could not be the answer: the likely cause. */
    readonly strays: readonly string[] = [],
  ) {
    super(`no ${action}Response within ${timeoutMs / 1000} s${strays.length ? `; meanwhile the peer sent ${strays.join('; ')}` : ''}`);
    this.name = 'CallTimeoutError';
  }
}

export class ConnectionClosedError extends Error {
  constructor(
    readonly action: string | undefined,
    readonly closeCode: number,
    readonly closeReason: string,
  ) {
    const what = action ? ` while waiting for the ${action}Response` : '';
    super(`the WebSocket connection closed${what} (close code ${closeCode}${closeReason ? `, "${closeReason}"` : ''})`);
    this.name = 'ConnectionClosedError';
  }
}

/** A payload failed its OCPP 2.0.1 JSON schema. */
export class SchemaViolationError extends Error {
  constructor(
    readonly messageName: string,
    readonly origin: 'sent' | 'received',
    readonly problems: readonly string[],
    readonly rpcCode: RpcErrorCode,
  ) {
    super(`${origin === 'sent' ? 'outgoing' : 'received'} ${messageName} violates its OCPP 2.0.1 schema: ${problems.join('; ')}`);
    this.name = 'SchemaViolationError';
  }
}
