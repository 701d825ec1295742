import type { CsmsArea } from '../../area';
import { handlers } from './handlers';
import { requests } from './requests';

export const transactionsArea: CsmsArea = { name: 'transactions', handlers, requests };
