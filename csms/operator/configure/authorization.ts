import type { ConfigureActions } from '../builder-context';

/** CSMS settings of the authorization area (operator "Configure…" actions). */
export const authorizationSettings: ConfigureActions = {};
