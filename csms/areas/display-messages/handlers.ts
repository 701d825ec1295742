import type { CsmsHandlers } from '../../handler-context';

export const handlers: CsmsHandlers = {
  NotifyDisplayMessages: () => ({}),
};
