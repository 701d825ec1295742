import type { TraceEntry, TraceSink } from '../../../kernel/evidence/trace';

/**
 * The latest payload of every message name a scenario's stations sent or received, unmasked,
 * so a table can refer to `<GetBaseReportRequest.requestId>`.
 */
export class MessageLog implements TraceSink {
  private readonly latest = new Map<string, unknown>();
  private readonly callActions = new Map<string, string>();

  record(entry: TraceEntry): void {
    if (entry.kind !== 'frame' || entry.payload === undefined) return;
    if (entry.messageType === 'CALL' && entry.action && entry.messageId) {
      this.latest.set(`${entry.action}Request`, entry.payload);
      this.callActions.set(entry.messageId, entry.action);
    } else if (entry.messageType === 'CALLRESULT' && entry.messageId) {
      const action = entry.action ?? this.callActions.get(entry.messageId);
      if (action) this.latest.set(`${action}Response`, entry.payload);
    }
  }

  get(messageName: string): unknown {
    return this.latest.get(messageName);
  }
}
