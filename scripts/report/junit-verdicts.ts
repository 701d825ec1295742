/**
 * reports/junit-verdicts.xml: the run's JUnit XML by verdict, for a CI that should tell a CSMS
 * failure from a run that could not judge. Cucumber's own junit.xml counts every thrown error as a
 * failure; here only "failed" is a <failure>, "inconclusive" and "not applicable" are <skipped>
 * with the reason, and a scenario that did not start is left out.
 */
import type { TestCaseRow } from './traceability';

export const JUNIT_VERDICTS_FILE = 'junit-verdicts.xml';

/** XML 1.0 has no escape for most control characters: they are dropped. */
function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);

export interface JunitSuite {
  name: string;
  /** ISO time the run started. */
  timestamp?: string;
  /** The block name of each letter, for each test case's classname ("B Provisioning"). */
  blockNames: ReadonlyMap<string, string>;
}

function testcase(row: TestCaseRow, suite: JunitSuite): string {
  const classname = `${row.block} ${suite.blockNames.get(row.block) ?? ''}`.trim();
  const open = `  <testcase classname="${escapeXml(classname)}" name="${escapeXml(`${row.id} ${row.title}`)}" time="${seconds(row.durationMs)}"`;
  const reason = row.verdictReason ?? '';
  switch (row.verdict) {
    case 'failed': {
      const details = row.failures.length > 0 ? row.failures.join('\n') : reason;
      return `${open}>\n    <failure message="${escapeXml(reason)}">${escapeXml(details)}</failure>\n  </testcase>`;
    }
    case 'inconclusive':
    case 'not applicable':
      return `${open}>\n    <skipped message="${escapeXml(`${row.verdict}: ${reason}`)}"/>\n  </testcase>`;
    default:
      return `${open}/>`;
  }
}

export function junitVerdictsXml(rows: readonly TestCaseRow[], suite: JunitSuite): string {
  const judged = rows.filter((row) => row.verdict !== undefined);
  const count = (...verdicts: string[]): number => judged.filter((row) => verdicts.includes(row.verdict ?? '')).length;
  const time = seconds(judged.reduce((sum, row) => sum + (row.durationMs ?? 0), 0));
  const attributes = [
    `name="${escapeXml(suite.name)}"`,
    `tests="${judged.length}"`,
    `failures="${count('failed')}"`,
    `skipped="${count('inconclusive', 'not applicable')}"`,
    'errors="0"',
    `time="${time}"`,
    ...(suite.timestamp ? [`timestamp="${escapeXml(suite.timestamp)}"`] : []),
  ].join(' ');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite ${attributes}>`,
    ...judged.map((row) => testcase(row, suite)),
    '</testsuite>',
    '',
  ].join('\n');
}
