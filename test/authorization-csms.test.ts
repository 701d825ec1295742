import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { OcspResponder } from '../kernel/ocsp/ocsp-responder';
import type { ReferenceCsms } from '../csms/reference-csms';
import type { AuthorizeRequest } from '../schemas/ocpp201-messages';
import { ocspRequestData } from '../support/iso15118/contract-certificates';
import {
  type ContractCertificate,
  type Issued,
  ensureV2gRoot,
  issueContractCertificate,
  issueSubCa,
} from '../kernel/iso15118/contract-pki';
import { ChargingStation } from '../support/station/core/charging-station';
import { startTestCsms, testConfig } from './helpers/reference-csms';
import { testStation } from './helpers/station';

const EMAID = 'NLOCC0000000010';

describe('the reference CSMS authorizes', () => {
  const config = testConfig();
  let csms: ReferenceCsms;
  let cs: ChargingStation;
  let responder: OcspResponder;
  let root: Issued;
  let good: ContractCertificate;
  let revoked: ContractCertificate;

  before(async () => {
    csms = await startTestCsms();
    responder = await OcspResponder.start();
    root = await ensureV2gRoot(join(mkdtempSync(join(tmpdir(), 'octt-v2g-')), 'iso15118'));
    const subCa = await issueSubCa(root, responder.url);
    good = await issueContractCertificate(root, subCa, EMAID, responder.url);
    revoked = await issueContractCertificate(root, subCa, EMAID, responder.url);
    const signer = (issuer: Issued) => ({ certificatePem: issuer.certificatePem, privateKey: issuer.privateKey });
    responder.register(subCa.certificatePem, signer(root), { status: 'good' });
    responder.register(good.pem, signer(subCa), { status: 'good' });
    responder.register(revoked.pem, signer(subCa), { status: 'revoked', revokedAt: new Date() });
  });

  beforeEach(async () => {
    await csms.reset();
    cs = testStation({ baseUrl: csms.endpoints.ws, callTimeoutMs: 5000 });
    await cs.connect();
    await cs.boot();
  });

  after(async () => {
    await cs.shutdown();
    await csms.stop();
    await responder.stop();
  });

  const perform = (action: string, params: Record<string, unknown>) => csms.perform({ action, stationId: 'CP_1', params, instruction: '' });
  const authorize = (request: AuthorizeRequest) => cs.call('Authorize', request);
  const knowEmaid = () => perform('ConfigureIdToken', { idToken: { idToken: EMAID, type: 'eMAID' }, status: 'Accepted' });

  test('configured tokens by their status, group and expiry; idTokens compare without case', async () => {
    const valid = await authorize({ idToken: { idToken: config.VALID_ID_TOKEN.toLowerCase(), type: config.VALID_ID_TOKEN_TYPE } });
    assert.deepEqual(valid.idTokenInfo, { status: 'Accepted', groupIdToken: { idToken: config.GROUP_ID, type: 'Central' } });
    assert.equal(
      (await authorize({ idToken: { idToken: config.BLOCKED_ID_TOKEN, type: config.BLOCKED_ID_TOKEN_TYPE } })).idTokenInfo.status,
      'Blocked',
    );
    const expired = await authorize({ idToken: { idToken: config.EXPIRED_ID_TOKEN, type: config.EXPIRED_ID_TOKEN_TYPE } });
    assert.equal(expired.idTokenInfo.status, 'Expired');
    assert.equal(typeof expired.idTokenInfo.cacheExpiryDateTime, 'string');
    assert.equal(
      (await authorize({ idToken: { idToken: config.INVALID_ID_TOKEN, type: config.INVALID_ID_TOKEN_TYPE } })).idTokenInfo.status,
      'Unknown',
    );
    // The type is part of the identity: a known value under another type is unknown.
    assert.equal((await authorize({ idToken: { idToken: config.VALID_ID_TOKEN, type: 'ISO15693' } })).idTokenInfo.status, 'Unknown');
  });

  test('ConfigureIdToken registers a token and refuses what is not one', async () => {
    await perform('ConfigureIdToken', { idToken: { idToken: 'NEW1', type: 'KeyCode' }, status: 'Blocked', groupId: 'G9' });
    assert.deepEqual((await authorize({ idToken: { idToken: 'NEW1', type: 'KeyCode' } })).idTokenInfo, {
      status: 'Blocked',
      groupIdToken: { idToken: 'G9', type: 'Central' },
    });
    await assert.rejects(perform('ConfigureIdToken', { idToken: { idToken: 'X', type: 'Cash' }, status: 'Accepted' }), /type/);
    await assert.rejects(perform('ConfigureIdToken', { idToken: { idToken: 'X', type: 'Central' }, status: 'Fine' }), /status must be/);
  });

  test('OCSP request data of a good chain: Accepted, after asking the responder', async () => {
    await knowEmaid();
    responder.clearLog();
    const response = await authorize({
      idToken: { idToken: EMAID, type: 'eMAID' },
      iso15118CertificateHashData: ocspRequestData(good, responder.url),
    });
    assert.deepEqual(response, { idTokenInfo: { status: 'Accepted' }, certificateStatus: 'Accepted' });
    assert.equal(responder.log.length, 2);
  });

  test('OCSP request data of a revoked certificate: Invalid and CertificateRevoked', async () => {
    await knowEmaid();
    const response = await authorize({
      idToken: { idToken: EMAID, type: 'eMAID' },
      iso15118CertificateHashData: ocspRequestData(revoked, responder.url),
    });
    assert.deepEqual(response, { idTokenInfo: { status: 'Invalid' }, certificateStatus: 'CertificateRevoked' });
  });

  test('a certificate chain is Accepted only once the operator trusts its root', async () => {
    await knowEmaid();
    const request: AuthorizeRequest = { idToken: { idToken: EMAID, type: 'eMAID' }, certificate: good.chainPem };
    assert.deepEqual(await authorize(request), { idTokenInfo: { status: 'Invalid' }, certificateStatus: 'CertChainError' });
    await perform('ConfigureContractCertificateRoot', { certificate: root.certificatePem });
    assert.deepEqual(await authorize(request), { idTokenInfo: { status: 'Accepted' }, certificateStatus: 'Accepted' });
  });

  test('a certificate naming another eMAID than the idToken makes the idToken Invalid', async () => {
    await perform('ConfigureIdToken', { idToken: { idToken: 'NLOCC0000000099', type: 'eMAID' }, status: 'Accepted' });
    await perform('ConfigureContractCertificateRoot', { certificate: root.certificatePem });
    const response = await authorize({ idToken: { idToken: 'NLOCC0000000099', type: 'eMAID' }, certificate: good.chainPem });
    assert.deepEqual(response, { idTokenInfo: { status: 'Invalid' }, certificateStatus: 'Accepted' });
  });

  test('only a CA certificate can become a trusted root', async () => {
    await assert.rejects(perform('ConfigureContractCertificateRoot', { certificate: good.pem }), /not a CA certificate/);
  });
});
