/**
 * Everything a run leaves for a reviewer, built from its Cucumber messages: the HTML report, the
 * traceability and verdicts (coverage.json, junit-verdicts.xml), each scenario's frames as JSON
 * (frames/) and, when the run was interrupted,
 * Cucumber's JSON, JUnit XML and messages files rebuilt from the scenarios that finished.
 */
import { join } from 'node:path';
import { writeFileAtomically } from './atomic-write';
import { writeFramesFiles } from './frames-files';
import type { Envelope } from '@cucumber/messages';
import { TEST_CASES } from '../../kernel/catalog/test-case-list';
import type { Config } from '../../kernel/config';
import { type RunMetadata, runMetadata, tagsOf } from '../../support/evidence/run-metadata';
import { cucumberJson, junitXml } from './cucumber-outputs';
import { finishedPart, isRunFinished, isoOf } from './envelopes';
import { featureScenarios, testCaseTags } from '../catalog/feature-scenarios';
import { writeHtmlReport } from './html-report';
import { JUNIT_VERDICTS_FILE, junitVerdictsXml } from './junit-verdicts';
import { type MatrixRow, type MatrixSummary, matrixSummary, testCaseMatrix } from './test-case-matrix';
import { type Traceability, traceability } from './traceability';

/** The suite name of reports/junit.xml, as cucumber.js gives it to Cucumber's junit format. */
function junitSuiteName(): string {
  const profiles = require('../../cucumber.js') as { default?: { formatOptions?: { junit?: { suiteName?: string } } } };
  return profiles.default?.formatOptions?.junit?.suiteName ?? 'cucumber';
}

export { writeFileAtomically };

export interface BuildOptions {
  /** Every message of the run, secrets already masked. */
  envelopes: readonly Envelope[];
  reportsDir: string;
  /** The command line the run was started with (for the selected tags). */
  argv: readonly string[];
  /** undefined when the configuration is invalid. */
  config: Config | undefined;
  /** When the run was stopped before its end (Ctrl-C). */
  interruptedAt?: Date;
  /** Why the run ended before its end, when known (e.g. an invalid configuration). */
  stopped?: string;
}

export interface CoverageDocument {
  run: RunMetadata & { totals: Traceability['totals']; testCaseList: MatrixSummary; stopped?: string };
  blocks: Traceability['blocks'];
  testCases: Traceability['testCases'];
  requirements: Traceability['requirements'];
  /** Every test case of kernel/catalog/test-cases.json with its verdict, or why it has none. */
  matrix: MatrixRow[];
}

export interface BuiltReport {
  indexHtml: string;
  coverage: CoverageDocument;
}

/** Test cases with a scenario in the project's features/, run or not. */
export function projectTestCases(): string[] {
  try {
    return featureScenarios().flatMap((scenario) => testCaseTags(scenario.tags));
  } catch {
    // A report is still written when the feature files cannot be read; the matrix then says "not implemented".
    return [];
  }
}

export function buildReport({ envelopes, reportsDir, argv, config, interruptedAt, stopped }: BuildOptions): BuiltReport {
  const interrupted = interruptedAt !== undefined || stopped !== undefined || !isRunFinished(envelopes);
  const endedAt = interruptedAt ?? new Date();
  const finished = finishedPart(envelopes, endedAt);
  const meta = envelopes.find((envelope) => envelope.meta)?.meta;
  const metadata = runMetadata(config, {
    startedAt: isoOf(envelopes.find((envelope) => envelope.testRunStarted)?.testRunStarted?.timestamp),
    endedAt: interrupted
      ? endedAt.toISOString()
      : isoOf(envelopes.find((envelope) => envelope.testRunFinished)?.testRunFinished?.timestamp),
    interrupted,
    tags: tagsOf(argv),
    runtime: meta
      ? `${meta.implementation.name} ${meta.implementation.version} on ${meta.runtime.name} ${meta.runtime.version}, ${meta.os.name}`
      : undefined,
  });
  const features = cucumberJson(finished);
  if (interrupted) {
    writeFileAtomically(join(reportsDir, 'cucumber.json'), JSON.stringify(features, null, 2));
    writeFileAtomically(join(reportsDir, 'junit.xml'), junitXml(finished, junitSuiteName()));
    writeFileAtomically(join(reportsDir, 'cucumber.ndjson'), envelopes.map((envelope) => `${JSON.stringify(envelope)}\n`).join(''));
  }
  writeFramesFiles(finished, reportsDir);
  const trace = traceability(envelopes);
  const matrix = testCaseMatrix(TEST_CASES, trace, new Set([...trace.loadedTestCases, ...projectTestCases()]));
  writeFileAtomically(
    join(reportsDir, JUNIT_VERDICTS_FILE),
    junitVerdictsXml(trace.testCases, {
      name: junitSuiteName(),
      timestamp: metadata.startedAt,
      blockNames: new Map(trace.blocks.map((block) => [block.block, block.name])),
    }),
  );
  const indexHtml = writeHtmlReport({ features, traceability: trace, matrix, meta: metadata, htmlDir: join(reportsDir, 'html'), stopped });
  return {
    indexHtml,
    coverage: {
      run: { ...metadata, totals: trace.totals, testCaseList: matrixSummary(matrix), ...(stopped ? { stopped } : {}) },
      blocks: trace.blocks,
      testCases: trace.testCases,
      requirements: trace.requirements,
      matrix,
    },
  };
}
