import { type RequestBuilders, mergeParams, requireParam } from '../../operator/builder-context';

export const requests: RequestBuilders = {
  SetDisplayMessage: (params, { store }) =>
    mergeParams(
      {
        message: {
          id: store.nextRequestId(),
          priority: 'NormalCycle',
          message: { format: 'UTF8', content: requireParam(params, 'content', 'SetDisplayMessage') },
        },
      },
      omit(params, 'content'),
    ),
  GetDisplayMessages: (params, { store }) => mergeParams({ requestId: store.nextRequestId() }, params),
  ClearDisplayMessage: (params) => mergeParams({ id: requireParam<number>(params, 'id', 'ClearDisplayMessage') }, params),
};

function omit(params: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = params;
  return rest;
}
