import { createHash } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import * as x509 from '@peculiar/x509';
import type { CertificateHashDataType, HashAlgorithmEnumType } from '../../schemas/ocpp201-messages';

const NODE_HASH: Record<HashAlgorithmEnumType, string> = { SHA256: 'sha256', SHA384: 'sha384', SHA512: 'sha512' };

/**
 * CertificateHashDataType of a certificate as OCPP 2.0.1 defines it (after RFC 6960 CertID):
 * the hash of the issuer's DER distinguished name, the hash of the issuer's public key bits, and
 * the serial number in hex. `issuerPem` is needed unless the certificate is self-signed.
 */
export function certificateHashData(pem: string, issuerPem?: string, algorithm: HashAlgorithmEnumType = 'SHA256'): CertificateHashDataType {
  const certificate = new x509.X509Certificate(pem);
  const issuer = issuerPem ? new x509.X509Certificate(issuerPem) : certificate;
  const hash = (data: ArrayBuffer): string => createHash(NODE_HASH[algorithm]).update(Buffer.from(data)).digest('hex');
  const issuerKey = AsnConvert.parse(issuer.publicKey.rawData, SubjectPublicKeyInfo).subjectPublicKey;
  return {
    hashAlgorithm: algorithm,
    issuerNameHash: hash(certificate.issuerName.toArrayBuffer()),
    issuerKeyHash: hash(issuerKey),
    serialNumber: certificate.serialNumber.replace(/^0+(?=.)/, '').toLowerCase(),
  };
}

/**
 * Whether two hash data name the same certificate: same algorithm, hashes equal ignoring case,
 * serial numbers equal ignoring leading zeros (both sides may print hex differently).
 */
export function sameCertificateHashData(a: CertificateHashDataType, b: CertificateHashDataType): boolean {
  const serial = (value: string): string => value.toLowerCase().replace(/^0+(?=.)/, '');
  return (
    a.hashAlgorithm === b.hashAlgorithm &&
    a.issuerNameHash.toLowerCase() === b.issuerNameHash.toLowerCase() &&
    a.issuerKeyHash.toLowerCase() === b.issuerKeyHash.toLowerCase() &&
    serial(a.serialNumber) === serial(b.serialNumber)
  );
}
