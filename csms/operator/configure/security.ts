import type { ConfigureActions } from '../builder-context';

/** CSMS settings of the security area (operator "Configure…" actions). */
export const securitySettings: ConfigureActions = {};
