/**
 * `npm start`: the whole conformance suite against the embedded reference CSMS (or the CSMS named
 * by CSMS_ADDRESS), then the evidence report. Extra arguments go to cucumber-js (e.g. --tags).
 *
 * The run's evidence format writes the report, also after Ctrl-C. Should the run end without it
 * (killed, crashed), the report is built here from the messages it left in reports/cucumber.ndjson.
 * Either way the last thing printed is where the report is: this run's own folder,
 * reports/<timestamp>-<tags>/, which reports/latest points at (earlier runs keep theirs).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, constants } from 'node:os';
import { type Config, ConfigurationError, loadConfig, secretValues } from '../kernel/config';
import { endRun, startRun } from '../support/run-context';
import { checkSetup, setupTable } from '../support/setup-check';
import { SecretMasker } from '../kernel/evidence/masking';
import { buildReport, writeFileAtomically } from './report/build-report';
import { maskEnvelope } from './report/envelope-masking';
import { readEnvelopes } from './report/envelopes';
import { LATEST, REPORTS_ROOT, reportsRunDir } from './report/run-folder';

const ROOT = join(__dirname, '..');
// This run's folder, named here and handed to cucumber.js, so that this process knows where it is.
const REPORTS = reportsRunDir(process.env, process.argv.slice(2));
const INDEX = join(REPORTS, 'html', 'index.html');
const NDJSON = join(REPORTS, 'cucumber.ndjson');

function runCucumber(args: string[]): Promise<number> {
  const cucumber = join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
  const child = spawn(process.execPath, [cucumber, ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, REPORTS_RUN_DIR: REPORTS },
  });
  // Ctrl-C reaches cucumber-js too (same terminal): it writes its report and ends; this process
  // stays to check the report and say where it is.
  const ignore = (): void => undefined;
  process.on('SIGINT', ignore);
  process.on('SIGTERM', ignore);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', ignore);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

function configuration(): Config | undefined {
  try {
    return loadConfig();
  } catch {
    return undefined;
  }
}

/** The --parallel N of the command line (also --parallel=N), and the arguments without it. */
export function parallelOf(args: readonly string[]): { workers: number | undefined; rest: string[] } {
  const rest: string[] = [];
  let workers: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const inline = /^--parallel=(\d+)$/.exec(args[i]);
    if (inline) workers = Number(inline[1]);
    else if (args[i] === '--parallel' && /^\d+$/.test(args[i + 1] ?? '')) workers = Number(args[++i]);
    else rest.push(args[i]);
  }
  return { workers, rest };
}

/**
 * How many workers run the scenarios: the command line's --parallel N, else one per CPU. Against a
 * user's CSMS a worker needs a station identity of its own: never more workers than identities.
 */
export function workerCount(requested: number | undefined, cpus: number, config: Config | undefined): { workers: number; why?: string } {
  const wanted = requested ?? cpus;
  if (config?.mode !== 'external') return { workers: wanted };
  const identities = config.STATION_POOL?.length ?? 1;
  if (wanted <= identities) return { workers: wanted };
  const named = config.STATION_POOL
    ? `STATION_POOL names ${identities} station identities`
    : `one station identity (BASIC_AUTH_CP=${config.BASIC_AUTH_CP}) is configured`;
  return {
    workers: identities,
    why: `${named}: two scenarios must not play the same station at the CSMS at once, so ${identities === 1 ? 'the run is serial' : `${identities} workers run`} instead of ${wanted}. STATION_POOL=id:password,… names more (README, "Parallel runs").`,
  };
}

/** Builds the report from this run's cucumber.ndjson when the run did not write one. */
function rescueReport(args: readonly string[], startedAt: number): boolean {
  // An older file is an earlier run's: the run ended before Cucumber started writing.
  if (!existsSync(NDJSON) || statSync(NDJSON).size === 0 || statSync(NDJSON).mtimeMs < startedAt) return false;
  const config = configuration();
  const masker = new SecretMasker(config ? secretValues(config) : []);
  const envelopes = readEnvelopes(NDJSON);
  if (!envelopes.some((envelope) => envelope.testCaseStarted)) return false;
  envelopes.forEach((envelope) => maskEnvelope(envelope, masker));
  const report = buildReport({ envelopes, reportsDir: REPORTS, argv: args, config, interruptedAt: statSync(NDJSON).mtime });
  writeFileAtomically(join(REPORTS, 'coverage.json'), JSON.stringify(report.coverage, null, 2));
  return true;
}

/** `npm start -- --check-setup`: the CSMS prerequisites, probed and printed as a table; exit 1 on a WRONG row. */
async function checkSetupOnly(): Promise<number> {
  let run;
  try {
    run = await startRun();
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigurationError ? error.message : String(error)}\n`);
    return 2;
  }
  try {
    process.stdout.write(
      `Setup check against ${run.config.mode === 'embedded' ? 'the embedded reference CSMS' : run.config.CSMS_ADDRESS}:\n\n`,
    );
    const rows = await checkSetup(run);
    process.stdout.write(`${setupTable(rows)}\n\n`);
    const count = (status: string): number => rows.filter((row) => row.status === status).length;
    process.stdout.write(
      `${count('OK')} OK, ${count('WRONG')} WRONG, ${count('NOT CHECKED')} NOT CHECKED (see README.md, "What your CSMS must hold")\n`,
    );
    return count('WRONG') > 0 ? 1 : 0;
  } finally {
    await endRun();
  }
}

/**
 * The run's exit code from its verdicts, not from Cucumber's: non-zero when a test case failed, or
 * (with --fail-on-inconclusive) when the suite could not judge one; not applicable never fails.
 * Without a fresh coverage.json (the run stopped before any scenario) Cucumber's code stands.
 */
export function exitCodeOf(coverageFile: string, startedAt: number, cucumberExitCode: number, failOnInconclusive: boolean): number {
  if (!existsSync(coverageFile) || statSync(coverageFile).mtimeMs < startedAt) return cucumberExitCode;
  const coverage = JSON.parse(readFileSync(coverageFile, 'utf8')) as { run?: { totals?: { verdicts?: Record<string, number> } } };
  const verdicts = coverage.run?.totals?.verdicts;
  if (!verdicts) return cucumberExitCode;
  if ((verdicts.failed ?? 0) > 0) return 1;
  if (failOnInconclusive && (verdicts.inconclusive ?? 0) > 0) return 1;
  const judged = Object.values(verdicts).reduce((sum, count) => sum + count, 0);
  return judged > 0 ? 0 : cucumberExitCode;
}

async function main(): Promise<void> {
  const failOnInconclusive = process.argv.includes('--fail-on-inconclusive');
  if (process.argv.includes('--check-setup')) {
    process.exitCode = await checkSetupOnly();
    return;
  }
  const { workers: requested, rest } = parallelOf(process.argv.slice(2).filter((arg) => arg !== '--fail-on-inconclusive'));
  const { workers, why } = workerCount(requested, availableParallelism(), configuration());
  if (why) process.stdout.write(`${why}\n`);
  // cucumber-js runs one worker in-process without --parallel; --parallel 1 would add a process for nothing.
  const args = workers > 1 ? [...rest, '--parallel', String(workers)] : rest;
  const startedAt = Date.now();
  const exitCode = await runCucumber(args);
  const written = existsSync(INDEX) && statSync(INDEX).mtimeMs >= startedAt;
  if (!written) {
    process.stdout.write(`\nThe run ended without writing its report; building it from ${NDJSON}.\n`);
    if (!rescueReport(args, startedAt)) process.stdout.write('No scenario ran: there is nothing to report.\n');
  }
  process.stdout.write(
    [
      '',
      `Reports of this run: ${REPORTS} (${join(REPORTS_ROOT, LATEST)} points at it; earlier runs keep their folders)`,
      `Frames (JSON):  ${join(REPORTS, 'frames')}`,
      `Cucumber JSON: ${join(REPORTS, 'cucumber.json')}`,
      `JUnit XML:     ${join(REPORTS, 'junit.xml')}`,
      `Traceability:  ${join(REPORTS, 'coverage.json')}`,
      existsSync(INDEX) && statSync(INDEX).mtimeMs >= startedAt ? `HTML report:   ${INDEX}` : 'HTML report:   none for this run',
      '',
    ].join('\n'),
  );
  process.exitCode = exitCodeOf(join(REPORTS, 'coverage.json'), startedAt, exitCode, failOnInconclusive);
}

if (require.main === module) void main();
