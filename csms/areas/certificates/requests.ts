import type { CertificateHashDataType, InstallCertificateUseEnumType } from '../../../schemas/ocpp201-messages';
import { certificateHashData, sameCertificateHashData } from '../../../kernel/tls/certificate-hash';
import type { StationRecord } from '../../store';
import {
  BadOperatorRequest,
  type RequestBuilders,
  type ResponseObservers,
  mergeParams,
  requireParam,
} from '../../operator/builder-context';
import { INSTALLABLE_TYPES, rootCertificateHeld } from './holdings';
import { installedRootsOf } from './state';

function installableType(params: Record<string, unknown>, action: string): InstallCertificateUseEnumType {
  const type = requireParam<InstallCertificateUseEnumType>(params, 'certificateType', action);
  if (!INSTALLABLE_TYPES.includes(type)) throw new BadOperatorRequest(`certificateType must be one of ${INSTALLABLE_TYPES.join(', ')}`);
  return type;
}

/** The certificate the CSMS installed on the station that these hash data name (computed the station's way). */
function installedMatching(station: StationRecord, hashData: CertificateHashDataType): number {
  return installedRootsOf(station).findIndex(({ pem }) =>
    sameCertificateHashData(certificateHashData(pem, undefined, hashData.hashAlgorithm), hashData),
  );
}

function omit(params: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = params;
  return rest;
}

/** Block M requests: root certificates installed, listed and deleted. */
export const requests: RequestBuilders = {
  /** M05: { certificateType } — the root of that type the CSMS holds; `certificate` overrides it. */
  InstallCertificate: async (params, { pki }) => {
    const certificateType = installableType(params, 'InstallCertificate');
    const certificate = typeof params.certificate === 'string' ? params.certificate : await rootCertificateHeld(certificateType, pki);
    return mergeParams({ certificateType, certificate }, params);
  },
  /** M03: the types asked for; none = every certificate the station holds. */
  GetInstalledCertificateIds: (params) => mergeParams({}, params),
  /**
   * M04: { certificateHashData } deletes exactly that; { certificateType } deletes the certificate
   * of that type the CSMS installed: the CSMS first asks the station for its installed certificate
   * ids and sends back, unchanged, the hash data the station gave for it (M04.FR.07: the station's
   * hash algorithm).
   */
  DeleteCertificate: async (params, { station, session }) => {
    if (params.certificateHashData !== undefined) {
      return mergeParams(
        { certificateHashData: requireParam<CertificateHashDataType>(params, 'certificateHashData', 'DeleteCertificate') },
        params,
      );
    }
    // Without hash data the CSMS deletes a certificate it installed itself: the one it installed (again)
    // most recently, or the
    // latest of `certificateType` when its own operator API is given one (the suite's operator params
    // carry only request fields, so it is asked with no params at all).
    const narrowed = params.certificateType !== undefined;
    const certificateType = narrowed ? installableType(params, 'DeleteCertificate') : installedRootsOf(station).at(-1)?.certificateType;
    const installed = installedRootsOf(station).filter((entry) => entry.certificateType === certificateType);
    if (certificateType === undefined || installed.length === 0) {
      throw new BadOperatorRequest(`the CSMS installed no ${certificateType ?? 'certificate'} on ${station.id}`);
    }
    if (!session) throw new BadOperatorRequest(`station ${station.id} is not connected`);
    const answer = await session.connection.call('GetInstalledCertificateIds', { certificateType: [certificateType] });
    const listed = answer.status === 'Accepted' ? (answer.certificateHashDataChain ?? []) : [];
    const target = installed[installed.length - 1];
    const entry = listed.find(
      (candidate) =>
        candidate.certificateType === certificateType &&
        sameCertificateHashData(
          certificateHashData(target.pem, undefined, candidate.certificateHashData.hashAlgorithm),
          candidate.certificateHashData,
        ),
    );
    if (!entry) {
      throw new BadOperatorRequest(
        `${station.id} does not list the ${certificateType} the CSMS installed (GetInstalledCertificateIds: ${answer.status})`,
      );
    }
    return mergeParams({ certificateHashData: entry.certificateHashData }, omit(params, 'certificateType'));
  },
};

/** What the CSMS keeps of the station's answers: the roots it installed, until deleted. */
export const responses: ResponseObservers = {
  InstallCertificate: (request, response, { station }) => {
    if (response.status !== 'Accepted') return;
    // Kept once, in the order of the latest installation: a certificate installed again is the latest.
    const roots = installedRootsOf(station);
    const earlier = roots.findIndex((entry) => entry.certificateType === request.certificateType && entry.pem === request.certificate);
    if (earlier >= 0) roots.splice(earlier, 1);
    roots.push({ certificateType: request.certificateType, pem: request.certificate });
  },
  DeleteCertificate: (request, response, { station }) => {
    if (response.status !== 'Accepted') return;
    const index = installedMatching(station, request.certificateHashData);
    if (index >= 0) installedRootsOf(station).splice(index, 1);
  },
};
