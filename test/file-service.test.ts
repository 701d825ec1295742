/**
 * The loopback file service over real sockets: downloads over HTTP and HTTPS (test CA), raw and
 * multipart uploads read back byte for byte, and the faults a scenario injects (5xx then success,
 * permanent refusal, missing file, oversized body).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { type OutgoingHttpHeaders, request as httpRequest, Agent } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_MAX_BODY_BYTES, LoopbackFileService } from '../kernel/files/file-service';
import { firmwareImage } from '../kernel/firmware/firmware-image';
import { PKI_DIR, type TestPki, ensureTestPki } from '../kernel/tls/test-pki';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(
  url: string,
  options: { method?: string; headers?: OutgoingHttpHeaders; body?: Buffer | string; ca?: string; agent?: Agent } = {},
): Promise<Reply> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      target,
      { method: options.method ?? 'GET', headers: options.headers, ca: options.ca, agent: options.agent ?? false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** Every byte value, twice, plus the sequences a careless multipart parser trips on. */
const AWKWARD_BYTES = Buffer.concat([
  Buffer.from(Array.from({ length: 512 }, (_, index) => index % 256)),
  Buffer.from('\r\n--boundary\r\n--\r\n'),
]);

function multipartBody(boundary: string, file: { filename: string; bytes: Buffer }): Buffer {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nthe station's diagnostics\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\n`),
    Buffer.from('Content-Type: application/octet-stream\r\n\r\n'),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

describe('loopback file service', () => {
  let pki: TestPki;
  let service: LoopbackFileService;
  let ca: string;

  before(async () => {
    pki = await ensureTestPki(PKI_DIR, 'CP_1');
    ca = readFileSync(pki.caCert, 'utf8');
    service = await LoopbackFileService.start({
      tls: { cert: readFileSync(pki.serverCert, 'utf8'), key: readFileSync(pki.serverKey, 'utf8') },
    });
  });
  after(() => service.close());

  test('a published file downloads byte for byte over HTTP, with its Content-Length; HEAD gives the length alone', async () => {
    const image = firmwareImage('file-service-http', 70_000);
    service.publish('/firmware/http.bin', image.bytes);
    const url = service.url('/firmware/http.bin');
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/firmware\/http\.bin$/);

    const reply = await send(url);
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['content-length'], String(image.bytes.length));
    assert.ok(reply.body.equals(image.bytes));

    const head = await send(url, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], String(image.bytes.length));
    assert.equal(head.body.length, 0);
  });

  test('over HTTPS the same file downloads with the test CA, and not without it', async () => {
    const image = firmwareImage('file-service-https');
    service.publish('firmware/https.bin', image.bytes);
    const url = service.url('/firmware/https.bin', { secure: true });
    assert.match(url, /^https:\/\/127\.0\.0\.1:\d+\/firmware\/https\.bin$/);
    assert.notEqual(service.httpsPort, service.httpPort);

    const reply = await send(url, { ca });
    assert.equal(reply.status, 200);
    assert.ok(reply.body.equals(image.bytes));
    await assert.rejects(send(url), /self[- ]signed|unable to (get|verify)/i);
  });

  test('a raw PUT and a raw POST are kept byte for byte with a filename', async () => {
    const put = await send(service.url('/logs/raw/diagnostics.tar.gz'), { method: 'PUT', body: AWKWARD_BYTES });
    assert.equal(put.status, 200);
    const post = await send(service.url('/logs/raw/'), {
      method: 'POST',
      body: AWKWARD_BYTES.subarray(7),
      headers: { 'Content-Disposition': 'attachment; filename="security.log"' },
    });
    assert.equal(post.status, 200);

    const [putUpload] = service.uploads('/logs/raw/diagnostics.tar.gz');
    assert.equal(putUpload.method, 'PUT');
    assert.equal(putUpload.multipart, false);
    assert.equal(putUpload.filename, 'diagnostics.tar.gz');
    assert.ok(putUpload.bytes.equals(AWKWARD_BYTES));
    assert.ok(putUpload.receivedAt instanceof Date);

    const [postUpload] = service.uploads('/logs/raw/');
    assert.equal(postUpload.filename, 'security.log');
    assert.ok(postUpload.bytes.equals(AWKWARD_BYTES.subarray(7)));
  });

  test('a multipart/form-data upload keeps the file part and its filename, whoever built the body', async () => {
    const boundary = 'XyZ-boundary-42';
    const byHand = await send(service.url('/logs/multipart'), {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body: multipartBody(boundary, { filename: 'diagnostics-CP_1.zip', bytes: AWKWARD_BYTES }),
    });
    assert.equal(byHand.status, 200);

    const form = new FormData();
    form.append('requestId', '7');
    form.append('uploadFile', new Blob([AWKWARD_BYTES.subarray(3)]), 'security-CP_1.log');
    const byFetch = await fetch(service.url('/logs/multipart'), { method: 'POST', body: form });
    assert.equal(byFetch.status, 200);

    const uploads = service.uploads('/logs/multipart');
    assert.deepEqual(
      uploads.map((upload) => [upload.filename, upload.multipart]),
      [
        ['diagnostics-CP_1.zip', true],
        ['security-CP_1.log', true],
      ],
    );
    assert.ok(uploads[0].bytes.equals(AWKWARD_BYTES));
    assert.ok(uploads[1].bytes.equals(AWKWARD_BYTES.subarray(3)));
  });

  test('a multipart body without a file part is a 400 and nothing is kept', async () => {
    const boundary = 'only-fields';
    const reply = await send(service.url('/logs/no-file'), {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
    });
    assert.equal(reply.status, 400);
    assert.deepEqual(service.uploads('/logs/no-file'), []);
  });

  test('failNext answers the status that many times, then the file downloads; the log counts every attempt', async () => {
    const image = firmwareImage('file-service-retry', 1000);
    service.publish('/firmware/retry.bin', image.bytes);
    service.failNext('/firmware/retry.bin', 2, 503);
    const url = service.url('/firmware/retry.bin');

    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await send(url)).status);
    assert.deepEqual(statuses, [503, 503, 200]);
    assert.ok((await send(url)).body.equals(image.bytes));

    const log = service.requests('/firmware/retry.bin');
    assert.deepEqual(
      log.map((entry) => [entry.method, entry.status, entry.secure]),
      [
        ['GET', 503, false],
        ['GET', 503, false],
        ['GET', 200, false],
        ['GET', 200, false],
      ],
    );
    for (let index = 1; index < log.length; index += 1) assert.ok(log[index].at.getTime() >= log[index - 1].at.getTime());
  });

  test('failNext on an upload path refuses the first upload and keeps the retry', async () => {
    service.failNext('/logs/retry', 1, 500);
    assert.equal((await send(service.url('/logs/retry'), { method: 'PUT', body: 'first' })).status, 500);
    assert.equal((await send(service.url('/logs/retry'), { method: 'PUT', body: 'second' })).status, 200);
    assert.deepEqual(
      service.uploads('/logs/retry').map((upload) => upload.bytes.toString()),
      ['second'],
    );
  });

  test('refuse answers its status every time, for downloads and uploads, until cleared', async () => {
    service.publish('/firmware/forbidden.bin', 'secret');
    service.refuse('/firmware/forbidden.bin', 403);
    service.refuse('/logs/unauthorized', 401);
    const url = service.url('/firmware/forbidden.bin');
    assert.equal((await send(url)).status, 403);
    assert.equal((await send(url)).status, 403);
    assert.equal((await send(service.url('/logs/unauthorized'), { method: 'PUT', body: 'log' })).status, 401);
    assert.deepEqual(service.uploads('/logs/unauthorized'), []);

    service.clearFaults('/firmware/forbidden.bin');
    const reply = await send(url);
    assert.equal(reply.status, 200);
    assert.equal(reply.body.toString(), 'secret');
    assert.throws(() => service.refuse('/x', 200), /400-599/);
  });

  test('a file never published, or unpublished, is a real 404', async () => {
    assert.equal((await send(service.url('/firmware/missing.bin'))).status, 404);
    service.publish('/firmware/gone.bin', 'bytes');
    assert.equal(service.unpublish('/firmware/gone.bin'), true);
    assert.equal((await send(service.url('/firmware/gone.bin'))).status, 404);
    assert.deepEqual(
      service.requests('/firmware/missing.bin').map((entry) => entry.status),
      [404],
    );
  });

  test('other methods are a 405 naming the allowed ones', async () => {
    const reply = await send(service.url('/firmware/any'), { method: 'DELETE' });
    assert.equal(reply.status, 405);
    assert.equal(reply.headers.allow, 'GET, HEAD, PUT, POST');
  });

  test('a body over the cap is answered 413 and not kept; one at the cap is kept', async () => {
    assert.equal(DEFAULT_MAX_BODY_BYTES, 20 * 1024 * 1024);
    const small = await LoopbackFileService.start({ maxBodyBytes: 1024 });
    try {
      assert.equal((await send(small.url('/big'), { method: 'PUT', body: Buffer.alloc(1025, 1) })).status, 413);
      assert.deepEqual(small.uploads('/big'), []);
      assert.equal((await send(small.url('/big'), { method: 'PUT', body: Buffer.alloc(1024, 2) })).status, 200);
      assert.equal(small.uploads('/big')[0].bytes.length, 1024);
    } finally {
      await small.close();
    }
  });

  test('waitForUpload resolves when the upload arrives, finds one already there, and waits for a later one by index', async () => {
    const waiting = service.waitForUpload('/logs/awaited', 5000);
    await send(service.url('/logs/awaited'), { method: 'PUT', body: 'one' });
    assert.equal((await waiting).bytes.toString(), 'one');
    assert.equal((await service.waitForUpload('/logs/awaited', 5000)).bytes.toString(), 'one');

    const second = service.waitForUpload('/logs/awaited', 5000, { index: 1 });
    await send(service.url('/logs/awaited'), { method: 'POST', body: 'two' });
    assert.equal((await second).bytes.toString(), 'two');
  });

  test('waitForUpload rejects after its timeout, naming the path and what arrived there', async () => {
    service.refuse('/logs/never', 403);
    await send(service.url('/logs/never'), { method: 'PUT', body: 'x' });
    await assert.rejects(
      service.waitForUpload('/logs/never', 30),
      /no upload #1 to \/logs\/never within 30 ms \(requests to it: PUT 403\)/,
    );
  });

  test('without TLS material there is no https URL', async () => {
    const plain = await LoopbackFileService.start();
    try {
      assert.equal(plain.httpsPort, null);
      assert.throws(() => plain.url('/a', { secure: true }), /without TLS/);
    } finally {
      await plain.close();
    }
  });

  test('close stops both listeners despite an open keep-alive connection and rejects pending waits', async () => {
    const closing = await LoopbackFileService.start({
      tls: { cert: readFileSync(pki.serverCert, 'utf8'), key: readFileSync(pki.serverKey, 'utf8') },
    });
    closing.publish('/f', 'x');
    const agent = new Agent({ keepAlive: true });
    try {
      assert.equal((await send(closing.url('/f'), { agent })).status, 200);
      const pending = closing.waitForUpload('/never', 60_000);
      const httpUrl = closing.url('/f');
      const httpsUrl = closing.url('/f', { secure: true });
      await closing.close();
      await assert.rejects(pending, /closed/);
      await assert.rejects(send(httpUrl), { code: 'ECONNREFUSED' });
      await assert.rejects(send(httpsUrl, { ca }), { code: 'ECONNREFUSED' });
      await closing.close();
    } finally {
      agent.destroy();
    }
  });
});
