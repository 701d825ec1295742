import type { CsmsArea } from '../../area';
import { requests, responses } from './requests';

export const availabilityArea: CsmsArea = { name: 'availability', requests, responses };
