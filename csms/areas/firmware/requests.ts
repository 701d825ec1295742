import type { FirmwareType } from '../../../schemas/ocpp201-messages';
import { type Params, type RequestBuilders, mergeParams, requireParam } from '../../operator/builder-context';
import { referenceFirmware } from './reference-firmware';

/** The operator's firmware, or the CSMS's own (served and signed) when the operator names none. */
async function firmwareFrom(params: Params): Promise<FirmwareType> {
  const given = (params.firmware ?? {}) as Partial<FirmwareType>;
  const base: Partial<FirmwareType> = { retrieveDateTime: new Date().toISOString() };
  if (given.location === undefined) {
    const own = await referenceFirmware();
    Object.assign(base, { location: own.location, signingCertificate: own.signingCertificate, signature: own.signature });
  }
  return mergeParams(base, given as Params) as FirmwareType;
}

export const requests: RequestBuilders = {
  UpdateFirmware: async (params, { store }) => {
    const firmware = await firmwareFrom(params);
    return mergeParams({ requestId: store.nextRequestId(), firmware }, { ...params, firmware });
  },
  PublishFirmware: async (params, { store }) => {
    if (params.location !== undefined) {
      const checksum = requireParam<string>(params, 'checksum', 'PublishFirmware');
      return mergeParams({ requestId: store.nextRequestId(), location: '', checksum }, params);
    }
    const own = await referenceFirmware();
    return mergeParams({ requestId: store.nextRequestId(), location: own.location, checksum: own.checksum }, params);
  },
  UnpublishFirmware: async (params) => {
    const checksum = params.checksum ?? (await referenceFirmware()).checksum;
    return mergeParams({ checksum: checksum as string }, params);
  },
};
