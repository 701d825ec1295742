/**
 * The reference CSMS's OCSP client: asks a responder about one certificate over HTTP POST
 * (RFC 6960 A.1) and reads the answer only after verifying it (see verifyOcspResponse).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type CertIdentity, type OcspVerdict, encodeOcspRequest, verifyOcspResponse } from '../../kernel/ocsp/ocsp-messages';

const MAX_RESPONSE_BYTES = 256 * 1024;

function post(url: URL, body: Buffer, timeoutMs: number): Promise<Buffer> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response', 'content-length': body.length },
        timeout: timeoutMs,
      },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`the OCSP responder answered HTTP ${response.statusCode}`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) {
            request.destroy(new Error(`the OCSP response exceeds ${MAX_RESPONSE_BYTES} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve(Buffer.concat(chunks)));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no OCSP response within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

/** What a responder answered about one certificate: the verdict, and the DER response when it sent one. */
export interface OcspExchange {
  verdict: OcspVerdict;
  der?: Buffer;
}

/** Asks `responderUrl` about one certificate and keeps the response itself (to forward it, M06); never throws. */
export async function fetchOcspResponse(responderUrl: string, identity: CertIdentity, timeoutMs: number): Promise<OcspExchange> {
  let url: URL;
  try {
    url = new URL(responderUrl);
  } catch {
    return { verdict: { status: 'failed', reason: `"${responderUrl}" is not a URL` } };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { verdict: { status: 'failed', reason: `OCSP is served over HTTP, not ${url.protocol}` } };
  }
  try {
    const der = await post(url, encodeOcspRequest([identity]), timeoutMs);
    return { verdict: verifyOcspResponse(der, identity), der };
  } catch (error) {
    return { verdict: { status: 'failed', reason: `OCSP request to ${responderUrl} failed: ${(error as Error).message}` } };
  }
}

/** Asks `responderUrl` about one certificate; never throws: a failure is a verdict of its own. */
export async function queryOcsp(responderUrl: string, identity: CertIdentity, timeoutMs: number): Promise<OcspVerdict> {
  return (await fetchOcspResponse(responderUrl, identity, timeoutMs)).verdict;
}
