/**
 * The test PKI for the embedded mode: a CA, RSA and ECDSA server certificates for localhost, a
 * client certificate per security-profile-3 station, and a client certificate from a CA the CSMS
 * does not know. Generated on first use into an ignored folder; no key is ever committed.
 */
import { webcrypto } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { buildFolderAtomically } from './atomic-folder';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';

type CryptoKeyPair = webcrypto.CryptoKeyPair;
type RsaHashedKeyGenParams = webcrypto.RsaHashedKeyGenParams;
type EcKeyGenParams = webcrypto.EcKeyGenParams;

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export interface TestPki {
  dir: string;
  caCert: string;
  caKey: string;
  /** RSA server certificate (CN localhost). */
  serverCert: string;
  serverKey: string;
  /** ECDSA P-256 server certificate, for the ECDHE-ECDSA cipher suites. */
  serverEcdsaCert: string;
  serverEcdsaKey: string;
  /** Valid client certificate of the security-profile-3 station (CN = station id). */
  clientCert: string;
  clientKey: string;
  /** Client certificate with the right CN, signed by a CA the CSMS does not trust. */
  invalidClientCert: string;
  invalidClientKey: string;
  unknownCaCert: string;
}

const RSA: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const ECDSA: EcKeyGenParams & { hash: string } = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const VALIDITY_DAYS = 365;
const RENEW_BEFORE_DAYS = 7;
/** Where generated test certificates live (ignored by git), shared by the suite and the reference CSMS. */
export const PKI_DIR = join(__dirname, '..', '..', '.pki');

export const TEST_ORGANIZATION = 'OCPP Conformance Suite';

function pemOfKey(pkcs8: ArrayBuffer): string {
  return x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
}

function serial(): string {
  return Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
    .toString('hex')
    .replace(/^[89a-f]/, '1');
}

interface Issued {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

async function issue(options: {
  subject: string;
  algorithm: RsaHashedKeyGenParams | (EcKeyGenParams & { hash: string });
  issuer?: Issued;
  ca?: boolean;
  usage?: 'server' | 'client';
  dnsNames?: string[];
  ips?: string[];
}): Promise<Issued> {
  const keys = (await webcrypto.subtle.generateKey(options.algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(Date.now() + VALIDITY_DAYS * 86_400_000);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(Boolean(options.ca), undefined, true),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (options.ca) {
    extensions.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true));
  } else {
    extensions.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true));
    extensions.push(
      new x509.ExtendedKeyUsageExtension([
        options.usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth,
      ]),
    );
  }
  if (options.dnsNames || options.ips) {
    extensions.push(
      new x509.SubjectAlternativeNameExtension([
        ...(options.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
        ...(options.ips ?? []).map((value) => ({ type: 'ip' as const, value })),
      ]),
    );
  }
  if (options.issuer) {
    extensions.push(await x509.AuthorityKeyIdentifierExtension.create(options.issuer.cert));
  }
  const signingAlgorithm = options.issuer ? options.issuer.cert.publicKey.algorithm : options.algorithm;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: options.subject,
    issuer: options.issuer ? options.issuer.cert.subject : options.subject,
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: options.issuer ? options.issuer.keys.privateKey : keys.privateKey,
    signingAlgorithm: { ...signingAlgorithm, hash: 'SHA-256' },
    extensions,
  });
  return { cert, keys };
}

async function write(dir: string, name: string, issued: Issued): Promise<void> {
  writeFileSync(join(dir, `${name}.pem`), issued.cert.toString('pem') + '\n');
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', issued.keys.privateKey);
  writeFileSync(join(dir, `${name}.key`), pemOfKey(pkcs8) + '\n', { mode: 0o600 });
}

function pathsOf(dir: string, stationId: string): TestPki {
  const safeId = stationId.replace(/[^A-Za-z0-9_.-]/g, '_');
  return {
    dir,
    caCert: join(dir, 'ca.pem'),
    caKey: join(dir, 'ca.key'),
    serverCert: join(dir, 'server-rsa.pem'),
    serverKey: join(dir, 'server-rsa.key'),
    serverEcdsaCert: join(dir, 'server-ecdsa.pem'),
    serverEcdsaKey: join(dir, 'server-ecdsa.key'),
    clientCert: join(dir, `client-${safeId}.pem`),
    clientKey: join(dir, `client-${safeId}.key`),
    invalidClientCert: join(dir, `invalid-client-${safeId}.pem`),
    invalidClientKey: join(dir, `invalid-client-${safeId}.key`),
    unknownCaCert: join(dir, 'unknown-ca.pem'),
  };
}

function notExpiring(file: string): boolean {
  return new x509.X509Certificate(readFileSync(file, 'utf8')).notAfter.getTime() > Date.now() + RENEW_BEFORE_DAYS * 86_400_000;
}

/** The CA, the server certificates and the unknown CA: what every station's certificates hang on. */
function baseValid(paths: TestPki): boolean {
  const files = [paths.caCert, paths.caKey, paths.serverCert, paths.serverKey, paths.serverEcdsaCert, paths.serverEcdsaKey];
  if (![...files, paths.unknownCaCert, unknownCaKeyOf(paths.dir)].every((file) => existsSync(file))) return false;
  return [paths.caCert, paths.serverCert, paths.serverEcdsaCert].every(notExpiring);
}

function stationValid(paths: TestPki): boolean {
  const files = [paths.clientCert, paths.clientKey, paths.invalidClientCert, paths.invalidClientKey];
  return files.every((file) => existsSync(file)) && notExpiring(paths.clientCert);
}

function unknownCaKeyOf(dir: string): string {
  return join(dir, 'unknown-ca.key');
}

async function read(certFile: string, keyFile: string): Promise<Issued> {
  const cert = new x509.X509Certificate(readFileSync(certFile, 'utf8'));
  const pkcs8 = x509.PemConverter.decodeFirst(readFileSync(keyFile, 'utf8'));
  const privateKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, RSA, true, ['sign']);
  const publicKey = await cert.publicKey.export(RSA, ['verify']);
  return { cert, keys: { privateKey, publicKey } };
}

/** A station's valid client certificate and its twin from the CA the CSMS does not trust. */
async function issueStation(staging: string, stationId: string, ca: Issued, unknownCa: Issued): Promise<void> {
  const staged = pathsOf(staging, stationId);
  const clientSubject = `CN=${stationId}, O=${TEST_ORGANIZATION}`;
  const nameOf = (path: string): string => path.slice(staging.length + 1, -4);
  await write(staging, nameOf(staged.clientCert), await issue({ subject: clientSubject, algorithm: RSA, issuer: ca, usage: 'client' }));
  await write(
    staging,
    nameOf(staged.invalidClientCert),
    await issue({ subject: clientSubject, algorithm: RSA, issuer: unknownCa, usage: 'client' }),
  );
}

async function buildBase(staging: string): Promise<{ ca: Issued; unknownCa: Issued }> {
  const ca = await issue({ subject: `CN=OCPP Conformance Test CA, O=${TEST_ORGANIZATION}`, algorithm: RSA, ca: true });
  await write(staging, 'ca', ca);
  const hosts = { dnsNames: ['localhost'], ips: ['127.0.0.1', '::1'] };
  await write(
    staging,
    'server-rsa',
    await issue({ subject: `CN=localhost, O=${TEST_ORGANIZATION}`, algorithm: RSA, issuer: ca, usage: 'server', ...hosts }),
  );
  await write(
    staging,
    'server-ecdsa',
    await issue({ subject: `CN=localhost, O=${TEST_ORGANIZATION}`, algorithm: ECDSA, issuer: ca, usage: 'server', ...hosts }),
  );
  const unknownCa = await issue({ subject: 'CN=Unknown Test CA, O=Not Trusted', algorithm: RSA, ca: true });
  await write(staging, 'unknown-ca', unknownCa);
  return { ca, unknownCa };
}

/**
 * Returns the test PKI in `dir` with client certificates for every station id (the first one's are
 * the returned clientCert/invalidClientCert; see clientCertificatesOf for the others), generating
 * what is absent or about to expire. A station id new to an existing PKI gets its certificates from
 * the existing CA, so a CSMS already running with that CA keeps trusting the others. Safe when
 * several processes (parallel workers, a standalone CSMS) ask at once: see buildFolderAtomically.
 */
export async function ensureTestPki(dir: string, stationIds: string | readonly string[]): Promise<TestPki> {
  const ids = [...new Set(typeof stationIds === 'string' ? [stationIds] : stationIds)];
  if (ids.length === 0) throw new Error('ensureTestPki: no station id');
  const paths = pathsOf(dir, ids[0]);
  const complete = (): boolean => baseValid(paths) && ids.every((id) => stationValid(pathsOf(dir, id)));
  await buildFolderAtomically(dir, complete, async (staging) => {
    let base: { ca: Issued; unknownCa: Issued };
    if (baseValid(paths)) {
      // Keep everything there is (the CA, the other stations' certificates), add what is missing.
      for (const name of readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile())) {
        copyFileSync(join(dir, name.name), join(staging, name.name));
      }
      base = { ca: await read(paths.caCert, paths.caKey), unknownCa: await read(paths.unknownCaCert, unknownCaKeyOf(dir)) };
    } else {
      base = await buildBase(staging);
    }
    for (const id of ids) {
      if (!baseValid(paths) || !stationValid(pathsOf(dir, id))) await issueStation(staging, id, base.ca, base.unknownCa);
    }
  });
  if (!complete()) throw new Error(`could not create the test PKI in ${dir}`);
  return paths;
}

/** The client certificate files of `stationId` in the test PKI folder `dir` (see ensureTestPki). */
export function clientCertificatesOf(
  dir: string,
  stationId: string,
): Pick<TestPki, 'clientCert' | 'clientKey' | 'invalidClientCert' | 'invalidClientKey'> {
  const { clientCert, clientKey, invalidClientCert, invalidClientKey } = pathsOf(dir, stationId);
  return { clientCert, clientKey, invalidClientCert, invalidClientKey };
}
