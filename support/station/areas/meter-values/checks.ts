/**
 * What the suite checks of its own station's readings, so that a scenario shows the station did
 * what its device model says (aligned timestamps, the make-up of an Ended event, signatures)
 * before it judges the CSMS's answer. Each failure names the message, the field, the expected and
 * the actual value.
 */
import type { MeterValueType, ReadingContextEnumType } from '../../../../schemas/ocpp201-messages';
import { nextAlignedBoundary } from '../../../../kernel/time/station-clock';
import type { FieldFailure } from '../../../validation/field-checks';
import type { ChargingStation } from '../../core/charging-station';
import type { MeterModel } from '../../core/meter-model';
import { energyOf } from './readings';

/** A timestamp the station wrote, and where. */
export interface StampedAt {
  message: string;
  field: string;
  timestamp: string;
}

/** True when `timestamp` is a boundary of the station clock's grid of `intervalSeconds` (scaled). */
export function onAlignedBoundary(station: ChargingStation, timestamp: string, intervalSeconds: number): boolean {
  const at = Date.parse(timestamp);
  if (Number.isNaN(at)) return false;
  const intervalMs = Math.max(1, station.clock.scaledMs(intervalSeconds));
  return nextAlignedBoundary(new Date(at - 1), intervalMs).getTime() === at;
}

export function alignmentFailures(station: ChargingStation, stamps: readonly StampedAt[], intervalSeconds: number): FieldFailure[] {
  const ms = station.clock.scaledMs(intervalSeconds);
  return stamps
    .filter((stamp) => !onAlignedBoundary(station, stamp.timestamp, intervalSeconds))
    .map((stamp) => ({
      message: stamp.message,
      field: stamp.field,
      expected: `a clock-aligned boundary (a multiple of ${ms} ms since midnight UTC: ${intervalSeconds} s at TIME_SCALE ${station.clock.scale})`,
      actual: stamp.timestamp,
    }));
}

/**
 * An Ended event's meterValue list as a station with a TxEndedInterval writes it: one or more
 * readings of `context` in time order (on the aligned grid for Sample.Clock), the register never
 * going back, then the Transaction.End reading.
 */
export function endedMeterValueFailures(
  station: ChargingStation,
  message: string,
  meterValue: readonly MeterValueType[] | undefined,
  context: ReadingContextEnumType,
  intervalSeconds: number,
): FieldFailure[] {
  const list = meterValue ?? [];
  const failures: FieldFailure[] = [];
  const fail = (field: string, expected: string, actual: string): void => void failures.push({ message, field, expected, actual });
  if (list.length < 2) {
    fail('meterValue', `at least one ${context} reading and the Transaction.End reading`, `${list.length} element(s)`);
    return failures;
  }
  const samples = list.slice(0, -1);
  const last = list[list.length - 1];
  samples.forEach((reading, index) => {
    reading.sampledValue.forEach((sample, position) => {
      if (sample.context !== context) fail(`meterValue[${index}].sampledValue[${position}].context`, context, String(sample.context));
    });
    if (index > 0 && Date.parse(reading.timestamp) <= Date.parse(samples[index - 1].timestamp)) {
      fail(
        `meterValue[${index}].timestamp`,
        `later than meterValue[${index - 1}].timestamp ${samples[index - 1].timestamp}`,
        reading.timestamp,
      );
    }
  });
  if (context === 'Sample.Clock') {
    const stamps = samples.map((reading, index) => ({ message, field: `meterValue[${index}].timestamp`, timestamp: reading.timestamp }));
    failures.push(...alignmentFailures(station, stamps, intervalSeconds));
  }
  last.sampledValue.forEach((sample, position) => {
    if (sample.context !== 'Transaction.End')
      fail(`meterValue[${list.length - 1}].sampledValue[${position}].context`, 'Transaction.End', String(sample.context));
  });
  let previous: number | undefined;
  list.forEach((reading, index) => {
    const energy = energyOf(reading);
    if (energy !== undefined && previous !== undefined && energy < previous)
      fail(`meterValue[${index}] Energy.Active.Import.Register`, `>= ${previous} (a register never goes back)`, String(energy));
    previous = energy ?? previous;
  });
  return failures;
}

/** Every sampled value carries a signedMeterValue that the meter's own key verifies. */
export function signatureFailures(meter: MeterModel, message: string, meterValue: readonly MeterValueType[] | undefined): FieldFailure[] {
  const failures: FieldFailure[] = [];
  (meterValue ?? []).forEach((reading, index) =>
    reading.sampledValue.forEach((sample, position) => {
      const field = `meterValue[${index}].sampledValue[${position}].signedMeterValue`;
      if (!sample.signedMeterValue) failures.push({ message, field, expected: 'present', actual: 'absent' });
      else if (!meter.verify(sample.signedMeterValue))
        failures.push({
          message,
          field,
          expected: `signed by the key of the meter of EVSE ${meter.evseId}`,
          actual: 'a signature that does not verify',
        });
    }),
  );
  if ((meterValue ?? []).length === 0) failures.push({ message, field: 'meterValue', expected: 'signed readings', actual: 'absent' });
  return failures;
}

/** The energy register grows from one reading to the next (energy flows between them). */
export function growthFailures(readings: ReadonlyArray<{ message: string; meterValue: MeterValueType }>): FieldFailure[] {
  const failures: FieldFailure[] = [];
  for (let index = 1; index < readings.length; index++) {
    const before = energyOf(readings[index - 1].meterValue);
    const now = energyOf(readings[index].meterValue);
    if (before === undefined || now === undefined || now <= before) {
      failures.push({
        message: readings[index].message,
        field: 'Energy.Active.Import.Register',
        expected: `more than the reading before (${before ?? 'none'})`,
        actual: String(now ?? 'none'),
      });
    }
  }
  if (readings.length < 2)
    failures.push({ message: 'the step', field: 'readings', expected: 'at least 2', actual: String(readings.length) });
  return failures;
}
