import { certificateHashData } from '../../tls/certificate-hash';
import type { ChargingStation } from '../charging-station';
import type { StationReplies } from './station-replies';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Blocks A and M: certificates. */
export function securityReplies(station: ChargingStation): StationReplies {
  const { memory } = station;
  return {
    CertificateSigned: ({ certificateChain, certificateType }) => {
      const certificates = certificateChain.match(PEM_CERTIFICATE) ?? [];
      if (certificates.length === 0) return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidCertificateChain' } };
      if (certificateType !== 'V2GCertificate') memory.stationCertificateChain = certificateChain;
      return { status: 'Accepted' };
    },
    InstallCertificate: ({ certificateType, certificate }) => {
      let hash;
      try {
        hash = certificateHashData(certificate);
      } catch {
        return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidCertificate' } };
      }
      memory.installedCertificates.push({ use: certificateType, pem: certificate, hash });
      return { status: 'Accepted' };
    },
    DeleteCertificate: ({ certificateHashData }) => {
      const index = memory.installedCertificates.findIndex(
        (installed) =>
          installed.hash.serialNumber === certificateHashData.serialNumber &&
          installed.hash.issuerNameHash === certificateHashData.issuerNameHash,
      );
      if (index < 0) return { status: 'NotFound' };
      memory.installedCertificates.splice(index, 1);
      return { status: 'Accepted' };
    },
    GetInstalledCertificateIds: ({ certificateType }) => {
      const found = memory.installedCertificates.filter((installed) => !certificateType || certificateType.includes(installed.use));
      if (found.length === 0) return { status: 'NotFound' };
      return {
        status: 'Accepted',
        certificateHashDataChain: found.map((installed) => ({ certificateType: installed.use, certificateHashData: installed.hash })),
      };
    },
  };
}
