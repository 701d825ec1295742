import type { CsmsArea } from '../../area';
import { handlers } from './handlers';
import { requests } from './requests';

export const dataTransferArea: CsmsArea = { name: 'data transfer', handlers, requests };
