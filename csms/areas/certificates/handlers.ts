import { fetchOcspResponse } from '../../ocsp/ocsp-client';
import type { CsmsHandlers, HandlerContext } from '../../handler-context';
import { answerEvCertificateRequest } from './contract-certificate-service';

const OCSP_RESULT_MAX = 5500;

/** How long the CSMS waits for the OCSP responder; the station waits for the answer meanwhile. */
function ocspTimeoutMs(context: HandlerContext): number {
  return Math.min(5000, (context.config.OCPP_CALL_TIMEOUT * 1000) / 4);
}

/** Block M: what the station asks the CSMS for its ISO 15118 certificates. */
export const handlers: CsmsHandlers = {
  /**
   * M06: the CSMS asks the responder the station names and forwards the OCSP response (DER,
   * base64) once it verified that it is a signed answer about that certificate.
   */
  GetCertificateStatus: async ({ ocspRequestData }, context) => {
    const { hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber, responderURL } = ocspRequestData;
    const { verdict, der } = await fetchOcspResponse(
      responderURL,
      { hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber },
      ocspTimeoutMs(context),
    );
    const ocspResult = der?.toString('base64');
    if (verdict.status === 'failed' || ocspResult === undefined || ocspResult.length > OCSP_RESULT_MAX) {
      const reason = verdict.status === 'failed' ? verdict.reason : `the OCSP response exceeds ${OCSP_RESULT_MAX} characters`;
      context.session.connection.note(`no OCSP status for serial ${serialNumber}: ${reason}`);
      return { status: 'Failed', statusInfo: { reasonCode: 'OcspNotAvailable', additionalInfo: reason.slice(0, 512) } };
    }
    return { status: 'Accepted', ocspResult };
  },
  /** M01/M02: forwarded to the contract-certificate service (here its stand-in), its answer returned as is. */
  Get15118EVCertificate: async ({ iso15118SchemaVersion, action, exiRequest }, context) => {
    const answer = await answerEvCertificateRequest({
      iso15118SchemaVersion,
      action,
      exiRequest,
      emaid: context.config.CONTRACT_CERT_EMAID,
    });
    if (!answer.ok) {
      context.session.connection.note(`the contract-certificate service refused the ${action} request: ${answer.detail}`);
      return {
        status: 'Failed',
        exiResponse: '',
        statusInfo: { reasonCode: answer.reasonCode, additionalInfo: answer.detail.slice(0, 512) },
      };
    }
    return { status: 'Accepted', exiResponse: answer.exiResponse };
  },
};
