import type { CsmsArea } from '../../area';
import { handlers } from './handlers';
import { requests, responses } from './requests';

export const reservationArea: CsmsArea = { name: 'reservation', handlers, requests, responses };
