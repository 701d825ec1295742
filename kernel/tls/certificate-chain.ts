/**
 * What a charging station checks in the certificate chain of a CertificateSignedRequest before it
 * installs it (OCPP 2.0.1 A02/A03: a valid chain, the key of its own request, its identity,
 * inside the validity period), as facts a `| field | expectation |` table reads, and as the list of
 * reasons to answer Rejected.
 */
import { X509Certificate } from 'node:crypto';
import { distinguishedName, keyFactsOf } from './handshake-facts';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export interface ChainExpectations {
  /** DER SubjectPublicKeyInfo of the key the station generated for its request. */
  publicKeyDer?: Buffer;
  /** The CN the leaf must carry (the station id). */
  commonName?: string;
  /** PEM roots the chain must end in; empty = the station has no root for this kind of certificate. */
  trustAnchors: readonly string[];
  at?: Date;
}

export interface CertificateFacts {
  subject: Record<string, string>;
  issuer: Record<string, string>;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  validNow: boolean;
  key: { type: string; bits: number | null; meetsMinimumSize: boolean };
  pem: string;
}

export interface ChainFacts {
  /** Number of PEM certificates found. */
  certificates: number;
  /** Every PEM block parsed as an X.509 certificate. */
  parsable: boolean;
  leaf?: CertificateFacts & { keyMatchesRequest: boolean | null };
  chain: {
    /** Each certificate is signed by the next one. */
    signaturesValid: boolean;
    /** The last certificate is, or is signed by, one of the trust anchors; null when the station has none. */
    chainsToTrustedRoot: boolean | null;
    trustedRoot: Record<string, string> | null;
  };
}

function factsOf(certificate: X509Certificate, at: Date): CertificateFacts {
  const notBefore = new Date(certificate.validFrom);
  const notAfter = new Date(certificate.validTo);
  return {
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    serialNumber: certificate.serialNumber,
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    validNow: notBefore.getTime() <= at.getTime() && at.getTime() <= notAfter.getTime(),
    key: keyFactsOf(certificate),
    pem: certificate.toString(),
  };
}

function signedBy(subject: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

export function splitPemChain(chainPem: string): string[] {
  return chainPem.match(PEM_CERTIFICATE) ?? [];
}

export function examineChain(chainPem: string, expectations: ChainExpectations): ChainFacts {
  const at = expectations.at ?? new Date();
  const blocks = splitPemChain(chainPem);
  const parsed: X509Certificate[] = [];
  for (const block of blocks) {
    try {
      parsed.push(new X509Certificate(block));
    } catch {
      // An unparsable block leaves `parsable` false; the others are still examined.
    }
  }
  const facts: ChainFacts = {
    certificates: blocks.length,
    parsable: blocks.length > 0 && parsed.length === blocks.length,
    chain: { signaturesValid: false, chainsToTrustedRoot: null, trustedRoot: null },
  };
  if (parsed.length === 0) return facts;
  const [leaf] = parsed;
  const leafKey = leaf.publicKey.export({ type: 'spki', format: 'der' });
  facts.leaf = {
    ...factsOf(leaf, at),
    keyMatchesRequest: expectations.publicKeyDer ? leafKey.equals(expectations.publicKeyDer) : null,
  };
  facts.chain.signaturesValid = parsed.every(
    (certificate, index) => index === parsed.length - 1 || signedBy(certificate, parsed[index + 1]),
  );
  if (expectations.trustAnchors.length > 0) {
    const top = parsed[parsed.length - 1];
    const anchors = expectations.trustAnchors.map((pem) => new X509Certificate(pem));
    const anchor = anchors.find((candidate) => candidate.raw.equals(top.raw) || signedBy(top, candidate));
    facts.chain.chainsToTrustedRoot = anchor !== undefined;
    facts.chain.trustedRoot = anchor ? distinguishedName(anchor.subject) : null;
  }
  return facts;
}

/** Why a station must not install this chain; empty when it may. */
export function chainProblems(facts: ChainFacts, expectations: ChainExpectations): string[] {
  const problems: string[] = [];
  if (facts.certificates === 0) return ['the certificateChain holds no PEM certificate'];
  if (!facts.parsable) problems.push('a PEM block of the certificateChain is not an X.509 certificate');
  const leaf = facts.leaf;
  if (!leaf) return problems;
  if (leaf.keyMatchesRequest === false) problems.push('the certificate is not for the key of the station’s signing request');
  if (leaf.keyMatchesRequest === null) problems.push('the station has no pending signing request for this certificate type');
  if (expectations.commonName !== undefined && leaf.subject.CN !== expectations.commonName) {
    problems.push(
      `the certificate CN is ${JSON.stringify(leaf.subject.CN)}, not the station id ${JSON.stringify(expectations.commonName)}`,
    );
  }
  if (!leaf.validNow) problems.push(`the certificate is not valid now (valid ${leaf.notBefore} to ${leaf.notAfter})`);
  if (!leaf.key.meetsMinimumSize) problems.push(`the certificate key (${leaf.key.type}, ${leaf.key.bits ?? '?'} bits) is too weak`);
  if (!facts.chain.signaturesValid) problems.push('a certificate of the chain is not signed by the next one');
  if (facts.chain.chainsToTrustedRoot === false) problems.push('the chain does not lead to a root certificate the station trusts');
  return problems;
}
