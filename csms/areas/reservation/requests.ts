import { type RequestBuilders, mergeParams, requireParam } from '../../operator/builder-context';

const inOneHour = (): string => new Date(Date.now() + 3_600_000).toISOString();

export const requests: RequestBuilders = {
  ReserveNow: (params, { store, config }) =>
    mergeParams(
      {
        id: store.nextRequestId(),
        expiryDateTime: inOneHour(),
        idToken: { idToken: config.VALID_ID_TOKEN, type: config.VALID_ID_TOKEN_TYPE },
      },
      params,
    ),
  CancelReservation: (params) => mergeParams({ reservationId: requireParam<number>(params, 'reservationId', 'CancelReservation') }, params),
};
