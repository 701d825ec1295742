import type { StationArea } from '../../core/charging-station';
import { DEFAULT_CERTIFICATE_CAPACITY } from './certificate-store';
import { CERTIFICATE_SETTINGS, certificateStoreOf } from './state';

/** Block M: the certificates the CSMS installs, lists and deletes, answered from the station's store. */
export const certificatesArea: StationArea = {
  name: 'certificates',
  install: (station) => {
    const definition = station.deviceModel.find({ name: 'SecurityCtrlr' }, { name: 'CertificateEntries' });
    if (definition && definition.maxLimit === undefined) definition.maxLimit = DEFAULT_CERTIFICATE_CAPACITY;
  },
  replies: (station) => {
    const store = certificateStoreOf(station);
    return {
      InstallCertificate: ({ certificateType, certificate }) => {
        const outcome = store.install(certificateType, certificate);
        if (outcome.status === 'Accepted') return { status: 'Accepted' };
        station.note(`does not install the ${certificateType}: ${outcome.detail}`);
        return { status: outcome.status, statusInfo: { reasonCode: outcome.reasonCode, additionalInfo: outcome.detail.slice(0, 512) } };
      },
      DeleteCertificate: ({ certificateHashData }) => {
        const outcome = store.delete(certificateHashData);
        if (outcome.status === 'Accepted') return { status: 'Accepted' };
        station.note(`does not delete the certificate: ${outcome.detail}`);
        return { status: outcome.status, statusInfo: { reasonCode: outcome.reasonCode, additionalInfo: outcome.detail.slice(0, 512) } };
      },
      GetInstalledCertificateIds: ({ certificateType }) => {
        const chain = store.hashDataChain(certificateType, station.state(CERTIFICATE_SETTINGS).hashAlgorithm);
        // M03.FR.02: nothing of the requested types installed.
        if (chain.length === 0) return { status: 'NotFound' };
        return { status: 'Accepted', certificateHashDataChain: chain };
      },
    };
  },
};
