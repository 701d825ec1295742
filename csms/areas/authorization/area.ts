import type { CsmsArea } from '../../area';
import { handlers } from './handlers';
import { requests, responses } from './requests';
import { settings } from './settings';

export const authorizationArea: CsmsArea = { name: 'authorization', handlers, requests, responses, settings };
