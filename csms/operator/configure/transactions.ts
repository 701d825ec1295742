import type { ConfigureActions } from '../builder-context';

/** CSMS settings of the transactions area (operator "Configure…" actions). */
export const transactionSettings: ConfigureActions = {};
