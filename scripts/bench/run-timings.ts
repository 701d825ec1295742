/**
 * Where a run's time went, from its Cucumber messages: the time of each scenario (testCaseStarted
 * to testCaseFinished) and of each of its steps and hooks, per block, and the slowest scenarios.
 */
import type { Envelope, Timestamp } from '@cucumber/messages';

export interface StepTime {
  /** The step's text, or the hook's name ("Before hook", "After hook"). */
  text: string;
  ms: number;
}

export interface ScenarioTime {
  name: string;
  /** The block letter from the feature file's name (features/E-transactions.feature → E). */
  block: string;
  ms: number;
  /** Steps and hooks, slowest first. */
  steps: StepTime[];
}

export interface RunTimings {
  scenarios: ScenarioTime[];
  /** First testCaseStarted, in ms since the epoch. */
  firstScenarioAt: number | undefined;
}

function msOf(timestamp: Timestamp): number {
  return timestamp.seconds * 1000 + timestamp.nanos / 1_000_000;
}

function durationMs(duration: { seconds: number; nanos: number } | undefined): number {
  return duration ? duration.seconds * 1000 + duration.nanos / 1_000_000 : 0;
}

export function runTimings(envelopes: readonly Envelope[]): RunTimings {
  const pickles = new Map(envelopes.flatMap((e) => (e.pickle ? [[e.pickle.id, e.pickle] as const] : [])));
  const testCases = new Map(envelopes.flatMap((e) => (e.testCase ? [[e.testCase.id, e.testCase] as const] : [])));
  const hooks = new Map(envelopes.flatMap((e) => (e.hook ? [[e.hook.id, e.hook] as const] : [])));
  const started = new Map(envelopes.flatMap((e) => (e.testCaseStarted ? [[e.testCaseStarted.id, e.testCaseStarted] as const] : [])));
  const stepTimes = new Map<string, StepTime[]>();
  for (const envelope of envelopes) {
    const finished = envelope.testStepFinished;
    if (!finished) continue;
    const attempt = started.get(finished.testCaseStartedId);
    const testCase = attempt && testCases.get(attempt.testCaseId);
    const step = testCase?.testSteps.find((candidate) => candidate.id === finished.testStepId);
    if (!testCase || !step) continue;
    const pickle = pickles.get(testCase.pickleId);
    const text = step.pickleStepId
      ? (pickle?.steps.find((candidate) => candidate.id === step.pickleStepId)?.text ?? 'a step')
      : `${hooks.get(step.hookId ?? '')?.type === 'AFTER_TEST_CASE' ? 'After' : 'Before'} hook`;
    const list = stepTimes.get(finished.testCaseStartedId) ?? [];
    list.push({ text, ms: durationMs(finished.testStepResult.duration) });
    stepTimes.set(finished.testCaseStartedId, list);
  }
  const scenarios: ScenarioTime[] = [];
  for (const envelope of envelopes) {
    const finished = envelope.testCaseFinished;
    if (!finished || finished.willBeRetried) continue;
    const attempt = started.get(finished.testCaseStartedId);
    const testCase = attempt && testCases.get(attempt.testCaseId);
    const pickle = testCase && pickles.get(testCase.pickleId);
    if (!attempt || !pickle) continue;
    const block = /(?:^|\/)([A-P])-[^/]*\.feature$/.exec(pickle.uri)?.[1] ?? '?';
    const steps = (stepTimes.get(attempt.id) ?? []).sort((a, b) => b.ms - a.ms);
    scenarios.push({ name: pickle.name, block, ms: msOf(finished.timestamp) - msOf(attempt.timestamp), steps });
  }
  const starts = [...started.values()].map((attempt) => msOf(attempt.timestamp));
  return { scenarios, firstScenarioAt: starts.length > 0 ? Math.min(...starts) : undefined };
}

/** Seconds of scenario time per block letter. */
export function blockSeconds(timings: RunTimings): Map<string, { scenarios: number; seconds: number }> {
  const blocks = new Map<string, { scenarios: number; seconds: number }>();
  for (const scenario of timings.scenarios) {
    const block = blocks.get(scenario.block) ?? { scenarios: 0, seconds: 0 };
    block.scenarios += 1;
    block.seconds += scenario.ms / 1000;
    blocks.set(scenario.block, block);
  }
  return blocks;
}

export function slowest(timings: RunTimings, count: number): ScenarioTime[] {
  return [...timings.scenarios].sort((a, b) => b.ms - a.ms).slice(0, count);
}
