import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkFields, checkSomeElement } from '../support/validation/field-checks';
import { parseExpectation } from '../support/validation/expectations';
import { assignPath, locate, removePath } from '../support/validation/paths';
import { type CheckRecord, type ValueContext, resolveValue } from '../support/validation/values';
import { evidenceHtml } from '../support/evidence/evidence-html';
import { testConfig } from './helpers/reference-csms';
import { failureOf } from './helpers/validation';

const config = testConfig({ CONFIGURED_EVSE_ID: '2' });
const context: ValueContext = {
  config,
  variable: (name) => (name === 'transactionId' ? 'tx-1' : undefined),
  message: (name) => (name === 'GetBaseReportRequest' ? { requestId: 42 } : undefined),
};

describe('field paths', () => {
  test('locate reads nested fields, indexes and every element', () => {
    const payload = { a: { b: [{ c: 1 }, { c: 2 }] } };
    assert.deepEqual(locate(payload, 'a.b[1].c'), [{ path: 'a.b[1].c', present: true, value: 2 }]);
    assert.deepEqual(
      locate(payload, 'a.b[*].c').map((l) => l.value),
      [1, 2],
    );
    assert.deepEqual(locate(payload, 'a.x.y'), [{ path: 'a.x.y', present: false, value: undefined }]);
    assert.throws(() => locate(payload, 'a..[b'), /cannot read field path/);
  });

  test('assignPath builds objects and lists; removePath deletes', () => {
    const target: Record<string, unknown> = {};
    assignPath(target, 'eventData[0].component.evse.id', 1);
    assert.deepEqual(target, { eventData: [{ component: { evse: { id: 1 } } }] });
    removePath(target, 'eventData[0].component.evse');
    assert.deepEqual(target, { eventData: [{ component: {} }] });
  });
});

describe('table values', () => {
  test('literals, placeholders and configured phrases', () => {
    assert.equal(resolveValue('"60"', context).value, '60');
    assert.equal(resolveValue('60', context).value, 60);
    assert.equal(resolveValue('true', context).value, true);
    assert.deepEqual(resolveValue('["a"]', context).value, ['a']);
    assert.equal(resolveValue('Accepted', context).value, 'Accepted');
    assert.equal(resolveValue('the configured EVSE', context).value, 2);
    assert.equal(resolveValue('<CONFIGURED_EVSE_ID>', context).value, 2);
    assert.equal(resolveValue('<transactionId>', context).value, 'tx-1');
    assert.equal(resolveValue('<GetBaseReportRequest.requestId>', context).value, 42);
    const inAMinute = Date.parse(resolveValue('<now + 60 s>', context).value as string);
    assert.ok(Math.abs(inAMinute - Date.now() - 60_000) < 1000);
    assert.throws(() => resolveValue('<nobody>', context), /<nobody> is not known in this scenario/);
    assert.throws(() => resolveValue('the configured colour', context), /unknown configured value "the configured colour"/);
    assert.throws(() => resolveValue('<ResetRequest.type>', context), /no ResetRequest was sent or received/);
  });
});

describe('expectations', () => {
  const holds = (expectation: string, value: unknown, present = value !== undefined): boolean =>
    parseExpectation(expectation, context).test(present, value);

  test('equality is exact in type', () => {
    assert.ok(holds('60', 60));
    assert.ok(!holds('60', '60'));
    assert.ok(holds('"60"', '60'));
    assert.ok(holds('the configured EVSE', 2));
  });

  test('words for presence, alternatives, types, counts and patterns', () => {
    assert.ok(holds('absent', undefined, false));
    assert.ok(!holds('absent', 1));
    assert.ok(holds('absent or Actual', undefined, false));
    assert.ok(holds('absent or Actual', 'Actual'));
    assert.ok(!holds('absent or Actual', 'Target'));
    assert.ok(holds('one of Actual, Target, MinSet', 'MinSet'));
    assert.ok(holds('not Rejected', 'Accepted'));
    assert.ok(holds('an integer >= 0', 0));
    assert.ok(!holds('an integer >= 0', -1));
    assert.ok(!holds('an integer', 1.5));
    assert.ok(holds('an integer > <CONFIGURED_EVSE_ID>', 3));
    assert.ok(!holds('an integer > the configured EVSE', 2));
    assert.ok(holds('a date-time', '2026-11-25T07:00:00.123Z'));
    assert.ok(!holds('a date-time', '25/11/2026'));
    assert.ok(holds('2 elements', [1, 2]));
    assert.ok(holds('at least 1 element', [1, 2]));
    assert.ok(holds('contains Problem', ['Available', 'Problem']));
    assert.ok(holds('matches /^CP_\\d$/', 'CP_1'));
    assert.ok(holds('"a, b" or x', 'a, b'));
  });
});

describe('field checks', () => {
  test('a wrong field fails with the message, the field, the expected and the actual value', () => {
    const request = {
      getVariableData: [{ component: { name: 'AuthCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeType: 'Target' }],
    };
    const error = failureOf(() =>
      checkFields(
        'GetVariablesRequest',
        request,
        [
          { field: 'getVariableData[0].component.name', expectation: 'OCPPCommCtrlr' },
          { field: 'getVariableData[0].variable.name', expectation: 'OfflineThreshold' },
          { field: 'getVariableData[0].attributeType', expectation: 'absent or Actual' },
        ],
        context,
      ),
    );
    assert.deepEqual(error.failures, [
      { message: 'GetVariablesRequest', field: 'getVariableData[0].component.name', expected: 'OCPPCommCtrlr', actual: '"AuthCtrlr"' },
      { message: 'GetVariablesRequest', field: 'getVariableData[0].attributeType', expected: 'absent or Actual', actual: '"Target"' },
    ]);
    assert.equal(
      error.message.split('\n')[0],
      'GetVariablesRequest getVariableData[0].component.name: expected OCPPCommCtrlr, got "AuthCtrlr"',
    );
  });

  test('[*] checks every element and fails on an empty list', () => {
    const rows = [{ field: 'getVariableResult[*].attributeStatus', expectation: 'Accepted' }];
    checkFields('GetVariablesResponse', { getVariableResult: [{ attributeStatus: 'Accepted' }] }, rows, context);
    const error = failureOf(() =>
      checkFields(
        'GetVariablesResponse',
        { getVariableResult: [{ attributeStatus: 'Accepted' }, { attributeStatus: 'Rejected' }] },
        rows,
        context,
      ),
    );
    assert.equal(error.failures[0].field, 'getVariableResult[1].attributeStatus');
    failureOf(() => checkFields('GetVariablesResponse', { getVariableResult: [] }, rows, context));
  });

  test('an element in any position matches, or the list is shown', () => {
    const payload = {
      list: [
        { name: 'a', value: 1 },
        { name: 'b', value: 2 },
      ],
    };
    assert.equal(
      checkSomeElement(
        'M',
        payload,
        'list',
        [
          { field: 'name', expectation: 'b' },
          { field: 'value', expectation: '2' },
        ],
        context,
      ),
      1,
    );
    const error = failureOf(() => checkSomeElement('M', payload, 'list', [{ field: 'name', expectation: 'c' }], context));
    assert.match(error.message, /M list\[\*\]: expected an element where name = c, got \[/);
  });
});

test('every check is recorded for the evidence, passed and failed, with expected and actual', () => {
  const records: CheckRecord[] = [];
  const recording: ValueContext = { ...context, recordCheck: (check) => records.push(check) };
  assert.throws(() =>
    checkFields(
      'ResetRequest',
      { type: 'OnIdle', evseId: 2 },
      [
        { field: 'type', expectation: 'OnIdle' },
        { field: 'evseId', expectation: '1' },
      ],
      recording,
    ),
  );
  assert.deepEqual(records, [
    { message: 'ResetRequest', field: 'type', expected: 'OnIdle', actual: '"OnIdle"', passed: true },
    { message: 'ResetRequest', field: 'evseId', expected: '1', actual: '2', passed: false },
  ]);
  const html = evidenceHtml({ failures: [], diagram: '', entries: [], checks: records });
  assert.match(html, /Checks <small>\(2, 1 failed\)/);
  assert.match(html, /ocpp-check-passed.*ResetRequest.*type/);
});
