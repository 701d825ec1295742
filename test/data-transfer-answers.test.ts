import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CSMS_VENDOR_ID, answerDataTransfer } from '../csms/areas/data-transfer/vendor-extensions';
import { implementVendorMessage } from '../support/station/areas/data-transfer/area';
import { testStation } from './helpers/station';

describe('the reference CSMS answers DataTransfer by the vendor extensions it implements', () => {
  test('another vendor is unknown, so is a message its own extension lacks', () => {
    assert.equal(answerDataTransfer({ vendorId: 'org.ocpp-conformance-suite', messageId: 'TestMessage' }).status, 'UnknownVendorId');
    assert.equal(answerDataTransfer({ vendorId: CSMS_VENDOR_ID, messageId: 'TestMessage' }).status, 'UnknownMessageId');
    assert.equal(answerDataTransfer({ vendorId: CSMS_VENDOR_ID }).status, 'UnknownMessageId');
  });

  test('its own messages answer from their data', () => {
    assert.deepEqual(answerDataTransfer({ vendorId: CSMS_VENDOR_ID, messageId: 'Echo', data: { a: 1 } }), {
      status: 'Accepted',
      data: { a: 1 },
    });
    assert.equal(answerDataTransfer({ vendorId: CSMS_VENDOR_ID, messageId: 'Echo' }).status, 'Rejected');
    const now = new Date('2030-01-01T00:00:00.000Z');
    assert.deepEqual(answerDataTransfer({ vendorId: CSMS_VENDOR_ID, messageId: 'CurrentTime' }, now).data, {
      currentTime: now.toISOString(),
    });
  });
});

describe("the station's answer to a CSMS DataTransfer follows the extensions it implements", () => {
  test('none by default; a vendor it implements knows only its messages', async () => {
    const station = testStation();
    assert.deepEqual(await station.replyTo('DataTransfer', { vendorId: 'com.example' }), { status: 'UnknownVendorId' });
    implementVendorMessage(station, 'com.example', 'Ping');
    assert.deepEqual(await station.replyTo('DataTransfer', { vendorId: 'com.example', messageId: 'Ping' }), { status: 'Accepted' });
    assert.deepEqual(await station.replyTo('DataTransfer', { vendorId: 'com.example', messageId: 'Pong' }), { status: 'UnknownMessageId' });
  });
});
