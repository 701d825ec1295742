/**
 * The reference CSMS for block O, driven only through the operator contract and OCPP: it builds its
 * display-message requests from the operator's params, keeps what it set with the station's answer,
 * and assembles the station's NotifyDisplayMessages parts into reports.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type { ReferenceCsms } from '../csms/reference-csms';
import { DISPLAY_MESSAGES } from '../csms/areas/display-messages/state';
import type { ChargingStation } from '../support/station/core/charging-station';
import { withdrawSupport } from '../support/station/areas/display-messages/capabilities';
import { csmsWithStation } from './helpers/reference-csms';

const STATION_ID = 'CP_1';

describe('reference CSMS, block O', () => {
  const under = csmsWithStation({ id: STATION_ID });
  let csms: ReferenceCsms;
  let station: ChargingStation;
  beforeEach(() => {
    ({ csms, station } = under);
  });
  const known = () => {
    const record = csms.store.station(STATION_ID);
    assert.ok(record);
    return record.areaState.of(DISPLAY_MESSAGES);
  };

  test('sets a message from the params, with an id of its own, and keeps it once accepted', async () => {
    assert.deepEqual(await under.ask('SetDisplayMessage', { message: { priority: 'InFront', message: { content: 'Hi' } } }), {
      status: 'Accepted',
    });
    assert.deepEqual(await under.ask('SetDisplayMessage', { message: { message: { content: 'Second' } } }), { status: 'Accepted' });
    const [first, second] = station.received().filter((call) => call.action === 'SetDisplayMessage');
    assert.deepEqual(first.payload, { message: { id: 1, priority: 'InFront', message: { format: 'UTF8', content: 'Hi' } } });
    assert.deepEqual(second.payload, { message: { id: 2, priority: 'NormalCycle', message: { format: 'UTF8', content: 'Second' } } });
    assert.deepEqual([...known().held.keys()], [1, 2]);
  });

  test('keeps a refused message as refused, not as held', async () => {
    withdrawSupport(station.deviceModel, 'SupportedFormats', 'HTML');
    assert.deepEqual(await under.ask('SetDisplayMessage', { message: { message: { format: 'HTML', content: '<i>x</i>' } } }), {
      status: 'NotSupportedMessageFormat',
    });
    assert.deepEqual(
      known().sent.map((entry) => entry.status),
      ['NotSupportedMessageFormat'],
    );
    assert.equal(known().held.size, 0);
  });

  test('refuses to set a message without the text to show', async () => {
    await assert.rejects(under.ask('SetDisplayMessage', { message: { priority: 'InFront' } }), /message\.message\.content/);
  });

  test('assembles the report of a GetDisplayMessagesRequest from its parts', async () => {
    for (const content of ['a', 'b', 'c', 'd', 'e']) await under.ask('SetDisplayMessage', { message: { message: { content } } });
    assert.deepEqual(await under.ask('GetDisplayMessages', {}), { status: 'Accepted' });
    const requestId = (station.received().at(-1)?.payload as { requestId: number }).requestId;
    assert.equal(known().reports.get(requestId)?.complete, false);
    await station.sendOwed('NotifyDisplayMessages');
    const report = known().reports.get(requestId);
    assert.equal(report?.complete, true);
    assert.deepEqual(
      report?.messages.map((message) => message.message.content),
      ['a', 'b', 'c', 'd', 'e'],
    );
  });

  test('an Unknown answer is a complete, empty report; a clear forgets the message', async () => {
    assert.deepEqual(await under.ask('GetDisplayMessages', { id: [5] }), { status: 'Unknown' });
    const report = [...known().reports.values()][0];
    assert.deepEqual(
      { status: report.status, complete: report.complete, messages: report.messages },
      { status: 'Unknown', complete: true, messages: [] },
    );
    await under.ask('SetDisplayMessage', { message: { message: { content: 'bye' } } });
    assert.deepEqual(await under.ask('ClearDisplayMessage', { id: 1 }), { status: 'Accepted' });
    assert.equal(known().held.size, 0);
    assert.deepEqual(await under.ask('ClearDisplayMessage', { id: 1 }), { status: 'Unknown' });
  });
});
