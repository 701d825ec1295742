import { LoopbackFileService } from '../../../kernel/files/file-service';

let service: Promise<LoopbackFileService> | undefined;

/**
 * The CSMS's own upload server for the logs it asks for when the operator names no location (the
 * reference CSMS run on its own): started on first use, on a free loopback port, keeping every
 * upload in memory for the life of the process.
 */
export function csmsLogService(): Promise<LoopbackFileService> {
  // It lives as long as the CSMS's process, and never keeps that process from ending.
  service ??= LoopbackFileService.start().then((started) => {
    started.unref();
    return started;
  });
  return service;
}
