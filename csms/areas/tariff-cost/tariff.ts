/**
 * The reference CSMS's tariff and what a transaction costs under it (I02, I03): a price per kWh of
 * the energy the station reported in its meter values (the register's growth since the first
 * reading of the transaction) plus a price per minute from the transaction's first event to its
 * latest, rounded to the cent. Prices are the CSMS's own setting (seeded from COST_PER_KWH,
 * changed with ConfigureTariff), never a constant of the test.
 */
import type { TransactionEventRequest } from '../../../schemas/ocpp201-messages';
import type { CsmsStore, TransactionRecord } from '../../store';

export interface Tariff {
  pricePerKwh: number;
  pricePerMinute: number;
}

export function tariffOf(store: CsmsStore): Tariff {
  return { pricePerKwh: store.tariffPerKwh, pricePerMinute: store.tariffPerMinute };
}

/** The energy a transaction delivered so far as its meter values tell, Wh (0 before a second reading). */
export function deliveredWh(record: TransactionRecord): number {
  if (record.firstEnergyWh === undefined || record.lastEnergyWh === undefined) return 0;
  return Math.max(0, record.lastEnergyWh - record.firstEnergyWh);
}

/** Minutes from the transaction's earliest event to its latest, by the station's timestamps. */
export function chargedMinutes(events: readonly TransactionEventRequest[]): number {
  const times = events.map((event) => Date.parse(event.timestamp)).filter((time) => !Number.isNaN(time));
  if (times.length < 2) return 0;
  return (Math.max(...times) - Math.min(...times)) / 60_000;
}

/** The cost of a transaction so far under a tariff, in the CSMS's currency, rounded to the cent. */
export function costOf(record: TransactionRecord, tariff: Tariff): number {
  const cost = (deliveredWh(record) / 1000) * tariff.pricePerKwh + chargedMinutes(record.events) * tariff.pricePerMinute;
  return Math.round(cost * 100) / 100;
}
