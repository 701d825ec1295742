/**
 * The verdict taxonomy: which error means which verdict, how a scenario's steps add up, and the
 * outputs that carry verdicts (JUnit by verdict, the test-case matrix), on fixtures.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CatalogTestCase } from '../kernel/catalog/test-case-list';
import { OperatorError } from '../kernel/operator/contract';
import {
  CsmsViolation,
  EnvironmentError,
  NotApplicable,
  OperatorTimeout,
  OperatorUnable,
  scenarioVerdict,
  verdictOf,
  worstVerdict,
} from '../kernel/verdicts';
import { junitVerdictsXml } from '../scripts/report/junit-verdicts';
import { matrixSummary, testCaseMatrix } from '../scripts/report/test-case-matrix';
import { type TestCaseRow, type Traceability, emptyTally } from '../scripts/report/traceability';

describe('verdictOf', () => {
  const errors = [
    [new CsmsViolation('answered Rejected', 'B01.FR.02'), 'failed'],
    [new OperatorTimeout('Reset', 30_000), 'inconclusive'],
    [new OperatorUnable('Reset', 'no such button'), 'inconclusive'],
    [new EnvironmentError('port 8080 in use'), 'inconclusive'],
    [new NotApplicable('reservations'), 'not applicable'],
    [new Error('anything else'), 'failed'],
    [new TypeError('a bug'), 'failed'],
  ] as const;

  it('reads the error class Cucumber records as the exception type', () => {
    for (const [error, verdict] of errors) {
      // Cucumber's exception.type is the error's constructor name: the two must not differ.
      assert.equal(error.name, error.constructor.name);
      assert.equal(verdictOf('FAILED', { type: error.constructor.name, message: error.message }), verdict, error.name);
    }
  });

  it('falls back on the "Name: message" first line when the exception is absent', () => {
    for (const [error, verdict] of errors)
      assert.equal(verdictOf('FAILED', undefined, `${error.name}: ${error.message}\n    at x`), verdict);
    assert.equal(verdictOf('FAILED', undefined, 'AssertionError [ERR_ASSERTION]: 1 !== 2'), 'failed');
    assert.equal(verdictOf('FAILED'), 'failed');
  });

  it('maps the other statuses', () => {
    assert.equal(verdictOf('PASSED'), 'passed');
    assert.equal(verdictOf('passed'), 'passed');
    assert.equal(verdictOf('SKIPPED'), 'not applicable');
    for (const status of ['PENDING', 'UNDEFINED', 'AMBIGUOUS', 'UNKNOWN']) assert.equal(verdictOf(status), 'inconclusive', status);
  });

  it('states the requirement a CSMS violation breaks', () => {
    const violation = new CsmsViolation('no BootNotificationResponse', 'B01.FR.02');
    assert.equal(violation.requirement, 'B01.FR.02');
    assert.equal(violation.message, 'B01.FR.02: no BootNotificationResponse');
    assert.equal(new CsmsViolation('plain').message, 'plain');
  });
});

describe('a scenario verdict', () => {
  const passed = { status: 'PASSED' };
  const skipped = { status: 'SKIPPED' };
  const failedBy = (type: string, message: string) => ({ status: 'FAILED', exception: { type, message } });

  it('is the worst of its steps: failed, then inconclusive, then not applicable, then passed', () => {
    assert.deepEqual(scenarioVerdict([passed, passed]), { verdict: 'passed' });
    assert.deepEqual(scenarioVerdict([passed, failedBy('NotApplicable', 'the CSMS does not support x\nmore'), skipped]), {
      verdict: 'not applicable',
      reason: 'the CSMS does not support x',
    });
    assert.deepEqual(scenarioVerdict([passed, failedBy('OperatorTimeout', 'too slow'), skipped, failedBy('Error', 'after hook')]), {
      verdict: 'failed',
      reason: 'after hook',
    });
    assert.deepEqual(scenarioVerdict([failedBy('EnvironmentError', 'no port'), skipped]), { verdict: 'inconclusive', reason: 'no port' });
    assert.deepEqual(scenarioVerdict([passed, { status: 'UNDEFINED' }]), { verdict: 'inconclusive', reason: 'undefined' });
    assert.equal(scenarioVerdict([]), undefined);
    assert.equal(worstVerdict(['passed', 'not applicable', 'inconclusive']), 'inconclusive');
  });
});

function row(id: string, details: Partial<TestCaseRow>): TestCaseRow {
  return {
    id,
    title: `title of ${id}`,
    block: 'B',
    useCases: [],
    requirements: [],
    result: 'passed',
    failures: [],
    advisories: [],
    feature: 'features/B-provisioning.feature',
    otherTags: [],
    ...details,
  };
}

const ROWS: TestCaseRow[] = [
  row('TC_B_01_CSMS', { verdict: 'passed', durationMs: 1500 }),
  row('TC_B_02_CSMS', {
    result: 'failed',
    verdict: 'failed',
    verdictReason: 'status: expected Accepted, got "Pending"',
    failures: ['step: Then x · field: status · expected: Accepted · actual: "Pending" <&>'],
  }),
  row('TC_B_06_CSMS', { result: 'failed', verdict: 'inconclusive', verdictReason: 'the CSMS operator did not act' }),
  row('TC_B_07_CSMS', { result: 'failed', verdict: 'not applicable', verdictReason: 'the CSMS does not support "x"' }),
  row('TC_B_08_CSMS', { result: 'not run' }),
];

describe('the JUnit XML by verdict', () => {
  const xml = junitVerdictsXml(ROWS, {
    name: 'suite',
    timestamp: '2026-01-01T00:00:00.000Z',
    blockNames: new Map([['B', 'Provisioning']]),
  });

  it('counts a failure only for "failed", skips the inconclusive and the not applicable with their reason', () => {
    assert.match(
      xml,
      /<testsuite name="suite" tests="4" failures="1" skipped="2" errors="0" time="1\.500" timestamp="2026-01-01T00:00:00\.000Z">/,
    );
    assert.match(xml, /<testcase classname="B Provisioning" name="TC_B_01_CSMS title of TC_B_01_CSMS" time="1\.500"\/>/);
    assert.match(
      xml,
      /<failure message="status: expected Accepted, got &quot;Pending&quot;">step: Then x · field: status · expected: Accepted · actual: &quot;Pending&quot; &lt;&amp;&gt;<\/failure>/,
    );
    assert.match(xml, /<skipped message="inconclusive: the CSMS operator did not act"\/>/);
    assert.match(xml, /<skipped message="not applicable: the CSMS does not support &quot;x&quot;"\/>/);
    assert.doesNotMatch(xml, /TC_B_08_CSMS/, 'a scenario that did not start has no verdict');
  });
});

describe('the test-case matrix', () => {
  const entry = (id: string, optional = false): CatalogTestCase => ({
    id,
    title: `OCTT title of ${id}`,
    block: 'B',
    blockName: 'Provisioning',
    blockTag: '@provisioning',
    useCases: ['B01'],
    requirements: [`${id}.FR`],
    optional,
    ...(optional ? { optionalBecause: 'a reason' } : {}),
  });
  const catalog = ['TC_B_01_CSMS', 'TC_B_02_CSMS', 'TC_B_08_CSMS', 'TC_B_09_CSMS', 'TC_B_10_CSMS'].map((id) =>
    entry(id, id === 'TC_B_10_CSMS'),
  );
  const trace: Traceability = {
    totals: { scenarios: 0, passed: 0, failed: 0, skipped: 0, other: 0, verdicts: emptyTally() },
    blocks: [
      {
        block: 'B',
        name: 'Provisioning',
        feature: 'features/B-provisioning.feature',
        featureId: 'b-provisioning',
        total: 0,
        passed: 0,
        failed: 0,
        skipped: 0,
        other: 0,
        verdicts: emptyTally(),
      },
    ],
    testCases: [ROWS[0], ROWS[1], ROWS[4], row('TC_B_77_CSMS', { verdict: 'passed' })],
    requirements: [],
    loadedTestCases: [],
  };
  const matrix = testCaseMatrix(catalog, trace, new Set(['TC_B_09_CSMS']));

  it('lists every test case of the list with its verdict or why it has none, then the unlisted scenarios', () => {
    assert.deepEqual(
      matrix.map((r) => [r.id, r.status, r.inCatalog, r.optional, r.link]),
      [
        ['TC_B_01_CSMS', 'passed', true, false, 'features/b-provisioning.html#scenario-TC_B_01_CSMS'],
        ['TC_B_02_CSMS', 'failed', true, false, 'features/b-provisioning.html#scenario-TC_B_02_CSMS'],
        ['TC_B_08_CSMS', 'not run', true, false, undefined],
        ['TC_B_09_CSMS', 'not run', true, false, undefined],
        ['TC_B_10_CSMS', 'not implemented', true, true, undefined],
        ['TC_B_77_CSMS', 'passed', false, false, 'features/b-provisioning.html#scenario-TC_B_77_CSMS'],
      ],
    );
    assert.equal(matrix[0].title, 'OCTT title of TC_B_01_CSMS', 'the title is the list’s');
    assert.equal(matrix[0].durationMs, 1500);
    assert.deepEqual(matrix[0].requirements, ['TC_B_01_CSMS.FR']);
    assert.deepEqual(matrixSummary(matrix), {
      testCases: 5,
      implemented: 4,
      notImplemented: 1,
      notRun: 2,
      verdicts: { passed: 1, failed: 1, inconclusive: 0, notApplicable: 0 },
    });
  });
});

it('an operator failure is inconclusive although its class is a subclass of OperatorUnable', () => {
  const error = new OperatorError({ action: 'Reset', stationId: 'CP_1', params: {}, instruction: 'Reset it' }, 'HTTP 501: not supported');
  assert.equal(error.name, 'OperatorUnable');
  assert.equal(verdictOf('FAILED', { type: 'OperatorError', message: error.message }, `${error.name}: ${error.message}`), 'inconclusive');
  assert.equal(verdictOf('FAILED', { type: 'Error', message: 'x' }, 'Error: x'), 'failed');
});
