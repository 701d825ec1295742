/**
 * The station's display-message store (block O): what it keeps, replaces, reports, shows and drops,
 * and the answers that follow from its DisplayMessageCtrlr variables.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MessageInfoType, NotifyDisplayMessagesRequest } from '../schemas/ocpp201-messages';
import {
  type DisplayCapabilities,
  DisplayMessageStore,
  notifyDisplayMessagesParts,
} from '../support/station/areas/display-messages/message-store';
import { limitCapacity, withdrawSupport } from '../support/station/areas/display-messages/capabilities';
import { shownMessages } from '../support/station/areas/display-messages/display-state';
import { DISPLAY_MESSAGES } from '../support/station/areas/display-messages/state';
import { testStation } from './helpers/station';

const ALL: DisplayCapabilities = {
  formats: ['ASCII', 'HTML', 'URI', 'UTF8'],
  priorities: ['AlwaysFront', 'InFront', 'NormalCycle'],
  states: ['Charging', 'Faulted', 'Idle', 'Unavailable'],
  capacity: 10,
};

const T0 = Date.parse('2026-01-01T12:00:00.000Z');

function message(id: number, extra: Partial<MessageInfoType> = {}): MessageInfoType {
  return { id, priority: 'NormalCycle', message: { format: 'UTF8', content: `message ${id}`, language: 'en' }, ...extra };
}

function storeAt(running: Set<string> = new Set()): { store: DisplayMessageStore; clock: { now: number } } {
  const clock = { now: T0 };
  const store = new DisplayMessageStore({ now: () => new Date(clock.now), transactionRunning: (id) => running.has(id) });
  return { store, clock };
}

const at = (offsetS: number): string => new Date(T0 + offsetS * 1000).toISOString();

describe('display message store', () => {
  test('keeps an accepted message as it came, and a message of the same id replaces it (O06)', () => {
    const { store } = storeAt();
    assert.equal(store.set(message(1, { state: 'Idle' }), ALL), 'Accepted');
    assert.deepEqual(store.select({}), [message(1, { state: 'Idle' })]);
    assert.equal(store.set(message(1, { priority: 'InFront', message: { format: 'ASCII', content: 'new' } }), ALL), 'Accepted');
    assert.deepEqual(store.select({}), [message(1, { priority: 'InFront', message: { format: 'ASCII', content: 'new' } })]);
    assert.equal(store.size, 1);
  });

  test('selects by id, priority and state exactly, every criterion given (O04)', () => {
    const { store } = storeAt();
    store.set(message(1, { priority: 'InFront', state: 'Idle' }), ALL);
    store.set(message(2, { priority: 'InFront', state: 'Charging' }), ALL);
    store.set(message(3), ALL);
    const ids = (found: MessageInfoType[]) => found.map((m) => m.id);
    assert.deepEqual(ids(store.select({})), [1, 2, 3]);
    assert.deepEqual(ids(store.select({ id: [3, 1, 99] })), [1, 3]);
    assert.deepEqual(ids(store.select({ priority: 'InFront' })), [1, 2]);
    assert.deepEqual(ids(store.select({ state: 'Charging' })), [2]);
    assert.deepEqual(ids(store.select({ priority: 'InFront', state: 'Idle' })), [1]);
    assert.deepEqual(ids(store.select({ id: [3], priority: 'InFront' })), []);
    assert.deepEqual(ids(store.select({ priority: 'AlwaysFront' })), []);
  });

  test('clears a kept message, and answers Unknown for an id it does not keep (O05)', () => {
    const { store } = storeAt();
    store.set(message(5), ALL);
    assert.equal(store.clear(6), 'Unknown');
    assert.equal(store.clear(5), 'Accepted');
    assert.equal(store.clear(5), 'Unknown');
    assert.equal(store.size, 0);
  });

  test('answers from what it supports: format, priority, state; keeps nothing it refused', () => {
    const { store } = storeAt();
    assert.equal(
      store.set(message(1, { message: { format: 'HTML', content: '<b>x</b>' } }), { ...ALL, formats: ['UTF8'] }),
      'NotSupportedMessageFormat',
    );
    assert.equal(
      store.set(message(2, { priority: 'AlwaysFront' }), { ...ALL, priorities: ['InFront', 'NormalCycle'] }),
      'NotSupportedPriority',
    );
    assert.equal(store.set(message(3, { state: 'Faulted' }), { ...ALL, states: ['Idle'] }), 'NotSupportedState');
    assert.equal(store.set(message(4), { ...ALL, states: [] }), 'Accepted', 'a message without a state needs no state support');
    assert.deepEqual(
      store.select({}).map((m) => m.id),
      [4],
    );
  });

  test('rejects a new message when full, but still takes a replacement', () => {
    const { store } = storeAt();
    const two = { ...ALL, capacity: 2 };
    assert.equal(store.set(message(1), two), 'Accepted');
    assert.equal(store.set(message(2), two), 'Accepted');
    assert.equal(store.set(message(3), two), 'Rejected');
    assert.equal(store.set(message(2, { priority: 'InFront' }), two), 'Accepted');
    assert.equal(store.set(message(9), { ...ALL, capacity: 0 }), 'Rejected');
  });

  test('binds a message to a running transaction only, and drops it when the transaction ends (O02)', () => {
    const running = new Set(['tx-1']);
    const { store } = storeAt(running);
    assert.equal(store.set(message(1, { transactionId: 'tx-2' }), ALL), 'UnknownTransaction');
    assert.equal(store.set(message(2, { transactionId: 'tx-1' }), ALL), 'Accepted');
    store.set(message(3), ALL);
    assert.deepEqual(
      store.select({}).map((m) => m.id),
      [2, 3],
    );
    running.delete('tx-1');
    assert.deepEqual(
      store.select({}).map((m) => m.id),
      [3],
    );
    assert.equal(store.set(message(4, { transactionId: 'tx-1' }), ALL), 'UnknownTransaction', 'an ended transaction is unknown');
  });

  test('shows a message from its start time on, keeps and reports it before (O01.FR.05)', () => {
    const { store, clock } = storeAt();
    store.set(message(1, { startDateTime: at(60) }), ALL);
    assert.deepEqual(
      store.select({}).map((m) => m.id),
      [1],
    );
    assert.deepEqual(store.shown('Idle'), []);
    clock.now = T0 + 59_999;
    assert.deepEqual(store.shown('Idle'), []);
    clock.now = T0 + 60_000;
    assert.deepEqual(
      store.shown('Idle').map((m) => m.id),
      [1],
    );
  });

  test('removes a message once its end time has passed (O01.FR.05)', () => {
    const { store, clock } = storeAt();
    store.set(message(1, { endDateTime: at(60) }), ALL);
    clock.now = T0 + 59_999;
    assert.equal(store.size, 1);
    clock.now = T0 + 60_000;
    assert.equal(store.size, 0);
    assert.deepEqual(store.select({ id: [1] }), []);
  });

  test('shows the messages of the station state (or of none), AlwaysFront first', () => {
    const { store } = storeAt();
    store.set(message(1, { priority: 'NormalCycle' }), ALL);
    store.set(message(2, { priority: 'AlwaysFront', state: 'Charging' }), ALL);
    store.set(message(3, { priority: 'InFront' }), ALL);
    store.set(message(4, { priority: 'AlwaysFront', state: 'Idle' }), ALL);
    assert.deepEqual(
      store.shown('Idle').map((m) => m.id),
      [4, 3, 1],
    );
    assert.deepEqual(
      store.shown('Charging').map((m) => m.id),
      [2, 3, 1],
    );
  });

  test('reports in parts: tbc on every part but the last, the request id on each', () => {
    const messages = [1, 2, 3, 4, 5].map((id) => message(id));
    const parts = notifyDisplayMessagesParts(7, messages, 2);
    assert.deepEqual(
      parts.map((part) => [part.requestId, part.messageInfo?.map((m) => m.id), part.tbc]),
      [
        [7, [1, 2], true],
        [7, [3, 4], true],
        [7, [5], undefined],
      ],
    );
    assert.equal(notifyDisplayMessagesParts(8, [message(1)])[0].tbc, undefined);
  });
});

describe('display messages at the station', () => {
  test('answers SetDisplayMessage from its DisplayMessageCtrlr variables and counts what it keeps', async () => {
    const station = testStation();
    const set = (m: MessageInfoType) => station.replyTo('SetDisplayMessage', { message: m });
    assert.deepEqual(await set(message(1, { priority: 'AlwaysFront' })), { status: 'Accepted' });
    withdrawSupport(station.deviceModel, 'SupportedPriorities', 'AlwaysFront');
    assert.deepEqual(await set(message(2, { priority: 'AlwaysFront' })), { status: 'NotSupportedPriority' });
    withdrawSupport(station.deviceModel, 'SupportedStates', 'Faulted');
    assert.deepEqual(await set(message(3, { state: 'Faulted' })), { status: 'NotSupportedState' });
    withdrawSupport(station.deviceModel, 'SupportedFormats', 'URI');
    assert.deepEqual(await set(message(4, { message: { format: 'URI', content: 'https://example.org' } })), {
      status: 'NotSupportedMessageFormat',
    });
    assert.equal(station.deviceModel.value('DisplayMessageCtrlr', 'DisplayMessages'), '1');
    limitCapacity(station.deviceModel, 1);
    assert.deepEqual(await set(message(5)), { status: 'Rejected' });
    assert.deepEqual(await set(message(6, { transactionId: 'no-such-transaction' })), { status: 'UnknownTransaction' });
  });

  test('owes the NotifyDisplayMessages report of an accepted GetDisplayMessages, nothing for Unknown', async () => {
    const station = testStation();
    assert.deepEqual(await station.replyTo('GetDisplayMessages', { requestId: 3 }), { status: 'Unknown' });
    assert.equal(station.owed.outstanding().length, 0);
    for (const id of [1, 2, 3, 4, 5, 6]) await station.replyTo('SetDisplayMessage', { message: message(id) });
    assert.deepEqual(await station.replyTo('GetDisplayMessages', { requestId: 4, id: [9] }), { status: 'Unknown' });
    assert.deepEqual(await station.replyTo('GetDisplayMessages', { requestId: 5 }), { status: 'Accepted' });
    const owed = station.owed.take('NotifyDisplayMessages').map((entry) => entry.build() as NotifyDisplayMessagesRequest);
    assert.deepEqual(
      owed.map((part) => ({ requestId: part.requestId, ids: part.messageInfo?.map((m) => m.id), tbc: part.tbc })),
      [
        { requestId: 5, ids: [1, 2, 3, 4], tbc: true },
        { requestId: 5, ids: [5, 6], tbc: undefined },
      ],
    );
  });

  test('shows a transaction message while its transaction charges, and drops it when it ends', async () => {
    const station = testStation();
    const transaction = station.transactions.open(1, 1, 'tx-display');
    transaction.chargingState = 'Charging';
    await station.replyTo('SetDisplayMessage', { message: message(1, { transactionId: 'tx-display', state: 'Charging' }) });
    await station.replyTo('SetDisplayMessage', { message: message(2, { state: 'Idle' }) });
    assert.deepEqual(
      shownMessages(station).map((m) => m.id),
      [1],
    );
    transaction.ended = true;
    assert.deepEqual(
      shownMessages(station).map((m) => m.id),
      [2],
    );
    assert.deepEqual(
      station
        .state(DISPLAY_MESSAGES)
        .select({})
        .map((m) => m.id),
      [2],
    );
  });
});
