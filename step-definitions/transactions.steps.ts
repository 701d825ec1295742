import { type DataTable, Given, Then, When, defineParameterType } from '@cucumber/cucumber';
import type { AuthorizeResponse, TransactionEventEnumType, TransactionEventRequest } from '../schemas/ocpp201-messages';
import { scaledMs } from '../kernel/config';
import { sendAuthorizationEvent } from '../support/station/areas/authorization/events';
import { configuredIdToken } from '../support/station/areas/authorization/tokens';
import type { Exchange } from '../support/station/core/charging-station';
import { describeExchanges, latestStep, recordStep, sentInLatestStep } from '../support/station/step-record';
import {
  type SessionContext,
  type Where,
  authorizeStop,
  chargeUntil,
  chargeWithSamples,
  closePowerPath,
  deauthorize,
  enterParkingBay,
  expireEvConnection,
  leaveParkingBay,
  plugIn,
  presentIdToken,
  receiveSignedMeterData,
  startEnergyTransfer,
  stopEnergyTransfer,
  stopRemotely,
  suspendByEv,
  unplug,
} from '../support/station/areas/transactions/session';
import { type FieldFailure, ValidationError, checkFields } from '../support/validation/field-checks';
import { resolveValue } from '../support/validation/values';
import type { OcttWorld } from '../support/world';
import type { MessageName } from './parameter-types';
import { expectationRows, payloadFrom } from './tables';
import { checkSentInOrder } from './station-actions';

defineParameterType({
  name: 'presentedIdToken',
  regexp: /the configured (?:valid|second valid|invalid|blocked|expired|master pass|local list|second local list) idToken/,
  transformer: (phrase: string) => phrase,
});

function configured(world: OcttWorld): Where {
  return { evseId: world.config.CONFIGURED_EVSE_ID, connectorId: world.config.CONFIGURED_CONNECTOR_ID };
}

function sessionContext(world: OcttWorld): SessionContext {
  return { station: world.station(), remember: (name, value) => world.remember(name, value) };
}

/** Runs what the step makes happen; the latest answer becomes what "the CSMS responds with" checks. */
async function act(world: OcttWorld, work: (context: SessionContext, where: Where) => Promise<unknown>): Promise<void> {
  const exchanges = await recordStep(world, world.station(), () => work(sessionContext(world), configured(world)));
  const answered = exchanges.filter((exchange) => exchange.response !== undefined).at(-1);
  if (answered) world.inspected = { name: `${answered.action}Response`, payload: answered.response };
}

// ---------------------------------------------------------------------------------------------
// How the station is set up

Given('the charging station is configured with {word} = {word}', function (this: OcttWorld, path: string, cell: string) {
  const [component, variable] = path.split('.');
  if (!component || !variable) throw new Error(`"${path}" is not Component.Variable (e.g. TxCtrlr.TxStartPoint)`);
  // A <placeholder> takes a configured value (an interval such as <SAMPLED_METER_VALUES_INTERVAL>).
  const value = /^<.+>$/.test(cell) ? String(resolveValue(cell, this.valueContext()).value) : cell;
  const result = this.station().deviceModel.set({ component: { name: component }, variable: { name: variable }, attributeValue: value });
  if (result.attributeStatus !== 'Accepted') {
    throw new Error(
      `the station cannot take ${path} = ${value}: ${result.attributeStatus} ${JSON.stringify(result.attributeStatusInfo ?? {})}`,
    );
  }
});

// ---------------------------------------------------------------------------------------------
// What happens at the configured EVSE

When('the EV enters the parking bay', async function (this: OcttWorld) {
  await act(this, enterParkingBay);
});

When('the EV leaves the parking bay', async function (this: OcttWorld) {
  await act(this, leaveParkingBay);
});

When('the EV is plugged into the configured connector', async function (this: OcttWorld) {
  await act(this, plugIn);
});

When('the EV is unplugged from the configured connector', async function (this: OcttWorld) {
  await act(this, (context, where) => unplug(context, where, 'station'));
});

When('the cable is unplugged at the EV side', async function (this: OcttWorld) {
  await act(this, (context, where) => unplug(context, where, 'ev'));
});

When('the driver presents {presentedIdToken}', async function (this: OcttWorld, phrase: string) {
  await act(this, (context, where) => presentIdToken(context, where, configuredIdToken(this.config, phrase)));
});

When('the driver presents {presentedIdToken} to stop the transaction', async function (this: OcttWorld, phrase: string) {
  await act(this, (context, where) => authorizeStop(context, where, configuredIdToken(this.config, phrase)));
});

When('the charging station closes the power path', async function (this: OcttWorld) {
  await act(this, closePowerPath);
});

When('the charging station receives signed meter data', async function (this: OcttWorld) {
  await act(this, receiveSignedMeterData);
});

When('the EV starts charging', async function (this: OcttWorld) {
  await act(this, startEnergyTransfer);
});

When('the EV suspends charging', async function (this: OcttWorld) {
  await act(this, suspendByEv);
});

When('the charging station stops the energy transfer', async function (this: OcttWorld) {
  await act(this, stopEnergyTransfer);
});

When('the charging station deauthorizes the transaction because the CSMS rejected the idToken', async function (this: OcttWorld) {
  await act(this, deauthorize);
});

When('the charging station stops the transaction as the CSMS requested', async function (this: OcttWorld) {
  await act(this, stopRemotely);
});

When('the EV has charged for the configured transaction duration', async function (this: OcttWorld) {
  await chargeUntil(sessionContext(this), configured(this), scaledMs(this.config, 'TRANSACTION_DURATION'));
});

When('the EV charges for the configured transaction duration with periodic meter values', async function (this: OcttWorld) {
  const station = this.station();
  // The station samples at SampledDataCtrlr.TxUpdatedInterval; the suite's interval sets it.
  station.deviceModel.setValue(
    'SampledDataCtrlr',
    'TxUpdatedInterval',
    String(Math.max(1, Math.round(this.config.SAMPLED_METER_VALUES_INTERVAL))),
  );
  await act(this, (context, where) =>
    chargeWithSamples(
      context,
      where,
      scaledMs(this.config, 'TRANSACTION_DURATION'),
      scaledMs(this.config, 'SAMPLED_METER_VALUES_INTERVAL'),
    ),
  );
});

When('no EV is plugged in before the EV connection timeout expires', async function (this: OcttWorld) {
  const seconds = Number(this.station().deviceModel.value('TxCtrlr', 'EVConnectionTimeOut') ?? '0');
  // The station's own timeout, scaled like every other waiting time of the suite (TIME_SCALE).
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000 * this.config.TIME_SCALE));
  await act(this, expireEvConnection);
});

// ---------------------------------------------------------------------------------------------
// Connection loss

When('the charging station reconnects to the CSMS', async function (this: OcttWorld) {
  const station = this.station();
  await recordStep(this, station, () => station.reconnect());
});

When('the charging station delivers its queued transaction events', async function (this: OcttWorld) {
  const station = this.station();
  if (station.queuedTransactionEvents.length === 0)
    throw new Error('the charging station has no queued TransactionEventRequest to deliver');
  await act(this, () => station.flushOfflineQueue());
});

When(
  'the charging station delivers its queued {transactionEventType} event ahead of the others',
  async function (this: OcttWorld, eventType: TransactionEventEnumType) {
    const station = this.station();
    await act(this, () => station.deliverQueuedFirst(eventType));
  },
);

// ---------------------------------------------------------------------------------------------
// What the station sent, and what the CSMS answered

function transactionEvents(world: OcttWorld): Exchange[] {
  return sentInLatestStep(world, 'TransactionEvent');
}

function inspectLastAnswer(world: OcttWorld, exchanges: readonly Exchange[]): void {
  const answered = exchanges.filter((exchange) => exchange.response !== undefined).at(-1);
  if (answered) world.inspected = { name: `${answered.action}Response`, payload: answered.response };
}

Then('the charging station sent these TransactionEventRequests', function (this: OcttWorld, table: DataTable) {
  const sent = checkSentInOrder(
    this,
    'TransactionEvent',
    table,
    (request, index) => `TransactionEventRequest #${index + 1} (seqNo ${(request as TransactionEventRequest).seqNo})`,
  );
  inspectLastAnswer(this, sent);
});

Then('the charging station sent no {message}', function (this: OcttWorld, message: MessageName) {
  const sent = sentInLatestStep(this, message.action);
  if (sent.length > 0) {
    throw new Error(`the charging station was not to send a ${message.name} in that step; it sent ${describeExchanges(latestStep(this))}`);
  }
});

Then('the charging station sent a/an {message} with', function (this: OcttWorld, message: MessageName, table: DataTable) {
  const exchange = sentInLatestStep(this, message.action).at(-1);
  if (!exchange)
    throw new Error(`the step made the charging station send no ${message.name}; it sent ${describeExchanges(latestStep(this))}`);
  checkFields(message.name, exchange.request, expectationRows(table), this.valueContext());
});

Then('every TransactionEventRequest of that step has', function (this: OcttWorld, table: DataTable) {
  const sent = transactionEvents(this);
  if (sent.length === 0) throw new Error('the step made the charging station send no TransactionEventRequest');
  const failures: FieldFailure[] = [];
  for (const exchange of sent) {
    const request = exchange.request as TransactionEventRequest;
    try {
      checkFields(`TransactionEventRequest seqNo ${request.seqNo}`, request, expectationRows(table), this.valueContext());
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      failures.push(...error.failures);
    }
  }
  if (failures.length > 0) throw new ValidationError(failures);
});

Then('those TransactionEventRequests are numbered on from seqNo {int}', function (this: OcttWorld, first: number) {
  const seqNos = transactionEvents(this).map((exchange) => (exchange.request as TransactionEventRequest).seqNo);
  const expected = seqNos.map((_, index) => first + index);
  if (seqNos.length === 0 || seqNos.some((seqNo, index) => seqNo !== expected[index])) {
    throw new ValidationError([
      {
        message: 'TransactionEventRequest',
        field: 'seqNo',
        expected: `${JSON.stringify(expected)} (from ${first}, no gap)`,
        actual: JSON.stringify(seqNos),
      },
    ]);
  }
});

function checkAnswer(world: OcttWorld, exchange: Exchange | undefined, what: string, table: DataTable): void {
  if (!exchange) throw new Error(`the step made the charging station send no ${what}; it sent ${describeExchanges(latestStep(world))}`);
  if (exchange.queued) throw new Error(`the ${what} waits in the offline queue; the CSMS has not answered it yet`);
  if (exchange.failure) throw exchange.failure;
  checkFields(`${exchange.action}Response`, exchange.response, expectationRows(table), world.valueContext());
  world.inspected = { name: `${exchange.action}Response`, payload: exchange.response };
}

Then('the CSMS responds to the {message} with', function (this: OcttWorld, message: MessageName, table: DataTable) {
  if (message.kind !== 'request') throw new Error(`name the request the CSMS answered, e.g. ${message.action}Request`);
  checkAnswer(this, sentInLatestStep(this, message.action).at(-1), message.name, table);
});

Then('the CSMS responds to the TransactionEventRequest with seqNo {int} with', function (this: OcttWorld, seqNo: number, table: DataTable) {
  const exchange = transactionEvents(this).find((candidate) => (candidate.request as TransactionEventRequest).seqNo === seqNo);
  checkAnswer(this, exchange, `TransactionEventRequest with seqNo ${seqNo}`, table);
});

// Any further event of the station's transaction, as a test case spells it out.

When(
  'the charging station sends the next TransactionEventRequest of its transaction with',
  async function (this: OcttWorld, table: DataTable) {
    const fields = payloadFrom(table, this.valueContext()) as Partial<TransactionEventRequest>;
    const response = await sendAuthorizationEvent(
      {
        station: this.station(),
        config: this.config,
        remember: (name, value) => this.remember(name, value),
        lastAuthorizeResponse: () => this.messages.get('AuthorizeResponse') as AuthorizeResponse | undefined,
      },
      fields,
    );
    this.inspected = { name: 'TransactionEventResponse', payload: response };
  },
);
