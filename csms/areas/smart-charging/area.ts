import type { CsmsArea } from '../../area';
import { handlers } from './handlers';
import { requests, responses } from './requests';

export const smartChargingArea: CsmsArea = { name: 'smart charging', handlers, requests, responses };
