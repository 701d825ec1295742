/**
 * The station's certificate store (support/station/areas/certificates): what it installs, how it
 * lists hash data, what it refuses to delete.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, beforeEach, describe, test } from 'node:test';
import { type Issued, type V2gStationChain, ensureMoRoot, ensureV2gRoot, issueV2gStationChain } from '../kernel/iso15118/contract-pki';
import { certificateHashData } from '../kernel/tls/certificate-hash';
import { CertificateStore } from '../support/station/areas/certificates/certificate-store';
import { DeviceModel } from '../support/station/core/device-model';
import { StationMemory } from '../support/station/core/memory';

function entriesVariable(): DeviceModel {
  return new DeviceModel([
    {
      component: { name: 'SecurityCtrlr' },
      variable: { name: 'CertificateEntries' },
      dataType: 'integer',
      attributes: { Actual: { value: '0', mutability: 'ReadOnly' } },
      maxLimit: 3,
    },
  ]);
}

describe('station certificate store', () => {
  let v2gRoot: Issued;
  let moRoot: Issued;
  let chain: V2gStationChain;
  let model: DeviceModel;
  let memory: StationMemory;
  let tlsProfile: boolean;
  let store: CertificateStore;

  before(async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'octt-store-')), 'iso15118');
    v2gRoot = await ensureV2gRoot(dir);
    moRoot = await ensureMoRoot(dir);
    chain = await issueV2gStationChain(v2gRoot, 'CP_1', 'http://127.0.0.1:1/ocsp');
  });
  beforeEach(() => {
    model = entriesVariable();
    memory = new StationMemory();
    tlsProfile = false;
    store = new CertificateStore(memory, model, () => tlsProfile);
  });

  const chainPem = (): string => [chain.leaf, chain.subCas[1], chain.subCas[0]].map((issued) => issued.certificatePem).join('\n');

  test('installs a valid root, counts it in CertificateEntries, and takes the same root twice as once', () => {
    assert.deepEqual(store.install('V2GRootCertificate', v2gRoot.certificatePem), { status: 'Accepted' });
    assert.deepEqual(store.install('V2GRootCertificate', v2gRoot.certificatePem), { status: 'Accepted' });
    assert.equal(store.entries.length, 1);
    assert.equal(model.value('SecurityCtrlr', 'CertificateEntries'), '1');
  });

  test('rejects what is not a root certificate: no PEM, not X.509, a sub-CA, a leaf', () => {
    const broken = v2gRoot.certificatePem.replace(/[A-Za-z]{20}/, 'A'.repeat(20));
    for (const [what, pem] of [
      ['plain text', 'not a certificate'],
      ['a damaged PEM', broken],
      ['a sub-CA', chain.subCas[0].certificatePem],
      ['a leaf', chain.leaf.certificatePem],
    ]) {
      const outcome = store.install('CSMSRootCertificate', pem);
      assert.equal(outcome.status, 'Rejected', what);
    }
    assert.equal(store.entries.length, 0);
  });

  test('fails when SecurityCtrlr.CertificateEntries maxLimit is reached', () => {
    store.capacity = 1;
    assert.equal(store.install('V2GRootCertificate', v2gRoot.certificatePem).status, 'Accepted');
    const outcome = store.install('MORootCertificate', moRoot.certificatePem);
    assert.equal(outcome.status, 'Failed');
    assert.equal(outcome.status === 'Failed' && outcome.reasonCode, 'CertificateStoreFull');
  });

  test('lists by type with the chosen algorithm; a V2G chain lists its sub-CAs as children, each under its own issuer', () => {
    store.capacity = 10;
    store.install('V2GRootCertificate', v2gRoot.certificatePem);
    store.install('V2GCertificateChain', chainPem());
    store.install('MORootCertificate', moRoot.certificatePem);
    assert.equal(model.value('SecurityCtrlr', 'CertificateEntries'), '5');
    const [entry, ...others] = store.hashDataChain(['V2GCertificateChain'], 'SHA512');
    assert.equal(others.length, 0);
    assert.deepEqual(entry.certificateHashData, certificateHashData(chain.leaf.certificatePem, chain.subCas[1].certificatePem, 'SHA512'));
    assert.deepEqual(entry.childCertificateHashData, [
      certificateHashData(chain.subCas[1].certificatePem, chain.subCas[0].certificatePem, 'SHA512'),
      certificateHashData(chain.subCas[0].certificatePem, v2gRoot.certificatePem, 'SHA512'),
    ]);
    assert.deepEqual(
      store.hashDataChain(undefined, 'SHA256').map((listed) => listed.certificateType),
      ['V2GRootCertificate', 'V2GCertificateChain', 'MORootCertificate'],
    );
    assert.deepEqual(store.hashDataChain(['ManufacturerRootCertificate'], 'SHA256'), []);
  });

  test('deletes by hash data of any algorithm; unknown hash data are NotFound', () => {
    store.install('MORootCertificate', moRoot.certificatePem);
    const wrongSerial = { ...certificateHashData(moRoot.certificatePem, undefined, 'SHA384'), serialNumber: '01020304' };
    assert.equal(store.delete(wrongSerial).status, 'NotFound');
    const sha256Only = certificateHashData(moRoot.certificatePem, undefined, 'SHA256');
    assert.equal(store.delete({ ...sha256Only, hashAlgorithm: 'SHA384' }).status, 'NotFound', 'SHA256 hashes named as SHA384');
    assert.deepEqual(store.delete(certificateHashData(moRoot.certificatePem, undefined, 'SHA384')), { status: 'Accepted' });
    assert.equal(store.entries.length, 0);
    assert.equal(model.value('SecurityCtrlr', 'CertificateEntries'), '0');
  });

  test('keeps its only CSMS root while a connection profile uses TLS, and lets it go otherwise', () => {
    // Any root serves as a CSMS root here: the rule is about the type.
    store.install('CSMSRootCertificate', v2gRoot.certificatePem);
    const hash = certificateHashData(v2gRoot.certificatePem);
    tlsProfile = true;
    const refused = store.delete(hash);
    assert.equal(refused.status, 'Failed');
    assert.equal(refused.status === 'Failed' && refused.reasonCode, 'CertificateInUse');
    store.install('CSMSRootCertificate', moRoot.certificatePem);
    assert.equal(store.delete(hash).status, 'Accepted', 'a second CSMS root remains');
    tlsProfile = false;
    assert.equal(store.delete(certificateHashData(moRoot.certificatePem)).status, 'Accepted', 'no TLS profile needs it');
  });
});
