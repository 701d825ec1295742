import { mkdirSync, renameSync, rmSync } from 'node:fs';

/**
 * Builds a folder in a staging copy and swaps it in whole, so that parallel workers asking for the
 * same generated material at once never read a half-written folder: the first rename wins.
 */
export async function buildFolderAtomically(dir: string, build: (staging: string) => Promise<void>): Promise<void> {
  const staging = `${dir}.staging-${process.pid}-${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  try {
    await build(staging);
    rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(staging, dir);
    } catch {
      // Another process finished first; what it built is as good as ours.
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
