import type { CsmsArea } from '../../area';
import { handlers } from './handlers';
import { requests, responses } from './requests';

export const certificatesArea: CsmsArea = { name: 'certificates', handlers, requests, responses };
