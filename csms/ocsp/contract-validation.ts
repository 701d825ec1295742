/**
 * How the reference CSMS judges an ISO 15118 contract certificate in an AuthorizeRequest (C07):
 * from the station's OCSP request data (the station validated the chain itself) it asks each
 * responder; from a PEM certificate chain it first validates the chain up to a root the operator
 * trusts, then asks the OCSP responders named in the certificates (AIA).
 */
import { X509Certificate } from 'node:crypto';
import type { AuthorizeCertificateStatusEnumType, OCSPRequestDataType } from '../../schemas/ocpp201-messages';
import { type CertIdentity, certIdentityOf } from '../../kernel/ocsp/ocsp-messages';
import { queryOcsp } from './ocsp-client';
import { splitPemChain } from '../../kernel/tls/certificate-chain';

export interface ContractVerdict {
  certificateStatus: AuthorizeCertificateStatusEnumType;
  /** The eMAID the contract certificate names (subject CN), when the CSMS saw the certificate. */
  emaid?: string;
  /** Why the status is not Accepted, for the CSMS's log. */
  reasons: string[];
}

function ocspUrlsOf(certificate: X509Certificate): string[] {
  return [...(certificate.infoAccess ?? '').matchAll(/OCSP - URI:(\S+)/g)].map((match) => match[1]);
}

function commonNameOf(certificate: X509Certificate): string | undefined {
  return /(?:^|\n)CN=([^\n]+)/.exec(certificate.subject)?.[1];
}

/** Revocation checks, one certificate at a time; the first bad answer decides. */
async function checkRevocation(
  questions: ReadonlyArray<{ url: string; identity: CertIdentity; what: string }>,
  timeoutMs: number,
): Promise<Pick<ContractVerdict, 'certificateStatus' | 'reasons'>> {
  for (const { url, identity, what } of questions) {
    const verdict = await queryOcsp(url, identity, timeoutMs);
    if (verdict.status === 'revoked') {
      return { certificateStatus: 'CertificateRevoked', reasons: [`${what} was revoked at ${verdict.revokedAt.toISOString()}`] };
    }
    if (verdict.status !== 'good') {
      // Without a trustworthy "good" the CSMS cannot vouch for the chain.
      const reason = verdict.status === 'unknown' ? 'the OCSP responder does not know it' : verdict.reason;
      return { certificateStatus: 'CertChainError', reasons: [`${what}: ${reason}`] };
    }
  }
  return { certificateStatus: 'Accepted', reasons: [] };
}

/** C07 with OCSP request data: the station validated the chain; the CSMS checks revocation. */
export function judgeHashData(hashData: readonly OCSPRequestDataType[], timeoutMs: number): Promise<ContractVerdict> {
  return checkRevocation(
    hashData.map((entry, index) => ({
      url: entry.responderURL,
      identity: {
        hashAlgorithm: entry.hashAlgorithm,
        issuerNameHash: entry.issuerNameHash,
        issuerKeyHash: entry.issuerKeyHash,
        serialNumber: entry.serialNumber,
      },
      what: `certificate ${index + 1} of the hash data (serial ${entry.serialNumber})`,
    })),
    timeoutMs,
  );
}

/** C07 with the certificate chain (central validation): chain to a trusted root, validity, revocation. */
export async function judgeCertificateChain(
  chainPem: string,
  trustedRootsPem: readonly string[],
  timeoutMs: number,
): Promise<ContractVerdict> {
  const fail = (certificateStatus: AuthorizeCertificateStatusEnumType, reason: string, emaid?: string): ContractVerdict => ({
    certificateStatus,
    emaid,
    reasons: [reason],
  });
  let chain: X509Certificate[];
  let roots: X509Certificate[];
  try {
    chain = splitPemChain(chainPem).map((pem) => new X509Certificate(pem));
    roots = trustedRootsPem.map((pem) => new X509Certificate(pem));
  } catch (error) {
    return fail('CertChainError', `a certificate cannot be read: ${(error as Error).message}`);
  }
  if (chain.length === 0) return fail('NoCertificateAvailable', 'the certificate field holds no PEM certificate');
  const emaid = commonNameOf(chain[0]);
  const now = Date.now();
  for (const certificate of chain) {
    if (Date.parse(certificate.validFrom) > now || Date.parse(certificate.validTo) < now) {
      return fail(
        'CertificateExpired',
        `${certificate.subject.replace(/\n/g, ', ')} is valid ${certificate.validFrom} - ${certificate.validTo}`,
        emaid,
      );
    }
  }
  const questions: Array<{ url: string; identity: CertIdentity; what: string }> = [];
  for (let index = 0; index < chain.length; index++) {
    const certificate = chain[index];
    const what = index === 0 ? 'the contract certificate' : `sub-CA ${commonNameOf(certificate) ?? index}`;
    if (roots.some((root) => root.fingerprint256 === certificate.fingerprint256)) break;
    const issuer = chain[index + 1] ?? roots.find((root) => certificate.checkIssued(root));
    if (!issuer || !certificate.checkIssued(issuer)) return fail('CertChainError', `${what} does not chain to a trusted root`, emaid);
    if (!issuer.ca) return fail('CertChainError', `the issuer of ${what} is not a CA`, emaid);
    if (!certificate.verify(issuer.publicKey)) return fail('SignatureError', `the signature of ${what} does not verify`, emaid);
    const [url] = ocspUrlsOf(certificate);
    if (!url) return fail('CertChainError', `${what} names no OCSP responder, so its revocation cannot be checked`, emaid);
    questions.push({ url, identity: certIdentityOf(certificate.toString(), issuer.toString(), 'SHA256'), what });
  }
  return { ...(await checkRevocation(questions, timeoutMs)), emaid };
}

/** eMAIDs are compared without their optional hyphens and case (ISO 15118-2 Annex H). */
export function sameEmaid(a: string, b: string): boolean {
  const normal = (value: string): string => value.replace(/-/g, '').toUpperCase();
  return normal(a) === normal(b);
}
