/**
 * The test-case matrix: every OCTT test case of kernel/catalog/test-cases.json with what this run
 * says of it — its verdict, or "not run" (it has a scenario the run's tags left out), or "not
 * implemented" (no scenario yet) — and a link to its scenario's evidence in the HTML report. A
 * scenario of the run whose test case is not in the list is added at the end, marked so.
 */
import type { CatalogTestCase } from '../../kernel/catalog/test-case-list';
import type { Verdict } from '../../kernel/verdicts';
import type { Traceability, VerdictTally } from './traceability';
import { countVerdict, emptyTally } from './traceability';

export type MatrixStatus = Verdict | 'not run' | 'not implemented';

export interface MatrixRow {
  id: string;
  title: string;
  block: string;
  /** false for a scenario whose test case is not in the list. */
  inCatalog: boolean;
  optional: boolean;
  optionalBecause?: string;
  requirements: string[];
  status: MatrixStatus;
  verdictReason?: string;
  durationMs?: number;
  /** The scenario in the HTML report, relative to its index.html; only for a scenario that ran. */
  link?: string;
}

export interface MatrixSummary {
  testCases: number;
  implemented: number;
  notImplemented: number;
  notRun: number;
  verdicts: VerdictTally;
}

/** The id of a scenario's anchor on its feature page. */
export function scenarioAnchor(testCaseId: string): string {
  return `scenario-${testCaseId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The page multiple-cucumber-html-reporter writes for a feature, relative to index.html. */
export function featurePage(featureId: string): string {
  return `features/${featureId.replace(/[^a-zA-Z0-9-_]/g, '-')}.html`;
}

/**
 * `withScenario`: the ids of test cases that have a scenario, run or not (the run's own feature
 * files and the project's features/).
 */
export function testCaseMatrix(catalog: readonly CatalogTestCase[], trace: Traceability, withScenario: ReadonlySet<string>): MatrixRow[] {
  const ran = new Map(trace.testCases.map((row) => [row.id, row]));
  const pages = new Map(trace.blocks.map((block) => [block.feature, featurePage(block.featureId)]));
  const fromRun = (id: string): Pick<MatrixRow, 'status' | 'verdictReason' | 'durationMs' | 'link'> | undefined => {
    const row = ran.get(id);
    if (!row) return undefined;
    const page = pages.get(row.feature);
    return {
      status: row.verdict ?? 'not run',
      verdictReason: row.verdictReason,
      durationMs: row.durationMs,
      link: row.verdict && page ? `${page}#${scenarioAnchor(row.id)}` : undefined,
    };
  };
  const listed = catalog.map((testCase): MatrixRow => ({
    id: testCase.id,
    title: testCase.title,
    block: testCase.block,
    inCatalog: true,
    optional: testCase.optional,
    optionalBecause: testCase.optionalBecause,
    requirements: testCase.requirements,
    ...(fromRun(testCase.id) ?? { status: withScenario.has(testCase.id) ? 'not run' : 'not implemented' }),
  }));
  const known = new Set(catalog.map((testCase) => testCase.id));
  const unlisted = trace.testCases
    .filter((row) => !known.has(row.id))
    .map((row): MatrixRow => ({
      id: row.id,
      title: row.title,
      block: row.block,
      inCatalog: false,
      optional: false,
      requirements: row.requirements,
      status: 'not run',
      ...fromRun(row.id),
    }));
  return [...listed, ...unlisted];
}

export function matrixSummary(rows: readonly MatrixRow[]): MatrixSummary {
  const listed = rows.filter((row) => row.inCatalog);
  const verdicts = emptyTally();
  for (const row of listed) countVerdict(verdicts, row.status === 'not run' || row.status === 'not implemented' ? undefined : row.status);
  const notImplemented = listed.filter((row) => row.status === 'not implemented').length;
  return {
    testCases: listed.length,
    implemented: listed.length - notImplemented,
    notImplemented,
    notRun: listed.filter((row) => row.status === 'not run').length,
    verdicts,
  };
}
