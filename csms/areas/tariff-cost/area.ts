import type { CsmsArea } from '../../area';
import { requests } from './requests';

export const tariffCostArea: CsmsArea = { name: 'tariff and cost', requests };
