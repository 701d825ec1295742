import { type RequestBuilders, mergeParams, requireParam } from '../../operator/builder-context';

export const requests: RequestBuilders = {
  UpdateFirmware: (params, { store }) =>
    mergeParams(
      {
        requestId: store.nextRequestId(),
        firmware: { location: 'https://localhost/firmware.bin', retrieveDateTime: new Date().toISOString() },
      },
      params,
    ),
  PublishFirmware: (params, { store }) =>
    mergeParams(
      {
        requestId: store.nextRequestId(),
        location: 'https://localhost/firmware.bin',
        checksum: requireParam<string>(params, 'checksum', 'PublishFirmware'),
      },
      params,
    ),
  UnpublishFirmware: (params) => mergeParams({ checksum: requireParam<string>(params, 'checksum', 'UnpublishFirmware') }, params),
};
