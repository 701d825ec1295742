/**
 * The reference CSMS for block M, driven through the operator contract and OCPP against the mock
 * station: it installs the roots it holds, deletes by the hash data the station returned, forwards
 * a verified OCSP response, and answers EV certificate requests through its stand-in service.
 */
import assert from 'node:assert/strict';
import { X509Certificate, createHash, verify } from 'node:crypto';
import { beforeEach, describe, test } from 'node:test';
import { certificateHashData } from '../kernel/tls/certificate-hash';
import type { ChargingStation } from '../support/station/core/charging-station';
import { factoryCertificate, v2gStatusQuestion } from '../support/station/areas/certificates/factory-certificates';
import { CERTIFICATE_SETTINGS, certificateStoreOf } from '../support/station/areas/certificates/state';
import { csmsWithStation } from './helpers/reference-csms';

const STATION_ID = 'CP_1';

describe('reference CSMS, block M', () => {
  const under = csmsWithStation({ id: STATION_ID });
  let station: ChargingStation;
  beforeEach(() => {
    ({ station } = under);
  });

  test('installs the V2G root it holds, then deletes it by the SHA384 hash data the station lists (TC_M_03, TC_M_20)', async () => {
    assert.deepEqual(await under.ask('InstallCertificate', { certificateType: 'V2GRootCertificate' }), { status: 'Accepted' });
    const store = certificateStoreOf(station);
    assert.equal(store.entries[0].pem, await factoryCertificate('V2GRootCertificate', STATION_ID, undefined));
    station.state(CERTIFICATE_SETTINGS).hashAlgorithm = 'SHA384';
    assert.deepEqual(await under.ask('DeleteCertificate', { certificateType: 'V2GRootCertificate' }), { status: 'Accepted' });
    assert.equal(store.entries.length, 0);
    const [lookup, deletion] = station.received().filter((call) => call.action !== 'InstallCertificate');
    assert.equal(lookup.action, 'GetInstalledCertificateIds');
    assert.deepEqual(deletion.payload, {
      certificateHashData: certificateHashData(await factoryCertificate('V2GRootCertificate', STATION_ID, undefined), undefined, 'SHA384'),
    });
  });

  test('asked with no params (as the suite asks), deletes the certificate it installed most recently, re-installations included', async () => {
    await under.ask('InstallCertificate', { certificateType: 'CSMSRootCertificate' });
    await under.ask('InstallCertificate', { certificateType: 'MORootCertificate' });
    await under.ask('InstallCertificate', { certificateType: 'CSMSRootCertificate' });
    assert.deepEqual(await under.ask('DeleteCertificate', {}), { status: 'Accepted' });
    const lookup = station.received().find((call) => call.action === 'GetInstalledCertificateIds');
    assert.deepEqual(lookup?.payload, { certificateType: ['CSMSRootCertificate'] });
    assert.deepEqual(
      certificateStoreOf(station).entries.map((entry) => entry.use),
      ['MORootCertificate'],
    );
  });

  test('refuses to delete what it did not install, and one the station no longer lists', async () => {
    await assert.rejects(under.ask('DeleteCertificate', { certificateType: 'MORootCertificate' }), /installed no MORootCertificate/);
    await under.ask('InstallCertificate', { certificateType: 'MORootCertificate' });
    certificateStoreOf(station).delete(certificateHashData(await factoryCertificate('MORootCertificate', STATION_ID, undefined)));
    await assert.rejects(under.ask('DeleteCertificate', { certificateType: 'MORootCertificate' }), /does not list/);
  });

  test('forwards the OCSP response it verified, and answers Failed when the responder cannot be reached (TC_M_24)', async () => {
    const question = await v2gStatusQuestion(STATION_ID, 2);
    const answer = await station.call('GetCertificateStatus', { ocspRequestData: question.ocspRequestData });
    assert.equal(answer.status, 'Accepted');
    assert.deepEqual(question.read(answer.ocspResult ?? ''), { status: 'good' });
    const unreachable = await station.call('GetCertificateStatus', {
      ocspRequestData: { ...question.ocspRequestData, responderURL: 'http://127.0.0.1:1/ocsp' },
    });
    assert.equal(unreachable.status, 'Failed');
    assert.equal(unreachable.ocspResult, undefined);
  });

  test('answers an EV certificate request with a contract chain signed by its stand-in MO sub-CA (TC_M_26)', async () => {
    const exiRequest = Buffer.from('an opaque EXI request').toString('base64');
    const answer = await station.call('Get15118EVCertificate', {
      iso15118SchemaVersion: 'urn:iso:15118:2:2013:MsgDef',
      action: 'Install',
      exiRequest,
    });
    assert.equal(answer.status, 'Accepted');
    const { document, signature } = JSON.parse(Buffer.from(answer.exiResponse, 'base64').toString('utf8')) as {
      document: string;
      signature: string;
    };
    const facts = JSON.parse(document) as { requestSha256: string; emaid: string; contractCertificateChain: string[] };
    const [contract, subCa] = facts.contractCertificateChain.map((der) => new X509Certificate(Buffer.from(der, 'base64')));
    assert.equal(facts.requestSha256, createHash('sha256').update(Buffer.from(exiRequest, 'base64')).digest('hex'));
    assert.match(contract.subject, new RegExp(`CN=${facts.emaid}`));
    assert.ok(contract.verify(subCa.publicKey), 'the contract certificate is issued by the sub-CA');
    assert.ok(verify('sha256', Buffer.from(document), { key: subCa.publicKey, dsaEncoding: 'der' }, Buffer.from(signature, 'base64')));
    const other = await station.call('Get15118EVCertificate', {
      iso15118SchemaVersion: 'urn:iso:15118:20:CommonMessages',
      action: 'Install',
      exiRequest,
    });
    assert.equal(other.status, 'Failed');
  });
});
