import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { acquireOneOf } from '../process-lock';

/** How long a process waits for another one to finish building the same folder. */
const LOCK_TIMEOUT_MS = 120_000;

/** Puts the staged files in place of the folder's files; sub-folders (other generated material) stay. */
function swapFiles(staging: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const staged = new Set(readdirSync(staging));
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && !staged.has(entry.name)) rmSync(join(dir, entry.name), { force: true });
  }
  for (const name of staged) renameSync(join(staging, name), join(dir, name));
}

/**
 * Makes sure the generated folder `dir` is complete, building it when it is not. Parallel workers
 * (and a standalone CSMS) ask for the same material at once: the check and the build run under
 * the folder's lock, so exactly one process builds and every other one then reads what it built;
 * nobody replaces material another process already loaded. The build writes into a staging folder
 * whose files then replace the folder's own (sub-folders of `dir` are left alone: .pki holds the
 * test PKI and, beside it, the firmware and ISO 15118 PKIs).
 */
export async function buildFolderAtomically(
  dir: string,
  isComplete: () => boolean | Promise<boolean>,
  build: (staging: string) => Promise<void>,
): Promise<void> {
  // Also the check runs under the lock: during a rebuild, the folder holds old and new files.
  const lock = await acquireOneOf([`${dir}.lock`], LOCK_TIMEOUT_MS);
  try {
    if (await isComplete()) return;
    const staging = `${dir}.staging-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    try {
      await build(staging);
      swapFiles(staging, dir);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  } finally {
    lock.release();
  }
}
