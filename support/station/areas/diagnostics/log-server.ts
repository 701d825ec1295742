import { randomUUID } from 'node:crypto';
import { LoopbackFileService } from '../../../../kernel/files/file-service';

let server: Promise<LoopbackFileService> | undefined;

/**
 * The suite's upload server for the logs a CSMS asks a station to upload: one per process, started
 * on first use on a free loopback port; a user's CSMS is given its URLs through the operator params.
 */
export function suiteLogServer(): Promise<LoopbackFileService> {
  server ??= LoopbackFileService.start().then((started) => {
    // Closed after the run (AfterAll); until then it never keeps the process alive on its own.
    started.unref();
    return started;
  });
  return server;
}

/** A fresh upload location for one scenario's station, so that uploads of scenarios never mix. */
export async function uploadLocation(stationId: string): Promise<{ server: LoopbackFileService; path: string; url: string }> {
  const service = await suiteLogServer();
  const path = `/logs/${encodeURIComponent(stationId)}/${randomUUID()}/`;
  return { server: service, path, url: service.url(path) };
}

export async function closeSuiteLogServer(): Promise<void> {
  const running = server;
  server = undefined;
  if (running) await (await running).close();
}
