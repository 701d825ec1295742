/**
 * The manufacturer PKI behind secure firmware updates (OCPP 2.0.1 L01): a manufacturer root, a valid
 * firmware signing certificate it issued, and the three signing certificates a station must refuse
 * (another root's, an expired one, a revoked one). Generated on first use into an ignored folder; no
 * key is ever committed.
 */
import { webcrypto } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { buildFolderAtomically } from '../tls/atomic-folder';
import { PKI_DIR, TEST_ORGANIZATION } from '../tls/test-pki';

type CryptoKeyPair = webcrypto.CryptoKeyPair;
type RsaHashedKeyGenParams = webcrypto.RsaHashedKeyGenParams;

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/** A certificate with its private key, as files and as PEM text. */
export interface KeyedCertificate {
  certPath: string;
  keyPath: string;
  certPem: string;
  keyPem: string;
  /** Lower-case hex, no leading zeros: the form `verifySigningCertificate` compares. */
  serialNumber: string;
}

export interface FirmwarePki {
  dir: string;
  /** The ManufacturerRootCertificate a station trusts for firmware (also what TC_M_02 installs). */
  manufacturerRoot: KeyedCertificate;
  /** Firmware signing certificate issued by the manufacturer root: a signature with its key is accepted. */
  signing: KeyedCertificate;
  /** A root the station does not trust, and a signing certificate it issued: InvalidCertificate. */
  foreignRoot: KeyedCertificate;
  foreignSigning: KeyedCertificate;
  /** Issued by the manufacturer root, validity ended yesterday: InvalidCertificate. */
  expiredSigning: KeyedCertificate;
  /** Issued by the manufacturer root, valid, but listed in `revokedSerials`: RevokedCertificate. */
  revokedSigning: KeyedCertificate;
  /** Serials the manufacturer revoked (the revoked signing certificate's), one per line in `revokedSerialsPath`. */
  revokedSerials: string[];
  revokedSerialsPath: string;
}

/** Where the firmware PKI lives unless the caller names another folder. */
export const FIRMWARE_PKI_DIR = join(PKI_DIR, 'firmware');

// RSA because L01 names RSA-PSS (or ECSchnorr, which neither node:crypto nor OpenSSL offers) as the
// firmware signature algorithm; the key itself is a plain rsaEncryption key usable for PSS.
const RSA: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const DAY_MS = 86_400_000;
const VALIDITY_DAYS = 365;
const RENEW_BEFORE_DAYS = 7;
const REVOKED_SERIALS_FILE = 'revoked-serials.txt';

const NAMES = {
  manufacturerRoot: 'manufacturer-root',
  signing: 'firmware-signing',
  foreignRoot: 'foreign-root',
  foreignSigning: 'foreign-firmware-signing',
  expiredSigning: 'expired-firmware-signing',
  revokedSigning: 'revoked-firmware-signing',
} as const;
type Role = keyof typeof NAMES;

interface Issued {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

function serial(): string {
  return Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
    .toString('hex')
    .replace(/^[089a-f]/, '1');
}

/** The serial as `verifySigningCertificate` compares it: lower-case hex without leading zeros. */
export function normalizeSerial(serialHex: string): string {
  return serialHex
    .replace(/[^0-9a-f]/gi, '')
    .toLowerCase()
    .replace(/^0+(?=.)/, '');
}

async function issue(options: { subject: string; issuer?: Issued; notBefore?: Date; notAfter?: Date }): Promise<Issued> {
  const keys = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const issuer = options.issuer;
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(!issuer, undefined, true),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (issuer) {
    extensions.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true));
    extensions.push(new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.codeSigning]));
    extensions.push(await x509.AuthorityKeyIdentifierExtension.create(issuer.cert));
  } else {
    extensions.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true));
  }
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: options.subject,
    issuer: issuer ? issuer.cert.subject : options.subject,
    notBefore: options.notBefore ?? new Date(Date.now() - 60_000),
    notAfter: options.notAfter ?? new Date(Date.now() + VALIDITY_DAYS * DAY_MS),
    publicKey: keys.publicKey,
    signingKey: issuer ? issuer.keys.privateKey : keys.privateKey,
    signingAlgorithm: { ...RSA, hash: 'SHA-256' },
    extensions,
  });
  return { cert, keys };
}

async function write(dir: string, role: Role, issued: Issued): Promise<void> {
  writeFileSync(join(dir, `${NAMES[role]}.pem`), issued.cert.toString('pem') + '\n');
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', issued.keys.privateKey);
  writeFileSync(join(dir, `${NAMES[role]}.key`), x509.PemConverter.encode(pkcs8, 'PRIVATE KEY') + '\n', { mode: 0o600 });
}

function pathsOf(dir: string, role: Role): { certPath: string; keyPath: string } {
  return { certPath: join(dir, `${NAMES[role]}.pem`), keyPath: join(dir, `${NAMES[role]}.key`) };
}

function stillValid(dir: string): boolean {
  const roles = Object.keys(NAMES) as Role[];
  const files = roles.flatMap((role) => Object.values(pathsOf(dir, role))).concat(join(dir, REVOKED_SERIALS_FILE));
  if (!files.every((file) => existsSync(file))) return false;
  const renewBy = Date.now() + RENEW_BEFORE_DAYS * DAY_MS;
  return roles
    .filter((role) => role !== 'expiredSigning')
    .every((role) => new x509.X509Certificate(readFileSync(pathsOf(dir, role).certPath, 'utf8')).notAfter.getTime() > renewBy);
}

function load(dir: string, role: Role): KeyedCertificate {
  const { certPath, keyPath } = pathsOf(dir, role);
  const certPem = readFileSync(certPath, 'utf8');
  return {
    certPath,
    keyPath,
    certPem,
    keyPem: readFileSync(keyPath, 'utf8'),
    serialNumber: normalizeSerial(new x509.X509Certificate(certPem).serialNumber),
  };
}

/**
 * Returns the firmware PKI in `dir`, generating it when absent or about to expire. Safe when several
 * processes ask at once: one builds, the others read what it built (buildFolderAtomically).
 */
export async function ensureFirmwarePki(dir: string = FIRMWARE_PKI_DIR): Promise<FirmwarePki> {
  await buildFolderAtomically(
    dir,
    () => stillValid(dir),
    async (staging) => {
      const root = await issue({ subject: `CN=Firmware Manufacturer Root CA, O=${TEST_ORGANIZATION}` });
      await write(staging, 'manufacturerRoot', root);
      const signer = `O=${TEST_ORGANIZATION}`;
      await write(staging, 'signing', await issue({ subject: `CN=Firmware Signing, ${signer}`, issuer: root }));
      const foreignRoot = await issue({ subject: 'CN=Other Manufacturer Root CA, O=Not Trusted' });
      await write(staging, 'foreignRoot', foreignRoot);
      await write(staging, 'foreignSigning', await issue({ subject: `CN=Firmware Signing, ${signer}`, issuer: foreignRoot }));
      const expired = await issue({
        subject: `CN=Expired Firmware Signing, ${signer}`,
        issuer: root,
        notBefore: new Date(Date.now() - 30 * DAY_MS),
        notAfter: new Date(Date.now() - DAY_MS),
      });
      await write(staging, 'expiredSigning', expired);
      const revoked = await issue({ subject: `CN=Revoked Firmware Signing, ${signer}`, issuer: root });
      await write(staging, 'revokedSigning', revoked);
      writeFileSync(join(staging, REVOKED_SERIALS_FILE), normalizeSerial(revoked.cert.serialNumber) + '\n');
    },
  );
  if (!stillValid(dir)) throw new Error(`could not create the firmware PKI in ${dir}`);
  const revokedSerialsPath = join(dir, REVOKED_SERIALS_FILE);
  return {
    dir,
    manufacturerRoot: load(dir, 'manufacturerRoot'),
    signing: load(dir, 'signing'),
    foreignRoot: load(dir, 'foreignRoot'),
    foreignSigning: load(dir, 'foreignSigning'),
    expiredSigning: load(dir, 'expiredSigning'),
    revokedSigning: load(dir, 'revokedSigning'),
    revokedSerials: readFileSync(revokedSerialsPath, 'utf8').split('\n').filter(Boolean),
    revokedSerialsPath,
  };
}
