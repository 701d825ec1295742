/**
 * What a TLS handshake negotiated, as the checks of block A read it (OCPP 2.0.1 Part 2, A00
 * "Security profiles": TLS 1.2 or higher, the required cipher suites, a server certificate with the
 * CSMS's host name as CN and a key of sufficient size).
 */
import type { KeyObject, X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';

export interface TlsHandshake {
  url: string;
  stationId: string;
  /** "TLSv1.2", "TLSv1.3", … */
  protocol: string | null;
  cipher: { name: string; standardName: string };
  /** The server certificate chained to the trusted CA and matched the host name. */
  serverVerified: boolean;
  serverVerificationError?: string;
  serverCertificate?: X509Certificate;
}

export function handshakeOf(socket: TLSSocket, url: string, stationId: string): TlsHandshake {
  const cipher = socket.getCipher();
  const error = socket.authorizationError as unknown;
  return {
    url,
    stationId,
    protocol: socket.getProtocol(),
    cipher: { name: cipher.name, standardName: cipher.standardName },
    serverVerified: socket.authorized,
    ...(error ? { serverVerificationError: String(error) } : {}),
    serverCertificate: socket.getPeerX509Certificate(),
  };
}

const CURVE_BITS: Readonly<Record<string, number>> = {
  prime256v1: 256,
  'P-256': 256,
  secp224r1: 224,
  'P-224': 224,
  secp384r1: 384,
  'P-384': 384,
  secp521r1: 521,
  'P-521': 521,
  brainpoolP256r1: 256,
  brainpoolP384r1: 384,
  brainpoolP512r1: 512,
};

/** Minimum key sizes of A00 (RSA and DSA 2048 bits, elliptic curves 224 bits). */
const MINIMUM_KEY_BITS: Readonly<Record<string, number>> = { rsa: 2048, 'rsa-pss': 2048, dsa: 2048, ec: 224 };

export interface KeyFacts {
  type: string;
  bits: number | null;
  /** RSA/DSA >= 2048 bits, EC >= 224 bits. */
  meetsMinimumSize: boolean;
}

export function keyFactsOf(certificate: X509Certificate): KeyFacts {
  return publicKeyFacts(certificate.publicKey);
}

export function publicKeyFacts(key: KeyObject): KeyFacts {
  const type = key.asymmetricKeyType ?? 'unknown';
  const details = key.asymmetricKeyDetails ?? {};
  const bits = details.modulusLength ?? (details.namedCurve ? (CURVE_BITS[details.namedCurve] ?? null) : null);
  const minimum = MINIMUM_KEY_BITS[type];
  return { type, bits, meetsMinimumSize: minimum !== undefined && bits !== null && bits >= minimum };
}

/** "CN=localhost\nO=Org" → { CN: "localhost", O: "Org" }; a repeated attribute keeps its first value. */
export function distinguishedName(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const equals = line.indexOf('=');
    if (equals <= 0) continue;
    const name = line.slice(0, equals).trim();
    if (!(name in fields)) fields[name] = line.slice(equals + 1).trim();
  }
  return fields;
}

/** Secret key bits of a negotiated cipher, read from its IANA name (AES_128 → 128). */
export function secretBitsOf(standardName: string): number | null {
  const aes = /AES_?(128|256)/.exec(standardName);
  if (aes) return Number(aes[1]);
  if (/CHACHA20/.test(standardName)) return 256;
  if (/3DES/.test(standardName)) return 112;
  return null;
}

/** The handshake as a JSON object a `| field | expectation |` table checks. */
export function handshakeFacts(handshake: TlsHandshake): Record<string, unknown> {
  const certificate = handshake.serverCertificate;
  return {
    protocol: handshake.protocol,
    cipher: {
      name: handshake.cipher.name,
      standardName: handshake.cipher.standardName,
      secretBits: secretBitsOf(handshake.cipher.standardName),
    },
    serverCertificate: certificate
      ? {
          verified: handshake.serverVerified,
          subject: distinguishedName(certificate.subject),
          issuer: distinguishedName(certificate.issuer),
          serialNumber: certificate.serialNumber,
          key: keyFactsOf(certificate),
          pem: certificate.toString(),
        }
      : undefined,
  };
}
