import { certificateAuthorityOf } from '../../pki/certificate-authority';
import type { CsmsHandlers } from '../../handler-context';

/** Block A: security events and certificate management. */
export const handlers: CsmsHandlers = {
  SecurityEventNotification: ({ type }, { session }) => {
    session.connection.note(`security event reported by the station: ${type}`);
    return {};
  },
  /**
   * A02/A03/F06: the CSMS reviews the CSR, answers, and once the answer went out sends the issued
   * certificate in a CertificateSignedRequest of the same certificateType (absent for a combined one).
   */
  SignCertificate: async ({ csr, certificateType }, { store, station, session }) => {
    const authority = certificateAuthorityOf(store);
    const review = await authority.review(csr, certificateType, station.id);
    if (!review.accepted) {
      session.connection.note(`CSR of ${station.id} rejected: ${review.reason}`);
      return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidCSR', additionalInfo: review.reason.slice(0, 512) } };
    }
    session.afterAnswer(async () => {
      const certificateChain = await authority.issue(review.request, certificateType);
      const response = await session.connection.call('CertificateSigned', {
        certificateChain,
        ...(certificateType ? { certificateType } : {}),
      });
      session.connection.note(`the station answered the CertificateSignedRequest with ${response.status}`);
    });
    return { status: 'Accepted' };
  },
};
