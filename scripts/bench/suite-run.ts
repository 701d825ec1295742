/**
 * One whole run of the suite against the embedded CSMS for the bench: its wall time, its messages
 * and evidence in a folder of its own, and the peak memory of its processes (cucumber-js and, with
 * --parallel, its workers), sampled from /proc while it runs.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { readEnvelopes } from '../report/envelopes';

const ROOT = join(__dirname, '..', '..');
const SAMPLE_MS = 100;

export interface SuiteRun {
  workers: number;
  exitCode: number;
  startedAt: number;
  wallSeconds: number;
  envelopes: Envelope[];
  reportsDir: string;
  /** The largest sum of the RSS of the run's processes seen at one sample, MB. */
  peakTotalRssMb: number | undefined;
  /** The largest peak RSS (VmHWM) of any one of the run's processes, MB. */
  peakProcessRssMb: number | undefined;
  /** Peak RSS (VmHWM) of each process, MB: the coordinator (or the serial run's only process) and the workers. */
  processes: Array<{ role: 'cucumber-js' | 'worker'; peakRssMb: number }>;
}

function kbOf(status: string, field: string): number {
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
}

/** The pid and its descendants, from /proc (Linux); empty elsewhere. */
function processTree(root: number): number[] {
  if (!existsSync('/proc')) return [];
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      continue;
    }
  }
  const tree: number[] = [];
  const visit = (pid: number): void => {
    tree.push(pid);
    (children.get(pid) ?? []).forEach(visit);
  };
  visit(root);
  return tree;
}

/** Runs every scenario with `workers` workers (1 = serial), evidence into reports/bench/<name>/. */
export function runSuite(name: string, workers: number): Promise<SuiteRun> {
  const reportsDir = join(ROOT, 'reports', 'bench', name);
  rmSync(reportsDir, { recursive: true, force: true });
  mkdirSync(reportsDir, { recursive: true });
  const config = join(reportsDir, 'cucumber.config.js');
  const ndjson = join(reportsDir, 'cucumber.ndjson');
  writeFileSync(
    config,
    [
      `const profiles = require(${JSON.stringify(join(ROOT, 'cucumber.js'))});`,
      'const evidence = profiles.ci.format[0][0];',
      `const dir = ${JSON.stringify(reportsDir)};`,
      `module.exports = { default: { ...profiles.ci, format: [[evidence, dir + '/coverage.json'], 'junit:' + dir + '/junit.xml', 'message:' + dir + '/cucumber.ndjson'], parallel: ${workers > 1 ? workers : 0} } };`,
    ].join('\n'),
  );
  const cucumber = join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
  const startedAt = Date.now();
  const child = spawn(process.execPath, [cucumber, '--config', relative(ROOT, config)], { cwd: ROOT, stdio: 'ignore' });
  let peakTotal = 0;
  const peakOf = new Map<number, number>();
  const roleOf = new Map<number, 'cucumber-js' | 'worker'>();
  const sample = (): void => {
    let total = 0;
    for (const pid of processTree(child.pid ?? -1)) {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        total += kbOf(status, 'VmRSS');
        // A process that has just exited (a zombie) has no memory left to count.
        if (kbOf(status, 'VmHWM') === 0) continue;
        peakOf.set(pid, Math.max(peakOf.get(pid) ?? 0, kbOf(status, 'VmHWM')));
        if (!roleOf.has(pid))
          roleOf.set(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('run_worker') ? 'worker' : 'cucumber-js');
      } catch {
        continue;
      }
    }
    peakTotal = Math.max(peakTotal, total);
  };
  // A measurement while the run goes on: nothing to wait for but the clock.
  const sampler = setInterval(sample, SAMPLE_MS);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearInterval(sampler);
      const wallSeconds = (Date.now() - startedAt) / 1000;
      const measured = peakTotal > 0;
      resolve({
        workers,
        exitCode: code ?? 1,
        startedAt,
        wallSeconds,
        envelopes: existsSync(ndjson) ? readEnvelopes(ndjson) : [],
        reportsDir,
        peakTotalRssMb: measured ? peakTotal / 1024 : undefined,
        peakProcessRssMb: measured ? Math.max(...peakOf.values()) / 1024 : undefined,
        processes: [...peakOf].map(([pid, kb]) => ({ role: roleOf.get(pid) ?? 'cucumber-js', peakRssMb: kb / 1024 })),
      });
    });
  });
}
