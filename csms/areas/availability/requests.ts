import { type RequestBuilders, mergeParams, requireParam } from '../../operator/builder-context';

export const requests: RequestBuilders = {
  ChangeAvailability: (params) =>
    mergeParams({ operationalStatus: requireParam(params, 'operationalStatus', 'ChangeAvailability') }, params),
};
