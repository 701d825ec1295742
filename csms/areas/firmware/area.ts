import type { CsmsArea } from '../../area';
import { handlers } from './handlers';
import { requests } from './requests';

export const firmwareArea: CsmsArea = { name: 'firmware', handlers, requests };
