/**
 * Secure firmware update material (L01): the manufacturer PKI, the RSA-PSS signature over the image,
 * and the station's verdicts that give TC_L_04/05/06 their causes (RevokedCertificate,
 * InvalidCertificate, InvalidSignature). OpenSSL, when installed, checks the same chain and signature
 * independently of this code.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { constants, createHash, createPrivateKey, verify, webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as x509 from '@peculiar/x509';
import { firmwareImage } from '../kernel/firmware/firmware-image';
import { type FirmwarePki, FIRMWARE_PKI_DIR, ensureFirmwarePki, normalizeSerial } from '../kernel/firmware/firmware-pki';
import { signFirmware, verifyFirmware, verifySigningCertificate } from '../kernel/firmware/firmware-signing';
import { PKI_DIR } from '../kernel/tls/test-pki';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const OPENSSL = hasOpenssl();

function openssl(args: string[]): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString() };
  } catch (error) {
    const failure = error as { stdout?: Buffer; stderr?: Buffer };
    return { ok: false, output: `${failure.stdout?.toString() ?? ''}${failure.stderr?.toString() ?? ''}` };
  }
}

describe('firmware PKI and signatures', () => {
  let dir: string;
  let pki: FirmwarePki;
  const image = firmwareImage('signing-test', 100_000);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'firmware-pki-'));
    pki = await ensureFirmwarePki(join(dir, 'firmware'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function check(signer: FirmwarePki['signing'], overrides: Partial<Parameters<typeof verifyFirmware>[0]> = {}) {
    return verifyFirmware({
      image: image.bytes,
      signatureBase64: signFirmware(image.bytes, signer.keyPem),
      signingCertificatePem: signer.certPem,
      manufacturerRootPem: pki.manufacturerRoot.certPem,
      revokedSerials: pki.revokedSerials,
      ...overrides,
    });
  }

  test('the PKI is generated into the caller’s folder once and reused', async () => {
    assert.equal(FIRMWARE_PKI_DIR, join(PKI_DIR, 'firmware'));
    assert.ok(pki.signing.certPath.startsWith(join(dir, 'firmware')));
    const again = await ensureFirmwarePki(join(dir, 'firmware'));
    assert.equal(again.signing.serialNumber, pki.signing.serialNumber);
    assert.equal(again.manufacturerRoot.certPem, pki.manufacturerRoot.certPem);
    assert.deepEqual(pki.revokedSerials, [pki.revokedSigning.serialNumber]);
    const serials = new Set([pki.signing, pki.foreignSigning, pki.expiredSigning, pki.revokedSigning].map((c) => c.serialNumber));
    assert.equal(serials.size, 4);
    const signing = new x509.X509Certificate(pki.signing.certPem);
    assert.equal(signing.issuer, new x509.X509Certificate(pki.manufacturerRoot.certPem).subject);
    assert.ok(signing.getExtension(x509.ExtendedKeyUsageExtension)?.usages.includes(x509.ExtendedKeyUsage.codeSigning));
  });

  test('firmware signed with the valid signing certificate passes', () => {
    assert.deepEqual(check(pki.signing), { ok: true });
    assert.deepEqual(
      verifySigningCertificate({ signingCertificatePem: pki.signing.certPem, manufacturerRootPem: [pki.manufacturerRoot.certPem] }),
      { ok: true },
    );
  });

  test('a tampered image, or a signature of another image, is InvalidSignature', () => {
    const tampered = Buffer.from(image.bytes);
    tampered[50_000] ^= 0x01;
    const verdict = check(pki.signing, { image: tampered });
    assert.equal(verdict.ok, false);
    assert.equal(!verdict.ok && verdict.cause, 'InvalidSignature');

    const other = firmwareImage('another-image', 100_000).bytes;
    const swapped = check(pki.signing, { signatureBase64: signFirmware(other, pki.signing.keyPem) });
    assert.equal(!swapped.ok && swapped.cause, 'InvalidSignature');
    const garbage = check(pki.signing, { signatureBase64: 'not base64 at all!' });
    assert.deepEqual(garbage, { ok: false, cause: 'InvalidSignature', detail: 'firmware.signature is not base64' });
  });

  test('a signing certificate from another root is InvalidCertificate, though its own signature is sound', () => {
    const verdict = check(pki.foreignSigning);
    assert.equal(!verdict.ok && verdict.cause, 'InvalidCertificate');
    assert.match(!verdict.ok ? verdict.detail : '', /does not chain to the manufacturer root/);
    // Trusting the other root makes the very same signature pass: the refusal is about the chain.
    assert.deepEqual(check(pki.foreignSigning, { manufacturerRootPem: pki.foreignRoot.certPem }), { ok: true });
  });

  test('an expired signing certificate is InvalidCertificate; inside its validity it would pass', () => {
    const verdict = check(pki.expiredSigning);
    assert.equal(!verdict.ok && verdict.cause, 'InvalidCertificate');
    assert.match(!verdict.ok ? verdict.detail : '', /is not valid at/);
    const duringValidity = new Date(Date.now() - 10 * 86_400_000);
    assert.deepEqual(check(pki.expiredSigning, { now: duringValidity }), { ok: true });
  });

  test('a revoked signing certificate is RevokedCertificate, whatever the serial’s spelling; unlisted it would pass', () => {
    const verdict = check(pki.revokedSigning);
    assert.equal(!verdict.ok && verdict.cause, 'RevokedCertificate');
    const spelled = `00${pki.revokedSigning.serialNumber.toUpperCase()}`;
    const respelled = verifySigningCertificate({
      signingCertificatePem: pki.revokedSigning.certPem,
      manufacturerRootPem: pki.manufacturerRoot.certPem,
      revokedSerials: [spelled],
    });
    assert.equal(!respelled.ok && respelled.cause, 'RevokedCertificate');
    assert.equal(normalizeSerial(spelled), pki.revokedSigning.serialNumber);
    assert.deepEqual(check(pki.revokedSigning, { revokedSerials: [] }), { ok: true });
    // The valid certificate is not caught by the list.
    assert.deepEqual(check(pki.signing), { ok: true });
  });

  test('no manufacturer root, a non-certificate, or the root itself as signer are InvalidCertificate', () => {
    const noRoot = check(pki.signing, { manufacturerRootPem: [] });
    assert.equal(!noRoot.ok && noRoot.cause, 'InvalidCertificate');
    const notPem = check(pki.signing, { signingCertificatePem: 'MIIB...' });
    assert.equal(!notPem.ok && notPem.cause, 'InvalidCertificate');
    const rootAsSigner = check(pki.manufacturerRoot);
    assert.equal(!rootAsSigner.ok && rootAsSigner.cause, 'InvalidCertificate');
    assert.match(!rootAsSigner.ok ? rootAsSigner.detail : '', /digitalSignature/);
  });

  test('the signature is RSA-PSS with SHA-256 and a 32-byte salt, as node:crypto checks on its own', () => {
    const signature = Buffer.from(signFirmware(image.bytes, pki.signing.keyPem), 'base64');
    assert.equal(signature.length, 256);
    const key = createPrivateKey(pki.signing.keyPem);
    const options = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
    assert.equal(verify('sha256', image.bytes, options, signature), true);
    assert.equal(verify('sha256', image.bytes, { key, padding: constants.RSA_PKCS1_PADDING }, signature), false);
  });

  test('an ECDSA P-256 signing certificate from the manufacturer root is checked as ECDSA/SHA-256', async () => {
    const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    const rootKey = await webcrypto.subtle.importKey('pkcs8', x509.PemConverter.decode(pki.manufacturerRoot.keyPem)[0], rsa, false, [
      'sign',
    ]);
    const ec = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
    const keys = (await webcrypto.subtle.generateKey(ec, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    const root = new x509.X509Certificate(pki.manufacturerRoot.certPem);
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: '0a01',
      subject: 'CN=ECDSA Firmware Signing',
      issuer: root.subject,
      notBefore: new Date(Date.now() - 60_000),
      notAfter: new Date(Date.now() + 86_400_000),
      publicKey: keys.publicKey,
      signingKey: rootKey,
      signingAlgorithm: rsa,
      extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
    });
    const keyPem = x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
    const ecSigner = { ...pki.signing, certPem: cert.toString('pem'), keyPem };
    assert.deepEqual(check(ecSigner), { ok: true });
    const tampered = check(ecSigner, { image: Buffer.concat([image.bytes, Buffer.from([0])]) });
    assert.equal(!tampered.ok && tampered.cause, 'InvalidSignature');
  });

  test('OpenSSL agrees: the chains, and the signature both ways', { skip: OPENSSL ? false : 'openssl CLI not installed' }, () => {
    const root = pki.manufacturerRoot.certPath;
    assert.equal(openssl(['verify', '-CAfile', root, pki.signing.certPath]).ok, true);
    assert.equal(openssl(['verify', '-CAfile', root, pki.revokedSigning.certPath]).ok, true);
    const expired = openssl(['verify', '-CAfile', root, pki.expiredSigning.certPath]);
    assert.equal(expired.ok, false);
    assert.match(expired.output, /expired/);
    assert.equal(openssl(['verify', '-CAfile', root, pki.foreignSigning.certPath]).ok, false);

    const imagePath = join(dir, 'image.bin');
    const signaturePath = join(dir, 'image.sig');
    const publicKeyPath = join(dir, 'signing-public.pem');
    writeFileSync(imagePath, image.bytes);
    writeFileSync(signaturePath, Buffer.from(signFirmware(image.bytes, pki.signing.keyPem), 'base64'));
    writeFileSync(publicKeyPath, openssl(['x509', '-in', pki.signing.certPath, '-pubkey', '-noout']).output);
    const pss = ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32'];
    const verified = openssl(['dgst', '-sha256', ...pss, '-verify', publicKeyPath, '-signature', signaturePath, imagePath]);
    assert.equal(verified.ok, true, verified.output);
    assert.match(verified.output, /Verified OK/);

    // A manufacturer's own tooling: OpenSSL signs with its largest salt, and the station accepts it.
    const opensslSignature = join(dir, 'openssl.sig');
    const signed = openssl([
      'dgst',
      '-sha256',
      '-sigopt',
      'rsa_padding_mode:pss',
      '-sigopt',
      'rsa_pss_saltlen:max',
      '-sign',
      pki.signing.keyPath,
      '-out',
      opensslSignature,
      imagePath,
    ]);
    assert.equal(signed.ok, true, signed.output);
    const signatureBase64 = execFileSync('openssl', ['base64', '-A', '-in', opensslSignature]).toString();
    assert.deepEqual(check(pki.signing, { signatureBase64 }), { ok: true });
  });

  test('firmwareImage is deterministic and its digests are those of its bytes', () => {
    const again = firmwareImage('signing-test', 100_000);
    assert.ok(again.bytes.equals(image.bytes));
    assert.equal(image.bytes.length, 100_000);
    assert.equal(image.md5Hex, createHash('md5').update(image.bytes).digest('hex'));
    assert.equal(image.sha256Hex, createHash('sha256').update(image.bytes).digest('hex'));
    assert.match(image.md5Hex, /^[0-9a-f]{32}$/);
    assert.notEqual(firmwareImage('signing-tesu', 100_000).md5Hex, image.md5Hex);
    assert.equal(firmwareImage('tiny', 5).bytes.length, 5);
    assert.equal(firmwareImage('default').bytes.length, 64 * 1024);
  });
});
