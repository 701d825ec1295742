/**
 * NotifyEvent eventIds, per station identity, increasing across the whole run (per process).
 *
 * A CSMS may keep the events a station reported and refuse an eventId it has seen already; a
 * station that started at 1 again every scenario would then be answered with a CALLERROR in every
 * later preamble. A station of a later scenario is the same station to the CSMS, so its ids go on
 * from where the previous scenario's ended. This is run-wide state on purpose, not a scenario's.
 */
const lastEventId = new Map<string, number>();

/** The next eventId of the station `stationId` in this run: 1, 2, 3, … over all its scenarios. */
export function nextEventId(stationId: string): number {
  const next = (lastEventId.get(stationId) ?? 0) + 1;
  lastEventId.set(stationId, next);
  return next;
}
