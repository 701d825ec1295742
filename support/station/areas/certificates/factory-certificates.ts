/**
 * The certificates a station comes with, per type, from the test PKIs the suite generates on first
 * use (nothing is committed): the CA behind the CSMS's TLS certificate (TLS_CA_CERT) as
 * CSMSRootCertificate, the manufacturer root of the firmware PKI, the V2G and MO roots of the
 * ISO 15118 test PKI, and the station's own V2G certificate chain (CPO sub-CAs and SECC
 * certificate), whose revocation status the suite's OCSP responder serves on loopback (M06).
 */
import { join } from 'node:path';
import type { GetCertificateIdUseEnumType, OCSPRequestDataType } from '../../../../schemas/ocpp201-messages';
import { ensureFirmwarePki } from '../../../../kernel/firmware/firmware-pki';
import {
  type Issued,
  type V2gStationChain,
  ensureMoRoot,
  ensureV2gRoot,
  issueV2gStationChain,
} from '../../../../kernel/iso15118/contract-pki';
import { type CertIdentity, type OcspVerdict, sameCertificate, verifyOcspResponse } from '../../../../kernel/ocsp/ocsp-messages';
import { OcspResponder } from '../../../../kernel/ocsp/ocsp-responder';
import { certificateHashData } from '../../../../kernel/tls/certificate-hash';
import { PKI_DIR } from '../../../../kernel/tls/test-pki';

const ISO15118_DIR = join(PKI_DIR, 'iso15118');

export interface V2gChainService {
  chain: V2gStationChain;
  responder: OcspResponder;
}

// Run material (a PKI and its responder), not scenario state: one per station id and process.
const v2gChains = new Map<string, Promise<V2gChainService>>();

async function createV2gChain(stationId: string): Promise<V2gChainService> {
  const responder = await OcspResponder.start();
  const root = await ensureV2gRoot(ISO15118_DIR);
  const chain = await issueV2gStationChain(root, stationId, responder.url);
  const signer = (issuer: Issued): { certificatePem: string; privateKey: Issued['privateKey'] } => ({
    certificatePem: issuer.certificatePem,
    privateKey: issuer.privateKey,
  });
  const [subCa1, subCa2] = chain.subCas;
  responder.register(subCa1.certificatePem, signer(root), { status: 'good' });
  responder.register(subCa2.certificatePem, signer(subCa1), { status: 'good' });
  responder.register(chain.leaf.certificatePem, signer(subCa2), { status: 'good' });
  return { chain, responder };
}

/** The V2G certificate chain of `stationId` and the OCSP responder that answers for it. */
export function v2gChainService(stationId: string): Promise<V2gChainService> {
  let service = v2gChains.get(stationId);
  if (!service) {
    service = createV2gChain(stationId);
    v2gChains.set(stationId, service);
  }
  return service;
}

/** The PEM the station holds for `use` when it has one of that type from the factory. */
export async function factoryCertificate(
  use: GetCertificateIdUseEnumType,
  stationId: string,
  csmsRootPem: string | undefined,
): Promise<string> {
  switch (use) {
    case 'CSMSRootCertificate':
      if (!csmsRootPem) throw new Error('no CSMS root: TLS_CA_CERT is not set and no test CA was generated');
      return csmsRootPem;
    case 'ManufacturerRootCertificate':
      return (await ensureFirmwarePki()).manufacturerRoot.certPem;
    case 'V2GRootCertificate':
      return (await ensureV2gRoot(ISO15118_DIR)).certificatePem;
    case 'MORootCertificate':
      return (await ensureMoRoot(ISO15118_DIR)).certificatePem;
    case 'V2GCertificateChain': {
      const { chain } = await v2gChainService(stationId);
      // Leaf first, each certificate followed by its issuer; the root is installed on its own.
      return [chain.leaf, chain.subCas[1], chain.subCas[0]].map((issued) => issued.certificatePem.trim()).join('\n') + '\n';
    }
  }
}

/** What the station asks the CSMS about sub-CA `number` (1 or 2) of its V2G chain (M06), and how to read the answer. */
export interface V2gStatusQuestion {
  ocspRequestData: OCSPRequestDataType;
  /** What the suite's responder was asked since the question, about this certificate. */
  askedSince(since: Date): number;
  /** Reads an ocspResult as the station does: a verified answer about this very certificate. */
  read(ocspResultBase64: string): OcspVerdict;
}

export async function v2gStatusQuestion(stationId: string, number: 1 | 2): Promise<V2gStatusQuestion> {
  const { chain, responder } = await v2gChainService(stationId);
  const subject = chain.subCas[number - 1];
  const issuer = number === 1 ? chain.root : chain.subCas[0];
  const hash = certificateHashData(subject.certificatePem, issuer.certificatePem, 'SHA256');
  const identity: CertIdentity = hash;
  const same = (asked: CertIdentity | undefined): boolean => asked !== undefined && sameCertificate(asked, identity);
  return {
    ocspRequestData: { ...hash, responderURL: responder.url },
    askedSince: (since) => responder.log.filter((entry) => entry.at >= since && entry.asked.some(same)).length,
    read: (ocspResultBase64) => verifyOcspResponse(Buffer.from(ocspResultBase64, 'base64'), identity),
  };
}
