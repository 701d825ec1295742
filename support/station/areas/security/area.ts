import type { StationArea } from '../../core/charging-station';
import { installSignedCertificate, judgeSignedCertificate } from './certificates';

/** Blocks A and M: certificates. */
export const securityArea: StationArea = {
  name: 'security',
  replies: (station) => {
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
    };
  },
};
