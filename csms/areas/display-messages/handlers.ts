import type { CsmsHandlers } from '../../handler-context';
import { DISPLAY_MESSAGES } from './state';

export const handlers: CsmsHandlers = {
  /** O03/O04: one part of the report on a GetDisplayMessagesRequest; the last part has no tbc (or false). */
  NotifyDisplayMessages: ({ requestId, messageInfo = [], tbc }, { station }) => {
    const known = station.areaState.of(DISPLAY_MESSAGES);
    const report = known.report(requestId);
    report.messages.push(...messageInfo);
    report.complete = tbc !== true;
    for (const message of messageInfo) known.held.set(message.id, message);
    return {};
  },
};
