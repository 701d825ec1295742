/**
 * Certificate hash data (kernel/tls/certificate-hash.ts) against an independent computation: the
 * CertID OpenSSL writes into an OCSP request, or, without the openssl CLI, a hash of the DER
 * fields taken from the certificate by @peculiar/asn1-x509.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import * as x509 from '@peculiar/x509';
import type { CertificateHashDataType, HashAlgorithmEnumType } from '../schemas/ocpp201-messages';
import { type V2gStationChain, ensureV2gRoot, issueV2gStationChain } from '../kernel/iso15118/contract-pki';
import { certificateHashData, sameCertificateHashData } from '../kernel/tls/certificate-hash';

const ALGORITHMS: Array<[HashAlgorithmEnumType, number]> = [
  ['SHA256', 64],
  ['SHA384', 96],
  ['SHA512', 128],
];

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** OpenSSL's CertID for `certificate` issued by `issuer`, read back from the OCSP request it builds. */
function opensslCertId(dir: string, certificatePem: string, issuerPem: string, algorithm: HashAlgorithmEnumType): CertificateHashDataType {
  const cert = join(dir, 'cert.pem');
  const issuer = join(dir, 'issuer.pem');
  const request = join(dir, 'request.der');
  writeFileSync(cert, certificatePem);
  writeFileSync(issuer, issuerPem);
  execFileSync('openssl', ['ocsp', `-${algorithm.toLowerCase()}`, '-issuer', issuer, '-cert', cert, '-no_nonce', '-reqout', request]);
  // Long hashes continue on the next line after a backslash.
  const text = execFileSync('openssl', ['ocsp', '-reqin', request, '-req_text'], { encoding: 'utf8' }).replace(/\\\n/g, '');
  const field = (label: string): string => {
    const match = new RegExp(`${label}:\\s*([0-9A-Fa-f]+)`).exec(text);
    if (!match) throw new Error(`openssl printed no ${label}:\n${text}`);
    return match[1].toLowerCase();
  };
  return {
    hashAlgorithm: algorithm,
    issuerNameHash: field('Issuer Name Hash'),
    issuerKeyHash: field('Issuer Key Hash'),
    // OpenSSL prints whole bytes; the kernel writes the serial without leading zeros.
    serialNumber: field('Serial Number').replace(/^0+(?=.)/, ''),
  };
}

/** The same facts from the DER structures, hashed here (no @peculiar/x509 helpers). */
function asn1CertId(certificatePem: string, issuerPem: string, algorithm: HashAlgorithmEnumType): CertificateHashDataType {
  const parse = (pem: string): Certificate => AsnConvert.parse(x509.PemConverter.decodeFirst(pem), Certificate);
  const certificate = parse(certificatePem);
  const issuer = parse(issuerPem);
  const hash = (data: ArrayBuffer): string => createHash(algorithm.toLowerCase()).update(Buffer.from(data)).digest('hex');
  return {
    hashAlgorithm: algorithm,
    issuerNameHash: hash(AsnConvert.serialize(certificate.tbsCertificate.issuer)),
    issuerKeyHash: hash(issuer.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey),
    serialNumber: Buffer.from(certificate.tbsCertificate.serialNumber)
      .toString('hex')
      .replace(/^0+(?=.)/, ''),
  };
}

describe('certificate hash data', () => {
  let chain: V2gStationChain;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'octt-hash-'));
    chain = await issueV2gStationChain(await ensureV2gRoot(join(dir, 'iso15118')), 'CP_1', 'http://127.0.0.1:1/ocsp');
  });

  const pairs = (): Array<[string, string, string]> => [
    ['the SECC certificate under sub-CA 2', chain.leaf.certificatePem, chain.subCas[1].certificatePem],
    ['sub-CA 1 under the V2G root', chain.subCas[0].certificatePem, chain.root.certificatePem],
    ['the self-signed V2G root', chain.root.certificatePem, chain.root.certificatePem],
  ];

  for (const [algorithm, hexLength] of ALGORITHMS) {
    test(`${algorithm}: equal to the independent computation, ${hexLength} hex characters per hash`, () => {
      for (const [what, pem, issuerPem] of pairs()) {
        const ours = certificateHashData(pem, issuerPem, algorithm);
        const theirs = hasOpenssl() ? opensslCertId(dir, pem, issuerPem, algorithm) : asn1CertId(pem, issuerPem, algorithm);
        assert.deepEqual(ours, theirs, what);
        assert.equal(ours.issuerNameHash.length, hexLength);
        assert.equal(ours.issuerKeyHash.length, hexLength);
      }
    });
  }

  test('the DER computation agrees with OpenSSL too (so the fallback is a fair judge)', (context) => {
    if (!hasOpenssl()) return context.skip('no openssl CLI');
    for (const [what, pem, issuerPem] of pairs()) {
      assert.deepEqual(asn1CertId(pem, issuerPem, 'SHA384'), opensslCertId(dir, pem, issuerPem, 'SHA384'), what);
    }
  });

  test('hash data of a certificate under the wrong issuer differ (the issuer key counts)', () => {
    const right = certificateHashData(chain.leaf.certificatePem, chain.subCas[1].certificatePem);
    const wrong = certificateHashData(chain.leaf.certificatePem, chain.subCas[0].certificatePem);
    assert.equal(right.issuerNameHash, wrong.issuerNameHash);
    assert.notEqual(right.issuerKeyHash, wrong.issuerKeyHash);
    assert.equal(sameCertificateHashData(right, wrong), false);
  });

  test('hash data compare ignoring case and leading zeros of the serial, never across algorithms', () => {
    const data = certificateHashData(chain.leaf.certificatePem, chain.subCas[1].certificatePem);
    const printed = { ...data, issuerNameHash: data.issuerNameHash.toUpperCase(), serialNumber: `00${data.serialNumber}` };
    assert.equal(sameCertificateHashData(data, printed), true);
    assert.equal(sameCertificateHashData(data, { ...data, hashAlgorithm: 'SHA384' }), false);
  });
});
