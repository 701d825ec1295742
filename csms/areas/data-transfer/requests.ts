import { type RequestBuilders, mergeParams } from '../../operator/builder-context';

export const requests: RequestBuilders = {
  DataTransfer: (params, { config }) => mergeParams({ vendorId: config.CONFIGURED_VENDOR_ID }, params),
};
