/**
 * A lock shared by the processes of one machine (parallel workers, a standalone CSMS): a directory
 * (mkdir either creates it or fails, atomically) holding its owner's pid. A lock whose owner died
 * (killed, crashed) is taken over; a process releases the locks it holds when it exits.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const POLL_MS = 20;
/** A lock directory without an owner pid for this long was left by a process that died making it. */
const UNOWNED_GRACE_MS = 5_000;

const held = new Set<string>();
let exitHookInstalled = false;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid holding `path`, or undefined when nobody (alive) holds it. */
function ownerOf(path: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(join(path, 'owner'), 'utf8'));
  } catch {
    const made = statSync(path, { throwIfNoEntry: false });
    if (!made) return undefined;
    return Date.now() - made.mtimeMs > UNOWNED_GRACE_MS ? undefined : -1;
  }
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : undefined;
}

export interface HeldLock {
  readonly path: string;
  release(): void;
}

/** Takes the lock at `path` if it is free (or its owner is dead); undefined when another process holds it. */
export function tryLock(path: string): HeldLock | undefined {
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, 'owner'), String(process.pid));
      held.add(path);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.on('exit', () => held.forEach((lock) => rmSync(lock, { recursive: true, force: true })));
      }
      return {
        path,
        release: () => {
          if (held.delete(path)) rmSync(path, { recursive: true, force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (ownerOf(path) !== undefined) return undefined;
    rmSync(path, { recursive: true, force: true });
  }
  return undefined;
}

/** Who holds `path`, for a message. */
export function holderOf(path: string): string {
  const pid = ownerOf(path);
  return pid === undefined ? 'nobody' : pid === -1 ? 'a process starting to take it' : `process ${pid}`;
}

/**
 * Takes the first of `paths` that is free, waiting (up to `timeoutMs`) while all are held. A wait
 * for another process has no event to wait for, hence the short poll.
 */
export async function acquireOneOf(paths: readonly string[], timeoutMs: number): Promise<HeldLock> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    for (const path of paths) {
      const lock = tryLock(path);
      if (lock) return lock;
    }
    if (Date.now() > giveUpAt) {
      throw new Error(`all of ${paths.join(', ')} stayed held for ${timeoutMs / 1000} s (${paths.map(holderOf).join(', ')})`);
    }
    await delay(POLL_MS);
  }
}
