import type { CsmsArea } from '../../area';
import { requests } from './requests';
import { settings } from './settings';

/** Block I: the tariff, and the costs the CSMS tells the station (sent from the transactions handler, see running-cost.ts). */
export const tariffCostArea: CsmsArea = { name: 'tariff and cost', requests, settings };
