import { Given } from '@cucumber/cucumber';
import { implementVendorMessage } from '../support/station/areas/data-transfer/area';
import type { OcttWorld } from '../support/world';

Given(
  'the charging station implements the message {string} of the vendor extension {string}',
  function (this: OcttWorld, messageId: string, vendorId: string) {
    implementVendorMessage(this.station(), vendorId, messageId);
  },
);
