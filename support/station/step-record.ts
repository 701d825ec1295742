/**
 * What the station sent during the scenario's latest acting step, so that the Then-steps can show
 * it beside the OCTT's numbered steps ("the charging station sent these TransactionEventRequests")
 * and check the CSMS's answer to each request of it.
 */
import type { ChargingStation, Exchange } from './core/charging-station';

/** The scenario, which keeps what its latest acting step made the station send. */
export interface StepRecord {
  latestExchanges: Exchange[] | undefined;
}

/** Runs an acting step and keeps what the station sent meanwhile as the scenario's latest step. */
export async function recordStep(scenario: StepRecord, station: ChargingStation, work: () => Promise<unknown>): Promise<Exchange[]> {
  const from = station.exchanges.length;
  try {
    await work();
  } finally {
    scenario.latestExchanges = station.exchanges.slice(from);
  }
  return scenario.latestExchanges;
}

/** What the station sent during the latest acting step. */
export function latestStep(scenario: StepRecord): Exchange[] {
  const exchanges = scenario.latestExchanges;
  if (!exchanges) throw new Error('no step of this scenario has made the charging station send anything yet');
  return exchanges;
}

/** The requests of one action in the latest acting step, in the order they were made. */
export function sentInLatestStep(scenario: StepRecord, action: string): Exchange[] {
  return latestStep(scenario).filter((exchange) => exchange.action === action);
}

/** A one-line account of what the latest step sent, for failure messages. */
export function describeExchanges(exchanges: readonly Exchange[]): string {
  if (exchanges.length === 0) return 'nothing';
  return exchanges
    .map((exchange) => {
      const request = exchange.request as { eventType?: string; triggerReason?: string; seqNo?: number };
      const detail = exchange.action === 'TransactionEvent' ? ` ${request.eventType}/${request.triggerReason} seqNo ${request.seqNo}` : '';
      return `${exchange.action}Request${detail}${exchange.queued ? ' (queued)' : ''}`;
    })
    .join(', ');
}
