/**
 * Parallel workers generate the test material on first use at the same moment: two processes
 * asking for the same fresh PKI folder end up with one CA, nobody replaces what another already
 * loaded, a station id new to an existing PKI gets certificates from the same CA, and the test PKI
 * never wipes the firmware PKI kept beside it in the same folder.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import * as x509 from '@peculiar/x509';
import { ensureFirmwarePki } from '../kernel/firmware/firmware-pki';
import { clientCertificatesOf, ensureTestPki } from '../kernel/tls/test-pki';

const ROOT = join(__dirname, '..');

/** A separate process that asks for the PKI in `dir` and prints the CA it got. */
function worker(dir: string, stationIds: string[]): Promise<string> {
  const script = [
    "const { readFileSync } = require('node:fs');",
    "const { ensureTestPki } = require('./kernel/tls/test-pki');",
    "const { ensureFirmwarePki } = require('./kernel/firmware/firmware-pki');",
    `Promise.all([ensureTestPki(${JSON.stringify(dir)}, ${JSON.stringify(stationIds)}), ensureFirmwarePki(${JSON.stringify(join(dir, 'firmware'))})])`,
    "  .then(([pki, firmware]) => process.stdout.write(JSON.stringify({ ca: readFileSync(pki.caCert, 'utf8'), root: firmware.manufacturerRoot.certPem })));",
  ].join('\n');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', 'ts-node/register', '--eval', script], { cwd: ROOT });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`worker exited ${code}: ${errors}`))));
  });
}

function issuerOf(pemFile: string): string {
  return new x509.X509Certificate(readFileSync(pemFile, 'utf8')).issuer;
}

async function signedBy(pemFile: string, caFile: string): Promise<boolean> {
  const ca = new x509.X509Certificate(readFileSync(caFile, 'utf8'));
  return new x509.X509Certificate(readFileSync(pemFile, 'utf8')).verify({ publicKey: ca.publicKey, signatureOnly: true });
}

describe('generated PKI under parallel workers', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'parallel-pki-')), '.pki');
  after(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  test('two processes racing on a fresh folder get the same CA and the same firmware root, as it is on disk', async () => {
    const [first, second] = await Promise.all([worker(dir, ['CP_A']), worker(dir, ['CP_A'])]);
    assert.deepEqual(JSON.parse(first), JSON.parse(second));
    assert.equal((JSON.parse(first) as { ca: string }).ca, readFileSync(join(dir, 'ca.pem'), 'utf8'));
    assert.ok(await signedBy(clientCertificatesOf(dir, 'CP_A').clientCert, join(dir, 'ca.pem')));
    assert.ok(!existsSync(`${dir}.lock`), 'the lock is released');
  });

  test('a new station id gets its certificates from the existing CA; the other ids and the firmware PKI stay', async () => {
    const caBefore = readFileSync(join(dir, 'ca.pem'), 'utf8');
    const firmwareRoot = (await ensureFirmwarePki(join(dir, 'firmware'))).manufacturerRoot.certPem;
    const clientA = readFileSync(clientCertificatesOf(dir, 'CP_A').clientCert, 'utf8');
    const pki = await ensureTestPki(dir, ['CP_A', 'CP_B']);
    assert.equal(readFileSync(pki.caCert, 'utf8'), caBefore);
    assert.equal(readFileSync(pki.clientCert, 'utf8'), clientA);
    const b = clientCertificatesOf(dir, 'CP_B');
    assert.match(new x509.X509Certificate(readFileSync(b.clientCert, 'utf8')).subject, /CN=CP_B/);
    assert.ok(await signedBy(b.clientCert, pki.caCert));
    assert.ok(await signedBy(b.invalidClientCert, pki.unknownCaCert));
    assert.notEqual(issuerOf(b.invalidClientCert), issuerOf(b.clientCert));
    assert.equal((await ensureFirmwarePki(join(dir, 'firmware'))).manufacturerRoot.certPem, firmwareRoot);
  });

  test('a rebuilt test PKI (its CA gone) drops the old CA client certificates but leaves the firmware PKI beside it', async () => {
    const firmwareRootFile = (await ensureFirmwarePki(join(dir, 'firmware'))).manufacturerRoot.certPath;
    const firmwareRoot = readFileSync(firmwareRootFile, 'utf8');
    rmSync(join(dir, 'ca.key'));
    const pki = await ensureTestPki(dir, ['CP_B']);
    assert.ok(await signedBy(pki.clientCert, pki.caCert));
    assert.ok(!existsSync(clientCertificatesOf(dir, 'CP_A').clientCert), 'a certificate of the old CA is not kept');
    assert.equal(readFileSync(firmwareRootFile, 'utf8'), firmwareRoot);
  });
});
