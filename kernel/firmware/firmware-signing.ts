/**
 * Signing and checking a firmware image the way OCPP 2.0.1 L01 asks of a charging station: the
 * UpdateFirmwareRequest carries the signing certificate (PEM) and a base64 signature over the whole
 * image; the station checks the certificate against its ManufacturerRootCertificate before it accepts
 * the request (InvalidCertificate / RevokedCertificate answers, TC_L_04/05) and the signature once the
 * image is downloaded (InvalidSignature status, TC_L_06).
 *
 * Signatures are RSA-PSS with SHA-256, the algorithm L01 names (its alternative, ECSchnorr, exists in
 * neither node:crypto nor OpenSSL). A certificate with an EC key is checked as ECDSA with SHA-256, so a
 * manufacturer that signs with ECDSA is not refused for the algorithm alone.
 */
import { type KeyObject, X509Certificate, constants, createPrivateKey, sign, verify } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { examineChain, splitPemChain } from '../tls/certificate-chain';
import { normalizeSerial } from './firmware-pki';

export type CertificateCause = 'InvalidCertificate' | 'RevokedCertificate';
export type FirmwareCause = 'InvalidSignature' | CertificateCause;

export type CertificateVerdict = { ok: true } | { ok: false; cause: CertificateCause; detail: string };
export type FirmwareVerdict = { ok: true } | { ok: false; cause: FirmwareCause; detail: string };

export interface SigningCertificateCheck {
  /** firmware.signingCertificate: the leaf first, optionally followed by intermediates. */
  signingCertificatePem: string;
  /** The station's ManufacturerRootCertificate(s), PEM. */
  manufacturerRootPem: string | readonly string[];
  /** Serials (hex, any case, leading zeros ignored) the manufacturer revoked. */
  revokedSerials?: Iterable<string>;
  now?: Date;
}

export interface FirmwareCheck extends SigningCertificateCheck {
  image: Buffer;
  signatureBase64: string;
}

/** PSS salt of the digest's length: what most tools produce; verification accepts any salt length. */
const PSS_SALT_LENGTH = 32;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;

function signatureOptions(key: KeyObject) {
  if (key.asymmetricKeyType === 'rsa') {
    return { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: PSS_SALT_LENGTH };
  }
  if (key.asymmetricKeyType === 'ec') return { key, dsaEncoding: 'der' as const };
  throw new Error(`a firmware signing key must be RSA (RSA-PSS) or EC (ECDSA), not ${key.asymmetricKeyType ?? 'unknown'}`);
}

/** The base64 `firmware.signature` of `image`: RSA-PSS/SHA-256 for an RSA key, ECDSA/SHA-256 (DER) for an EC key. */
export function signFirmware(image: Buffer, signingKeyPem: string): string {
  return sign('sha256', image, signatureOptions(createPrivateKey(signingKeyPem))).toString('base64');
}

function refuse(cause: CertificateCause, detail: string): CertificateVerdict {
  return { ok: false, cause, detail };
}

/** The checks a station makes on firmware.signingCertificate before answering the UpdateFirmwareRequest. */
export function verifySigningCertificate(check: SigningCertificateCheck): CertificateVerdict {
  const now = check.now ?? new Date();
  const roots = typeof check.manufacturerRootPem === 'string' ? [check.manufacturerRootPem] : [...check.manufacturerRootPem];
  const trustAnchors = roots.flatMap(splitPemChain);
  if (trustAnchors.length === 0) return refuse('InvalidCertificate', 'the station holds no ManufacturerRootCertificate');
  const facts = examineChain(check.signingCertificatePem, { trustAnchors, at: now });
  if (facts.certificates === 0 || !facts.parsable || !facts.leaf) {
    return refuse('InvalidCertificate', 'firmware.signingCertificate is not a PEM X.509 certificate');
  }
  if (!facts.chain.signaturesValid) return refuse('InvalidCertificate', 'a certificate of the chain is not signed by the next one');
  if (facts.chain.chainsToTrustedRoot !== true) {
    const issuer = Object.entries(facts.leaf.issuer).map(([name, value]) => `${name}=${value}`);
    return refuse('InvalidCertificate', `the signing certificate (issuer ${issuer.join(', ')}) does not chain to the manufacturer root`);
  }
  const blocks = splitPemChain(check.signingCertificatePem).map((pem) => new x509.X509Certificate(pem));
  for (const certificate of blocks) {
    if (now < certificate.notBefore || now > certificate.notAfter) {
      return refuse(
        'InvalidCertificate',
        `${certificate.subject} is not valid at ${now.toISOString()} (valid ${certificate.notBefore.toISOString()} to ${certificate.notAfter.toISOString()})`,
      );
    }
  }
  const { key } = facts.leaf;
  if (!key.meetsMinimumSize) return refuse('InvalidCertificate', `the signing key (${key.type}, ${key.bits ?? '?'} bits) is too weak`);
  const usage = blocks[0].getExtension(x509.KeyUsagesExtension);
  if (usage && (usage.usages & x509.KeyUsageFlags.digitalSignature) === 0) {
    return refuse('InvalidCertificate', 'the signing certificate’s key usage does not allow digitalSignature');
  }
  const revoked = new Set([...(check.revokedSerials ?? [])].map(normalizeSerial));
  const revokedBlock = blocks.find((certificate) => revoked.has(normalizeSerial(certificate.serialNumber)));
  if (revokedBlock) {
    return refuse('RevokedCertificate', `${revokedBlock.subject} (serial ${normalizeSerial(revokedBlock.serialNumber)}) is revoked`);
  }
  return { ok: true };
}

/** The certificate checks, then the signature over the whole image (L01.FR.11 onwards). */
export function verifyFirmware(check: FirmwareCheck): FirmwareVerdict {
  const certificate = verifySigningCertificate(check);
  if (!certificate.ok) return certificate;
  const compact = check.signatureBase64.replace(/\s+/g, '');
  if (!BASE64.test(compact)) return { ok: false, cause: 'InvalidSignature', detail: 'firmware.signature is not base64' };
  const signature = Buffer.from(compact, 'base64');
  const key = new X509Certificate(splitPemChain(check.signingCertificatePem)[0]).publicKey;
  const valid =
    key.asymmetricKeyType === 'rsa'
      ? verify(
          'sha256',
          check.image,
          { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO },
          signature,
        )
      : key.asymmetricKeyType === 'ec' &&
        (['der', 'ieee-p1363'] as const).some((dsaEncoding) => verify('sha256', check.image, { key, dsaEncoding }, signature));
  if (!valid) {
    return {
      ok: false,
      cause: 'InvalidSignature',
      detail: `firmware.signature does not verify over the ${check.image.length}-byte image with the signing certificate’s ${key.asymmetricKeyType ?? ''} key`,
    };
  }
  return { ok: true };
}
