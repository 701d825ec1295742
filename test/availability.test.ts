import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testStation } from './helpers/station';

test('ChangeAvailability Inoperative of an idle EVSE: Accepted, its connector owed Unavailable', async () => {
  const station = testStation({ numberOfEvses: 2 });
  const reply = await station.replyTo('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 2 } });
  assert.deepEqual(reply, { status: 'Accepted' });
  assert.equal(station.availability.isOperative(2, 1), false);
  assert.equal(station.availability.isOperative(1, 1), true);
  const [status, event] = station.owed.pending();
  assert.equal(status.action, 'StatusNotification');
  assert.deepEqual(
    { ...(status.build() as object), timestamp: 'now' },
    { timestamp: 'now', connectorStatus: 'Unavailable', evseId: 2, connectorId: 1 },
  );
  assert.equal(event.action, 'NotifyEvent');
  assert.equal(station.owed.pending().length, 2);
});

test('Inoperative while a transaction runs: Scheduled, done when the transaction ends', async () => {
  const station = testStation({ numberOfEvses: 1 });
  const transaction = station.transactions.open(1, 1);
  const reply = await station.replyTo('ChangeAvailability', { operationalStatus: 'Inoperative' });
  assert.deepEqual(reply, { status: 'Scheduled' });
  assert.equal(station.availability.isOperative(1, 1), true);
  assert.equal(station.owed.pending().length, 0);
  transaction.ended = true;
  assert.deepEqual(station.availability.transactionEnded(1), [{ evseId: 1, connectorId: 1, status: 'Unavailable' }]);
  assert.equal(station.availability.isOperative(1, 1), false);
  assert.equal(station.availability.hasScheduled(1), false);
});

test('an unknown EVSE or connector is Rejected and changes nothing', async () => {
  const station = testStation({ numberOfEvses: 1 });
  assert.deepEqual(await station.replyTo('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 9 } }), {
    status: 'Rejected',
  });
  assert.deepEqual(await station.replyTo('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1, connectorId: 5 } }), {
    status: 'Rejected',
  });
  assert.equal(station.availability.isOperative(1, 1), true);
  assert.equal(station.owed.pending().length, 0);
});

test('a connector made Inoperative and then Operative again is owed Unavailable, then Available', async () => {
  const station = testStation({ numberOfEvses: 1 });
  await station.replyTo('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1, connectorId: 1 } });
  await station.replyTo('ChangeAvailability', { operationalStatus: 'Operative', evse: { id: 1, connectorId: 1 } });
  const statuses = station.owed.take('StatusNotification').map((owed) => (owed.build() as { connectorStatus: string }).connectorStatus);
  assert.deepEqual(statuses, ['Unavailable', 'Available']);
  assert.deepEqual(
    station.owed.pending().map((owed) => owed.action),
    ['NotifyEvent', 'NotifyEvent'],
  );
});

test('sendOwed names what the station owes when the step expects something else', async () => {
  const station = testStation({ numberOfEvses: 1 });
  await station.replyTo('ChangeAvailability', { operationalStatus: 'Inoperative' });
  await assert.rejects(
    () => station.sendOwed('Heartbeat'),
    /owes no HeartbeatRequest \(it owes: StatusNotificationRequest \(ChangeAvailability to Inoperative Accepted\)/,
  );
});
