import { Given } from '@cucumber/cucumber';
import type { MessageFormatEnumType, MessagePriorityEnumType, MessageStateEnumType } from '../schemas/ocpp201-messages';
import { limitCapacity, withdrawSupport } from '../support/station/areas/display-messages/capabilities';
import { DISPLAY_MESSAGES } from '../support/station/areas/display-messages/state';
import type { OcttWorld } from '../support/world';

// How the station's display is built: what DisplayMessageCtrlr says it can show and keep.

Given(
  'the charging station does not support display messages with priority {messagePriority}',
  function (this: OcttWorld, priority: MessagePriorityEnumType) {
    withdrawSupport(this.station().deviceModel, 'SupportedPriorities', priority);
  },
);

Given(
  'the charging station does not support display messages for the state {messageState}',
  function (this: OcttWorld, state: MessageStateEnumType) {
    withdrawSupport(this.station().deviceModel, 'SupportedStates', state);
  },
);

Given(
  'the charging station does not support the display message format {messageFormat}',
  function (this: OcttWorld, format: MessageFormatEnumType) {
    withdrawSupport(this.station().deviceModel, 'SupportedFormats', format);
  },
);

Given('the charging station has no room for another display message', function (this: OcttWorld) {
  const station = this.station();
  limitCapacity(station.deviceModel, station.state(DISPLAY_MESSAGES).size);
});
