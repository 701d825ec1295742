import type { CsmsArea } from '../../area';
import { handlers } from './handlers';
import { requests, responses } from './requests';
import { settings } from './settings';

export const securityArea: CsmsArea = { name: 'security', handlers, requests, responses, settings };
