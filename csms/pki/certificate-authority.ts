/**
 * The reference CSMS's certificate service (OCPP 2.0.1 A02/A03, F06): it reviews the CSR of a
 * SignCertificateRequest and issues the certificate. Charging-station (and combined) certificates
 * come from the CA the CSMS's own TLS listener trusts, so a renewed certificate opens the next
 * security-profile-3 connection; V2G certificates come from a V2G sub-CA under a V2G root, as a
 * CPO's V2G PKI would issue them.
 */
import { X509Certificate as NodeCertificate, createPublicKey, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as x509 from '@peculiar/x509';
import type { CertificateSigningUseEnumType } from '../../schemas/ocpp201-messages';
import { publicKeyFacts } from '../../kernel/tls/handshake-facts';
import type { TestPki } from '../../kernel/tls/test-pki';
import type { CsmsStore } from '../store';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

type CryptoKey = webcrypto.CryptoKey;
type SigningAlgorithm = { name: 'RSASSA-PKCS1-v1_5'; hash: 'SHA-256' } | { name: 'ECDSA'; hash: 'SHA-256' };

/** certificateType of the request; undefined = one certificate for both uses (combined). */
export type RequestedUse = CertificateSigningUseEnumType | undefined;

export type CsrReview = { accepted: true; request: x509.Pkcs10CertificateRequest } | { accepted: false; reason: string };

interface Issuer {
  certificate: x509.X509Certificate;
  key: CryptoKey;
  algorithm: SigningAlgorithm;
}

const LEAF_VALIDITY_MS = 365 * 86_400_000;
const CLOCK_SKEW_MS = 60_000;

function serialNumber(): string {
  return Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
    .toString('hex')
    .replace(/^[89a-f]/, '1');
}

async function importIssuer(certificatePem: string, keyPem: string): Promise<Issuer> {
  const certificate = new x509.X509Certificate(certificatePem);
  const type = new NodeCertificate(certificatePem).publicKey.asymmetricKeyType;
  const der = x509.PemConverter.decode(keyPem)[0];
  if (type === 'rsa') {
    const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
    return { certificate, algorithm, key: await webcrypto.subtle.importKey('pkcs8', der, algorithm, false, ['sign']) };
  }
  if (type === 'ec') {
    const curve = new NodeCertificate(certificatePem).publicKey.asymmetricKeyDetails?.namedCurve === 'secp384r1' ? 'P-384' : 'P-256';
    const key = await webcrypto.subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve: curve }, false, ['sign']);
    return { certificate, key, algorithm: { name: 'ECDSA', hash: 'SHA-256' } };
  }
  throw new Error(`the CSMS CA key type ${String(type)} is not supported`);
}

async function selfIssued(subject: string, issuer?: Issuer): Promise<Issuer> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const now = Date.now();
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject,
    issuer: issuer ? issuer.certificate.subject : subject,
    notBefore: new Date(now - CLOCK_SKEW_MS),
    notAfter: new Date(now + 5 * LEAF_VALIDITY_MS),
    publicKey: keys.publicKey,
    signingKey: issuer ? issuer.key : keys.privateKey,
    signingAlgorithm: issuer ? issuer.algorithm : algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, issuer ? 0 : 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificate, key: keys.privateKey, algorithm: { name: 'ECDSA', hash: 'SHA-256' } };
}

export class CsmsCertificateAuthority {
  private v2g: Promise<{ root: Issuer; subCa: Issuer }> | undefined;

  private constructor(private readonly stationCa: Issuer) {}

  static async load(pki: TestPki): Promise<CsmsCertificateAuthority> {
    return new CsmsCertificateAuthority(await importIssuer(readFileSync(pki.caCert, 'utf8'), readFileSync(pki.caKey, 'utf8')));
  }

  /**
   * Reviews a CSR as a CSMS must before it forwards it for signing: a well-formed PKCS#10 request
   * whose signature proves the key, a key of sufficient size, and, for a certificate the station
   * will use toward the CSMS, the station's own identity as CN.
   */
  async review(csrPem: string, use: RequestedUse, stationId: string): Promise<CsrReview> {
    let request: x509.Pkcs10CertificateRequest;
    try {
      request = new x509.Pkcs10CertificateRequest(csrPem);
    } catch (error) {
      return { accepted: false, reason: `the csr is not a PEM PKCS#10 request: ${(error as Error).message}` };
    }
    if (!(await request.verify().catch(() => false))) return { accepted: false, reason: 'the csr signature does not verify' };
    const key = publicKeyFacts(createPublicKey({ key: Buffer.from(request.publicKey.rawData), format: 'der', type: 'spki' }));
    if (!key.meetsMinimumSize) return { accepted: false, reason: `the csr key (${key.type}, ${key.bits ?? '?'} bits) is too weak` };
    const commonName = request.subjectName.getField('CN')[0];
    if (use !== 'V2GCertificate' && commonName !== stationId) {
      return { accepted: false, reason: `the csr CN ${JSON.stringify(commonName)} is not the station id ${JSON.stringify(stationId)}` };
    }
    return { accepted: true, request };
  }

  /** The PEM certificateChain for an accepted request: the new certificate and any sub-CA above it. */
  async issue(request: x509.Pkcs10CertificateRequest, use: RequestedUse): Promise<string> {
    const issuer = use === 'V2GCertificate' ? (await this.v2gAuthority()).subCa : this.stationCa;
    const now = Date.now();
    const notAfter = Math.min(now + LEAF_VALIDITY_MS, issuer.certificate.notAfter.getTime());
    const publicKey = await request.publicKey.export();
    const usages =
      use === 'ChargingStationCertificate'
        ? [x509.ExtendedKeyUsage.clientAuth]
        : use === 'V2GCertificate'
          ? [x509.ExtendedKeyUsage.serverAuth]
          : [x509.ExtendedKeyUsage.clientAuth, x509.ExtendedKeyUsage.serverAuth];
    const certificate = await x509.X509CertificateGenerator.create({
      serialNumber: serialNumber(),
      subject: request.subjectName,
      issuer: issuer.certificate.subject,
      notBefore: new Date(now - CLOCK_SKEW_MS),
      notAfter: new Date(notAfter),
      publicKey,
      signingKey: issuer.key,
      signingAlgorithm: issuer.algorithm,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature |
            (publicKey.algorithm.name === 'ECDSA' ? x509.KeyUsageFlags.keyAgreement : x509.KeyUsageFlags.keyEncipherment),
          true,
        ),
        new x509.ExtendedKeyUsageExtension(usages),
        await x509.SubjectKeyIdentifierExtension.create(publicKey),
        await x509.AuthorityKeyIdentifierExtension.create(issuer.certificate),
      ],
    });
    const chain = [certificate, ...(use === 'V2GCertificate' ? [issuer.certificate] : [])];
    return chain.map((entry) => entry.toString('pem')).join('\n') + '\n';
  }

  /** The V2G root this CSMS's V2G certificates chain to (for a station to install as V2GRootCertificate). */
  async v2gRootPem(): Promise<string> {
    return (await this.v2gAuthority()).root.certificate.toString('pem');
  }

  private v2gAuthority(): Promise<{ root: Issuer; subCa: Issuer }> {
    this.v2g ??= (async () => {
      const root = await selfIssued('CN=V2G Root CA, O=OCPP Conformance Suite, DC=V2G');
      const subCa = await selfIssued('CN=CPO Sub-CA 1, O=OCPP Conformance Suite, DC=CPO', root);
      return { root, subCa };
    })();
    return this.v2g;
  }
}

const authorities = new WeakMap<CsmsStore, CsmsCertificateAuthority>();

/** Gives a CSMS's store its certificate service (one per reference CSMS). */
export function attachCertificateAuthority(store: CsmsStore, authority: CsmsCertificateAuthority): void {
  authorities.set(store, authority);
}

export function certificateAuthorityOf(store: CsmsStore): CsmsCertificateAuthority {
  const authority = authorities.get(store);
  if (!authority) throw new Error('this CSMS has no certificate service');
  return authority;
}
