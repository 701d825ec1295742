/**
 * What the EV presents in the ISO 15118 authorization cases (C07) and the OCSP service the OCTT
 * runs for them. In the embedded mode (and against a user's CSMS when the ISO 15118 files are not
 * configured) the suite issues a contract certificate chain for CONTRACT_CERT_EMAID, a second one
 * it reports revoked, and answers OCSP for both on loopback, logging every question. Against a
 * user's CSMS the configured files (ISO15118_CERT_HASH_DATA_FILE, ISO15118_REVOKED_CERT_HASH_DATA_FILE,
 * CONTRACT_CERT_FILE) replace the generated equivalents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HashAlgorithmEnumType, OCSPRequestDataType } from '../../schemas/ocpp201-messages';
import { type OcspSigner, certIdentityOf, sameCertificate } from '../../kernel/ocsp/ocsp-messages';
import { OcspResponder } from '../../kernel/ocsp/ocsp-responder';
import type { Config } from '../../kernel/config';
import { PKI_DIR } from '../../kernel/tls/test-pki';
import { certificateHashData } from '../../kernel/tls/certificate-hash';
import {
  type ContractCertificate,
  type Issued,
  ensureV2gRoot,
  issueContractCertificate,
  issueSubCa,
} from '../../kernel/iso15118/contract-pki';

export type ContractKind = 'valid' | 'revoked';

/** How the station tells the CSMS about the contract certificate (C07). */
export type ContractForm = 'hash data' | 'certificate';

/** The suite's OCSP service and the certificate it answers for, when the suite issued the chain. */
export interface OcspObservation {
  responder: OcspResponder;
  contractPem: string;
  issuerPem: string;
}

/** What the station sends about the EV's contract certificate, in both forms. */
export interface ContractPresentation {
  kind: ContractKind;
  emaid: string;
  /** AuthorizeRequest.iso15118CertificateHashData, and whether the suite answers its OCSP questions. */
  hashData: { value: OCSPRequestDataType[]; source: string; observation: OcspObservation | undefined };
  /** AuthorizeRequest.certificate (the contract certificate, then its sub-CA), and the root above it. */
  certificate: { pem: string; source: string; rootPem: string | undefined; observation: OcspObservation | undefined };
}

/**
 * The OCSPRequestDataType list of a chain the suite issued: the contract certificate, then its
 * sub-CA, each with the responder that answers for it.
 */
export function ocspRequestData(contract: ContractCertificate, responderUrl: string): OCSPRequestDataType[] {
  return [
    { ...certificateHashData(contract.pem, contract.subCa.certificatePem), responderURL: responderUrl },
    { ...certificateHashData(contract.subCa.certificatePem, contract.root.certificatePem), responderURL: responderUrl },
  ];
}

interface Generated {
  responder: OcspResponder;
  rootPem: string;
  chains: Record<ContractKind, ContractCertificate>;
}

let generated: Promise<Generated> | undefined;

async function generate(emaid: string): Promise<Generated> {
  const responder = await OcspResponder.start();
  const root = await ensureV2gRoot(join(PKI_DIR, 'iso15118'));
  const subCa = await issueSubCa(root, responder.url);
  const valid = await issueContractCertificate(root, subCa, emaid, responder.url);
  const revoked = await issueContractCertificate(root, subCa, emaid, responder.url);
  const asSigner = (issuer: Issued): OcspSigner => ({ certificatePem: issuer.certificatePem, privateKey: issuer.privateKey });
  responder.register(subCa.certificatePem, asSigner(root), { status: 'good' });
  responder.register(valid.pem, asSigner(subCa), { status: 'good' });
  responder.register(revoked.pem, asSigner(subCa), { status: 'revoked', revokedAt: new Date(Date.now() - 60_000) });
  return { responder, rootPem: root.certificatePem, chains: { valid, revoked } };
}

const HASH_DATA_KEYS: Record<string, string> = {
  hash_algorithm: 'hashAlgorithm',
  issuer_name_hash: 'issuerNameHash',
  issuer_key_hash: 'issuerKeyHash',
  serial_number: 'serialNumber',
  responder_url: 'responderURL',
};

/** A hash-data file: a JSON list of OCSPRequestDataType; the older suite's snake_case keys are accepted. */
export function readHashDataFile(path: string): OCSPRequestDataType[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (!Array.isArray(parsed) || parsed.length === 0) throw new Error(`${path}: expected a non-empty JSON list of OCSPRequestData`);
  return parsed.map((entry: Record<string, unknown>, index) => {
    const renamed = Object.fromEntries(Object.entries(entry).map(([key, value]) => [HASH_DATA_KEYS[key] ?? key, value]));
    for (const field of ['hashAlgorithm', 'issuerNameHash', 'issuerKeyHash', 'serialNumber', 'responderURL']) {
      if (typeof renamed[field] !== 'string') throw new Error(`${path}: entry ${index} has no ${field}`);
    }
    return {
      hashAlgorithm: renamed.hashAlgorithm as HashAlgorithmEnumType,
      issuerNameHash: renamed.issuerNameHash as string,
      issuerKeyHash: renamed.issuerKeyHash as string,
      serialNumber: renamed.serialNumber as string,
      responderURL: renamed.responderURL as string,
    };
  });
}

/**
 * The valid or the revoked contract certificate the EV presents. The embedded mode always uses the
 * suite's chain; against a user's CSMS a configured file replaces its generated equivalent.
 */
export async function contractPresentation(config: Config, kind: ContractKind): Promise<ContractPresentation> {
  const external = config.mode === 'external';
  const hashDataFile = external
    ? kind === 'valid'
      ? config.ISO15118_CERT_HASH_DATA_FILE
      : config.ISO15118_REVOKED_CERT_HASH_DATA_FILE
    : undefined;
  // The configured contract certificate is the valid one; there is no configured revoked certificate.
  const certificateFile = external && kind === 'valid' ? config.CONTRACT_CERT_FILE : undefined;
  let suite: Generated | undefined;
  if (!hashDataFile || !certificateFile) {
    generated ??= generate(config.CONTRACT_CERT_EMAID);
    suite = await generated;
  }
  const chain = suite?.chains[kind];
  const observation =
    suite && chain ? { responder: suite.responder, contractPem: chain.pem, issuerPem: chain.subCa.certificatePem } : undefined;
  const issuedBySuite = `the suite's ${kind} test contract certificate for ${config.CONTRACT_CERT_EMAID}`;
  return {
    kind,
    emaid: config.CONTRACT_CERT_EMAID,
    hashData: hashDataFile
      ? { value: readHashDataFile(hashDataFile), source: hashDataFile, observation: undefined }
      : { value: ocspRequestData(chain as ContractCertificate, (suite as Generated).responder.url), source: issuedBySuite, observation },
    certificate: certificateFile
      ? { pem: readFileSync(certificateFile, 'utf8'), source: certificateFile, rootPem: undefined, observation: undefined }
      : { pem: (chain as ContractCertificate).chainPem, source: issuedBySuite, rootPem: suite?.rootPem, observation },
  };
}

/** The answers the suite's responder gave about the contract certificate since `since`. */
export function ocspAnswersAbout(observation: OcspObservation, since: Date): Array<{ at: Date; answer: string }> {
  const found: Array<{ at: Date; answer: string }> = [];
  for (const entry of observation.responder.log) {
    if (entry.at < since) continue;
    entry.asked.forEach((identity, index) => {
      if (!identity) return;
      if (!sameCertificate(certIdentityOf(observation.contractPem, observation.issuerPem, identity.hashAlgorithm), identity)) return;
      found.push({ at: entry.at, answer: typeof entry.answered === 'string' ? entry.answered : entry.answered[index].status });
    });
  }
  return found;
}
