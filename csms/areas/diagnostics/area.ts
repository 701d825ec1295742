import type { CsmsArea } from '../../area';
import { handlers } from './handlers';
import { requests, responses } from './requests';

export const diagnosticsArea: CsmsArea = { name: 'diagnostics', handlers, requests, responses };
