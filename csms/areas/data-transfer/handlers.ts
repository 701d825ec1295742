import type { CsmsHandlers } from '../../handler-context';
import { answerDataTransfer } from './vendor-extensions';

/** Block P: vendor-specific data, answered by the extensions the CSMS implements. */
export const handlers: CsmsHandlers = {
  DataTransfer: (request) => answerDataTransfer(request),
};
