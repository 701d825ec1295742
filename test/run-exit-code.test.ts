import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { exitCodeOf } from '../scripts/run-suite';

function coverage(verdicts: Record<string, number>): string {
  const file = join(mkdtempSync(join(tmpdir(), 'octt-exit-')), 'coverage.json');
  writeFileSync(file, JSON.stringify({ run: { totals: { verdicts } } }));
  return file;
}

test('the run fails only for a failed test case; inconclusive fails it only with --fail-on-inconclusive', () => {
  const failed = coverage({ passed: 3, failed: 1, inconclusive: 0, notApplicable: 0 });
  const inconclusive = coverage({ passed: 3, failed: 0, inconclusive: 2, notApplicable: 0 });
  const notApplicable = coverage({ passed: 3, failed: 0, inconclusive: 0, notApplicable: 4 });
  assert.equal(exitCodeOf(failed, 0, 1, false), 1);
  assert.equal(exitCodeOf(inconclusive, 0, 1, false), 0);
  assert.equal(exitCodeOf(inconclusive, 0, 1, true), 1);
  assert.equal(exitCodeOf(notApplicable, 0, 0, true), 0);
});

test("without this run's coverage.json (stopped before any scenario) Cucumber's exit code stands", () => {
  assert.equal(exitCodeOf('/nonexistent/coverage.json', 0, 2, false), 2);
  const old = coverage({ passed: 3, failed: 0, inconclusive: 0, notApplicable: 0 });
  assert.equal(exitCodeOf(old, Date.now() + 60_000, 2, false), 2);
});
