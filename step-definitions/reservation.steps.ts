import { type DataTable, Then, When } from '@cucumber/cucumber';
import type { ReserveNowRequest } from '../schemas/ocpp201-messages';
import { StationClock } from '../kernel/time/station-clock';
import { stateSlot } from '../kernel/state-slots';
import type { ReceivedCall } from '../kernel/ocpp/rpc';
import { evseLost, reservationEnd } from '../support/station/areas/reservation/reservations';
import { describeExchanges, latestStep, recordStep, sentInLatestStep } from '../support/station/step-record';
import { type FieldFailure, ValidationError, checkFields } from '../support/validation/field-checks';
import { valueAt } from '../support/validation/paths';
import type { OcttWorld } from '../support/world';
import type { MessageName } from './parameter-types';
import { expectationRows, payloadFrom } from './tables';

/** The ReserveNowRequests of a step that asked for one per EVSE (TC_H_14). */
const RESERVE_CALLS = stateSlot<OcttWorld, ReceivedCall[]>('ReserveNow requests, one per EVSE', () => []);

function latestReservation(world: OcttWorld): ReserveNowRequest {
  const request = world.valueContext().message('ReserveNowRequest') as ReserveNowRequest | undefined;
  if (!request) throw new Error('the CSMS has sent no ReserveNowRequest in this scenario');
  return request;
}

When(
  'the CSMS is asked to send a ReserveNowRequest expiring after the configured transaction duration with',
  function (this: OcttWorld, table: DataTable) {
    // The station's clock turns the duration into the instant the reservation ends (TIME_SCALE applies).
    const expiryDateTime = StationClock.fromConfig(this.config).timestampIn(this.config.TRANSACTION_DURATION).toISOString();
    const params = { ...payloadFrom(table, this.valueContext()), expiryDateTime };
    this.askCsms(
      'ReserveNow',
      params,
      `Make the CSMS send a ReserveNowRequest to ${this.station().id} with ${Object.entries(params)
        .map(([key, value]) => `${key} = ${JSON.stringify(value)}`)
        .join(', ')} (it expires ${this.config.TRANSACTION_DURATION} s from now).`,
    );
  },
);

/** The older suite's bound: the expiry lies ahead, within max(10, TRANSACTION_DURATION) s of now + TRANSACTION_DURATION (scaled). */
Then('its expiryDateTime lies about the configured transaction duration ahead', function (this: OcttWorld) {
  const request = latestReservation(this);
  const { TRANSACTION_DURATION: duration, TIME_SCALE: scale } = this.config;
  const now = Date.now();
  const expiry = Date.parse(request.expiryDateTime);
  const target = now + duration * 1000 * scale;
  const slack = Math.max(10, duration) * 1000 * scale;
  if (!(expiry > now) || Math.abs(expiry - target) > slack) {
    throw new ValidationError([
      {
        message: 'ReserveNowRequest',
        field: 'expiryDateTime',
        expected: `after now and within ${slack / 1000} s of ${new Date(target).toISOString()}`,
        actual: request.expiryDateTime,
      },
    ]);
  }
});

When('the reservation reaches its expiryDateTime', async function (this: OcttWorld) {
  const request = latestReservation(this);
  const station = this.station();
  // Waits for the station's own timer, which fires at expiryDateTime; a second more and it has failed.
  const timeoutMs = Math.max(0, Date.parse(request.expiryDateTime) - Date.now()) + 1000;
  const how = await reservationEnd(station, request.id, timeoutMs);
  if (how !== 'Expired') throw new Error(`reservation ${request.id} did not expire: it ended ${how} before its expiryDateTime`);
});

When('the configured connector becomes Faulted', async function (this: OcttWorld) {
  const station = this.station();
  const { CONFIGURED_EVSE_ID: evseId, CONFIGURED_CONNECTOR_ID: connectorId } = this.config;
  await recordStep(this, station, async () => {
    await station.reportConnectorStatus(evseId, connectorId, 'Faulted');
    evseLost(station, evseId, 'became Faulted');
  });
});

When('the CSMS is asked to send a ReserveNowRequest for each EVSE of the station with', async function (this: OcttWorld, table: DataTable) {
  const station = this.station();
  const calls = this.scenarioState(RESERVE_CALLS);
  const params = payloadFrom(table, this.valueContext());
  const count = station.topology.evses.length;
  // One after the other, as the OCTT takes them: the next is asked for once the previous arrived.
  for (let index = 1; index <= count; index++) {
    const call = await this.stateContext().askCsms(
      'ReserveNow',
      params,
      `Make the CSMS send reservation ${index} of ${count} to ${station.id} (${JSON.stringify(params)}).`,
    );
    calls.push(call);
  }
});

Then('each of those ReserveNowRequests has', async function (this: OcttWorld, table: DataTable) {
  const calls = this.scenarioState(RESERVE_CALLS);
  if (calls.length === 0) throw new Error('no ReserveNowRequests were asked for one per EVSE');
  const failures: FieldFailure[] = [];
  for (const [index, call] of calls.entries()) {
    try {
      checkFields(`ReserveNowRequest #${index + 1}`, call.payload, expectationRows(table), this.valueContext());
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      failures.push(...error.failures);
    }
  }
  if (failures.length > 0) throw new ValidationError(failures);
});

Then('the charging station answered each of those ReserveNowRequests with', async function (this: OcttWorld, table: DataTable) {
  const calls = this.scenarioState(RESERVE_CALLS);
  const failures: FieldFailure[] = [];
  for (const [index, call] of calls.entries()) {
    const answer = await call.answered;
    if (answer.kind !== 'result') throw new Error(`the station did not answer ReserveNowRequest #${index + 1} (${answer.kind})`);
    try {
      checkFields(`ReserveNowResponse #${index + 1}`, answer.payload, expectationRows(table), this.valueContext());
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      failures.push(...error.failures);
    }
  }
  if (failures.length > 0) throw new ValidationError(failures);
});

const EVSE_FIELD: Readonly<Record<string, string>> = {
  StatusNotification: 'evseId',
  NotifyEvent: 'eventData[0].component.evse.id',
};

Then(
  'the charging station sent a {message} for each of its EVSEs with',
  function (this: OcttWorld, message: MessageName, table: DataTable) {
    const field = EVSE_FIELD[message.action];
    if (!field) throw new Error(`${message.name} names no EVSE this step knows of`);
    const sent = sentInLatestStep(this, message.action);
    const failures: FieldFailure[] = [];
    for (const evse of this.station().topology.evses) {
      const mine = sent.filter((exchange) => valueAt(exchange.request, field) === evse.id);
      if (mine.length !== 1) {
        throw new Error(
          `the step was to make the charging station send one ${message.name} for EVSE ${evse.id}; it sent ${describeExchanges(latestStep(this))}`,
        );
      }
      try {
        checkFields(`${message.name} of EVSE ${evse.id}`, mine[0].request, expectationRows(table), this.valueContext());
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        failures.push(...error.failures);
      }
    }
    if (failures.length > 0) throw new ValidationError(failures);
  },
);
