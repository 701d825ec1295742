import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { requests as availabilityRequests, responses as availabilityResponses } from '../csms/areas/availability/requests';
import { handlers } from '../csms/areas/reservation/handlers';
import { handlers as transactionHandlers } from '../csms/areas/transactions/handlers';
import { requests, responses } from '../csms/areas/reservation/requests';
import type { HandlerContext } from '../csms/handler-context';
import { BadOperatorRequest, type BuilderContext } from '../csms/operator/builder-context';
import type { StationSession } from '../csms/station-session';
import { CsmsStore, type StationRecord } from '../csms/store';
import type { CancelReservationRequest, ChangeAvailabilityRequest, ReserveNowRequest } from '../schemas/ocpp201-messages';
import type { TestPki } from '../kernel/tls/test-pki';
import { testConfig } from './helpers/reference-csms';
import { AVAILABILITY } from '../csms/areas/availability/state';
import { RESERVATIONS } from '../csms/areas/reservation/state';

const config = testConfig();

describe('the reference CSMS keeps reservations and availability', () => {
  let store: CsmsStore;
  let station: StationRecord;
  let builder: BuilderContext;
  let handler: HandlerContext;

  beforeEach(() => {
    store = new CsmsStore(config);
    station = store.station(config.BASIC_AUTH_CP) as StationRecord;
    const session = { connection: { note: () => undefined } } as unknown as StationSession;
    builder = { store, config, station, session, pki: {} as TestPki, endpoints: { ws: '', wss: '' } };
    handler = { store, config, station, session };
  });

  function reserveNow(params: Record<string, unknown>): ReserveNowRequest {
    const build = requests.ReserveNow;
    assert.ok(build);
    return build(params, builder) as ReserveNowRequest;
  }

  function cancelRequest(params: Record<string, unknown>): CancelReservationRequest {
    const build = requests.CancelReservation;
    assert.ok(build);
    return build(params, builder) as CancelReservationRequest;
  }

  test('an accepted reservation is kept; cancelling takes the one the operator names, else the latest active one', () => {
    const request = reserveNow({ evseId: 1 });
    assert.equal(request.idToken.idToken, config.VALID_ID_TOKEN);
    assert.throws(() => cancelRequest({}), BadOperatorRequest);
    responses.ReserveNow?.(request, { status: 'Accepted' }, builder);
    assert.equal(station.areaState.of(RESERVATIONS).get(request.id)?.status, 'Active');
    assert.deepEqual(cancelRequest({}), { reservationId: request.id });
    assert.deepEqual(cancelRequest({ reservationId: 42 }), { reservationId: 42 });
    responses.CancelReservation?.({ reservationId: request.id }, { status: 'Accepted' }, builder);
    assert.equal(station.areaState.of(RESERVATIONS).get(request.id)?.status, 'Cancelled');
  });

  test('a refused reservation is not kept; a ReserveNow for an EVSE the station does not have is not built', () => {
    const request = reserveNow({});
    responses.ReserveNow?.(request, { status: 'Occupied' }, builder);
    assert.equal(station.areaState.of(RESERVATIONS).size, 0);
    assert.throws(() => reserveNow({ evseId: 99 }), BadOperatorRequest);
    assert.throws(() => reserveNow({ expiryDateTime: 'tomorrow' }), BadOperatorRequest);
  });

  test('ReservationStatusUpdate tells the CSMS how the reservation ended', async () => {
    const request = reserveNow({ evseId: 1 });
    responses.ReserveNow?.(request, { status: 'Accepted' }, builder);
    assert.deepEqual(
      await handlers.ReservationStatusUpdate?.({ reservationId: request.id, reservationUpdateStatus: 'Expired' }, handler),
      {},
    );
    assert.equal(station.areaState.of(RESERVATIONS).get(request.id)?.status, 'Expired');
  });

  test('ChangeAvailability: the accepted or scheduled status is kept by scope; a rejected one changes nothing', () => {
    const build = availabilityRequests.ChangeAvailability;
    assert.ok(build);
    assert.throws(() => build({ operationalStatus: 'Inoperative', evse: { id: 9 } }, builder), BadOperatorRequest);
    const evse = build({ operationalStatus: 'Inoperative', evse: { id: 1 } }, builder) as ChangeAvailabilityRequest;
    availabilityResponses.ChangeAvailability?.(evse, { status: 'Scheduled' }, builder);
    assert.deepEqual(station.areaState.of(AVAILABILITY).get('evse 1'), { status: 'Inoperative', scheduled: true });
    const whole = build({ operationalStatus: 'Inoperative' }, builder) as ChangeAvailabilityRequest;
    availabilityResponses.ChangeAvailability?.(whole, { status: 'Rejected' }, builder);
    assert.equal(station.areaState.of(AVAILABILITY).has('station'), false);
  });
});

test('a transaction that names a reservation of the CSMS uses it up', async () => {
  const store = new CsmsStore(config);
  const station = store.station(config.BASIC_AUTH_CP) as StationRecord;
  const session = { connection: { note: () => undefined } } as unknown as StationSession;
  station.areaState.of(RESERVATIONS).set(3, {
    id: 3,
    evseId: 1,
    idToken: { idToken: 'A', type: 'Central' },
    expiryDateTime: '2030-01-01T00:00:00Z',
    status: 'Active',
  });
  await transactionHandlers.TransactionEvent?.(
    {
      eventType: 'Started',
      triggerReason: 'Authorized',
      seqNo: 0,
      timestamp: new Date().toISOString(),
      reservationId: 3,
      transactionInfo: { transactionId: 'tx-r' },
    },
    { store, config, station, session },
  );
  assert.equal(station.areaState.of(RESERVATIONS).get(3)?.status, 'Used');
});
