import { Given, Then } from '@cucumber/cucumber';
import { implementVendorMessage } from '../support/station/areas/data-transfer/area';
import type { OcttWorld } from '../support/world';
import type { MessageName } from './parameter-types';

Given(
  'the charging station implements the message {string} of the vendor extension {string}',
  function (this: OcttWorld, messageId: string, vendorId: string) {
    implementVendorMessage(this.station(), vendorId, messageId);
  },
);

/** The request was answered with a CALLRESULT (a CALLERROR or silence fails the step that sent it); its content is the CSMS's. */
Then('the CSMS answered it with a/an {message}', function (this: OcttWorld, message: MessageName) {
  const inspected = this.inspected;
  if (inspected?.name !== message.name || typeof inspected.payload !== 'object' || inspected.payload === null) {
    throw new Error(`expected the CSMS to answer with a ${message.name}, got ${inspected ? inspected.name : 'nothing'}`);
  }
});
