import type { StationArea } from '../../core/charging-station';
import { ALL_STATES, DISPLAY_CONTROLLER, displayCapabilities } from './capabilities';
import { notifyDisplayMessagesParts } from './message-store';
import { DISPLAY_MESSAGES } from './state';

/**
 * Block O: display messages. The station keeps what the CSMS sets in its message store, answers
 * from it and from its DisplayMessageCtrlr variables, and owes the NotifyDisplayMessages report of
 * an accepted GetDisplayMessagesRequest.
 */
export const displayMessagesArea: StationArea = {
  name: 'display messages',
  install: (station) => {
    const { deviceModel } = station;
    // OCPP 2.0.1 names no variable for the states a display can show; NotSupportedState needs one.
    if (!deviceModel.find({ name: DISPLAY_CONTROLLER }, { name: 'SupportedStates' })) {
      deviceModel.define({
        component: { name: DISPLAY_CONTROLLER },
        variable: { name: 'SupportedStates' },
        dataType: 'MemberList',
        attributes: { Actual: { value: ALL_STATES.join(','), mutability: 'ReadOnly' } },
        valuesList: ALL_STATES.join(','),
        supportsMonitoring: false,
      });
    }
  },
  replies: (station) => {
    const { deviceModel } = station;
    const store = () => station.state(DISPLAY_MESSAGES);
    // DisplayMessageCtrlr.DisplayMessages tells how many messages are configured now.
    const recount = (): void => deviceModel.setValue(DISPLAY_CONTROLLER, 'DisplayMessages', String(store().size));
    return {
      SetDisplayMessage: ({ message }) => {
        const status = store().set(message, displayCapabilities(deviceModel));
        // At its end time the message goes, and the count with it, whether or not anybody asks.
        if (status === 'Accepted' && message.endDateTime !== undefined) station.clock.at(message.endDateTime, recount);
        recount();
        return { status };
      },
      GetDisplayMessages: ({ requestId, id, priority, state }) => {
        const found = store().select({ id, priority, state });
        recount();
        if (found.length === 0) return { status: 'Unknown' };
        for (const part of notifyDisplayMessagesParts(requestId, found)) {
          station.owed.owe('NotifyDisplayMessages', () => part, `GetDisplayMessages ${requestId} accepted`);
        }
        return { status: 'Accepted' };
      },
      ClearDisplayMessage: ({ id }) => {
        const status = store().clear(id);
        recount();
        return { status };
      },
    };
  },
};
