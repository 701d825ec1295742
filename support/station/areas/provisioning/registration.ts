/**
 * The station's side of registration (B01–B03): how long it waits before booting again after a
 * Pending or Rejected answer, and what the CSMS answers to a message sent before it accepted it.
 */
import type { TraceEntry } from '../../../../kernel/evidence/trace';
import { CallErrorReceived } from '../../../../kernel/ocpp/errors';
import type { ChargingStation } from '../../core/charging-station';

/**
 * The interval of a Pending/Rejected BootNotificationResponse is the minimum wait before the next
 * BootNotification; with 0 the station picks a wait of its own that does not flood the CSMS.
 */
export const OWN_RETRY_INTERVAL_S = 10;

/** How long the station waits before its next BootNotification, in ms. */
export function bootRetryWaitMs(station: ChargingStation): number {
  return (station.bootInterval > 0 ? station.bootInterval : OWN_RETRY_INTERVAL_S) * 1000;
}

/** When the station received the CSMS's latest answer to its BootNotification. */
export function lastBootAnswerAt(entries: readonly TraceEntry[], stationId: string): Date | undefined {
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index];
    if (
      entry.kind === 'frame' &&
      entry.connection === stationId &&
      entry.recordedBy === 'ChargingStation' &&
      entry.direction === 'received' &&
      entry.messageType === 'CALLRESULT' &&
      entry.action === 'BootNotification'
    ) {
      return new Date(entry.at);
    }
  }
  return undefined;
}

const POLL_MS = 100;

/** Waits `ms`; resolves false as soon as the connection is gone (the CSMS closed it), true otherwise. */
export async function stayConnected(station: ChargingStation, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!station.isConnected) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, until - Date.now())));
  }
  return station.isConnected;
}

/** What the CSMS answered to a CALL the scenario expects it may refuse. */
export type CsmsAnswer = { kind: 'result'; payload: unknown } | { kind: 'error'; errorCode: string; errorDescription: string };

/** Sends a CALL and returns the CSMS's CALLRESULT or CALLERROR instead of throwing on the latter. */
export async function callExpectingRefusal(station: ChargingStation, action: string, payload: unknown): Promise<CsmsAnswer> {
  try {
    return { kind: 'result', payload: await station.callUntyped(action, payload) };
  } catch (error) {
    if (error instanceof CallErrorReceived) return { kind: 'error', errorCode: error.code, errorDescription: error.description };
    throw error;
  }
}
