import type { CsmsHandlers } from '../../handler-context';

/** Block P: vendor-specific data, known only for the configured vendor and message id. */
export const handlers: CsmsHandlers = {
  DataTransfer: ({ vendorId, messageId }, { config }) => {
    if (vendorId !== config.CONFIGURED_VENDOR_ID) return { status: 'UnknownVendorId' };
    if (messageId !== undefined && messageId !== config.CONFIGURED_MESSAGE_ID) return { status: 'UnknownMessageId' };
    return { status: 'Accepted' };
  },
};
