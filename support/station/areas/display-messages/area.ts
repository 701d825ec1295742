import type { StationArea } from '../../core/charging-station';
import { DISPLAY_MESSAGES } from './state';

/** Block O: display messages. */
export const displayMessagesArea: StationArea = {
  name: 'display messages',
  replies: (station) => {
    const { transactions, deviceModel } = station;
    const messages = () => station.state(DISPLAY_MESSAGES);
    return {
      ClearDisplayMessage: ({ id }) => {
        const stored = messages();
        const index = stored.findIndex((message) => message.id === id);
        if (index < 0) return { status: 'Unknown' };
        stored.splice(index, 1);
        return { status: 'Accepted' };
      },
      GetDisplayMessages: ({ id }) => {
        const found = messages().filter((message) => !id || id.includes(message.id));
        return { status: found.length > 0 ? 'Accepted' : 'Unknown' };
      },
      SetDisplayMessage: ({ message }) => {
        const formats = (deviceModel.value('DisplayMessageCtrlr', 'SupportedFormats') ?? '').split(',');
        if (!formats.includes(message.message.format)) return { status: 'NotSupportedMessageFormat' };
        const priorities = (deviceModel.value('DisplayMessageCtrlr', 'SupportedPriorities') ?? '').split(',');
        if (!priorities.includes(message.priority)) return { status: 'NotSupportedPriority' };
        if (message.transactionId !== undefined && !transactions.byId(message.transactionId)) return { status: 'UnknownTransaction' };
        const stored = messages();
        const kept = stored.filter((existing) => existing.id !== message.id);
        stored.splice(0, stored.length, ...kept, message);
        return { status: 'Accepted' };
      },
    };
  },
};
