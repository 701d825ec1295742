import { type RequestBuilders, mergeParams } from '../../operator/builder-context';

export const requests: RequestBuilders = {
  GetTransactionStatus: (params) => mergeParams({}, params),
};
