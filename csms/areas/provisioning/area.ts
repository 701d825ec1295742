import type { CsmsArea } from '../../area';
import { handlers } from './handlers';
import { requests } from './requests';
import { settings } from './settings';

export const provisioningArea: CsmsArea = { name: 'provisioning', handlers, requests, settings };
