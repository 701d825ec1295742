import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plugIn, presentIdToken, unplug } from '../support/station/areas/transactions/session';
import { testStation } from './helpers/station';

test('ChangeAvailability Inoperative of an idle EVSE: Accepted, its connector owed Unavailable', async () => {
  const station = testStation({ numberOfEvses: 2 });
  const reply = await station.replyTo('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 2 } });
  assert.deepEqual(reply, { status: 'Accepted' });
  assert.equal(station.availability.isOperative(2, 1), false);
  assert.equal(station.availability.isOperative(1, 1), true);
  const [status, event] = station.owed.outstanding();
  assert.equal(status.action, 'StatusNotification');
  assert.deepEqual(
    { ...(status.build() as object), timestamp: 'now' },
    { timestamp: 'now', connectorStatus: 'Unavailable', evseId: 2, connectorId: 1 },
  );
  assert.equal(event.action, 'NotifyEvent');
  assert.equal(station.owed.outstanding().length, 2);
});

test('Inoperative while a transaction runs: Scheduled, done when the transaction ends', async () => {
  const station = testStation({ numberOfEvses: 1 });
  const transaction = station.transactions.open(1, 1);
  const reply = await station.replyTo('ChangeAvailability', { operationalStatus: 'Inoperative' });
  assert.deepEqual(reply, { status: 'Scheduled' });
  assert.equal(station.availability.isOperative(1, 1), true);
  assert.equal(station.owed.outstanding().length, 0);
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
  assert.equal(station.owed.outstanding().length, 0);
});

test('a connector made Inoperative and then Operative again is owed Unavailable, then Available', async () => {
  const station = testStation({ numberOfEvses: 1 });
  await station.replyTo('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1, connectorId: 1 } });
  await station.replyTo('ChangeAvailability', { operationalStatus: 'Operative', evse: { id: 1, connectorId: 1 } });
  const statuses = station.owed.take('StatusNotification').map((owed) => (owed.build() as { connectorStatus: string }).connectorStatus);
  assert.deepEqual(statuses, ['Unavailable', 'Available']);
  assert.deepEqual(
    station.owed.outstanding().map((owed) => owed.action),
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

test('a whole-station Inoperative with one EVSE busy: the idle EVSE changes now, the busy one when its transaction ends', async () => {
  const station = testStation({ numberOfEvses: 2 });
  station.transactions.open(1, 1);
  assert.deepEqual(await station.replyTo('ChangeAvailability', { operationalStatus: 'Inoperative' }), { status: 'Scheduled' });
  assert.equal(station.availability.isOperative(1, 1), true);
  assert.equal(station.availability.isOperative(2, 1), false);
  const owed = station.owed.take('StatusNotification').map((entry) => entry.build() as { evseId: number; connectorStatus: string });
  assert.deepEqual(
    owed.map(({ evseId, connectorStatus }) => `${evseId} ${connectorStatus}`),
    ['2 Unavailable'],
  );
  const transaction = station.transactions.onEvse(1);
  assert.ok(transaction);
  transaction.ended = true;
  assert.deepEqual(station.availability.transactionEnded(1), [{ evseId: 1, connectorId: 1, status: 'Unavailable' }]);
  assert.equal(station.availability.isOperative(1, 1), false);
});

test('Operative for the station after a scheduled whole-station Inoperative leaves every EVSE operative', async () => {
  const station = testStation({ numberOfEvses: 2 });
  const transaction = station.transactions.open(1, 1);
  await station.replyTo('ChangeAvailability', { operationalStatus: 'Inoperative' });
  transaction.ended = true;
  station.availability.transactionEnded(1);
  await station.replyTo('ChangeAvailability', { operationalStatus: 'Operative' });
  assert.equal(station.availability.isOperative(1, 1), true);
  assert.equal(station.availability.isOperative(2, 1), true);
});

test('each level keeps its own status: an Inoperative connector stays so when its EVSE is set Operative', async () => {
  const station = testStation({ numberOfEvses: 1 });
  await station.replyTo('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1, connectorId: 1 } });
  await station.replyTo('ChangeAvailability', { operationalStatus: 'Operative', evse: { id: 1 } });
  assert.equal(station.availability.isOperative(1, 1), false);
  assert.equal(station.availability.connectorStatus(1, 1), 'Unavailable');
});

test('Inoperative persists across a reboot: the connector comes back Unavailable, the others Available', async () => {
  const station = testStation({ numberOfEvses: 2 });
  await station.replyTo('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 2 } });
  for (const { connector } of station.topology.allConnectors()) connector.status = 'Faulted';
  station.availability.powerUp();
  assert.equal(station.topology.connector(1, 1).status, 'Available');
  assert.equal(station.topology.connector(2, 1).status, 'Unavailable');
});

test('a reservation on an EVSE that becomes Unavailable is removed (ReservationStatusUpdate Removed owed)', async () => {
  const station = testStation({ numberOfEvses: 1 });
  const reserve = {
    id: 7,
    evseId: 1,
    expiryDateTime: new Date(Date.now() + 3_600_000).toISOString(),
    idToken: { idToken: 'A', type: 'Central' as const },
  };
  assert.deepEqual(await station.replyTo('ReserveNow', reserve), { status: 'Accepted' });
  station.owed.take();
  await station.replyTo('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1 } });
  const update = station.owed.take('ReservationStatusUpdate').map((entry) => entry.build());
  assert.deepEqual(update, [{ reservationId: 7, reservationUpdateStatus: 'Removed' }]);
  assert.deepEqual(await station.replyTo('ReserveNow', { ...reserve, id: 8 }), { status: 'Unavailable' });
});

test('an Inoperative EVSE accepts no idToken: the station asks no CSMS and starts no transaction', async () => {
  const station = testStation({ numberOfEvses: 1 });
  await station.replyTo('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1 } });
  const presented = await presentIdToken(
    { station, remember: () => undefined },
    { evseId: 1, connectorId: 1 },
    { idToken: 'A', type: 'Central' },
  );
  assert.equal(presented.accepted, false);
  assert.equal(station.transactions.all().length, 0);
});

test('the end of the transaction owes the scheduled Unavailable after the Available of the unplugging', async () => {
  // Offline, the station queues its TransactionEvents, so the session runs without a CSMS.
  const station = testStation({ numberOfEvses: 1 });
  const context = { station, remember: () => undefined };
  await plugIn(context, { evseId: 1, connectorId: 1 });
  assert.ok(station.transactions.onEvse(1));
  assert.deepEqual(await station.replyTo('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1 } }), {
    status: 'Scheduled',
  });
  await unplug(context, { evseId: 1, connectorId: 1 }, 'station');
  assert.equal(station.transactions.onEvse(1), undefined);
  const owed = station.owed.take('StatusNotification').map((entry) => (entry.build() as { connectorStatus: string }).connectorStatus);
  assert.deepEqual(owed, ['Unavailable']);
  assert.equal(station.topology.connector(1, 1).status, 'Unavailable');
});
