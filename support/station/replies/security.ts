import { certificateHashData } from '../../../kernel/tls/certificate-hash';
import type { ChargingStation } from '../charging-station';
import { installSignedCertificate, judgeSignedCertificate } from '../security-certificates';
import type { StationReplies } from './station-replies';

/** Blocks A and M: certificates. */
export function securityReplies(station: ChargingStation): StationReplies {
  const { memory } = station;
  return {
    // A02/A03: the station installs only a certificate for the key it generated, for its own
    // identity, valid now, chaining to a root it trusts; otherwise Rejected (then a
    // SecurityEventNotification InvalidChargingStationCertificate, a step of the scenario).
    CertificateSigned: ({ certificateChain, certificateType }) => {
      const verdict = judgeSignedCertificate(station, certificateChain, certificateType);
      if (verdict.problems.length > 0) {
        station.note(`rejects the certificate chain: ${verdict.problems.join('; ')}`);
        return {
          status: 'Rejected',
          statusInfo: { reasonCode: 'InvalidCertChain', additionalInfo: verdict.problems.join('; ').slice(0, 512) },
        };
      }
      installSignedCertificate(station, verdict, certificateChain);
      if (verdict.use !== 'V2GCertificate') memory.stationCertificateChain = certificateChain;
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
