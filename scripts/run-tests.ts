/**
 * `npm test`: the project's own unit tests (node's test runner) and then the whole conformance
 * suite against the embedded reference CSMS (cucumber profile "ci"). Ends with one summary line,
 * "N passed, N failed", and a non-zero exit code when anything failed.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

interface Outcome {
  passed: number;
  failed: number;
  exitCode: number;
}

function run(command: string, args: string[], parse: (output: string) => { passed: number; failed: number }): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['inherit', 'pipe', 'inherit'], env: process.env });
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
  if (!unitOnly) {
    const cucumber = join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
    suite = await run(process.execPath, [cucumber, '--profile', 'ci'], (output) => {
      const summary = /^(\d+) scenarios? \(([^)]*)\)/m.exec(output);
      const of = (status: string): number => Number(new RegExp(`(\\d+) ${status}`).exec(summary?.[2] ?? '')?.[1] ?? 0);
      return { passed: of('passed'), failed: summary ? Number(summary[1]) - of('passed') : 1 };
    });
  }
  const passed = unit.passed + suite.passed;
  const failed =
    unit.failed + suite.failed + (unit.exitCode !== 0 && unit.failed === 0 ? 1 : 0) + (suite.exitCode !== 0 && suite.failed === 0 ? 1 : 0);
  process.stdout.write(`\nunit tests: ${unit.passed} passed, ${unit.failed} failed`);
  if (!unitOnly) process.stdout.write(`; conformance scenarios against the embedded CSMS: ${suite.passed} passed, ${suite.failed} failed`);
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();
