/**
 * The station's meter-value timers, run for as many intervals as a step says (a real station runs
 * them for ever; a scenario watches a few): clock-aligned readings at the boundaries of
 * AlignedDataCtrlr.Interval of the station clock (J01), periodic ones every
 * SampledDataCtrlr.TxUpdatedInterval of a running transaction (J02). A reading is taken when its
 * timer fires and sent in order after it; a slow CSMS delays the sending, never the reading.
 */
import type { MeterValueType, NotifyEventRequest } from '../../../../schemas/ocpp201-messages';
import type { TimerHandle } from '../../../../kernel/time/station-clock';
import type { ChargingStation } from '../../core/charging-station';
import type { Transaction } from '../../core/transactions';
import { energyOf, intervalOf, readMeter, readStationMeter } from './readings';
import { FISCAL_METER_MONITOR } from './state';

/** Sends a reading of a running transaction as its TransactionEvent (the transactions area numbers and sends it). */
export type ReportTransactionReading = (
  transaction: Transaction,
  trigger: 'MeterValueClock' | 'MeterValuePeriodic',
  meterValue: MeterValueType,
) => Promise<unknown>;

type Send = () => Promise<unknown>;

/**
 * Fires `tick` `count` times on `arm`'s timer, sending what each tick returns in order; resolves
 * when the last is sent, rejects with the first failure (and stops the timer).
 */
function runTicks<A extends unknown[]>(
  count: number,
  arm: (fire: (...args: A) => void) => TimerHandle,
  tick: (...args: A) => Send[],
): Promise<void> {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`a number of intervals must be an integer >= 1, got ${count}`);
  return new Promise<void>((resolve, reject) => {
    let fired = 0;
    let queue: Promise<unknown> = Promise.resolve();
    const timer = arm((...args: A) => {
      fired += 1;
      if (fired >= count) timer.cancel();
      let sends: Send[];
      try {
        sends = tick(...args);
      } catch (error) {
        timer.cancel();
        reject(error);
        return;
      }
      queue = queue.then(async () => {
        for (const send of sends) await send();
      });
      queue.catch((error: unknown) => {
        timer.cancel();
        reject(error);
      });
      if (fired >= count) queue.then(() => resolve(), reject);
    });
  });
}

function fiscalMeterEvent(station: ChargingStation, monitorId: number, boundary: Date, energyWh: number): NotifyEventRequest {
  return {
    generatedAt: new Date().toISOString(),
    seqNo: 0,
    eventData: [
      {
        eventId: station.nextEventId(),
        timestamp: boundary.toISOString(),
        trigger: 'Periodic',
        actualValue: String(energyWh),
        eventNotificationType: 'CustomMonitor',
        component: { name: 'FiscalMetering' },
        variable: { name: 'MeterValue' },
        variableMonitoringId: monitorId,
      },
    ],
  };
}

/**
 * What the station sends at one clock-aligned boundary: the reading of its grid connection
 * (MeterValues, evseId 0), the FiscalMetering event of a monitor on it, then per EVSE a
 * MeterValueClock TransactionEvent while a transaction runs there (the readings of a transaction
 * go with its events) or else a MeterValuesRequest.
 */
function alignedSends(station: ChargingStation, boundary: Date, report: ReportTransactionReading): Send[] {
  const sends: Send[] = [];
  const main = readStationMeter(station, 'aligned', boundary);
  if (main) sends.push(() => station.call('MeterValues', { evseId: 0, meterValue: [main] }));
  const monitor = station.state(FISCAL_METER_MONITOR).monitor;
  const energy = energyOf(main);
  if (monitor && energy !== undefined)
    sends.push(() => station.call('NotifyEvent', fiscalMeterEvent(station, monitor.id, boundary, energy)));
  for (const evse of station.topology.evses) {
    const transaction = station.transactions.onEvse(evse.id);
    const reading = readMeter(station, station.transactions.meterOf(evse.id), 'aligned', { at: boundary });
    if (!reading) continue;
    if (transaction?.started) sends.push(() => report(transaction, 'MeterValueClock', reading));
    else sends.push(() => station.call('MeterValues', { evseId: evse.id, meterValue: [reading] }));
  }
  return sends;
}

/** The next `count` clock-aligned boundaries pass; at each the station sends its aligned readings. */
export function runAlignedIntervals(station: ChargingStation, count: number, report: ReportTransactionReading): Promise<void> {
  const interval = intervalOf(station, 'AlignedDataCtrlr', 'Interval');
  if (interval === 0) throw new Error('the station sends no clock-aligned meter values: its AlignedDataCtrlr.Interval is 0');
  return runTicks(
    count,
    (fire: (boundary: Date) => void) => station.clock.everyAligned(interval, fire),
    (boundary: Date) => alignedSends(station, boundary, report),
  );
}

/** `count` sampled intervals of the transaction on an EVSE pass; after each it reports its TxUpdatedMeasurands. */
export function runSampledIntervals(
  station: ChargingStation,
  evseId: number,
  count: number,
  report: ReportTransactionReading,
): Promise<void> {
  const interval = intervalOf(station, 'SampledDataCtrlr', 'TxUpdatedInterval');
  if (interval === 0) throw new Error('the station samples no meter values: its SampledDataCtrlr.TxUpdatedInterval is 0');
  const transaction = station.transactions.onEvse(evseId);
  if (!transaction?.started) throw new Error(`no transaction runs on EVSE ${evseId}, so the station samples no meter values there`);
  return runTicks(
    count,
    (fire: () => void) => station.clock.every(interval, fire),
    () => {
      const reading = readMeter(station, transaction.meter, 'updated');
      if (!reading) throw new Error('SampledDataCtrlr.TxUpdatedMeasurands lists no measurand the meter gives');
      return [() => report(transaction, 'MeterValuePeriodic', reading)];
    },
  );
}
