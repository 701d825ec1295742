import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { judgeCertificateChain, judgeHashData, sameEmaid } from '../csms/ocsp/contract-validation';
import { queryOcsp } from '../csms/ocsp/ocsp-client';
import { certIdentityOf, decodeOcspRequest, encodeOcspRequest, encodeOcspResponse, verifyOcspResponse } from '../kernel/ocsp/ocsp-messages';
import { OcspResponder } from '../kernel/ocsp/ocsp-responder';
import {
  type ContractCertificate,
  type Issued,
  ensureV2gRoot,
  issueContractCertificate,
  issueSubCa,
} from '../kernel/iso15118/contract-pki';
import { ocspRequestData } from '../support/iso15118/contract-certificates';

const TIMEOUT_MS = 2000;

describe('OCSP messages', () => {
  let root: Issued;
  let subCa: Issued;
  let contract: ContractCertificate;

  before(async () => {
    root = await ensureV2gRoot(join(mkdtempSync(join(tmpdir(), 'octt-v2g-')), 'iso15118'));
    subCa = await issueSubCa(root, 'http://127.0.0.1:1/ocsp');
    contract = await issueContractCertificate(root, subCa, 'NLOCC0000000010', 'http://127.0.0.1:1/ocsp');
  });

  test('a request carries the CertID of the certificate, for every hash algorithm', () => {
    for (const algorithm of ['SHA1', 'SHA256', 'SHA384', 'SHA512'] as const) {
      const identity = certIdentityOf(contract.pem, subCa.certificatePem, algorithm);
      assert.deepEqual(decodeOcspRequest(encodeOcspRequest([identity])), [identity]);
    }
  });

  test('a signed answer verifies and says good, revoked or unknown', () => {
    const identity = certIdentityOf(contract.pem, subCa.certificatePem);
    const signer = { certificatePem: subCa.certificatePem, privateKey: subCa.privateKey };
    assert.deepEqual(verifyOcspResponse(encodeOcspResponse([{ identity, status: { status: 'good' } }], signer), identity), {
      status: 'good',
    });
    const revokedAt = new Date('2024-01-01T00:00:00Z');
    const revoked = verifyOcspResponse(encodeOcspResponse([{ identity, status: { status: 'revoked', revokedAt } }], signer), identity);
    assert.deepEqual(revoked, { status: 'revoked', revokedAt });
    assert.deepEqual(verifyOcspResponse(encodeOcspResponse([{ identity, status: { status: 'unknown' } }], signer), identity), {
      status: 'unknown',
    });
  });

  test('an answer signed by another CA than the issuer is refused', () => {
    const identity = certIdentityOf(contract.pem, subCa.certificatePem);
    const impostor = { certificatePem: root.certificatePem, privateKey: root.privateKey };
    const verdict = verifyOcspResponse(encodeOcspResponse([{ identity, status: { status: 'good' } }], impostor), identity);
    assert.equal(verdict.status, 'failed');
  });

  test('an answer whose signature was tampered with is refused', () => {
    const identity = certIdentityOf(contract.pem, subCa.certificatePem);
    const signer = { certificatePem: subCa.certificatePem, privateKey: subCa.privateKey };
    const der = encodeOcspResponse([{ identity, status: { status: 'good' } }], signer);
    // Flip one bit of the last digit of producedAt, inside the signed part: the first
    // GeneralizedTime of the ResponseData (tag 0x18, digits, maybe a fraction, then "Z").
    const isTime = (i: number): boolean => {
      const length = der[i + 1];
      if (der[i] !== 0x18 || length < 15 || length > 24 || der[i + 1 + length] !== 0x5a) return false;
      return [...der.subarray(i + 2, i + 16)].every((byte) => byte >= 0x30 && byte <= 0x39);
    };
    const at = der.findIndex((_byte, i) => isTime(i));
    assert.ok(at >= 0, 'producedAt not found');
    der[at + der[at + 1]] ^= 0x01;
    assert.equal(verifyOcspResponse(der, identity).status, 'failed');
  });
});

describe('contract certificate judgement with a live OCSP responder', () => {
  let responder: OcspResponder;
  let root: Issued;
  let good: ContractCertificate;
  let revoked: ContractCertificate;

  before(async () => {
    responder = await OcspResponder.start();
    root = await ensureV2gRoot(join(mkdtempSync(join(tmpdir(), 'octt-v2g-')), 'iso15118'));
    const subCa = await issueSubCa(root, responder.url);
    good = await issueContractCertificate(root, subCa, 'NLOCC0000000010', responder.url);
    revoked = await issueContractCertificate(root, subCa, 'NLOCC0000000010', responder.url);
    const subCaSigner = { certificatePem: subCa.certificatePem, privateKey: subCa.privateKey };
    responder.register(subCa.certificatePem, { certificatePem: root.certificatePem, privateKey: root.privateKey }, { status: 'good' });
    responder.register(good.pem, subCaSigner, { status: 'good' });
    responder.register(revoked.pem, subCaSigner, { status: 'revoked', revokedAt: new Date() });
  });

  after(() => responder.stop());

  test('the client gets a verified good answer and the responder logs the question', async () => {
    responder.clearLog();
    const identity = certIdentityOf(good.pem, good.subCa.certificatePem);
    assert.deepEqual(await queryOcsp(responder.url, identity, TIMEOUT_MS), { status: 'good' });
    assert.equal(responder.log.length, 1);
    assert.deepEqual(responder.log[0].asked, [identity]);
  });

  test('hash data of a good chain is Accepted, of a revoked one CertificateRevoked', async () => {
    assert.equal((await judgeHashData(ocspRequestData(good, responder.url), TIMEOUT_MS)).certificateStatus, 'Accepted');
    assert.equal((await judgeHashData(ocspRequestData(revoked, responder.url), TIMEOUT_MS)).certificateStatus, 'CertificateRevoked');
  });

  test('hash data naming an unreachable responder is a CertChainError', async () => {
    const verdict = await judgeHashData(ocspRequestData(good, 'http://127.0.0.1:1/ocsp'), TIMEOUT_MS);
    assert.equal(verdict.certificateStatus, 'CertChainError');
  });

  test('a chain to a trusted root is Accepted and names its eMAID', async () => {
    const verdict = await judgeCertificateChain(good.chainPem, [root.certificatePem], TIMEOUT_MS);
    assert.deepEqual(verdict, { certificateStatus: 'Accepted', emaid: 'NLOCC0000000010', reasons: [] });
  });

  test('a chain the CSMS has no root for is a CertChainError', async () => {
    const verdict = await judgeCertificateChain(good.chainPem, [], TIMEOUT_MS);
    assert.equal(verdict.certificateStatus, 'CertChainError');
  });

  test('a revoked contract certificate is CertificateRevoked', async () => {
    const verdict = await judgeCertificateChain(revoked.chainPem, [root.certificatePem], TIMEOUT_MS);
    assert.equal(verdict.certificateStatus, 'CertificateRevoked');
  });

  test('eMAIDs compare without hyphens and case', () => {
    assert.ok(sameEmaid('NL-OCC-000000001-0', 'nlocc0000000010'));
    assert.ok(!sameEmaid('NLOCC0000000010', 'NLOCC0000000011'));
  });
});
