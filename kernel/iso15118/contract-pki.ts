/**
 * The test ISO 15118-2 PKIs (ECDSA P-256), shared by the suite and the reference CSMS: a V2G root
 * and an MO root, MO sub-CAs and contract certificates whose subject is the eMAID, and a charging
 * station's V2G certificate chain (CPO sub-CAs and the SECC certificate). The roots are kept in the
 * ignored .pki/ folder, so that a CSMS under test can be told to trust them once; everything below
 * a root is issued per run, because its OCSP address (AIA) names the run's responder.
 */
import { type KeyObject, createPrivateKey, webcrypto } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { buildFolderAtomically } from '../tls/atomic-folder';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { TEST_ORGANIZATION } from '../tls/test-pki';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

type CryptoKeyPair = webcrypto.CryptoKeyPair;

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const ROOT_VALIDITY_DAYS = 365;
const RENEW_BEFORE_DAYS = 7;

/** A certificate with the key that signs in its name (a CA, or a contract certificate's holder). */
export interface Issued {
  certificatePem: string;
  privateKey: KeyObject;
  /** The same key for @peculiar/x509 signing. */
  keys: CryptoKeyPair;
  certificate: x509.X509Certificate;
}

export interface ContractCertificate {
  /** PEM of the contract certificate alone. */
  pem: string;
  /** The contract certificate followed by the sub-CA, as an EV presents its chain. */
  chainPem: string;
  /** The sub-CA that issued it, and the root above that. */
  subCa: Issued;
  root: Issued;
}

function serial(): string {
  // Positive, 16 bytes: a leading hex digit below 8 keeps the DER INTEGER from needing a zero byte.
  return Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
    .toString('hex')
    .replace(/^[89a-f]/, '1');
}

async function toIssued(certificate: x509.X509Certificate, keys: CryptoKeyPair): Promise<Issued> {
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return {
    certificatePem: certificate.toString('pem'),
    privateKey: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }),
    keys,
    certificate,
  };
}

async function issue(options: {
  subject: string;
  issuer?: Issued;
  ca: boolean;
  pathLength?: number;
  ocspUrl?: string;
  validityDays: number;
}): Promise<Issued> {
  const keys = (await webcrypto.subtle.generateKey(ECDSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(options.ca, options.pathLength, true),
    new x509.KeyUsagesExtension(
      options.ca
        ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
        : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation | x509.KeyUsageFlags.keyAgreement,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (options.issuer) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(options.issuer.certificate));
  if (options.ocspUrl) extensions.push(new x509.AuthorityInfoAccessExtension({ ocsp: [options.ocspUrl] }));
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: options.subject,
    issuer: options.issuer ? options.issuer.certificate.subject : options.subject,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + options.validityDays * 86_400_000),
    publicKey: keys.publicKey,
    signingKey: options.issuer ? options.issuer.keys.privateKey : keys.privateKey,
    signingAlgorithm: ECDSA,
    extensions,
  });
  return toIssued(certificate, keys);
}

interface RootFiles {
  /** File name stem in the folder: `<stem>.pem` and `<stem>.key`. */
  stem: string;
  subject: string;
}

const V2G_ROOT: RootFiles = { stem: 'v2g-root', subject: `CN=V2G Root CA (test), O=${TEST_ORGANIZATION}` };
const MO_ROOT: RootFiles = { stem: 'mo-root', subject: `CN=MO Root CA (test), O=${TEST_ORGANIZATION}` };

async function readRoot(dir: string, files: RootFiles): Promise<Issued | undefined> {
  const certFile = join(dir, `${files.stem}.pem`);
  const keyFile = join(dir, `${files.stem}.key`);
  if (!existsSync(certFile) || !existsSync(keyFile)) return undefined;
  try {
    const certificate = new x509.X509Certificate(readFileSync(certFile, 'utf8'));
    if (certificate.notAfter.getTime() < Date.now() + RENEW_BEFORE_DAYS * 86_400_000) return undefined;
    const pkcs8 = x509.PemConverter.decodeFirst(readFileSync(keyFile, 'utf8'));
    const privateKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, ECDSA, true, ['sign']);
    const publicKey = await certificate.publicKey.export(ECDSA, ['verify']);
    return toIssued(certificate, { privateKey, publicKey });
  } catch {
    return undefined;
  }
}

/**
 * The root in `dir`, created when absent or about to expire. Parallel workers ask at once: one
 * builds, the others read what it built (buildFolderAtomically). A folder holds the roots it was
 * built with; a root missing from an existing folder is added beside the other one.
 */
async function ensureRoot(dir: string, files: RootFiles): Promise<Issued> {
  const complete = async (): Promise<boolean> => (await readRoot(dir, files)) !== undefined;
  await buildFolderAtomically(dir, complete, async (staging) => {
    for (const wanted of [V2G_ROOT, MO_ROOT]) {
      const kept = wanted === files ? undefined : await readRoot(dir, wanted);
      const root = kept ?? (await issue({ subject: wanted.subject, ca: true, validityDays: ROOT_VALIDITY_DAYS }));
      writeFileSync(join(staging, `${wanted.stem}.pem`), root.certificatePem + '\n');
      const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', root.keys.privateKey);
      writeFileSync(join(staging, `${wanted.stem}.key`), x509.PemConverter.encode(pkcs8, 'PRIVATE KEY') + '\n', { mode: 0o600 });
    }
  });
  const root = await readRoot(dir, files);
  if (!root) throw new Error(`could not create the ${files.stem} test root in ${dir}`);
  return root;
}

/** The V2G root in `dir` (the trust anchor of ISO 15118-2), created when absent or about to expire. */
export function ensureV2gRoot(dir: string): Promise<Issued> {
  return ensureRoot(dir, V2G_ROOT);
}

/** The MO root in `dir` (a mobility operator's own root of its contract certificates), created when absent. */
export function ensureMoRoot(dir: string): Promise<Issued> {
  return ensureRoot(dir, MO_ROOT);
}

/** An MO sub-CA under `root`, whose own revocation status is served at `ocspUrl` (none named when absent). */
export function issueSubCa(root: Issued, ocspUrl?: string): Promise<Issued> {
  return issue({
    subject: `CN=MO Sub-CA (test), O=${TEST_ORGANIZATION}, DC=MO`,
    issuer: root,
    ca: true,
    pathLength: 0,
    ocspUrl,
    validityDays: 30,
  });
}

/** The subject of a contract certificate as ISO 15118-2 profiles it: CN = the eMAID, O, and C = the eMAID's country. */
export function contractSubject(emaid: string): string {
  return `CN=${emaid}, O=${TEST_ORGANIZATION}, C=${emaid.slice(0, 2).toUpperCase()}`;
}

/** A contract certificate for `emaid` (its subject CN), issued by `subCa`, checked at `ocspUrl` (none named when absent). */
export async function issueContractCertificate(root: Issued, subCa: Issued, emaid: string, ocspUrl?: string): Promise<ContractCertificate> {
  const leaf = await issue({ subject: contractSubject(emaid), issuer: subCa, ca: false, ocspUrl, validityDays: 30 });
  return { pem: leaf.certificatePem, chainPem: `${leaf.certificatePem}\n${subCa.certificatePem}\n`, subCa, root };
}

/** A charging station's V2G certificate chain (ISO 15118-2: V2G root, CPO sub-CA 1 and 2, SECC). */
export interface V2gStationChain {
  root: Issued;
  /** CPO sub-CA 1 (under the root), then CPO sub-CA 2 (under sub-CA 1). */
  subCas: [Issued, Issued];
  /** The SECC (charging station) certificate, CN = the station id, issued by sub-CA 2. */
  leaf: Issued;
}

/** The V2G chain of station `stationId` under `root`; every certificate below the root names `ocspUrl`. */
export async function issueV2gStationChain(root: Issued, stationId: string, ocspUrl: string): Promise<V2gStationChain> {
  const subCa1 = await issue({
    subject: `CN=CPO Sub-CA 1 (test), O=${TEST_ORGANIZATION}`,
    issuer: root,
    ca: true,
    pathLength: 1,
    ocspUrl,
    validityDays: 30,
  });
  const subCa2 = await issue({
    subject: `CN=CPO Sub-CA 2 (test), O=${TEST_ORGANIZATION}`,
    issuer: subCa1,
    ca: true,
    pathLength: 0,
    ocspUrl,
    validityDays: 30,
  });
  const leaf = await issue({ subject: `CN=${stationId}, O=${TEST_ORGANIZATION}`, issuer: subCa2, ca: false, ocspUrl, validityDays: 30 });
  return { root, subCas: [subCa1, subCa2], leaf };
}
