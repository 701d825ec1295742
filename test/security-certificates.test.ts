/**
 * Certificate renewal with real keys: the station's CSR, the reference CSMS's review and
 * signature, and the station's check of the chain it receives, including the chains it must
 * refuse (another key, another CA, another identity).
 */
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import * as x509 from '@peculiar/x509';
import { CsmsCertificateAuthority } from '../csms/pki/certificate-authority';
import { PKI_DIR } from '../kernel/tls/test-pki';
import { ChargingStation } from '../support/station/core/charging-station';
import { installSignedCertificate, judgeSignedCertificate, newSigningRequest } from '../support/station/areas/security/certificates';
import { networkStateOf } from '../support/station/areas/security/network';
import { examineChain } from '../kernel/tls/certificate-chain';
import { createSigningRequest } from '../kernel/tls/csr';
import { type TestPki, ensureTestPki } from '../kernel/tls/test-pki';
import { testStation } from './helpers/station';

const STATION_ID = 'CP_1';

function newStation(pki: TestPki): ChargingStation {
  const ca = readFileSync(pki.caCert, 'utf8');
  return testStation({
    role: 'sp3',
    id: STATION_ID,
    securityProfile: 3,
    baseUrl: 'wss://localhost:1',
    password: null,
    tls: { ca },
    callTimeoutMs: 1000,
  });
}

async function issuedFor(
  authority: CsmsCertificateAuthority,
  csrPem: string,
  use: 'ChargingStationCertificate' | 'V2GCertificate' | undefined,
) {
  const review = await authority.review(csrPem, use, STATION_ID);
  assert.ok(review.accepted, review.accepted ? '' : review.reason);
  return authority.issue(review.request, use);
}

/** A certificate for the key of `csrPem`, signed by a CA nobody trusts. */
async function issuedByStranger(csrPem: string): Promise<string> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const request = new x509.Pkcs10CertificateRequest(csrPem);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: '01',
    subject: request.subjectName,
    issuer: 'CN=Stranger CA',
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 86_400_000),
    publicKey: await request.publicKey.export(),
    signingKey: keys.privateKey,
    signingAlgorithm: algorithm,
  });
  return certificate.toString('pem');
}

describe('certificate renewal (A02/A03)', () => {
  let pki: TestPki;
  let authority: CsmsCertificateAuthority;
  before(async () => {
    pki = await ensureTestPki(PKI_DIR, STATION_ID);
    authority = await CsmsCertificateAuthority.load(pki);
  });

  test('the station installs a charging station certificate the CSMS issued for its request', async () => {
    const station = newStation(pki);
    const csr = await newSigningRequest(station, 'ChargingStationCertificate', { CN: STATION_ID, O: 'Test' });
    const chain = await issuedFor(authority, csr, 'ChargingStationCertificate');
    const verdict = judgeSignedCertificate(station, chain, 'ChargingStationCertificate');
    assert.deepEqual(verdict.problems, []);
    assert.equal(verdict.facts.leaf?.subject.CN, STATION_ID);
    assert.equal(verdict.facts.leaf?.subject.O, 'Test');
    assert.equal(verdict.facts.chain.chainsToTrustedRoot, true);
    installSignedCertificate(station, verdict, chain);
    assert.equal(networkStateOf(station).renewedCertificate?.cert, chain);
  });

  test('a certificateType left out answers a charging station request (A02.FR.14 only recommends it)', async () => {
    const station = newStation(pki);
    const csr = await newSigningRequest(station, 'ChargingStationCertificate', { CN: STATION_ID });
    const chain = await issuedFor(authority, csr, 'ChargingStationCertificate');
    assert.deepEqual(judgeSignedCertificate(station, chain, undefined).problems, []);
  });

  test('the station refuses a certificate for another key, from another CA, or without a request', async () => {
    const station = newStation(pki);
    const csr = await newSigningRequest(station, 'ChargingStationCertificate', { CN: STATION_ID });
    const other = await createSigningRequest({ CN: STATION_ID });
    const foreignKey = await issuedFor(authority, other.csrPem, 'ChargingStationCertificate');
    assert.match(judgeSignedCertificate(station, foreignKey, 'ChargingStationCertificate').problems.join('\n'), /not for the key/);
    const stranger = await issuedByStranger(csr);
    assert.match(
      judgeSignedCertificate(station, stranger, 'ChargingStationCertificate').problems.join('\n'),
      /root certificate the station trusts/,
    );
    const unrequested = newStation(pki);
    assert.match(
      judgeSignedCertificate(unrequested, foreignKey, 'ChargingStationCertificate').problems.join('\n'),
      /no pending signing request/,
    );
    assert.deepEqual(judgeSignedCertificate(station, 'not a certificate', 'ChargingStationCertificate').problems, [
      'the certificateChain holds no PEM certificate',
    ]);
  });

  test('the CSMS refuses a CSR for another identity or one it cannot read, but signs a V2G CSR under its V2G root', async () => {
    const foreign = await createSigningRequest({ CN: 'CP_OTHER' });
    const review = await authority.review(foreign.csrPem, 'ChargingStationCertificate', STATION_ID);
    assert.equal(review.accepted, false);
    assert.match(review.accepted ? '' : review.reason, /not the station id/);
    const unreadable = await authority.review(
      '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----',
      undefined,
      STATION_ID,
    );
    assert.equal(unreadable.accepted, false);

    const station = newStation(pki);
    const csr = await newSigningRequest(station, 'V2GCertificate', { CN: STATION_ID, O: 'Test', C: 'NL' });
    const chain = await issuedFor(authority, csr, 'V2GCertificate');
    const verdict = judgeSignedCertificate(station, chain, 'V2GCertificate');
    assert.deepEqual(verdict.problems, []);
    assert.equal(verdict.facts.certificates, 2);
    assert.equal(verdict.facts.chain.signaturesValid, true);
    assert.equal(verdict.facts.chain.chainsToTrustedRoot, null, 'no V2G root installed: the anchor is not judged');
    const anchored = examineChain(chain, { trustAnchors: [await authority.v2gRootPem()] });
    assert.equal(anchored.chain.chainsToTrustedRoot, true);
    assert.equal(examineChain(chain, { trustAnchors: [readFileSync(pki.caCert, 'utf8')] }).chain.chainsToTrustedRoot, false);
  });
});
