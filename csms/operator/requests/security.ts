import { readFileSync } from 'node:fs';
import type { CertificateHashDataType } from '../../../schemas/ocpp201-messages';
import { type RequestBuilders, mergeParams, requireParam } from '../builder-context';

/** Block A and M requests: certificates. */
export const securityRequests: RequestBuilders = {
  CertificateSigned: (params) =>
    mergeParams({ certificateChain: requireParam<string>(params, 'certificateChain', 'CertificateSigned') }, params),
  InstallCertificate: (params, { pki }) =>
    mergeParams(
      {
        certificateType: requireParam(params, 'certificateType', 'InstallCertificate'),
        certificate: readFileSync(pki.caCert, 'utf8'),
      },
      params,
    ),
  DeleteCertificate: (params) =>
    mergeParams({ certificateHashData: requireParam<CertificateHashDataType>(params, 'certificateHashData', 'DeleteCertificate') }, params),
  GetInstalledCertificateIds: (params) => mergeParams({}, params),
};
