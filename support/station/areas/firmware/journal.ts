/**
 * What the station's firmware processes sent on their own, in order: a firmware update or a publish
 * runs on the station clock and sends its notifications as it goes (the catalog's numbered steps are
 * the station's own), and the scenario's steps take them one by one, in that order, so that every
 * numbered step stays visible in the Gherkin and a message out of order fails the step that expects
 * another.
 */
import type { RequestOf, StationToCsmsAction } from '../../../../kernel/ocpp/actions';
import type { ChargingStation, Exchange } from '../../core/charging-station';

interface Waiter {
  resolve(exchange: Exchange): void;
  timer: NodeJS.Timeout;
}

export class ProcessJournal {
  private readonly sent: Exchange[] = [];
  private taken = 0;
  private waiter: Waiter | undefined;

  /** Sends a request of a process and records it (with the CSMS's answer, or why there was none). */
  async send<A extends StationToCsmsAction>(station: ChargingStation, action: A, payload: RequestOf<A>): Promise<void> {
    const from = station.exchanges.length;
    let thrown: Error | undefined;
    try {
      await station.call(action, payload);
    } catch (error) {
      // The failure stays on the exchange: the step that takes it reports it.
      thrown = error as Error;
    }
    const sent = station.exchanges.slice(from).filter((candidate) => candidate.action === action);
    // A station that is not connected cannot even send: that, too, is what the process did.
    if (sent.length === 0) sent.push({ action, request: payload, failure: thrown ?? new Error('not sent') });
    for (const exchange of sent) this.record(exchange);
  }

  /** Records what a process sent through another path (a reboot's BootNotification, connector reports). */
  record(exchange: Exchange): void {
    this.sent.push(exchange);
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = undefined;
      clearTimeout(waiter.timer);
      this.taken += 1;
      waiter.resolve(exchange);
    }
  }

  /** The next message the processes sent that no step took yet, waiting up to `timeoutMs` for it. */
  next(timeoutMs: number, expecting: string): Promise<Exchange> {
    const ready = this.sent[this.taken];
    if (ready) {
      this.taken += 1;
      return Promise.resolve(ready);
    }
    if (this.waiter) throw new Error('two steps wait for the station’s next firmware message at once');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(
          new Error(
            `the charging station sent no ${expecting} within ${timeoutMs / 1000} s (its firmware processes sent: ${this.describe()})`,
          ),
        );
      }, timeoutMs);
      this.waiter = { resolve, timer };
    });
  }

  /** Messages sent and not yet taken by a step. */
  untaken(): Exchange[] {
    return this.sent.slice(this.taken);
  }

  describe(): string {
    if (this.sent.length === 0) return 'nothing';
    return this.sent.map((exchange) => describeExchange(exchange)).join(', ');
  }
}

export function describeExchange(exchange: Exchange): string {
  const request = exchange.request as { status?: string; type?: string; connectorStatus?: string; reason?: string };
  const detail = request.status ?? request.type ?? request.connectorStatus ?? request.reason;
  return `${exchange.action}Request${detail ? ` ${detail}` : ''}`;
}
