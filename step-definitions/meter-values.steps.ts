import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
import type { MeterValueType, MeterValuesRequest, NotifyEventRequest, TransactionEventRequest } from '../schemas/ocpp201-messages';
import { monitorFiscalMeter } from '../support/station/areas/meter-values/area';
import {
  type StampedAt,
  alignmentFailures,
  endedMeterValueFailures,
  growthFailures,
  signatureFailures,
} from '../support/station/areas/meter-values/checks';
import { intervalOf } from '../support/station/areas/meter-values/readings';
import { type ReportTransactionReading, runAlignedIntervals, runSampledIntervals } from '../support/station/areas/meter-values/sampling';
import { reportReading, shareCardReader } from '../support/station/areas/transactions/session';
import type { Exchange } from '../support/station/core/charging-station';
import { describeExchanges, latestStep, recordStep, sentInLatestStep } from '../support/station/step-record';
import { type FieldFailure, ValidationError } from '../support/validation/field-checks';
import type { OcttWorld } from '../support/world';
import { checkSentInOrder } from './station-actions';

function reporter(world: OcttWorld): ReportTransactionReading {
  return (transaction, trigger, meterValue) =>
    reportReading({ station: world.station(), remember: (name, value) => world.remember(name, value) }, transaction, trigger, meterValue);
}

function throwIfAny(failures: readonly FieldFailure[]): void {
  if (failures.length > 0) throw new ValidationError(failures);
}

function endedEvent(world: OcttWorld): TransactionEventRequest {
  const ended = sentInLatestStep(world, 'TransactionEvent')
    .map((exchange) => exchange.request as TransactionEventRequest)
    .find((request) => request.eventType === 'Ended');
  if (!ended)
    throw new Error(
      `the step made the charging station send no Ended TransactionEventRequest; it sent ${describeExchanges(latestStep(world))}`,
    );
  return ended;
}

/** Every timestamp of a reading the station sent in that step. */
function readingStamps(exchanges: readonly Exchange[]): StampedAt[] {
  return exchanges.flatMap((exchange, index): StampedAt[] => {
    const message = `${exchange.action}Request #${index + 1}`;
    const meterValues = (exchange.request as { meterValue?: MeterValueType[] }).meterValue ?? [];
    const stamps = meterValues.map((reading, position) => ({
      message,
      field: `meterValue[${position}].timestamp`,
      timestamp: reading.timestamp,
    }));
    if (exchange.action === 'NotifyEvent') {
      (exchange.request as NotifyEventRequest).eventData.forEach((event, position) =>
        stamps.push({ message, field: `eventData[${position}].timestamp`, timestamp: event.timestamp }),
      );
    }
    return stamps;
  });
}

Given('the charging station has a custom PeriodicClockAligned monitor on FiscalMetering.MeterValue', function (this: OcttWorld) {
  monitorFiscalMeter(this.station(), 1);
});

Given('the charging station has one card reader for all its EVSEs', function (this: OcttWorld) {
  shareCardReader(this.station());
});

When('{int} clock-aligned interval(s) pass(es)', async function (this: OcttWorld, count: number) {
  const station = this.station();
  await recordStep(this, station, () => runAlignedIntervals(station, count, reporter(this)));
});

When('the EV charges for {int} sampled interval(s)', async function (this: OcttWorld, count: number) {
  const station = this.station();
  await recordStep(this, station, () => runSampledIntervals(station, this.config.CONFIGURED_EVSE_ID, count, reporter(this)));
});

Then('the charging station sent these MeterValuesRequests', function (this: OcttWorld, table: DataTable) {
  checkSentInOrder(this, 'MeterValues', table);
});

Then('the charging station sent these NotifyEventRequests', function (this: OcttWorld, table: DataTable) {
  checkSentInOrder(this, 'NotifyEvent', table);
});

Then('every reading of that step is timestamped on a clock-aligned boundary of AlignedDataCtrlr.Interval', function (this: OcttWorld) {
  const station = this.station();
  const stamps = readingStamps(latestStep(this));
  if (stamps.length === 0) throw new Error('the step made the charging station send no reading');
  throwIfAny(alignmentFailures(station, stamps, intervalOf(station, 'AlignedDataCtrlr', 'Interval')));
});

Then('the energy register grows from one reading of that step to the next', function (this: OcttWorld) {
  const readings = latestStep(this).flatMap((exchange, index) =>
    ((exchange.request as MeterValuesRequest).meterValue ?? []).map((meterValue) => ({
      message: `${exchange.action}Request #${index + 1}`,
      meterValue,
    })),
  );
  throwIfAny(growthFailures(readings));
});

Then(
  'the meter values of the Ended event are its clock-aligned readings on the AlignedDataCtrlr.TxEndedInterval boundaries, then its Transaction.End reading',
  function (this: OcttWorld) {
    const station = this.station();
    const interval = intervalOf(station, 'AlignedDataCtrlr', 'TxEndedInterval');
    throwIfAny(endedMeterValueFailures(station, 'TransactionEventRequest (Ended)', endedEvent(this).meterValue, 'Sample.Clock', interval));
  },
);

Then(
  'the meter values of the Ended event are its periodic readings every SampledDataCtrlr.TxEndedInterval, then its Transaction.End reading',
  function (this: OcttWorld) {
    const station = this.station();
    const interval = intervalOf(station, 'SampledDataCtrlr', 'TxEndedInterval');
    throwIfAny(
      endedMeterValueFailures(station, 'TransactionEventRequest (Ended)', endedEvent(this).meterValue, 'Sample.Periodic', interval),
    );
  },
);

Then('every sampled value of the Ended event is signed by the meter of the configured EVSE', function (this: OcttWorld) {
  const meter = this.station().transactions.meterOf(this.config.CONFIGURED_EVSE_ID);
  throwIfAny(signatureFailures(meter, 'TransactionEventRequest (Ended)', endedEvent(this).meterValue));
});

Then('the CSMS answered every request of that step', function (this: OcttWorld) {
  const exchanges = latestStep(this);
  if (exchanges.length === 0) throw new Error('the step made the charging station send nothing');
  const unanswered = exchanges.filter((exchange) => exchange.response === undefined || exchange.failure);
  if (unanswered.length > 0) {
    throw new Error(
      `the CSMS did not answer ${unanswered.map((exchange) => `${exchange.action}Request${exchange.failure ? ` (${exchange.failure.message})` : exchange.queued ? ' (queued)' : ''}`).join(', ')}`,
    );
  }
});
