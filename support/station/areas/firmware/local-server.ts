/**
 * The file server the station runs as a Local Controller (L03): where it publishes the firmware it
 * downloaded, for the charging stations behind it. One loopback file service per process, started
 * on first use; every station publishes under its own path, so scenarios never see each other's files.
 */
import { LoopbackFileService } from '../../../../kernel/files/file-service';

let starting: Promise<LoopbackFileService> | undefined;

export function localFileServer(): Promise<LoopbackFileService> {
  starting ??= LoopbackFileService.start();
  return starting;
}

export async function closeLocalFileServer(): Promise<void> {
  const running = starting;
  starting = undefined;
  await (await running)?.close();
}
