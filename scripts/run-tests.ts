/**
 * `npm test`: the project's own unit tests (node's test runner), the whole conformance suite
 * against the embedded reference CSMS (cucumber profile "ci"), then a sample of the self-test
 * (npm run selftest) that reuses that run's frames as its index. Ends with one summary line,
 * "N passed, N failed" (a mutant counts as one), and a non-zero exit code when anything failed.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { reportsRunDir } from './report/run-folder';

const ROOT = join(__dirname, '..');
/** Mutants of the CI sample: an even spread over the families, well under 2 minutes on 2 cores. */
const SELFTEST_SAMPLE = 30;

interface Outcome {
  passed: number;
  failed: number;
  exitCode: number;
}

function run(
  command: string,
  args: string[],
  parse: (output: string) => { passed: number; failed: number },
  env: NodeJS.ProcessEnv = process.env,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['inherit', 'pipe', 'inherit'], env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ ...parse(output), exitCode: code ?? 1 }));
  });
}

function unitTestFiles(): string[] {
  return readdirSync(join(ROOT, 'test'))
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => join('test', name));
}

function count(output: string, pattern: RegExp): number {
  const match = pattern.exec(output);
  return match ? Number(match[1]) : 0;
}

async function main(): Promise<void> {
  const unitOnly = process.argv.includes('--unit-only');
  const unit = await run(
    process.execPath,
    ['--require', 'ts-node/register', '--test', '--test-reporter=spec', ...unitTestFiles()],
    (output) => ({
      passed: count(output, /^ℹ pass (\d+)/m),
      failed: count(output, /^ℹ fail (\d+)/m),
    }),
  );
  let suite: Outcome = { passed: 0, failed: 0, exitCode: 0 };
  const suiteArgs = ['--profile', 'ci'];
  // The suite run's folder, named here as cucumber.js would name it, so that the self-test finds its messages.
  const runDir = reportsRunDir(process.env, suiteArgs);
  if (!unitOnly) {
    const cucumber = join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
    suite = await run(
      process.execPath,
      [cucumber, ...suiteArgs],
      (output) => {
        const summary = /^(\d+) scenarios? \(([^)]*)\)/m.exec(output);
        const of = (status: string): number => Number(new RegExp(`(\\d+) ${status}`).exec(summary?.[2] ?? '')?.[1] ?? 0);
        return { passed: of('passed'), failed: summary ? Number(summary[1]) - of('passed') : 1 };
      },
      { ...process.env, REPORTS_RUN_DIR: runDir },
    );
  }
  let selftest: Outcome = { passed: 0, failed: 0, exitCode: 0 };
  if (!unitOnly) {
    // The suite run just made tells which scenario sees which CSMS message: no second run for the index.
    const index = join(runDir, 'cucumber.ndjson');
    selftest = await run(
      process.execPath,
      ['--require', 'ts-node/register', join('scripts', 'selftest.ts'), '--sample', String(SELFTEST_SAMPLE), '--index', index],
      (output) => ({
        passed: count(output, /^(\d+) passed, \d+ failed$/m),
        failed: existsSync(index) ? count(output, /^\d+ passed, (\d+) failed$/m) : 1,
      }),
    );
  }
  const outcomes = [unit, suite, selftest];
  const passed = outcomes.reduce((sum, outcome) => sum + outcome.passed, 0);
  // A run that failed without counting a failure (it crashed) counts as one.
  const failed = outcomes.reduce((sum, outcome) => sum + outcome.failed + (outcome.exitCode !== 0 && outcome.failed === 0 ? 1 : 0), 0);
  process.stdout.write(`\nunit tests: ${unit.passed} passed, ${unit.failed} failed`);
  if (!unitOnly) {
    process.stdout.write(`; conformance scenarios against the embedded CSMS: ${suite.passed} passed, ${suite.failed} failed`);
    process.stdout.write(`; self-test sample (mutants): ${selftest.passed} passed, ${selftest.failed} failed`);
  }
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();
