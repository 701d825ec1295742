/**
 * Whether two runs of the same scenarios (e.g. serial and --parallel) report the same: the same
 * scenarios with the same results and verdicts in coverage.json (per test case, per block, in the
 * totals and the test-case matrix) and in junit.xml. Order, timings and dates are not compared:
 * parallel workers finish in another order and another time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoverageDocument } from './build-report';

export interface RunOutcome {
  testCases: string[];
  blocks: string[];
  totals: string;
  matrix: string[];
  junit: string[];
}

/** One line per JUnit test case: its name and whether it failed, was skipped or passed. */
function junitCases(xml: string): string[] {
  const cases = [...xml.matchAll(/<testcase\b[^>]*\bname="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)];
  return cases
    .map(
      ([, name, , body = '']) => `${name}: ${/<failure\b|<error\b/.test(body) ? 'failed' : /<skipped\b/.test(body) ? 'skipped' : 'passed'}`,
    )
    .sort();
}

/** What a run reported, in comparable lines, from the coverage.json and junit.xml in `reportsDir`. */
export function runOutcome(reportsDir: string): RunOutcome {
  const coverage = JSON.parse(readFileSync(join(reportsDir, 'coverage.json'), 'utf8')) as CoverageDocument;
  return {
    testCases: coverage.testCases.map((testCase) => `${testCase.id}: ${testCase.result} / ${testCase.verdict}`).sort(),
    blocks: coverage.blocks.map((block) => `${block.block}: ${JSON.stringify({ ...block })}`).sort(),
    totals: JSON.stringify(coverage.run.totals),
    matrix: coverage.matrix.map((row) => `${row.id}: ${row.status}`).sort(),
    junit: junitCases(readFileSync(join(reportsDir, 'junit.xml'), 'utf8')),
  };
}

/** The differences between two runs' reports, one line each; empty when they report the same. */
export function differences(a: RunOutcome, b: RunOutcome, names: [string, string] = ['first', 'second']): string[] {
  const lines: string[] = [];
  const compare = (what: string, left: readonly string[], right: readonly string[]): void => {
    const onlyLeft = left.filter((line) => !right.includes(line));
    const onlyRight = right.filter((line) => !left.includes(line));
    onlyLeft.forEach((line) => lines.push(`${what} only in the ${names[0]} run: ${line}`));
    onlyRight.forEach((line) => lines.push(`${what} only in the ${names[1]} run: ${line}`));
  };
  compare('test case', a.testCases, b.testCases);
  compare('block', a.blocks, b.blocks);
  compare('totals', [a.totals], [b.totals]);
  compare('matrix row', a.matrix, b.matrix);
  compare('JUnit case', a.junit, b.junit);
  return lines;
}
