import { type RequestBuilders, mergeParams } from '../../operator/builder-context';
import { CSMS_VENDOR_ID } from './vendor-extensions';

/** A DataTransfer the operator asks for: the CSMS's own vendorId unless the operator names another. */
export const requests: RequestBuilders = {
  DataTransfer: (params) => mergeParams({ vendorId: CSMS_VENDOR_ID }, params),
};
