/**
 * The trace as a reviewer reads it: one entry per frame (numbered, with its direction spelled out
 * and the message named as the specification names it) or per connection event, in the order they
 * happened. The sequence diagram, the report's frame table and the JSON attachment all come from
 * this one list, so they cannot disagree.
 */
import type { FrameRecord, MessageTypeName, TraceEntry } from '../../kernel/evidence/trace';
import type { CheckRecord } from '../validation/values';

export const STATION_TO_CSMS = 'Charging Station → CSMS';
export const CSMS_TO_STATION = 'CSMS → Charging Station';

export interface FrameEntry {
  /** 1, 2, 3…: the same numbers as the arrows of the sequence diagram. */
  n: number;
  time: string;
  connection: string;
  direction: typeof STATION_TO_CSMS | typeof CSMS_TO_STATION;
  type: MessageTypeName;
  /** e.g. BootNotificationRequest, BootNotificationResponse, CALLERROR FormatViolation. */
  message: string;
  action?: string;
  messageId?: string;
  payload?: unknown;
  errorCode?: string;
  errorDescription?: string;
  /** The text as received, only when it could not be read as an OCPP-J frame. */
  raw?: string;
}

export interface EventEntry {
  time: string;
  connection: string;
  event: string;
}

export type EvidenceEntry = FrameEntry | EventEntry;

/** The JSON document attached to every scenario (ocpp-frames.json). */
export interface FramesDocument {
  evidence: 'ocpp-frames';
  scenario: string;
  entries: EvidenceEntry[];
  /** Every field check of the scenario, passed or failed. */
  checks?: readonly CheckRecord[];
}

export function isFrame(entry: EvidenceEntry): entry is FrameEntry {
  return 'n' in entry;
}

function directionOf(frame: FrameRecord): FrameEntry['direction'] {
  const fromStation = frame.recordedBy === 'ChargingStation' ? frame.direction === 'sent' : frame.direction === 'received';
  return fromStation ? STATION_TO_CSMS : CSMS_TO_STATION;
}

function messageName(type: MessageTypeName, action: string | undefined, errorCode: string | undefined): string {
  switch (type) {
    case 'CALL':
      return `${action ?? 'unknown action'}Request`;
    case 'CALLRESULT':
      return action ? `${action}Response` : 'CALLRESULT';
    case 'CALLERROR':
      return `CALLERROR ${errorCode ?? ''}`.trim();
    case 'UNPARSEABLE':
      return 'unreadable frame';
  }
}

export function readableTrace(entries: readonly TraceEntry[]): EvidenceEntry[] {
  // A CALLRESULT or CALLERROR names its action only through the CALL it answers.
  const actionOfCall = new Map<string, string>();
  let n = 0;
  return entries.map((entry): EvidenceEntry => {
    if (entry.kind === 'event') return { time: entry.at, connection: entry.connection, event: entry.text };
    if (entry.messageType === 'CALL' && entry.messageId && entry.action)
      actionOfCall.set(`${entry.connection} ${entry.messageId}`, entry.action);
    const action = entry.action ?? (entry.messageId ? actionOfCall.get(`${entry.connection} ${entry.messageId}`) : undefined);
    n += 1;
    const frame: FrameEntry = {
      n,
      time: entry.at,
      connection: entry.connection,
      direction: directionOf(entry),
      type: entry.messageType,
      message: messageName(entry.messageType, action, entry.errorCode),
    };
    if (action !== undefined) frame.action = action;
    if (entry.messageId !== undefined) frame.messageId = entry.messageId;
    if (entry.payload !== undefined) frame.payload = entry.payload;
    if (entry.errorCode !== undefined) frame.errorCode = entry.errorCode;
    if (entry.errorDescription !== undefined) frame.errorDescription = entry.errorDescription;
    if (entry.messageType === 'UNPARSEABLE') frame.raw = entry.raw;
    return frame;
  });
}

/** What a reader wants to see next to a message name: its status, event type or reason. */
export function headline(frame: FrameEntry): string | undefined {
  const payload = frame.payload;
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
  const record = payload as Record<string, unknown>;
  const idTokenInfo = record.idTokenInfo as Record<string, unknown> | undefined;
  const candidates = [record.status, record.eventType, record.connectorStatus, idTokenInfo?.status, record.reason, record.requestedMessage];
  const found = candidates.find((value): value is string => typeof value === 'string');
  return found;
}
