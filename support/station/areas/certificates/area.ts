import { certificateHashData } from '../../../../kernel/tls/certificate-hash';
import type { StationArea } from '../../core/charging-station';

/** Block M: the certificates the CSMS installs, lists and deletes. */
export const certificatesArea: StationArea = {
  name: 'certificates',
  replies: (station) => {
    const { memory } = station;
    return {
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
  },
};
