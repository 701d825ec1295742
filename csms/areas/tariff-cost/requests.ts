import { BadOperatorRequest, type RequestBuilders, mergeParams } from '../../operator/builder-context';

export const requests: RequestBuilders = {
  CostUpdated: (params) => {
    if (params.transactionId === undefined || params.totalCost === undefined)
      throw new BadOperatorRequest('CostUpdated needs "transactionId" and "totalCost"');
    return mergeParams({ transactionId: '', totalCost: 0 }, params);
  },
};
