/**
 * When the reference CSMS tells the station what a transaction costs: the final cost in the
 * response to the Ended event (I03.FR.02), and, while the transaction runs, a CostUpdatedRequest
 * after each event that brings a new periodic or clock-aligned meter reading (I02.FR.01: at a
 * relevant moment), once that event is answered. Events the station kept while offline report the
 * past, so they bring no running cost.
 */
import type { TransactionEventRequest } from '../../../schemas/ocpp201-messages';
import type { HandlerContext } from '../../handler-context';
import type { TransactionRecord } from '../../store';
import { costOf, tariffOf } from './tariff';

const METER_TRIGGERS: ReadonlySet<string> = new Set(['MeterValuePeriodic', 'MeterValueClock']);

/** totalCost for the response to an Ended event; undefined for other events. */
export function finalCost(record: TransactionRecord, request: TransactionEventRequest, context: HandlerContext): number | undefined {
  return request.eventType === 'Ended' ? costOf(record, tariffOf(context.store)) : undefined;
}

/** Sends the running cost after answering a meter-value event of a running transaction. */
export function sendRunningCost(record: TransactionRecord, request: TransactionEventRequest, context: HandlerContext): void {
  if (request.eventType !== 'Updated' || request.offline || record.endedAt) return;
  if (!METER_TRIGGERS.has(request.triggerReason) || !request.meterValue?.length) return;
  const { transactionId } = record;
  context.session.afterAnswer(async () => {
    const totalCost = costOf(record, tariffOf(context.store));
    await context.session.connection.call('CostUpdated', { totalCost, transactionId });
  });
}
