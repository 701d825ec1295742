import type { CsmsHandlers } from '../../handler-context';

/**
 * Block J: MeterValuesRequest carries readings outside a transaction (clock-aligned, or of an idle
 * EVSE) and has nothing to answer but that it arrived (J01.FR.18: an empty MeterValuesResponse).
 * The readings of a transaction come in its TransactionEvents, which the transactions area keeps.
 */
export const handlers: CsmsHandlers = {
  MeterValues: () => ({}),
};
