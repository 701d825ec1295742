import type { CsmsArea } from '../../area';
import { requests } from './requests';

export const remoteControlArea: CsmsArea = { name: 'remote control', requests };
