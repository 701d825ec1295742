import type { CsmsArea } from '../../area';
import { requests } from './requests';

export const availabilityArea: CsmsArea = { name: 'availability', requests };
