/**
 * PKCS#10 certificate signing requests as a charging station makes them for SignCertificateRequest
 * (OCPP 2.0.1 A02/A03): a fresh EC P-256 key, the subject the station's device model prescribes,
 * signed with SHA-256.
 */
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** Subject attributes by their short names (CN, O, OU, C). */
export type SubjectFields = Partial<Record<'CN' | 'O' | 'OU' | 'C', string>>;

export interface SigningRequest {
  /** PEM "CERTIFICATE REQUEST". */
  csrPem: string;
  /** PEM PKCS#8 private key that belongs to the request. */
  keyPem: string;
  /** DER SubjectPublicKeyInfo of the key, to recognise the certificate issued for it. */
  publicKeyDer: Buffer;
}

const ESCAPED = /([,+"\\<>;=#])/g;

/** RFC 4514 string of the subject, in the usual order C, O, OU, CN. */
export function subjectString(subject: SubjectFields): string {
  const order: Array<keyof SubjectFields> = ['C', 'O', 'OU', 'CN'];
  const parts = order.flatMap((name) => {
    const value = subject[name];
    return value === undefined ? [] : [`${name}=${value.replace(ESCAPED, '\\$1')}`];
  });
  if (parts.length === 0) throw new Error('a certificate signing request needs at least a CN');
  return parts.join(', ');
}

export async function createSigningRequest(subject: SubjectFields): Promise<SigningRequest> {
  const keys = (await webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: subjectString(subject),
    keys,
    signingAlgorithm: EC_P256,
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const spki = await webcrypto.subtle.exportKey('spki', keys.publicKey);
  return {
    csrPem: csr.toString('pem'),
    keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
    publicKeyDer: Buffer.from(spki),
  };
}
