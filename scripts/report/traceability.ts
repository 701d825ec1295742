/**
 * Which OCPP requirements the run covered and how each fared, read from the feature files' own
 * words: a scenario's `@TC_X_NN_CSMS` tag and title, its use-case tags (`@B01`) and requirement
 * tags (`@B01.FR.02`), and its feature's block ("B Provisioning", `@provisioning`). Each scenario
 * also gets its verdict (kernel/verdicts.ts) from the errors its steps ended with.
 */
import type { Envelope, GherkinDocument, Pickle, TestStepResult, Timestamp } from '@cucumber/messages';
import { type Verdict, scenarioVerdict, worstVerdict } from '../../kernel/verdicts';
import { stepWording } from '../../support/evidence/failure-line';
import { FAILURE_FILE_NAME } from '../../support/evidence/scenario-evidence';
import { ADVISORY_FILE_NAME } from '../../support/evidence/advisory';
import { attachmentText } from './envelopes';

export type Result = 'passed' | 'failed' | 'skipped' | 'pending' | 'undefined' | 'ambiguous' | 'unknown' | 'not finished' | 'not run';

/** Worst first: a requirement, a block or a scenario takes the worst result of its parts. */
const SEVERITY: readonly Result[] = [
  'failed',
  'ambiguous',
  'undefined',
  'pending',
  'not finished',
  'not run',
  'unknown',
  'skipped',
  'passed',
];

export function worstOf(results: readonly Result[]): Result {
  let worst: Result = 'passed';
  for (const result of results) if (SEVERITY.indexOf(result) < SEVERITY.indexOf(worst)) worst = result;
  return results.length === 0 ? 'unknown' : worst;
}

/** How many scenarios ended with each verdict. */
export interface VerdictTally {
  passed: number;
  failed: number;
  inconclusive: number;
  notApplicable: number;
}

export function emptyTally(): VerdictTally {
  return { passed: 0, failed: 0, inconclusive: 0, notApplicable: 0 };
}

export function countVerdict(tally: VerdictTally, verdict: Verdict | undefined): void {
  if (verdict === 'not applicable') tally.notApplicable += 1;
  else if (verdict) tally[verdict] += 1;
}

export interface TestCaseRow {
  id: string;
  title: string;
  block: string;
  useCases: string[];
  requirements: string[];
  result: Result;
  /** undefined when the scenario did not start (an interrupted run). */
  verdict?: Verdict;
  /** Why it did not pass: the first line of the deciding step's error. */
  verdictReason?: string;
  /** One line per failed check (step, message, field, expected, actual), or the error. */
  failures: string[];
  /** The outcome of each advisory check (met or NOT MET): shown, never part of the verdict. */
  advisories: string[];
  durationMs?: number;
  feature: string;
  line?: number;
  otherTags: string[];
}

export interface BlockRow {
  block: string;
  name: string;
  tag?: string;
  feature: string;
  /** The feature's id in Cucumber's JSON: the HTML report names the block's page after it. */
  featureId: string;
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  /** pending, undefined, ambiguous, not finished or not run. */
  other: number;
  verdicts: VerdictTally;
}

export interface RequirementRow {
  id: string;
  useCase: string;
  testCases: string[];
  result: Result;
  /** The worst verdict of its test cases; undefined when none started. */
  verdict?: Verdict;
}

export interface Traceability {
  totals: { scenarios: number; passed: number; failed: number; skipped: number; other: number; verdicts: VerdictTally };
  blocks: BlockRow[];
  testCases: TestCaseRow[];
  requirements: RequirementRow[];
  /** The test cases of every scenario the run loaded, whether its tags selected it or not. */
  loadedTestCases: string[];
}

const TEST_CASE_TAG = /^@(TC_[A-Za-z0-9]+_[A-Za-z0-9_]+)$/;
const USE_CASE_TAG = /^@([A-Z]\d{2,3})$/;
const REQUIREMENT_TAG = /^@([A-Z]\d{2,3}\.[A-Za-z]+\.\d+)$/;
const BLOCK_NAME = /^([A-Z])\s+(.+)$/;

interface BlockOf {
  block: string;
  name: string;
  tag?: string;
  featureId: string;
}

/** "B Provisioning" in features/B-provisioning.feature tagged @provisioning: block B. */
export function blockOf(featureName: string, uri: string, tags: readonly string[] = []): BlockOf {
  const fileLetter = /(?:^|\/)([A-Z])-[^/]*\.feature$/.exec(uri)?.[1];
  const named = BLOCK_NAME.exec(featureName);
  return {
    block: named?.[1] ?? fileLetter ?? featureName,
    name: named?.[2] ?? featureName,
    tag: tags[0],
    // As Cucumber's JSON formatter names a feature.
    featureId: featureName.replace(/ /g, '-').toLowerCase(),
  };
}

function resultOf(status: TestStepResult['status']): Result {
  return String(status).toLowerCase() as Result;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n').find((line) => line.trim() !== '') ?? '';
}

function lineOf(document: GherkinDocument | undefined, pickle: Pickle): number | undefined {
  const wanted = pickle.astNodeIds[0];
  const search = (children: NonNullable<GherkinDocument['feature']>['children']): number | undefined => {
    for (const child of children) {
      if (child.scenario?.id === wanted) return child.scenario.location.line;
      const inRule = child.rule ? search(child.rule.children) : undefined;
      if (inRule !== undefined) return inRule;
    }
    return undefined;
  };
  return document?.feature ? search(document.feature.children) : undefined;
}

function millisBetween(from: Timestamp, to: Timestamp): number {
  return Math.round((to.seconds - from.seconds) * 1000 + (to.nanos - from.nanos) / 1_000_000);
}

/** The run's messages, indexed for the questions a traceability row asks. */
interface RunIndex {
  documents: Map<string, GherkinDocument>;
  pickles: Map<string, Pickle>;
  testCases: Array<{ id: string; pickleId: string; stepTexts: Map<string, string> }>;
  /** Attempts of each test case, the last one first (earlier ones were retried). */
  attempts: Map<string, Array<{ id: string; attempt: number; started: Timestamp }>>;
  stepResults: Map<string, Array<{ testStepId: string; result: TestStepResult }>>;
  finishedAt: Map<string, Timestamp>;
  failureLines: Map<string, string[]>;
  advisories: Map<string, string[]>;
}

function indexOf(envelopes: readonly Envelope[]): RunIndex {
  const index: RunIndex = {
    documents: new Map(),
    pickles: new Map(),
    testCases: [],
    attempts: new Map(),
    stepResults: new Map(),
    finishedAt: new Map(),
    failureLines: new Map(),
    advisories: new Map(),
  };
  const hooks = new Map<string, string>();
  const append = <T>(map: Map<string, T[]>, key: string, ...items: T[]): void => void map.set(key, [...(map.get(key) ?? []), ...items]);
  for (const envelope of envelopes) {
    if (envelope.gherkinDocument?.uri) index.documents.set(envelope.gherkinDocument.uri, envelope.gherkinDocument);
    else if (envelope.pickle) index.pickles.set(envelope.pickle.id, envelope.pickle);
    else if (envelope.hook) {
      const { id, name, type, sourceReference } = envelope.hook;
      const kind = String(type ?? '').startsWith('BEFORE') ? 'Before hook' : 'After hook';
      hooks.set(id, `${name ?? kind} (${sourceReference.uri ?? '?'}:${sourceReference.location?.line ?? '?'})`);
    } else if (envelope.testCase) {
      const pickle = index.pickles.get(envelope.testCase.pickleId);
      const document = pickle ? index.documents.get(pickle.uri) : undefined;
      const stepTexts = new Map<string, string>();
      for (const step of envelope.testCase.testSteps) {
        const pickleStep = pickle?.steps.find((candidate) => candidate.id === step.pickleStepId);
        const hook = step.hookId ? hooks.get(step.hookId) : undefined;
        stepTexts.set(step.id, pickleStep && document ? stepWording(document, pickleStep) : (hook ?? 'a hook'));
      }
      index.testCases.push({ id: envelope.testCase.id, pickleId: envelope.testCase.pickleId, stepTexts });
    } else if (envelope.testCaseStarted) {
      const { id, testCaseId, attempt, timestamp } = envelope.testCaseStarted;
      append(index.attempts, testCaseId, { id, attempt, started: timestamp });
      index.attempts.get(testCaseId)?.sort((a, b) => b.attempt - a.attempt);
    } else if (envelope.testStepFinished) {
      const { testCaseStartedId, testStepId, testStepResult } = envelope.testStepFinished;
      append(index.stepResults, testCaseStartedId, { testStepId, result: testStepResult });
    } else if (envelope.testCaseFinished) {
      index.finishedAt.set(envelope.testCaseFinished.testCaseStartedId, envelope.testCaseFinished.timestamp);
    } else if (envelope.attachment?.fileName === FAILURE_FILE_NAME && envelope.attachment.testCaseStartedId) {
      append(index.failureLines, envelope.attachment.testCaseStartedId, ...envelope.attachment.body.split('\n'));
    } else if (envelope.attachment?.fileName === ADVISORY_FILE_NAME && envelope.attachment.testCaseStartedId) {
      append(index.advisories, envelope.attachment.testCaseStartedId, ...attachmentText(envelope.attachment).split('\n'));
    }
  }
  return index;
}

/** How the last attempt of a test case ended, and why when it did not pass. */
type Outcome = Pick<TestCaseRow, 'result' | 'verdict' | 'verdictReason' | 'failures' | 'advisories' | 'durationMs'>;

function verdictOfAttempt(
  results: ReadonlyArray<{ result: TestStepResult }>,
  finished: boolean,
): Pick<Outcome, 'verdict' | 'verdictReason'> {
  if (!finished) return { verdict: 'inconclusive', verdictReason: 'the run stopped during this scenario' };
  const judged = scenarioVerdict(
    results.map(({ result }) => ({ status: String(result.status), exception: result.exception, message: result.message })),
  );
  return judged ? { verdict: judged.verdict, verdictReason: judged.reason } : { verdict: 'inconclusive', verdictReason: 'no step ran' };
}

function outcomeOf(testCase: RunIndex['testCases'][number], index: RunIndex): Outcome {
  const last = index.attempts.get(testCase.id)?.[0];
  if (!last) return { result: 'not run', failures: [], advisories: [] };
  const advisories = index.advisories.get(last.id) ?? [];
  const end = index.finishedAt.get(last.id);
  const results = index.stepResults.get(last.id) ?? [];
  const result = end ? worstOf(results.map((r) => resultOf(r.result.status))) : 'not finished';
  const durationMs = end ? millisBetween(last.started, end) : undefined;
  const written = index.failureLines.get(last.id) ?? [];
  const judged = verdictOfAttempt(results, end !== undefined);
  if (written.length > 0 || result === 'passed' || result === 'skipped')
    return { result, ...judged, failures: written, advisories, durationMs };
  // No failure line was written (an undefined step, a failing hook): say which step and why.
  const culprit = results.find((r) => resultOf(r.result.status) !== 'passed');
  if (!culprit) return { result, ...judged, failures: [], advisories, durationMs };
  const step = testCase.stepTexts.get(culprit.testStepId) ?? 'a step';
  const reason = firstLine(culprit.result.message) || resultOf(culprit.result.status);
  return { result, ...judged, failures: [`step: ${step} · ${reason}`], advisories, durationMs };
}

function rowOf(testCase: RunIndex['testCases'][number], index: RunIndex): (TestCaseRow & { blockInfo: BlockOf }) | undefined {
  const pickle = index.pickles.get(testCase.pickleId);
  if (!pickle) return undefined;
  const document = index.documents.get(pickle.uri);
  const featureTags = document?.feature?.tags.map((tag) => tag.name) ?? [];
  const blockInfo = blockOf(document?.feature?.name ?? pickle.uri, pickle.uri, featureTags);
  const tags = pickle.tags.map((tag) => tag.name);
  const id = tags.map((tag) => TEST_CASE_TAG.exec(tag)?.[1]).find(Boolean) ?? /^(TC_\S+)/.exec(pickle.name)?.[1] ?? pickle.name;
  const valuesOf = (pattern: RegExp): string[] => tags.flatMap((tag) => pattern.exec(tag)?.[1] ?? []);
  const otherTags = tags.filter(
    (tag) => ![TEST_CASE_TAG, USE_CASE_TAG, REQUIREMENT_TAG].some((p) => p.test(tag)) && !featureTags.includes(tag),
  );
  return {
    id,
    title: pickle.name.startsWith(`${id} `) ? pickle.name.slice(id.length + 1) : pickle.name,
    block: blockInfo.block,
    useCases: valuesOf(USE_CASE_TAG),
    requirements: valuesOf(REQUIREMENT_TAG),
    ...outcomeOf(testCase, index),
    feature: pickle.uri,
    line: lineOf(document, pickle),
    otherTags,
    blockInfo,
  };
}

function blockRows(rows: ReadonlyArray<TestCaseRow & { blockInfo: BlockOf }>): BlockRow[] {
  const blocks = new Map<string, BlockRow>();
  for (const row of rows) {
    const key = `${row.blockInfo.block} ${row.feature}`;
    const { block: letter, name, tag, featureId } = row.blockInfo;
    const block = blocks.get(key) ?? {
      block: letter,
      name,
      tag,
      feature: row.feature,
      featureId,
      total: 0,
      passed: 0,
      failed: 0,
      skipped: 0,
      other: 0,
      verdicts: emptyTally(),
    };
    block.total += 1;
    if (row.result === 'passed' || row.result === 'failed' || row.result === 'skipped') block[row.result] += 1;
    else block.other += 1;
    countVerdict(block.verdicts, row.verdict);
    blocks.set(key, block);
  }
  return [...blocks.values()].sort((a, b) => a.block.localeCompare(b.block));
}

function requirementRows(rows: readonly TestCaseRow[]): RequirementRow[] {
  const requirements = new Map<string, RequirementRow & { results: Result[]; verdicts: Verdict[] }>();
  for (const row of rows) {
    for (const id of row.requirements) {
      const entry = requirements.get(id) ?? { id, useCase: id.split('.')[0], testCases: [], result: 'unknown', results: [], verdicts: [] };
      if (!entry.testCases.includes(row.id)) entry.testCases.push(row.id);
      entry.results.push(row.result);
      if (row.verdict) entry.verdicts.push(row.verdict);
      requirements.set(id, entry);
    }
  }
  return [...requirements.values()]
    .map(({ results, verdicts, ...entry }) => ({ ...entry, result: worstOf(results), verdict: worstVerdict(verdicts) }))
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

export function traceability(envelopes: readonly Envelope[]): Traceability {
  const index = indexOf(envelopes);
  const rows = index.testCases.flatMap((testCase) => rowOf(testCase, index) ?? []);
  rows.sort((a, b) => a.feature.localeCompare(b.feature) || (a.line ?? 0) - (b.line ?? 0));
  const count = (result: Result): number => rows.filter((row) => row.result === result).length;
  const verdicts = emptyTally();
  for (const row of rows) countVerdict(verdicts, row.verdict);
  return {
    totals: {
      scenarios: rows.length,
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
      other: rows.length - count('passed') - count('failed') - count('skipped'),
      verdicts,
    },
    blocks: blockRows(rows),
    testCases: rows.map(({ blockInfo: _blockInfo, ...row }) => row),
    requirements: requirementRows(rows),
    loadedTestCases: [...index.pickles.values()].flatMap((pickle) => pickle.tags.flatMap((tag) => TEST_CASE_TAG.exec(tag.name)?.[1] ?? [])),
  };
}
