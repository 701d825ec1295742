/**
 * What the station reads from its meters, as its device model says: SampledDataCtrlr for the
 * readings of a transaction (TxStartedMeasurands at its start, TxUpdatedMeasurands while it runs,
 * TxEndedMeasurands for its Ended event), AlignedDataCtrlr for the clock-aligned ones. Each
 * controller's Enabled switches it off, its SignReadings makes every sampled value carry a
 * signedMeterValue.
 */
import type { MeterValueType, ReadingContextEnumType, SampledValueType } from '../../../../schemas/ocpp201-messages';
import type { ChargingStation } from '../../core/charging-station';
import type { MeterModel } from '../../core/meter-model';

/** The readings a station takes, by the device-model variable that lists their measurands. */
export type ReadingKind = 'started' | 'updated' | 'ended' | 'endedPeriodic' | 'aligned' | 'endedAligned';

interface KindSpec {
  controller: 'SampledDataCtrlr' | 'AlignedDataCtrlr';
  measurands: string;
  context: ReadingContextEnumType;
}

const KINDS: Record<ReadingKind, KindSpec> = {
  started: { controller: 'SampledDataCtrlr', measurands: 'TxStartedMeasurands', context: 'Transaction.Begin' },
  updated: { controller: 'SampledDataCtrlr', measurands: 'TxUpdatedMeasurands', context: 'Sample.Periodic' },
  ended: { controller: 'SampledDataCtrlr', measurands: 'TxEndedMeasurands', context: 'Transaction.End' },
  endedPeriodic: { controller: 'SampledDataCtrlr', measurands: 'TxEndedMeasurands', context: 'Sample.Periodic' },
  aligned: { controller: 'AlignedDataCtrlr', measurands: 'Measurands', context: 'Sample.Clock' },
  endedAligned: { controller: 'AlignedDataCtrlr', measurands: 'TxEndedMeasurands', context: 'Sample.Clock' },
};

export interface ReadingOptions {
  /** Sign whatever SignReadings says (TxStartPoint DataSigned: the start reading is signed). */
  signed?: boolean;
  /** The instant the reading is for (a clock-aligned boundary). */
  at?: Date;
}

function value(station: ChargingStation, component: string, variable: string): string | undefined {
  return station.deviceModel.value(component, variable);
}

/** The measurands a kind of reading lists, or none when its controller is disabled. */
export function measurandsOf(station: ChargingStation, kind: ReadingKind): string[] {
  const spec = KINDS[kind];
  if (value(station, spec.controller, 'Enabled') === 'false') return [];
  return (value(station, spec.controller, spec.measurands) ?? '')
    .split(',')
    .map((measurand) => measurand.trim())
    .filter((measurand) => measurand !== '');
}

/** Whether the readings of a kind are signed (SampledDataCtrlr / AlignedDataCtrlr SignReadings). */
export function signsReadings(station: ChargingStation, kind: ReadingKind): boolean {
  return value(station, KINDS[kind].controller, 'SignReadings') === 'true';
}

/** A seconds-valued variable of a controller; 0 when absent or not a number (the interval is off). */
export function intervalOf(station: ChargingStation, controller: 'SampledDataCtrlr' | 'AlignedDataCtrlr', variable: string): number {
  const seconds = Number(value(station, controller, variable) ?? '0');
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}

/**
 * One reading of an EVSE's meter, or undefined when the device model asks for no measurand the
 * meter gives. A signed reading that lists nothing still reads the energy register: a signature
 * is always over a reading.
 */
export function readMeter(
  station: ChargingStation,
  meter: MeterModel,
  kind: ReadingKind,
  options: ReadingOptions = {},
): MeterValueType | undefined {
  const signed = options.signed === true || signsReadings(station, kind);
  let measurands = measurandsOf(station, kind);
  if (measurands.length === 0 && options.signed) measurands = ['Energy.Active.Import.Register'];
  if (measurands.length === 0) return undefined;
  return meter.read(measurands, KINDS[kind].context, { signed, ...(options.at ? { at: options.at } : {}) }).meterValue;
}

/** Quantities of the whole station that are the sum of its EVSEs'; the others are the same on every EVSE. */
const ADDITIVE = new Set(['Energy.Active.Import.Register', 'Power.Active.Import', 'Power.Offered', 'Current.Import', 'Current.Offered']);

/**
 * A reading of the station's grid connection (evseId 0): the sum of its EVSE meters for energy,
 * power and current, their common voltage and frequency; no SoC, as no EV is attached to the
 * station as a whole. The station has no fiscal meter of its own to sign with, so it never signs it.
 */
export function readStationMeter(station: ChargingStation, kind: ReadingKind, at?: Date): MeterValueType | undefined {
  const measurands = measurandsOf(station, kind).filter((measurand) => measurand !== 'SoC');
  if (measurands.length === 0) return undefined;
  const context = KINDS[kind].context;
  const combined = new Map<string, SampledValueType>();
  let timestamp: string | undefined;
  for (const evse of station.topology.evses) {
    const reading = station.transactions.meterOf(evse.id).read(measurands, context, at ? { at } : {}).meterValue;
    if (!reading) continue;
    timestamp ??= reading.timestamp;
    for (const sample of reading.sampledValue) {
      const key = `${sample.measurand ?? ''}|${sample.phase ?? ''}`;
      const seen = combined.get(key);
      if (!seen) combined.set(key, { ...sample });
      else if (ADDITIVE.has(sample.measurand ?? '')) seen.value = Math.round((seen.value + sample.value) * 1000) / 1000;
    }
  }
  if (!timestamp || combined.size === 0) return undefined;
  return { timestamp, sampledValue: [...combined.values()] };
}

/** The energy register a reading carries, Wh; undefined when it has none. */
export function energyOf(meterValue: MeterValueType | undefined): number | undefined {
  return meterValue?.sampledValue.find(
    (sample) => (sample.measurand ?? 'Energy.Active.Import.Register') === 'Energy.Active.Import.Register',
  )?.value;
}
