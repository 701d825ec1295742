import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** How long a process waits for another one to finish building the same folder. */
const LOCK_TIMEOUT_MS = 120_000;
const LOCK_POLL_MS = 20;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the folder's lock: a directory `<dir>.lock` (mkdir either creates it or fails, across
 * processes) holding the owner's pid. A lock whose owner died (killed mid-build) is taken over.
 */
async function lock(dir: string): Promise<() => void> {
  const path = `${dir}.lock`;
  const owner = join(path, 'owner');
  const giveUpAt = Date.now() + LOCK_TIMEOUT_MS;
  mkdirSync(dirname(path), { recursive: true });
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(owner, String(process.pid));
      return () => rmSync(path, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let pid = Number.NaN;
    try {
      pid = Number(readFileSync(owner, 'utf8'));
    } catch {
      // The owner made the directory and has not written its pid yet; a lock left without a pid
      // for long is a dead one.
      if (Date.now() - statSync(path, { throwIfNoEntry: false })!.mtimeMs > 5_000) pid = 0;
    }
    if (pid === 0 || (Number.isInteger(pid) && pid > 0 && !alive(pid))) {
      rmSync(path, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > giveUpAt) throw new Error(`${path} is held by process ${pid} for more than ${LOCK_TIMEOUT_MS / 1000} s`);
    await delay(LOCK_POLL_MS);
  }
}

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
  const release = await lock(dir);
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
    release();
  }
}
