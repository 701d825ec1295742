/**
 * A STAND-IN for the contract-certificate service (the MO's certificate provisioning service) a
 * CSMS forwards Get15118EVCertificateRequests to (M01, M02). It does not read or write EXI: it
 * takes the EV's request as opaque base64 and answers with a signed stand-in document, base64
 * encoded, that carries a freshly issued contract certificate chain (MO root > MO sub-CA >
 * contract certificate for the eMAID) and the SHA-256 of the request it answers. A real service
 * answers with an EXI CertificateInstallationRes / CertificateUpdateRes (ISO 15118-2), which also
 * carries the encrypted contract key; this stand-in does not. Keys live in memory (the MO root in
 * the ignored .pki/ folder).
 */
import { X509Certificate, createHash, sign } from 'node:crypto';
import type { CertificateActionEnumType } from '../../../schemas/ocpp201-messages';
import { type Issued, ensureMoRoot, issueContractCertificate, issueSubCa } from '../../../kernel/iso15118/contract-pki';
import { ISO15118_PKI_DIR } from './holdings';

/** The only ISO 15118 message set the stand-in knows. */
export const ISO15118_2_SCHEMA = 'urn:iso:15118:2:2013:MsgDef';
const EXI_RESPONSE_MAX = 7500;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export type ServiceAnswer = { ok: true; exiResponse: string } | { ok: false; reasonCode: string; detail: string };

interface MoIssuer {
  root: Issued;
  subCa: Issued;
}

// Run material, not scenario state: the MO sub-CA is issued once per process.
let issuer: Promise<MoIssuer> | undefined;

async function moIssuer(): Promise<MoIssuer> {
  const root = await ensureMoRoot(ISO15118_PKI_DIR);
  return { root, subCa: await issueSubCa(root) };
}

export async function answerEvCertificateRequest(request: {
  iso15118SchemaVersion: string;
  action: CertificateActionEnumType;
  exiRequest: string;
  emaid: string;
}): Promise<ServiceAnswer> {
  if (request.iso15118SchemaVersion !== ISO15118_2_SCHEMA) {
    return {
      ok: false,
      reasonCode: 'UnsupportedSchema',
      detail: `the service speaks ${ISO15118_2_SCHEMA}, not ${request.iso15118SchemaVersion}`,
    };
  }
  if (request.exiRequest === '' || !BASE64.test(request.exiRequest)) {
    return { ok: false, reasonCode: 'InvalidRequest', detail: 'exiRequest is not base64' };
  }
  issuer ??= moIssuer();
  const { root, subCa } = await issuer;
  const contract = await issueContractCertificate(root, subCa, request.emaid);
  const der = (pem: string): string => new X509Certificate(pem).raw.toString('base64');
  const document = JSON.stringify({
    standIn: 'contract-certificate service stand-in of the OCPP conformance suite reference CSMS; not EXI',
    schema: request.iso15118SchemaVersion,
    answers: request.action === 'Install' ? 'CertificateInstallationReq' : 'CertificateUpdateReq',
    requestSha256: createHash('sha256').update(Buffer.from(request.exiRequest, 'base64')).digest('hex'),
    emaid: request.emaid,
    contractCertificateChain: [der(contract.pem), der(subCa.certificatePem)],
    issuedAt: new Date().toISOString(),
  });
  const signature = sign('sha256', Buffer.from(document), { key: subCa.privateKey, dsaEncoding: 'der' }).toString('base64');
  const exiResponse = Buffer.from(JSON.stringify({ document, signature })).toString('base64');
  if (exiResponse.length > EXI_RESPONSE_MAX) {
    return { ok: false, reasonCode: 'ResponseTooLarge', detail: `${exiResponse.length} characters exceed ${EXI_RESPONSE_MAX}` };
  }
  return { ok: true, exiResponse };
}
