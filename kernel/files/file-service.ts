/**
 * A file server on the loopback interface for the file transfers of blocks L and N: it serves the
 * firmware a station downloads (UpdateFirmware, PublishFirmware) and keeps the logs a station uploads
 * (GetLog), over HTTP and, given a certificate, HTTPS. Tests and scenarios start one on demand; it
 * listens on a free port, so parallel workers never collide.
 *
 * Failures are real HTTP answers, not simulated outcomes: a refused path answers 401/403 every time, a
 * path told to fail answers 5xx a number of times and then works, an unknown file is a 404, an
 * oversized upload a 413. The request log records every answer, so a test can count download attempts
 * and measure the intervals between retries.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface FileServiceOptions {
  /** PEM certificate and key for the HTTPS listener; without them only HTTP listens. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Largest request body kept; a larger one is answered 413. */
  maxBodyBytes?: number;
}

export interface FileUpload {
  /** URL path the file was sent to, percent-encoded as in the request. */
  path: string;
  /** The multipart file part's filename; for a raw body, Content-Disposition's filename or the path's last segment. */
  filename: string;
  bytes: Buffer;
  receivedAt: Date;
  method: 'PUT' | 'POST';
  multipart: boolean;
}

export interface FileRequest {
  method: string;
  path: string;
  status: number;
  /** When the request arrived. */
  at: Date;
  secure: boolean;
}

export const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;
const LOOPBACK = '127.0.0.1';
const ALLOWED_METHODS = 'GET, HEAD, PUT, POST';

interface Waiter {
  path: string;
  index: number;
  resolve: (upload: FileUpload) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** The path part of a request target or a caller's path, in one canonical percent-encoded form. */
function canonicalPath(target: string): string {
  return new URL(target.startsWith('/') ? target : `/${target}`, 'http://loopback').pathname;
}

function checkStatus(status: number): void {
  if (!Number.isInteger(status) || status < 400 || status > 599) throw new Error(`a fault status must be 400-599, got ${status}`);
}

/** The whole body, or null once it passed `maxBytes`; the rest is still read, so the client sees the 413 rather than a reset. */
function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on('end', () => resolve(size <= maxBytes ? Buffer.concat(chunks) : null));
    request.on('error', reject);
    request.on('aborted', () => reject(new Error('the client aborted the request')));
  });
}

async function filePartOf(body: Buffer, contentType: string): Promise<{ filename: string; bytes: Buffer } | null> {
  // Node's own fetch implementation parses multipart/form-data; no parser package is needed.
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  for (const [, value] of form) {
    if (typeof value !== 'string') return { filename: value.name, bytes: Buffer.from(await value.arrayBuffer()) };
  }
  return null;
}

function rawFilename(request: IncomingMessage, path: string): string {
  const disposition = request.headers['content-disposition'] ?? '';
  const quoted = /filename="([^"]*)"/i.exec(disposition) ?? /filename=([^;\s]+)/i.exec(disposition);
  if (quoted) return quoted[1];
  const last = path.split('/').filter(Boolean).pop() ?? '';
  return decodeURIComponent(last);
}

export class LoopbackFileService {
  private readonly files = new Map<string, Buffer>();
  private readonly received: FileUpload[] = [];
  private readonly log: FileRequest[] = [];
  private readonly failures = new Map<string, { remaining: number; status: number }>();
  private readonly refusals = new Map<string, number>();
  private readonly waiters = new Set<Waiter>();
  private readonly httpServer: Server;
  private readonly httpsServer: Server | null;
  private readonly maxBodyBytes: number;
  private closing: Promise<void> | null = null;

  private constructor(options: FileServiceOptions) {
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.httpServer = createHttpServer((request, response) => void this.handle(request, response, false));
    this.httpsServer = options.tls
      ? createHttpsServer(
          { cert: options.tls.cert, key: options.tls.key },
          (request, response) => void this.handle(request, response, true),
        )
      : null;
  }

  static async start(options: FileServiceOptions = {}): Promise<LoopbackFileService> {
    const service = new LoopbackFileService(options);
    try {
      for (const server of service.servers()) {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(0, LOOPBACK, () => {
            server.off('error', reject);
            resolve();
          });
        });
      }
    } catch (error) {
      await service.close();
      throw error;
    }
    return service;
  }

  get httpPort(): number {
    return (this.httpServer.address() as AddressInfo).port;
  }

  /** null when the service was started without TLS material. */
  get httpsPort(): number | null {
    return this.httpsServer ? (this.httpsServer.address() as AddressInfo).port : null;
  }

  /** The URL a station downloads `path` from or uploads to. */
  url(path: string, options: { secure?: boolean } = {}): string {
    if (options.secure) {
      if (this.httpsPort === null) throw new Error('this file service was started without TLS material, so it has no https URL');
      return `https://${LOOPBACK}:${this.httpsPort}${canonicalPath(path)}`;
    }
    return `http://${LOOPBACK}:${this.httpPort}${canonicalPath(path)}`;
  }

  /** Serves `bytes` at `path` (GET and HEAD) until unpublished; publishing again replaces them. */
  publish(path: string, bytes: Buffer | string): void {
    this.files.set(canonicalPath(path), Buffer.isBuffer(bytes) ? Buffer.from(bytes) : Buffer.from(bytes, 'utf8'));
  }

  /** Whether something was published at `path`; afterwards a GET is a 404. */
  unpublish(path: string): boolean {
    return this.files.delete(canonicalPath(path));
  }

  /** The next `count` requests to `path` (any method) are answered `status`, then it works again. */
  failNext(path: string, count: number, status = 500): void {
    checkStatus(status);
    if (!Number.isInteger(count) || count < 1) throw new Error(`failNext needs a count of at least 1, got ${count}`);
    this.failures.set(canonicalPath(path), { remaining: count, status });
  }

  /** Every request to `path` is answered `status` (401/403: the station lacks permission) until cleared. */
  refuse(path: string, status = 403): void {
    checkStatus(status);
    this.refusals.set(canonicalPath(path), status);
  }

  /** Lifts failNext and refuse on `path`, or on every path. */
  clearFaults(path?: string): void {
    if (path === undefined) {
      this.failures.clear();
      this.refusals.clear();
      return;
    }
    this.failures.delete(canonicalPath(path));
    this.refusals.delete(canonicalPath(path));
  }

  /** Uploads kept so far, oldest first; only those to `path` when given. */
  uploads(path?: string): FileUpload[] {
    const wanted = path === undefined ? null : canonicalPath(path);
    return this.received.filter((upload) => wanted === null || upload.path === wanted);
  }

  /** Every answered request, oldest first; only those to `path` when given. */
  requests(path?: string): FileRequest[] {
    const wanted = path === undefined ? null : canonicalPath(path);
    return this.log.filter((entry) => wanted === null || entry.path === wanted).map((entry) => ({ ...entry }));
  }

  /**
   * Resolves with upload number `index` (0-based, default the first) to `path`, at once if it already
   * arrived; rejects after `timeoutMs` or when the service closes.
   */
  waitForUpload(path: string, timeoutMs: number, options: { index?: number } = {}): Promise<FileUpload> {
    const wanted = canonicalPath(path);
    const index = options.index ?? 0;
    const arrived = this.uploads(wanted)[index];
    if (arrived) return Promise.resolve(arrived);
    if (this.closing) return Promise.reject(new Error('the file service is closed'));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        path: wanted,
        index,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          const seen = this.requests(wanted).map((entry) => `${entry.method} ${entry.status}`);
          reject(
            new Error(
              `no upload #${index + 1} to ${wanted} within ${timeoutMs} ms (requests to it: ${seen.length ? seen.join(', ') : 'none'})`,
            ),
          );
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Lets the process end while the service still listens (a server kept for the life of the process). */
  unref(): void {
    for (const server of this.servers()) server.unref();
  }

  /** Stops both listeners, drops open connections and rejects pending waits. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const waiter of this.waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('the file service closed before the upload arrived'));
      }
      this.waiters.clear();
      await Promise.all(
        this.servers().map(
          (server) =>
            new Promise<void>((resolve) => {
              if (!server.listening) return resolve();
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    })();
    return this.closing;
  }

  private servers(): Server[] {
    return this.httpsServer ? [this.httpServer, this.httpsServer] : [this.httpServer];
  }

  private async handle(request: IncomingMessage, response: ServerResponse, secure: boolean): Promise<void> {
    const at = new Date();
    const method = request.method ?? 'GET';
    const path = canonicalPath(request.url ?? '/');
    const answer = (status: number, headers: Record<string, string | number> = {}, body?: Buffer | string): void => {
      this.log.push({ method, path, status, at, secure });
      response.writeHead(status, headers);
      response.end(body);
    };
    try {
      const carriesBody = method !== 'GET' && method !== 'HEAD';
      const body = carriesBody ? await readBody(request, this.maxBodyBytes) : Buffer.alloc(0);
      const fault = this.faultFor(path);
      if (fault !== null) return answer(fault, { 'Content-Type': 'text/plain' }, `fault injected for ${path}\n`);
      if (method === 'GET' || method === 'HEAD') {
        const file = this.files.get(path);
        if (!file) return answer(404, { 'Content-Type': 'text/plain' }, `no file at ${path}\n`);
        const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': file.length };
        return answer(200, headers, method === 'GET' ? file : undefined);
      }
      if (method !== 'PUT' && method !== 'POST') return answer(405, { Allow: ALLOWED_METHODS });
      if (body === null) return answer(413, { 'Content-Type': 'text/plain' }, `the body exceeds ${this.maxBodyBytes} bytes\n`);
      const contentType = request.headers['content-type'] ?? '';
      const multipart = /^multipart\/form-data\b/i.test(contentType);
      const part = multipart
        ? await filePartOf(body, contentType).catch(() => null)
        : { filename: rawFilename(request, path), bytes: body };
      if (!part) return answer(400, { 'Content-Type': 'text/plain' }, 'the multipart/form-data body holds no readable file part\n');
      this.keep({ path, filename: part.filename, bytes: part.bytes, receivedAt: at, method, multipart });
      return answer(200, { 'Content-Type': 'text/plain' }, 'stored\n');
    } catch {
      // The client went away mid-request (or the body broke off): nothing to answer and nothing kept.
      if (!response.headersSent) response.destroy();
    }
  }

  private faultFor(path: string): number | null {
    const refusal = this.refusals.get(path);
    if (refusal !== undefined) return refusal;
    const failure = this.failures.get(path);
    if (!failure) return null;
    failure.remaining -= 1;
    if (failure.remaining === 0) this.failures.delete(path);
    return failure.status;
  }

  private keep(upload: FileUpload): void {
    this.received.push(upload);
    const count = this.uploads(upload.path).length;
    for (const waiter of this.waiters) {
      if (waiter.path !== upload.path || waiter.index >= count) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve(this.uploads(upload.path)[waiter.index]);
    }
  }
}
