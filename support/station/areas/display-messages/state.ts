import { type StationState } from '../../core/charging-station';
import { stateSlot } from '../../../../kernel/state-slots';
import { DisplayMessageStore } from './message-store';

/** The display messages the station keeps (O01–O06), bound to its transactions. */
export const DISPLAY_MESSAGES: StationState<DisplayMessageStore> = stateSlot(
  'display messages',
  (station) =>
    new DisplayMessageStore({
      now: () => station.clock.now(),
      transactionRunning: (transactionId) => {
        const transaction = station.transactions.byId(transactionId);
        return transaction !== undefined && !transaction.ended;
      },
    }),
);
