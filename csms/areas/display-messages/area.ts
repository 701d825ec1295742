import type { CsmsArea } from '../../area';
import { handlers } from './handlers';
import { requests, responses } from './requests';

export const displayMessagesArea: CsmsArea = { name: 'display messages', handlers, requests, responses };
