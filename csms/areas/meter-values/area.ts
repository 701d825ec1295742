import type { CsmsArea } from '../../area';
import { handlers } from './handlers';

export const meterValuesArea: CsmsArea = { name: 'meter values', handlers };
