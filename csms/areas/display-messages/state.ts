/**
 * What the reference CSMS keeps of a station's display messages: every message it set with the
 * station's answer, the messages it knows the station holds, and the reports (NotifyDisplayMessages)
 * the station sent for each GetDisplayMessagesRequest.
 */
import type { DisplayMessageStatusEnumType, GetDisplayMessagesStatusEnumType, MessageInfoType } from '../../../schemas/ocpp201-messages';
import { stateSlot } from '../../../kernel/state-slots';
import type { CsmsStationState } from '../../store';

export interface SentDisplayMessage {
  message: MessageInfoType;
  status: DisplayMessageStatusEnumType;
}

/** One GetDisplayMessagesRequest and what the station reported for it. */
export interface DisplayMessageReport {
  requestId: number;
  /** The station's answer to the request; absent while the CSMS has not seen it. */
  status?: GetDisplayMessagesStatusEnumType;
  messages: MessageInfoType[];
  /** True once the last part (tbc false) arrived, or at once when the station had nothing to report. */
  complete: boolean;
}

export class StationDisplayMessages {
  /** Every SetDisplayMessageRequest the CSMS sent, in order, with the station's answer. */
  readonly sent: SentDisplayMessage[] = [];
  /** The messages the station holds as far as the CSMS knows: accepted, reported, not cleared. */
  readonly held = new Map<number, MessageInfoType>();
  readonly reports = new Map<number, DisplayMessageReport>();

  /** A message id this CSMS has not used for the station yet. */
  nextMessageId(): number {
    const used = [...this.sent.map((entry) => entry.message.id), ...this.held.keys()];
    return used.length === 0 ? 1 : Math.max(...used) + 1;
  }

  report(requestId: number): DisplayMessageReport {
    let report = this.reports.get(requestId);
    if (!report) {
      report = { requestId, messages: [], complete: false };
      this.reports.set(requestId, report);
    }
    return report;
  }
}

export const DISPLAY_MESSAGES: CsmsStationState<StationDisplayMessages> = stateSlot('display messages', () => new StationDisplayMessages());
