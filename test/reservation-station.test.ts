import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IdTokenType, ReserveNowRequest } from '../schemas/ocpp201-messages';
import { admits, claimReservation, expire, reservationEnd } from '../support/station/areas/reservation/reservations';
import { testStation } from './helpers/station';

const alice: IdTokenType = { idToken: 'ALICE', type: 'Central' };
const bob: IdTokenType = { idToken: 'BOB', type: 'Central' };
const inAnHour = (): string => new Date(Date.now() + 3_600_000).toISOString();

function reservation(fields: Partial<ReserveNowRequest> = {}): ReserveNowRequest {
  return { id: 1, expiryDateTime: inAnHour(), idToken: alice, ...fields };
}

function owedStatuses(station: ReturnType<typeof testStation>): string[] {
  return station.owed
    .take('StatusNotification')
    .map((entry) => entry.build() as { evseId: number; connectorStatus: string })
    .map(({ evseId, connectorStatus }) => `${evseId} ${connectorStatus}`);
}

test('a reservation of an EVSE is Accepted and makes its connector Reserved', async () => {
  const station = testStation({ numberOfEvses: 2 });
  assert.deepEqual(await station.replyTo('ReserveNow', reservation({ evseId: 2 })), { status: 'Accepted' });
  assert.deepEqual(owedStatuses(station), ['2 Reserved']);
  assert.equal(station.owed.outstanding()[0].action, 'NotifyEvent');
});

test('the reasons a reservation is refused come from the station: off, unknown EVSE, Inoperative, Faulted, occupied', async () => {
  const station = testStation({ numberOfEvses: 2 });
  station.deviceModel.setValue('ReservationCtrlr', 'Enabled', 'false');
  assert.deepEqual(await station.replyTo('ReserveNow', reservation({ evseId: 1 })), { status: 'Rejected' });
  station.deviceModel.setValue('ReservationCtrlr', 'Enabled', 'true');
  assert.deepEqual(await station.replyTo('ReserveNow', reservation({ evseId: 9 })), { status: 'Rejected' });
  await station.replyTo('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1 } });
  assert.deepEqual(await station.replyTo('ReserveNow', reservation({ evseId: 1 })), { status: 'Unavailable' });
  station.topology.connector(2, 1).status = 'Faulted';
  assert.deepEqual(await station.replyTo('ReserveNow', reservation({ evseId: 2 })), { status: 'Faulted' });
  station.topology.connector(2, 1).status = 'Available';
  station.transactions.open(2, 1);
  assert.deepEqual(await station.replyTo('ReserveNow', reservation({ evseId: 2 })), { status: 'Occupied' });
});

test('reservations without an EVSE make all EVSEs Reserved only once they are as many as the free EVSEs', async () => {
  const station = testStation({ numberOfEvses: 2 });
  assert.deepEqual(await station.replyTo('ReserveNow', reservation({ id: 1 })), { status: 'Accepted' });
  assert.deepEqual(owedStatuses(station), []);
  assert.deepEqual(await station.replyTo('ReserveNow', reservation({ id: 2, idToken: bob })), { status: 'Accepted' });
  assert.deepEqual(owedStatuses(station), ['1 Reserved', '2 Reserved']);
  assert.deepEqual(await station.replyTo('ReserveNow', reservation({ id: 3 })), { status: 'Occupied' });
});

test('a connector type the station does not have is Rejected', async () => {
  const station = testStation({ numberOfEvses: 1 });
  assert.deepEqual(await station.replyTo('ReserveNow', reservation({ connectorType: 'cCCS1' })), { status: 'Rejected' });
  assert.deepEqual(await station.replyTo('ReserveNow', reservation({ connectorType: 'cType2' })), { status: 'Accepted' });
  assert.deepEqual(owedStatuses(station), ['1 Reserved']);
});

test('the reserved EVSE admits its idToken and its group, refuses others; the transaction takes the reservation id', async () => {
  const station = testStation({ numberOfEvses: 1 });
  await station.replyTo('ReserveNow', reservation({ id: 5, evseId: 1, groupIdToken: { idToken: 'GROUP', type: 'Central' } }));
  assert.equal(admits(station, 1, alice, undefined), true);
  assert.equal(admits(station, 1, bob, undefined), false);
  assert.equal(admits(station, 1, bob, 'GROUP'), true);
  assert.equal(claimReservation(station, 1, bob, 'OTHER'), undefined);
  assert.equal(claimReservation(station, 1, bob, 'GROUP'), 5);
  assert.equal(admits(station, 1, bob, undefined), true);
  assert.equal(await reservationEnd(station, 5, 10), 'Used');
});

test('cancelling: Accepted for a held reservation (the connector Available again), Rejected for an unknown one', async () => {
  const station = testStation({ numberOfEvses: 1 });
  await station.replyTo('ReserveNow', reservation({ id: 4, evseId: 1 }));
  station.owed.take();
  assert.deepEqual(await station.replyTo('CancelReservation', { reservationId: 9 }), { status: 'Rejected' });
  assert.deepEqual(await station.replyTo('CancelReservation', { reservationId: 4 }), { status: 'Accepted' });
  assert.deepEqual(owedStatuses(station), ['1 Available']);
  assert.equal(await reservationEnd(station, 4, 10), 'Cancelled');
});

test('at its expiry the reservation ends: the connector is owed Available, then ReservationStatusUpdate Expired', async () => {
  const station = testStation({ numberOfEvses: 1 });
  await station.replyTo('ReserveNow', reservation({ id: 3, evseId: 1 }));
  station.owed.take();
  expire(station, 3);
  assert.deepEqual(
    station.owed.outstanding().map((entry) => entry.action),
    ['StatusNotification', 'NotifyEvent', 'ReservationStatusUpdate'],
  );
  assert.deepEqual(station.owed.outstanding()[2].build(), { reservationId: 3, reservationUpdateStatus: 'Expired' });
  assert.equal(await reservationEnd(station, 3, 10), 'Expired');
});

test('the station clock fires the expiry of a reservation whose expiryDateTime has passed', async () => {
  const station = testStation({ numberOfEvses: 1 });
  await station.replyTo('ReserveNow', reservation({ id: 2, evseId: 1, expiryDateTime: new Date(Date.now() - 1000).toISOString() }));
  assert.equal(await reservationEnd(station, 2, 1000), 'Expired');
});

test('the same id replaces the reservation it names', async () => {
  const station = testStation({ numberOfEvses: 2 });
  await station.replyTo('ReserveNow', reservation({ id: 1, evseId: 1 }));
  assert.deepEqual(await station.replyTo('ReserveNow', reservation({ id: 1, evseId: 2 })), { status: 'Accepted' });
  assert.deepEqual(owedStatuses(station), ['1 Reserved', '1 Available', '2 Reserved']);
});
