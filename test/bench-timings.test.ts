/**
 * The bench's reading of a run's Cucumber messages: each scenario's time from its start to its end,
 * the time of each of its steps and hooks by their text, per block, and the slowest first.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Envelope } from '@cucumber/messages';
import { blockSeconds, runTimings, slowest } from '../scripts/bench/run-timings';

const at = (ms: number) => ({ seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 });
const took = (ms: number) => ({ seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 });

function scenario(n: number, uri: string, startMs: number, stepMs: number[]): Envelope[] {
  const steps = stepMs.map((_, i) => ({ id: `p${n}s${i}`, text: `step ${i} of ${n}`, type: 'Action', astNodeIds: [] }));
  return [
    { pickle: { id: `p${n}`, uri, name: `TC ${n}`, language: 'en', astNodeIds: [], tags: [], steps } },
    {
      testCase: {
        id: `c${n}`,
        pickleId: `p${n}`,
        testSteps: [{ id: `h${n}`, hookId: 'before' }, ...steps.map((step, i) => ({ id: `t${n}s${i}`, pickleStepId: step.id }))],
      },
    },
    { testCaseStarted: { id: `a${n}`, testCaseId: `c${n}`, attempt: 0, timestamp: at(startMs) } },
    {
      testStepFinished: {
        testCaseStartedId: `a${n}`,
        testStepId: `h${n}`,
        timestamp: at(startMs),
        testStepResult: { status: 'PASSED', duration: took(5) },
      },
    },
    ...stepMs.map((ms, i) => ({
      testStepFinished: {
        testCaseStartedId: `a${n}`,
        testStepId: `t${n}s${i}`,
        timestamp: at(startMs),
        testStepResult: { status: 'PASSED', duration: took(ms) },
      },
    })),
    { testCaseFinished: { testCaseStartedId: `a${n}`, timestamp: at(startMs + stepMs.reduce((a, b) => a + b, 5)), willBeRetried: false } },
  ] as Envelope[];
}

describe('bench: where a run’s time goes', () => {
  const envelopes = [
    { hook: { id: 'before', type: 'BEFORE_TEST_CASE', sourceReference: {} } } as Envelope,
    ...scenario(1, 'features/E-transactions.feature', 10_000, [100, 500]),
    ...scenario(2, 'features/E-transactions.feature', 11_000, [1_500]),
    ...scenario(3, 'features/A-security.feature', 9_000, [20]),
  ];
  const timings = runTimings(envelopes);

  test('each scenario: its block, its time, its steps and hooks slowest first', () => {
    const first = timings.scenarios.find((entry) => entry.name === 'TC 1');
    assert.deepEqual(first, {
      name: 'TC 1',
      block: 'E',
      ms: 605,
      steps: [
        { text: 'step 1 of 1', ms: 500 },
        { text: 'step 0 of 1', ms: 100 },
        { text: 'Before hook', ms: 5 },
      ],
    });
    assert.equal(timings.firstScenarioAt, 9_000);
  });

  test('per block and the slowest', () => {
    assert.deepEqual(blockSeconds(timings).get('E'), { scenarios: 2, seconds: 0.605 + 1.505 });
    assert.deepEqual(
      slowest(timings, 2).map((entry) => entry.name),
      ['TC 2', 'TC 1'],
    );
  });
});
