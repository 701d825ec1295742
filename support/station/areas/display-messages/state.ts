import type { MessageInfoType } from '../../../../schemas/ocpp201-messages';
import { type StationState } from '../../core/charging-station';
import { stateSlot } from '../../../../kernel/state-slots';

/** The display messages the station holds (O01). */
export const DISPLAY_MESSAGES: StationState<MessageInfoType[]> = stateSlot('display messages', () => []);
