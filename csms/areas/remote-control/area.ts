import type { CsmsArea } from '../../area';
import { requests, responses } from './requests';

/** Block F: remote start and stop, unlock, trigger; the CSMS keeps the remote starts it sent. */
export const remoteControlArea: CsmsArea = { name: 'remote control', requests, responses };
