import type { CsmsArea } from '../../area';
import { handlers } from './handlers';
import { requests } from './requests';

export const diagnosticsArea: CsmsArea = { name: 'diagnostics', handlers, requests };
