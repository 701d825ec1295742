/**
 * A small OCSP responder (RFC 6960, HTTP POST and GET) on loopback: the "OCSP service" of the
 * ISO 15118 test cases. It answers for the certificates registered with it, signs as their issuing
 * CA, and keeps a log of what it was asked, so a scenario can judge whether the CSMS asked.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OCSPResponseStatus } from '@peculiar/asn1-ocsp';
import { readRequestBody } from '../http/request-body';
import {
  type CertIdentity,
  type OcspCertStatus,
  type OcspSigner,
  certIdentityOf,
  decodeOcspRequest,
  encodeOcspFailure,
  encodeOcspResponse,
  sameCertificate,
} from './ocsp-messages';

const MAX_REQUEST_BYTES = 64 * 1024;

interface Registration {
  certificatePem: string;
  issuer: OcspSigner;
  status: OcspCertStatus;
}

/** One request the responder received, with what it answered. */
export interface OcspLogEntry {
  at: Date;
  /** The certificates asked about; undefined where the CertID used an unknown hash algorithm. */
  asked: Array<CertIdentity | undefined>;
  /** The status per certificate, or why no signed answer was given. */
  answered: OcspCertStatus[] | string;
}

export class OcspResponder {
  private readonly registrations: Registration[] = [];
  private readonly entries: OcspLogEntry[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** Listens on `host` (loopback by default) and a free port unless one is given. */
  static async start(host = '127.0.0.1', port = 0): Promise<OcspResponder> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    // The responder lives as long as the run; it never keeps the process alive on its own.
    server.unref();
    const address = server.address() as AddressInfo;
    const responder = new OcspResponder(server, `http://${host}:${address.port}/ocsp`);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => void responder.serve(request, response));
    return responder;
  }

  /** Answers for `certificatePem` from now on, signed by its issuer. */
  register(certificatePem: string, issuer: OcspSigner, status: OcspCertStatus): void {
    this.registrations.push({ certificatePem, issuer, status });
  }

  /** Every request since the responder started (or the log was cleared). */
  get log(): readonly OcspLogEntry[] {
    return this.entries;
  }

  clearLog(): void {
    this.entries.length = 0;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private find(identity: CertIdentity): Registration | undefined {
    return this.registrations.find((entry) =>
      sameCertificate(certIdentityOf(entry.certificatePem, entry.issuer.certificatePem, identity.hashAlgorithm), identity),
    );
  }

  /** A CA this responder signs for whose name and key match the CertID's issuer. */
  private issuerOf(identity: CertIdentity): OcspSigner | undefined {
    return this.registrations.find((entry) => {
      const known = certIdentityOf(entry.certificatePem, entry.issuer.certificatePem, identity.hashAlgorithm);
      return known.issuerNameHash === identity.issuerNameHash.toLowerCase() && known.issuerKeyHash === identity.issuerKeyHash.toLowerCase();
    })?.issuer;
  }

  private answer(der: Buffer): { body: Buffer; entry: OcspLogEntry } {
    const at = new Date();
    let asked: Array<CertIdentity | undefined>;
    try {
      asked = decodeOcspRequest(der);
    } catch {
      return { body: encodeOcspFailure(OCSPResponseStatus.malformedRequest), entry: { at, asked: [], answered: 'malformedRequest' } };
    }
    const known = asked.filter((identity): identity is CertIdentity => identity !== undefined);
    if (known.length === 0 || known.length !== asked.length) {
      return { body: encodeOcspFailure(OCSPResponseStatus.malformedRequest), entry: { at, asked, answered: 'malformedRequest' } };
    }
    // One signature covers the whole response, so every certificate must come from one issuer.
    const signers = known.map((identity) => this.issuerOf(identity));
    const signer = signers[0];
    if (!signer || signers.some((candidate) => candidate !== signer)) {
      return { body: encodeOcspFailure(OCSPResponseStatus.unauthorized), entry: { at, asked, answered: 'unauthorized' } };
    }
    const statuses = known.map((identity): OcspCertStatus => this.find(identity)?.status ?? { status: 'unknown' });
    const body = encodeOcspResponse(
      known.map((identity, index) => ({ identity, status: statuses[index] })),
      signer,
      at,
    );
    return { body, entry: { at, asked, answered: statuses } };
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let der: Buffer;
    try {
      der = request.method === 'GET' ? fromGetPath(request.url ?? '') : await readBody(request);
    } catch (error) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end((error as Error).message);
      return;
    }
    const { body, entry } = this.answer(der);
    this.entries.push(entry);
    response.writeHead(200, { 'content-type': 'application/ocsp-response', 'content-length': body.length }).end(body);
  }
}

function fromGetPath(url: string): Buffer {
  // RFC 6960 A.1: GET {url}/{url-encoding of base-64 encoding of the DER request}
  const encoded = url.split('/').pop() ?? '';
  if (encoded === '') throw new Error('an OCSP GET needs the request in the path');
  return Buffer.from(decodeURIComponent(encoded), 'base64');
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const body = await readRequestBody(request, MAX_REQUEST_BYTES);
  if (body === null) throw new Error(`an OCSP request above ${MAX_REQUEST_BYTES} bytes`);
  return body;
}
