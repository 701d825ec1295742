/**
 * Every run keeps its reports in a folder of its own, reports/<timestamp>-<tags>/, so that the runs
 * of several blocks (or of two CSMS versions) can be compared; reports/latest points at the newest.
 *
 * cucumber.js names the folder once per run (REPORTS_RUN_DIR, which a caller such as `npm start` or
 * a test may set itself) and points every format there; the evidence format makes reports/latest
 * point at it when the run starts.
 */
import { existsSync, lstatSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** The project's reports folder. */
export const REPORTS_ROOT = resolve(__dirname, '..', '..', 'reports');

/** The link (or, where there are no symlinks, the file holding the path) to the newest run's folder. */
export const LATEST = 'latest';

/** The --tags expressions of a cucumber-js command line, joined with "and"; undefined when none. */
export function tagsOfArgv(argv: readonly string[]): string | undefined {
  const tags: string[] = [];
  argv.forEach((arg, index) => {
    if ((arg === '--tags' || arg === '-t') && argv[index + 1] !== undefined) tags.push(argv[index + 1]);
    else if (arg.startsWith('--tags=')) tags.push(arg.slice('--tags='.length));
  });
  return tags.length > 0 ? tags.map((tag) => (tags.length > 1 ? `(${tag})` : tag)).join(' and ') : undefined;
}

/** "2025-03-01T10-20-30Z-security-or-TC_B_01_CSMS": when and what, safe as a folder name. */
export function runFolderName(argv: readonly string[], now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  const tags = tagsOfArgv(argv);
  const slug = tags
    ? tags
        .replace(/@/g, '')
        .replace(/[^A-Za-z0-9_.]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 80)
    : 'all';
  return `${stamp}-${slug || 'all'}`;
}

/**
 * The folder of this run: REPORTS_RUN_DIR when given, else a new <timestamp>-<tags>/ in
 * REPORTS_ROOT (default: the project's reports/).
 */
export function reportsRunDir(env: NodeJS.ProcessEnv, argv: readonly string[], now = new Date()): string {
  if (env.REPORTS_RUN_DIR) return resolve(env.REPORTS_RUN_DIR);
  const root = env.REPORTS_ROOT ? resolve(env.REPORTS_ROOT) : REPORTS_ROOT;
  const name = runFolderName(argv, now);
  let candidate = join(root, name);
  // Two runs started within the same second keep two folders.
  for (let n = 2; existsSync(candidate); n += 1) candidate = join(root, `${name}-${n}`);
  return candidate;
}

/**
 * Makes `latest` next to `runDir` point at it: a relative symlink, or where symlinks cannot be
 * made (Windows without the right), a file holding the folder's path.
 */
export function pointLatestAt(runDir: string): void {
  if (basename(runDir) === LATEST) return;
  mkdirSync(runDir, { recursive: true });
  const link = join(dirname(runDir), LATEST);
  try {
    const existing = lstatSync(link, { throwIfNoEntry: false });
    // A real folder called latest is someone's data: leave it.
    if (existing?.isDirectory()) return;
    if (existing) rmSync(link, { force: true });
    symlinkSync(basename(runDir), link, 'dir');
  } catch {
    writeFileSync(link, `${runDir}\n`);
  }
}
