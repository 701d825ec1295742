/**
 * The readings a station adds to the Ended event of a transaction (J01, J02: TxEndedMeasurands):
 * while the transaction runs it reads its EVSE's meter at every clock-aligned boundary of
 * AlignedDataCtrlr.TxEndedInterval and every SampledDataCtrlr.TxEndedInterval since the start,
 * keeps them, and hands them over, in time order, when the transaction ends.
 */
import type { MeterValueType } from '../../../../schemas/ocpp201-messages';
import type { ChargingStation } from '../../core/charging-station';
import type { Transaction } from '../../core/transactions';
import { intervalOf, measurandsOf, readMeter } from './readings';
import { TX_ENDED_SAMPLING, type TxEndedSampling } from './state';

/** Starts the Tx-ended timers of a transaction that just started; none when both intervals are 0. */
export function startTxEndedSampling(station: ChargingStation, transaction: Transaction): void {
  const entry: TxEndedSampling = { samples: [], timers: [] };
  const keep = (reading: MeterValueType | undefined): void => {
    if (reading) entry.samples.push(reading);
  };
  const aligned = intervalOf(station, 'AlignedDataCtrlr', 'TxEndedInterval');
  if (aligned > 0 && measurandsOf(station, 'endedAligned').length > 0) {
    entry.timers.push(
      station.clock.everyAligned(aligned, (boundary) => keep(readMeter(station, transaction.meter, 'endedAligned', { at: boundary }))),
    );
  }
  const sampled = intervalOf(station, 'SampledDataCtrlr', 'TxEndedInterval');
  if (sampled > 0 && measurandsOf(station, 'endedPeriodic').length > 0) {
    entry.timers.push(station.clock.every(sampled, () => keep(readMeter(station, transaction.meter, 'endedPeriodic'))));
  }
  if (entry.timers.length > 0) station.state(TX_ENDED_SAMPLING).set(transaction.id, entry);
}

/** Stops the Tx-ended timers of a transaction that ends and returns what they read, oldest first. */
export function takeTxEndedSamples(station: ChargingStation, transaction: Transaction): MeterValueType[] {
  const sampling = station.state(TX_ENDED_SAMPLING);
  const entry = sampling.get(transaction.id);
  if (!entry) return [];
  for (const timer of entry.timers) timer.cancel();
  sampling.delete(transaction.id);
  return [...entry.samples].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
}
