import type { AuthorizeRequest, AuthorizeResponse, IdTokenInfoType, IdTokenType } from '../../../schemas/ocpp201-messages';
import { type ContractVerdict, judgeCertificateChain, judgeHashData, sameEmaid } from '../../ocsp/contract-validation';
import type { IdTokenRecord } from '../../store';
import type { CsmsHandlers, HandlerContext } from '../../handler-context';

/** The registry entry of a token; idTokens compare case-insensitively, the type must match. */
function lookUp(idToken: IdTokenType, { store }: Pick<HandlerContext, 'store'>): IdTokenRecord | undefined {
  const exact = store.token(idToken.idToken, idToken.type);
  if (exact) return exact;
  const wanted = idToken.idToken.toLowerCase();
  return [...store.tokens.values()].find((record) => record.type === idToken.type && record.idToken.toLowerCase() === wanted);
}

/** The CSMS's verdict on a token (C01): status from its registry, expiry, group. */
export function idTokenInfoFor(idToken: IdTokenType, context: Pick<HandlerContext, 'store'>): IdTokenInfoType {
  if (idToken.type === 'NoAuthorization') return { status: 'Accepted' };
  const record = lookUp(idToken, context);
  if (!record) return { status: 'Unknown' };
  const expired = record.expiresAt !== undefined && Date.parse(record.expiresAt) <= Date.now();
  return {
    status: expired ? 'Expired' : record.status,
    ...(record.expiresAt ? { cacheExpiryDateTime: record.expiresAt } : {}),
    ...(record.groupId ? { groupIdToken: { idToken: record.groupId, type: 'Central' } } : {}),
  };
}

/** How long the CSMS waits for one OCSP answer; the station waits for the AuthorizeResponse meanwhile. */
function ocspTimeoutMs(context: HandlerContext): number {
  return Math.min(5000, (context.config.OCPP_CALL_TIMEOUT * 1000) / 4);
}

/**
 * C07: an ISO 15118 contract. The certificate is judged first (revocation by OCSP, and for a
 * certificate chain also the chain up to a trusted root and the eMAID it names); a contract that
 * is not Accepted makes the idToken Invalid whatever the registry says.
 */
async function authorizeContract(request: AuthorizeRequest, context: HandlerContext): Promise<AuthorizeResponse> {
  const idTokenInfo = idTokenInfoFor(request.idToken, context);
  const timeoutMs = ocspTimeoutMs(context);
  let verdict: ContractVerdict;
  if (request.certificate !== undefined) {
    verdict = await judgeCertificateChain(request.certificate, context.station.trustedContractRoots, timeoutMs);
  } else {
    verdict = await judgeHashData(request.iso15118CertificateHashData ?? [], timeoutMs);
  }
  const emaidMismatch = verdict.emaid !== undefined && !sameEmaid(verdict.emaid, request.idToken.idToken);
  const reasons = [
    ...verdict.reasons,
    ...(emaidMismatch ? [`the certificate names eMAID ${verdict.emaid}, not ${request.idToken.idToken}`] : []),
  ];
  if (reasons.length > 0) context.session.connection.note(`contract certificate of ${request.idToken.idToken}: ${reasons.join('; ')}`);
  const accepted = verdict.certificateStatus === 'Accepted' && !emaidMismatch;
  return {
    idTokenInfo: accepted ? idTokenInfo : { ...idTokenInfo, status: 'Invalid' },
    certificateStatus: verdict.certificateStatus,
  };
}

/** Block C: authorization of tokens, ISO 15118 contracts included. */
export const handlers: CsmsHandlers = {
  Authorize: (request, context) => {
    if (request.certificate !== undefined || request.iso15118CertificateHashData !== undefined) return authorizeContract(request, context);
    return { idTokenInfo: idTokenInfoFor(request.idToken, context) };
  },
};
