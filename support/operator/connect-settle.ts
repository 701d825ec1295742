/**
 * CSMS_CONNECT_SETTLE_MS, a workaround (off by default): some CSMSs route messages to a station
 * only a moment after its WebSocket upgrade, so an operator request made at once is lost. With the
 * variable set, an operator request waits until that long after the station's WebSocket opened;
 * requests made later do not wait at all.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** How long an operator request made at `now` still waits; 0 when the settle time is over or off. */
export function settleDelayMs(openedAt: number | undefined, now: number, settleMs: number): number {
  if (settleMs <= 0 || openedAt === undefined) return 0;
  return Math.max(0, openedAt + settleMs - now);
}

/** Waits out the rest of the settle time of a station whose WebSocket opened at `openedAt`. */
export async function settleAfterConnect(openedAt: number | undefined, settleMs: number): Promise<void> {
  const delay = settleDelayMs(openedAt, Date.now(), settleMs);
  if (delay > 0) await sleep(delay);
}
