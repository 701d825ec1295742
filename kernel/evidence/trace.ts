import type { Role } from '../ocpp/actions';
import { SecretMasker, basicAuthPasswordsIn } from './masking';

export type MessageTypeName = 'CALL' | 'CALLRESULT' | 'CALLERROR' | 'UNPARSEABLE';

/** One WebSocket frame, as it went over the wire (secrets masked). */
export interface FrameRecord {
  kind: 'frame';
  /** ISO 8601 time the frame was sent or received. */
  at: string;
  /** Which connection: e.g. "CP_1" or "CP_1 (SP3)". */
  connection: string;
  /** The role of the side that recorded the frame. */
  recordedBy: Role;
  direction: 'sent' | 'received';
  messageType: MessageTypeName;
  messageId?: string;
  /** For a CALLRESULT or CALLERROR: the action of the CALL it answers, when known. */
  action?: string;
  payload?: unknown;
  errorCode?: string;
  errorDescription?: string;
  raw: string;
}

/** Something that happened to a connection: opened, refused, closed, a protocol violation. */
export interface EventRecord {
  kind: 'event';
  at: string;
  connection: string;
  recordedBy: Role;
  text: string;
}

export type TraceEntry = FrameRecord | EventRecord;

export interface TraceSink {
  record(entry: TraceEntry): void;
}

/** The ordered record of everything a scenario's stations sent and received. */
export class Trace implements TraceSink {
  private readonly list: TraceEntry[] = [];

  constructor(private masker: SecretMasker = new SecretMasker([])) {}

  /** Secrets only known during the run (a generated password) join the mask. */
  addSecrets(...secrets: string[]): void {
    this.masker = this.masker.with(...secrets);
  }

  /**
   * Masks text that leaves the scenario by another way than the trace (an error message, a failure
   * line) with every secret the trace knows, including those learnt from the frames.
   */
  maskText(text: string): string {
    return this.masker.maskText(text);
  }

  record(entry: TraceEntry): void {
    if (entry.kind === 'event') {
      this.list.push({ ...entry, text: this.masker.maskText(entry.text) });
      return;
    }
    const passwords = basicAuthPasswordsIn(entry.payload);
    if (passwords.length > 0) this.addSecrets(...passwords);
    this.list.push({
      ...entry,
      raw: this.masker.maskText(entry.raw),
      payload: entry.payload === undefined ? undefined : this.masker.maskValue(entry.payload),
      errorDescription: entry.errorDescription === undefined ? undefined : this.masker.maskText(entry.errorDescription),
    });
  }

  get entries(): readonly TraceEntry[] {
    return this.list;
  }

  frames(): FrameRecord[] {
    return this.list.filter((entry): entry is FrameRecord => entry.kind === 'frame');
  }
}
