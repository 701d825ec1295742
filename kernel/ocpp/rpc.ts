import { randomUUID } from 'node:crypto';
import type WebSocket from 'ws';
import type { RawData } from 'ws';
import { type Action, type RequestOf, type ResponseOf, type Role, inboundActionsOf, isAction } from './actions';
import { CallErrorReceived, CallTimeoutError, ConnectionClosedError, OcppCallError, SchemaViolationError } from './errors';
import {
  CALL,
  CALLERROR,
  CALLRESULT,
  type Frame,
  UNREADABLE_MESSAGE_ID,
  parseFrame,
  serializeCall,
  serializeCallError,
  serializeCallResult,
} from './framing';
import { type SchemaValidator, sharedSchemaValidator } from './schema-validator';
import type { FrameRecord, MessageTypeName, TraceSink } from '../evidence/trace';

/** Returned by a handler that must not answer at all (the peer's call then times out). */
export const NO_REPLY = Symbol('no reply');

/** Returned by a handler to answer with exactly this text (e.g. a deliberately invalid CALLRESULT). */
export class RawReply {
  constructor(readonly text: string) {}
}

export type Reply<A extends Action> = ResponseOf<A> | OcppCallError | RawReply | typeof NO_REPLY;

export interface InboundCallInfo {
  messageId: string;
  receivedAt: Date;
}

export type Handler<A extends Action> = (request: RequestOf<A>, info: InboundCallInfo) => Reply<A> | Promise<Reply<A>>;

/** What the connection answered to an inbound CALL. */
export type Answer =
  | { kind: 'result'; payload: unknown }
  | { kind: 'error'; code: string; description: string }
  | { kind: 'raw'; text: string }
  | { kind: 'none' };

/** A CALL the peer sent, whether or not it was valid, with what was answered. */
export interface ReceivedCall {
  action: string;
  messageId: string;
  payload: unknown;
  receivedAt: Date;
  /** Schema problems of the request; empty when valid. */
  problems: string[];
  /** Settles once the answer went out. */
  answered: Promise<Answer>;
}

export interface CallOptions {
  timeoutMs?: number;
  /** Validate our request before sending. Off only to send a deliberately invalid request. */
  validateRequest?: boolean;
  /** Validate the peer's response against its schema. */
  validateResponse?: boolean;
}

export interface ConnectionOptions {
  /** Our side of the connection. */
  role: Role;
  /** Names the connection in traces and errors, e.g. the station id. */
  label: string;
  callTimeoutMs: number;
  validator?: SchemaValidator;
  sinks?: TraceSink[];
}

interface PendingCall {
  messageId: string;
  action: string;
  validateResponse: boolean;
  resolve(payload: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
  /** Frames the peer sent while we waited that could not be our answer (unreadable, or another id). */
  strays: string[];
}

interface QueuedCall {
  start(): void;
  fail(error: Error): void;
}

type AnyHandler = (request: unknown, info: InboundCallInfo) => unknown;

/**
 * One OCPP-J 2.0.1 connection over a WebSocket, used by both the mock Charging Station and the
 * reference CSMS: framing, message ids, one outstanding CALL per direction, timeouts, schema
 * validation in both directions, and a trace of every frame.
 */
export class OcppConnection {
  private readonly handlers = new Map<string, AnyHandler>();
  private readonly callListeners = new Set<(call: ReceivedCall) => void>();
  private readonly closeListeners = new Set<(code: number, reason: string) => void>();
  private readonly sinks: TraceSink[];
  private readonly validator: SchemaValidator;
  private readonly inboundActions: ReadonlySet<Action>;
  private readonly queue: QueuedCall[] = [];
  private pending: PendingCall | undefined;
  private busy = false;
  private unansweredInbound = new Set<string>();
  private readonly rawAnswerWaiters = new Map<string, (frame: Frame) => void>();
  private closeInfo: { code: number; reason: string } | undefined;
  /** OCPP-J rules the peer broke (e.g. a second CALL while one was unanswered). */
  readonly violations: string[] = [];

  constructor(
    readonly socket: WebSocket,
    private readonly options: ConnectionOptions,
  ) {
    this.sinks = [...(options.sinks ?? [])];
    this.validator = options.validator ?? sharedSchemaValidator();
    this.inboundActions = inboundActionsOf(options.role);
    socket.on('message', (data: RawData, isBinary: boolean) => this.onMessage(data, isBinary));
    socket.on('close', (code: number, reason: Buffer) => this.handleClose(code, reason.toString()));
    // Errors surface as a close; without a listener `ws` would throw them.
    socket.on('error', (error: Error) => this.note(`socket error: ${error.message}`));
  }

  get label(): string {
    return this.options.label;
  }

  get isOpen(): boolean {
    return this.closeInfo === undefined && this.socket.readyState === this.socket.OPEN;
  }

  addSink(sink: TraceSink): void {
    this.sinks.push(sink);
  }

  handle<A extends Action>(action: A, handler: Handler<A>): void {
    this.handlers.set(action, handler as AnyHandler);
  }

  removeHandler(action: Action): void {
    this.handlers.delete(action);
  }

  onCall(listener: (call: ReceivedCall) => void): () => void {
    this.callListeners.add(listener);
    return () => this.callListeners.delete(listener);
  }

  onClose(listener: (code: number, reason: string) => void): () => void {
    if (this.closeInfo) {
      listener(this.closeInfo.code, this.closeInfo.reason);
      return () => undefined;
    }
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Sends a CALL and resolves with the peer's (validated) response. Calls are queued: one outstanding at a time. */
  call<A extends Action>(action: A, payload: RequestOf<A>, options: CallOptions = {}): Promise<ResponseOf<A>> {
    return this.callUntyped(action, payload, options) as Promise<ResponseOf<A>>;
  }

  /** As `call`, for payloads built at run time (e.g. from a Gherkin table). */
  callUntyped(action: string, payload: unknown, options: CallOptions = {}): Promise<unknown> {
    const { timeoutMs = this.options.callTimeoutMs, validateRequest = true, validateResponse = true } = options;
    if (validateRequest) {
      if (!isAction(action)) return Promise.reject(new Error(`${action} is not an OCPP 2.0.1 action`));
      const result = this.validator.validate(action, 'request', payload);
      if (!result.valid) {
        return Promise.reject(new SchemaViolationError(`${action}Request`, 'sent', result.problems, result.rpcCode));
      }
    }
    return new Promise<unknown>((resolve, reject) => {
      const start = (): void => {
        if (!this.isOpen) {
          this.releaseTurn();
          reject(this.closedError(action));
          return;
        }
        const messageId = randomUUID();
        const timer = setTimeout(() => {
          if (this.pending?.messageId !== messageId) return;
          const { strays } = this.pending;
          this.pending = undefined;
          this.note(`no answer to ${action} ${messageId} within ${timeoutMs} ms`);
          this.releaseTurn();
          reject(new CallTimeoutError(action, timeoutMs, strays));
        }, timeoutMs);
        this.pending = {
          messageId,
          action,
          validateResponse,
          timer,
          strays: [],
          resolve: (value) => {
            clearTimeout(timer);
            this.pending = undefined;
            this.releaseTurn();
            resolve(value);
          },
          reject: (error) => {
            clearTimeout(timer);
            this.pending = undefined;
            this.releaseTurn();
            reject(error);
          },
        };
        this.transmit(serializeCall(messageId, action, payload), { messageType: 'CALL', messageId, action, payload });
      };
      this.takeTurn({ start, fail: reject });
    });
  }

  /** Sends text as it is, e.g. a deliberately malformed frame a test case calls for. */
  sendRaw(text: string): void {
    const parsed = parseFrame(text);
    const details: Partial<FrameRecord> = parsed.ok ? describeFrame(parsed.frame) : { messageType: 'UNPARSEABLE' };
    this.transmit(text, details);
  }

  /**
   * Sends text as it is and waits for the peer's CALLRESULT or CALLERROR carrying `answerId`
   * (the id the frame used, or "-1" when the peer cannot read it).
   */
  sendRawAndAwaitAnswer(text: string, answerId: string, timeoutMs = this.options.callTimeoutMs): Promise<Frame> {
    if (this.closeInfo) return Promise.reject(this.closedError());
    return new Promise<Frame>((resolve, reject) => {
      const finish = (outcome: () => void): void => {
        clearTimeout(timer);
        this.rawAnswerWaiters.delete(answerId);
        stopOnClose();
        outcome();
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`no answer with message id ${answerId} within ${timeoutMs / 1000} s`))),
        timeoutMs,
      );
      this.rawAnswerWaiters.set(answerId, (frame) => finish(() => resolve(frame)));
      const stopOnClose = this.onClose(() => finish(() => reject(this.closedError())));
      this.sendRaw(text);
    });
  }

  /** Closes the connection; resolves once the socket is closed (forcibly after `graceMs`). */
  close(code = 1000, reason = ''): Promise<void> {
    if (this.socket.readyState === this.socket.CLOSED) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.socket.terminate();
        resolve();
      }, 1000);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      if (this.socket.readyState === this.socket.CONNECTING) this.socket.terminate();
      else this.socket.close(code, reason);
    });
  }

  /** Records a connection event in the trace. */
  note(text: string): void {
    const at = new Date().toISOString();
    for (const sink of this.sinks) {
      sink.record({ kind: 'event', at, connection: this.label, recordedBy: this.options.role, text });
    }
  }

  private takeTurn(call: QueuedCall): void {
    if (this.busy) {
      this.queue.push(call);
      return;
    }
    this.busy = true;
    call.start();
  }

  private releaseTurn(): void {
    const next = this.queue.shift();
    if (next) next.start();
    else this.busy = false;
  }

  private closedError(action?: string): ConnectionClosedError {
    return new ConnectionClosedError(action, this.closeInfo?.code ?? 1006, this.closeInfo?.reason ?? 'not open');
  }

  private transmit(text: string, details: Partial<FrameRecord>): void {
    this.record('sent', text, details);
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(text);
  }

  private record(direction: 'sent' | 'received', raw: string, details: Partial<FrameRecord>): void {
    const entry: FrameRecord = {
      kind: 'frame',
      at: new Date().toISOString(),
      connection: this.label,
      recordedBy: this.options.role,
      direction,
      messageType: details.messageType ?? 'UNPARSEABLE',
      ...details,
      raw,
    };
    for (const sink of this.sinks) sink.record(entry);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (isBinary) {
      this.record('received', `<binary frame, ${byteLength(data)} bytes>`, { messageType: 'UNPARSEABLE' });
      this.replyError(
        UNREADABLE_MESSAGE_ID,
        'RpcFrameworkError',
        'OCPP-J messages are text frames; a binary frame was received',
        undefined,
      );
      return;
    }
    const text = rawToString(data);
    const parsed = parseFrame(text);
    if (!parsed.ok) {
      this.record('received', text, { messageType: 'UNPARSEABLE', messageId: parsed.problem.messageId });
      this.note(`malformed frame: ${parsed.problem.description}`);
      this.pending?.strays.push(`an unreadable frame ${clip(text)} (${parsed.problem.description})`);
      if (parsed.problem.answer) {
        this.replyError(parsed.problem.messageId, parsed.problem.code, parsed.problem.description, undefined);
      }
      return;
    }
    const frame = parsed.frame;
    const action = frame.type === CALL ? frame.action : this.pending?.messageId === frame.messageId ? this.pending.action : undefined;
    this.record('received', text, { ...describeFrame(frame), action });
    if (frame.type === CALL) this.onCallFrame(frame.messageId, frame.action, frame.payload);
    else this.onAnswerFrame(frame);
  }

  private onAnswerFrame(frame: Exclude<Frame, { type: typeof CALL }>): void {
    const rawWaiter = this.rawAnswerWaiters.get(frame.messageId);
    if (rawWaiter) {
      rawWaiter(frame);
      return;
    }
    const pending = this.pending;
    if (!pending || pending.messageId !== frame.messageId) {
      this.note(`dropped ${frame.type === CALLRESULT ? 'CALLRESULT' : 'CALLERROR'} for unknown message id ${frame.messageId}`);
      pending?.strays.push(
        `a ${frame.type === CALLRESULT ? 'CALLRESULT' : 'CALLERROR'} for the unknown message id ${JSON.stringify(frame.messageId)} (the call's id is ${pending.messageId})`,
      );
      return;
    }
    if (frame.type === CALLERROR) {
      pending.reject(new CallErrorReceived(pending.action, frame.errorCode, frame.errorDescription, frame.errorDetails));
      return;
    }
    if (pending.validateResponse && isAction(pending.action)) {
      const result = this.validator.validate(pending.action, 'response', frame.payload);
      if (!result.valid) {
        pending.reject(new SchemaViolationError(`${pending.action}Response`, 'received', result.problems, result.rpcCode));
        return;
      }
    }
    pending.resolve(frame.payload);
  }

  private onCallFrame(messageId: string, action: string, payload: unknown): void {
    if (this.unansweredInbound.size > 0) {
      const violation = `the peer sent ${action} ${messageId} while its CALL ${[...this.unansweredInbound].join(', ')} was still unanswered (OCPP-J allows one outstanding CALL)`;
      this.violations.push(violation);
      this.note(violation);
    }
    const receivedAt = new Date();
    let problems: string[] = [];
    let settle!: (answer: Answer) => void;
    const answered = new Promise<Answer>((resolve) => (settle = resolve));
    const received: ReceivedCall = { action, messageId, payload, receivedAt, problems, answered };

    const known = isAction(action) && this.inboundActions.has(action);
    const handler = this.handlers.get(action);
    let rejection: OcppCallError | undefined;
    if (!known) {
      rejection = new OcppCallError('NotImplemented', `${action} is not an action a ${peerOf(this.options.role)} may send`);
    } else if (!handler) {
      rejection = new OcppCallError('NotSupported', `${action} is not supported`);
    } else {
      const result = this.validator.validate(action, 'request', payload);
      if (!result.valid) {
        problems = result.problems;
        received.problems = problems;
        rejection = new OcppCallError(result.rpcCode, `${action}Request: ${problems.join('; ')}`);
      }
    }
    for (const listener of this.callListeners) listener(received);
    if (rejection) {
      this.replyError(messageId, rejection.code, rejection.description, rejection.details);
      settle({ kind: 'error', code: rejection.code, description: rejection.description });
      return;
    }
    this.unansweredInbound.add(messageId);
    void this.runHandler(action as Action, handler as AnyHandler, payload, { messageId, receivedAt }).then((answer) => {
      this.unansweredInbound.delete(messageId);
      settle(answer);
    });
  }

  private async runHandler(action: Action, handler: AnyHandler, payload: unknown, info: InboundCallInfo): Promise<Answer> {
    let reply: unknown;
    try {
      reply = await handler(payload, info);
    } catch (error) {
      reply = error instanceof OcppCallError ? error : new OcppCallError('InternalError', (error as Error).message ?? String(error));
    }
    if (reply === NO_REPLY) {
      this.note(`${action} ${info.messageId} deliberately left unanswered`);
      return { kind: 'none' };
    }
    if (reply instanceof RawReply) {
      this.sendRaw(reply.text);
      return { kind: 'raw', text: reply.text };
    }
    if (reply instanceof OcppCallError) {
      this.replyError(info.messageId, reply.code, reply.description, reply.details);
      return { kind: 'error', code: reply.code, description: reply.description };
    }
    const check = this.validator.validate(action, 'response', reply);
    if (!check.valid) {
      const description = `our own ${action}Response would violate its schema: ${check.problems.join('; ')}`;
      this.note(description);
      this.replyError(info.messageId, 'InternalError', description, {});
      return { kind: 'error', code: 'InternalError', description };
    }
    this.transmit(serializeCallResult(info.messageId, reply), {
      messageType: 'CALLRESULT',
      messageId: info.messageId,
      action,
      payload: reply,
    });
    return { kind: 'result', payload: reply };
  }

  private replyError(messageId: string, code: string, description: string, details: unknown): void {
    this.transmit(serializeCallError(messageId, code, description, details ?? {}), {
      messageType: 'CALLERROR',
      messageId,
      errorCode: code,
      errorDescription: description,
    });
  }

  private handleClose(code: number, reason: string): void {
    this.closeInfo = { code, reason };
    this.note(`connection closed (code ${code}${reason ? `, "${reason}"` : ''})`);
    if (this.pending) this.pending.reject(this.closedError(this.pending.action));
    for (const queued of this.queue.splice(0)) queued.fail(this.closedError());
    this.busy = false;
    for (const listener of this.closeListeners) listener(code, reason);
    this.closeListeners.clear();
  }
}

function peerOf(role: Role): string {
  return role === 'CSMS' ? 'Charging Station' : 'CSMS';
}

function describeFrame(frame: Frame): Partial<FrameRecord> {
  const messageType: MessageTypeName = frame.type === CALL ? 'CALL' : frame.type === CALLRESULT ? 'CALLRESULT' : 'CALLERROR';
  switch (frame.type) {
    case CALL:
      return { messageType, messageId: frame.messageId, action: frame.action, payload: frame.payload };
    case CALLRESULT:
      return { messageType, messageId: frame.messageId, payload: frame.payload };
    default:
      return { messageType, messageId: frame.messageId, errorCode: frame.errorCode, errorDescription: frame.errorDescription };
  }
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0);
  return data.byteLength;
}

/** A frame's text, short enough for a failure line. */
function clip(text: string, max = 200): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
