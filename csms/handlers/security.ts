import type { CsmsHandlers } from './handler-context';

/** Block A: security events and certificate management. */
export const securityHandlers: CsmsHandlers = {
  SecurityEventNotification: () => ({}),
  SignCertificate: () => ({ status: 'Accepted' }),
  GetCertificateStatus: () => ({ status: 'Failed', statusInfo: { reasonCode: 'NoOcspResponder' } }),
  Get15118EVCertificate: () => ({ status: 'Failed', exiResponse: '', statusInfo: { reasonCode: 'NoContractCertificateService' } }),
};
