/**
 * OCSP (RFC 6960) messages as DER, for the reference CSMS's OCSP client and the suite's OCSP
 * responder: the certificate identity both sides agree on (CertID), requests, and signed responses.
 */
import { createHash, sign, verify, type KeyObject, X509Certificate as NodeCertificate } from 'node:crypto';
import {
  BasicOCSPResponse,
  CertID,
  CertStatus,
  KeyHash,
  OCSPRequest,
  OCSPResponse,
  OCSPResponseStatus,
  Request,
  ResponderID,
  ResponseBytes,
  ResponseData,
  RevokedInfo,
  SingleResponse,
  TBSRequest,
  id_pkix_ocsp_basic,
} from '@peculiar/asn1-ocsp';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Certificate } from '@peculiar/asn1-x509';

/** Hash algorithms a CertID may use; OCPP's OCSPRequestDataType names the last three. */
export type OcspHashAlgorithm = 'SHA1' | 'SHA256' | 'SHA384' | 'SHA512';

const HASH_OIDS: Record<OcspHashAlgorithm, string> = {
  SHA1: '1.3.14.3.2.26',
  SHA256: '2.16.840.1.101.3.4.2.1',
  SHA384: '2.16.840.1.101.3.4.2.2',
  SHA512: '2.16.840.1.101.3.4.2.3',
};

const NODE_HASHES: Record<OcspHashAlgorithm, string> = { SHA1: 'sha1', SHA256: 'sha256', SHA384: 'sha384', SHA512: 'sha512' };

/** Signature algorithms of a BasicOCSPResponse, by OID, with the hash node's crypto uses. */
const SIGNATURE_ALGORITHMS: Record<string, { hash: string; key: 'ec' | 'rsa' }> = {
  '1.2.840.10045.4.3.2': { hash: 'sha256', key: 'ec' },
  '1.2.840.10045.4.3.3': { hash: 'sha384', key: 'ec' },
  '1.2.840.10045.4.3.4': { hash: 'sha512', key: 'ec' },
  '1.2.840.113549.1.1.11': { hash: 'sha256', key: 'rsa' },
  '1.2.840.113549.1.1.12': { hash: 'sha384', key: 'rsa' },
  '1.2.840.113549.1.1.13': { hash: 'sha512', key: 'rsa' },
};

/**
 * Which certificate an OCSP exchange is about (RFC 6960 CertID), as hex: the hash of the issuer's
 * DER name, the hash of the issuer's public key bits, and the serial number (no leading zeros,
 * lower case) — the same facts as OCPP's OCSPRequestDataType.
 */
export interface CertIdentity {
  hashAlgorithm: OcspHashAlgorithm;
  issuerNameHash: string;
  issuerKeyHash: string;
  serialNumber: string;
}

export type OcspCertStatus = { status: 'good' } | { status: 'revoked'; revokedAt: Date } | { status: 'unknown' };

const hex = (data: ArrayBuffer | Uint8Array): string =>
  Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('hex');

export function normalizeSerial(serial: string): string {
  return serial.toLowerCase().replace(/^0+(?=.)/, '');
}

export function sameCertificate(a: CertIdentity, b: CertIdentity): boolean {
  return (
    a.hashAlgorithm === b.hashAlgorithm &&
    a.issuerNameHash.toLowerCase() === b.issuerNameHash.toLowerCase() &&
    a.issuerKeyHash.toLowerCase() === b.issuerKeyHash.toLowerCase() &&
    normalizeSerial(a.serialNumber) === normalizeSerial(b.serialNumber)
  );
}

function parseCertificate(pemOrDer: string | Buffer): Certificate {
  const der = typeof pemOrDer === 'string' ? new NodeCertificate(pemOrDer).raw : pemOrDer;
  return AsnConvert.parse(der, Certificate);
}

/** The issuer facts of a CertID, taken from the issuer's own certificate. */
function issuerHashes(issuer: Certificate, algorithm: OcspHashAlgorithm): { issuerNameHash: string; issuerKeyHash: string } {
  const digest = (data: ArrayBuffer): string => createHash(NODE_HASHES[algorithm]).update(new Uint8Array(data)).digest('hex');
  return {
    issuerNameHash: digest(AsnConvert.serialize(issuer.tbsCertificate.subject)),
    issuerKeyHash: digest(issuer.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey),
  };
}

/** The CertID of `certificatePem`, whose issuer is `issuerPem`. */
export function certIdentityOf(certificatePem: string, issuerPem: string, algorithm: OcspHashAlgorithm = 'SHA256'): CertIdentity {
  const certificate = parseCertificate(certificatePem);
  return {
    hashAlgorithm: algorithm,
    ...issuerHashes(parseCertificate(issuerPem), algorithm),
    serialNumber: normalizeSerial(hex(certificate.tbsCertificate.serialNumber)),
  };
}

function serialBytes(serial: string): ArrayBuffer {
  let digits = normalizeSerial(serial);
  if (!/^[0-9a-f]+$/.test(digits)) throw new Error(`serial number "${serial}" is not hexadecimal`);
  if (digits.length % 2 === 1) digits = `0${digits}`;
  // A DER INTEGER is two's complement: a serial with its high bit set needs a leading zero byte.
  if (Number.parseInt(digits.slice(0, 2), 16) >= 0x80) digits = `00${digits}`;
  return new Uint8Array(Buffer.from(digits, 'hex')).buffer;
}

function toCertId(identity: CertIdentity): CertID {
  return new CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: HASH_OIDS[identity.hashAlgorithm], parameters: null }),
    issuerNameHash: new OctetString(Buffer.from(identity.issuerNameHash, 'hex')),
    issuerKeyHash: new OctetString(Buffer.from(identity.issuerKeyHash, 'hex')),
    serialNumber: serialBytes(identity.serialNumber),
  });
}

function fromCertId(certId: CertID): CertIdentity | undefined {
  const hashAlgorithm = (Object.keys(HASH_OIDS) as OcspHashAlgorithm[]).find((name) => HASH_OIDS[name] === certId.hashAlgorithm.algorithm);
  if (!hashAlgorithm) return undefined;
  return {
    hashAlgorithm,
    issuerNameHash: hex(certId.issuerNameHash.buffer),
    issuerKeyHash: hex(certId.issuerKeyHash.buffer),
    serialNumber: normalizeSerial(hex(certId.serialNumber)),
  };
}

/** An unsigned OCSP request about the given certificates. */
export function encodeOcspRequest(identities: readonly CertIdentity[]): Buffer {
  const request = new OCSPRequest({
    tbsRequest: new TBSRequest({ requestList: identities.map((identity) => new Request({ reqCert: toCertId(identity) })) }),
  });
  return Buffer.from(AsnConvert.serialize(request));
}

/** The certificates an OCSP request asks about; undefined for a hash algorithm this code does not know. */
export function decodeOcspRequest(der: Buffer): Array<CertIdentity | undefined> {
  const request = AsnConvert.parse(der, OCSPRequest);
  return request.tbsRequest.requestList.map((entry) => fromCertId(entry.reqCert));
}

/** The CA that issued the certificates in question, signing its own OCSP responses (RFC 6960 4.2.2.2). */
export interface OcspSigner {
  certificatePem: string;
  privateKey: KeyObject;
}

export interface SingleAnswer {
  identity: CertIdentity;
  status: OcspCertStatus;
}

function signatureAlgorithmOid(key: KeyObject): string {
  if (key.asymmetricKeyType === 'ec') return '1.2.840.10045.4.3.2';
  if (key.asymmetricKeyType === 'rsa') return '1.2.840.113549.1.1.11';
  throw new Error(`cannot sign OCSP responses with a ${key.asymmetricKeyType} key`);
}

function certStatusOf(status: OcspCertStatus): CertStatus {
  switch (status.status) {
    case 'good':
      return new CertStatus({ good: null });
    case 'revoked':
      return new CertStatus({ revoked: new RevokedInfo({ revocationTime: status.revokedAt }) });
    case 'unknown':
      return new CertStatus({ unknown: null });
  }
}

/** A successful, signed OCSP response; the signer's certificate travels with it. */
export function encodeOcspResponse(answers: readonly SingleAnswer[], signer: OcspSigner, now = new Date()): Buffer {
  const signerCertificate = parseCertificate(signer.certificatePem);
  const keyHash = createHash('sha1')
    .update(new Uint8Array(signerCertificate.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey))
    .digest();
  const data = new ResponseData({
    responderID: new ResponderID({ byKey: new KeyHash(keyHash) }),
    producedAt: now,
    responses: answers.map(
      (answer) =>
        new SingleResponse({
          certID: toCertId(answer.identity),
          certStatus: certStatusOf(answer.status),
          thisUpdate: now,
          nextUpdate: new Date(now.getTime() + 3_600_000),
        }),
    ),
  });
  const signed = Buffer.from(AsnConvert.serialize(data));
  const signature = sign('sha256', signed, { key: signer.privateKey, dsaEncoding: 'der' });
  const basic = new BasicOCSPResponse({
    tbsResponseData: data,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: signatureAlgorithmOid(signer.privateKey) }),
    signature: new Uint8Array(signature).buffer,
    certs: [signerCertificate],
  });
  const response = new OCSPResponse({
    responseStatus: OCSPResponseStatus.successful,
    responseBytes: new ResponseBytes({ responseType: id_pkix_ocsp_basic, response: new OctetString(AsnConvert.serialize(basic)) }),
  });
  return Buffer.from(AsnConvert.serialize(response));
}

/** An OCSP response without a body: malformedRequest, internalError, tryLater, sigRequired, unauthorized. */
export function encodeOcspFailure(status: Exclude<OCSPResponseStatus, OCSPResponseStatus.successful>): Buffer {
  return Buffer.from(AsnConvert.serialize(new OCSPResponse({ responseStatus: status })));
}

/** What a verified OCSP response says about one certificate. */
export type OcspVerdict = OcspCertStatus | { status: 'failed'; reason: string };

/**
 * Reads an OCSP response about `identity` as a careful client does: the response must be
 * successful, signed by the certificate's issuer (its name and key hashes match the CertID), the
 * signature must verify, and the answer must be current.
 */
export function verifyOcspResponse(der: Buffer, identity: CertIdentity, now = new Date()): OcspVerdict {
  let response: OCSPResponse;
  try {
    response = AsnConvert.parse(der, OCSPResponse);
  } catch (error) {
    return { status: 'failed', reason: `the OCSP response is not DER: ${(error as Error).message}` };
  }
  if (response.responseStatus !== OCSPResponseStatus.successful) {
    return { status: 'failed', reason: `the OCSP responder answered ${OCSPResponseStatus[response.responseStatus]}` };
  }
  if (!response.responseBytes || response.responseBytes.responseType !== id_pkix_ocsp_basic) {
    return { status: 'failed', reason: 'the OCSP response is not a BasicOCSPResponse' };
  }
  const basic = AsnConvert.parse(response.responseBytes.response.buffer, BasicOCSPResponse);
  const signer = basic.certs?.[0];
  if (!signer) return { status: 'failed', reason: 'the OCSP response carries no signer certificate' };
  const issuer = issuerHashes(signer, identity.hashAlgorithm);
  if (issuer.issuerNameHash !== identity.issuerNameHash.toLowerCase() || issuer.issuerKeyHash !== identity.issuerKeyHash.toLowerCase()) {
    return { status: 'failed', reason: 'the OCSP response is not signed by the issuer of the certificate in question' };
  }
  const algorithm = SIGNATURE_ALGORITHMS[basic.signatureAlgorithm.algorithm];
  if (!algorithm) return { status: 'failed', reason: `unsupported OCSP signature algorithm ${basic.signatureAlgorithm.algorithm}` };
  const publicKey = new NodeCertificate(Buffer.from(AsnConvert.serialize(signer))).publicKey;
  const signedBytes = Buffer.from(basic.tbsResponseDataRaw ?? AsnConvert.serialize(basic.tbsResponseData));
  const valid = verify(algorithm.hash, signedBytes, { key: publicKey, dsaEncoding: 'der' }, Buffer.from(basic.signature));
  if (!valid) return { status: 'failed', reason: 'the OCSP response signature does not verify' };
  const single = basic.tbsResponseData.responses.find((candidate) => {
    const answered = fromCertId(candidate.certID);
    return answered !== undefined && sameCertificate(answered, identity);
  });
  if (!single) return { status: 'failed', reason: 'the OCSP response does not answer for the certificate in question' };
  const skewMs = 5 * 60_000;
  if (single.thisUpdate.getTime() > now.getTime() + skewMs) return { status: 'failed', reason: 'the OCSP answer is from the future' };
  if (single.nextUpdate && single.nextUpdate.getTime() < now.getTime() - skewMs) {
    return { status: 'failed', reason: 'the OCSP answer is out of date' };
  }
  if (single.certStatus.revoked) return { status: 'revoked', revokedAt: single.certStatus.revoked.revocationTime };
  if (single.certStatus.good !== undefined) return { status: 'good' };
  return { status: 'unknown' };
}
