/**
 * The block-B checks fail a scenario when the CSMS sends the wrong thing, and say what was wrong:
 * which message, which field, what was expected, what came. The GetVariablesRequests below are
 * deliberately wrong, as a CSMS under test might send them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ElementRows, checkExactElements, checkListLimit, checkListSizes } from '../support/station/areas/provisioning/checks';
import { type FieldRow, checkFields } from '../support/validation/field-checks';
import type { ValueContext } from '../support/validation/values';
import { testConfig } from './helpers/reference-csms';
import { failureOf } from './helpers/validation';

const context: ValueContext = { config: testConfig(), variable: () => undefined, message: () => undefined };

const read = (component: string, variable: string, instance?: string): Record<string, unknown> => ({
  component: { name: component },
  variable: { name: variable, ...(instance ? { instance } : {}) },
});

// TC_B_08's five variables, as the feature file lists them.
const TC_B_08_ELEMENTS: ElementRows[] = [
  ['DeviceDataCtrlr', 'ItemsPerMessage', 'GetReport'],
  ['DeviceDataCtrlr', 'ItemsPerMessage', 'GetVariables'],
  ['DeviceDataCtrlr', 'BytesPerMessage', 'GetReport'],
  ['DeviceDataCtrlr', 'BytesPerMessage', 'GetVariables'],
  ['AuthCtrlr', 'AuthorizeRemoteStart', 'absent'],
].map(([component, variable, instance]) => [
  { field: 'component.name', expectation: component },
  { field: 'variable.name', expectation: variable },
  { field: 'variable.instance', expectation: instance },
]);

const correctSplit = [
  {
    getVariableData: [
      read('DeviceDataCtrlr', 'ItemsPerMessage', 'GetReport'),
      read('DeviceDataCtrlr', 'ItemsPerMessage', 'GetVariables'),
      read('DeviceDataCtrlr', 'BytesPerMessage', 'GetReport'),
      read('DeviceDataCtrlr', 'BytesPerMessage', 'GetVariables'),
    ],
  },
  { getVariableData: [read('AuthCtrlr', 'AuthorizeRemoteStart')] },
];

describe('TC_B_08: the split of a read over ItemsPerMessage', () => {
  test('a correct 4 + 1 split passes, in either order', () => {
    checkListSizes('GetVariablesRequest', correctSplit, 'getVariableData', [4, 1]);
    checkListSizes('GetVariablesRequest', [...correctSplit].reverse(), 'getVariableData', [4, 1]);
    checkExactElements('GetVariablesRequest', correctSplit, 'getVariableData', TC_B_08_ELEMENTS, context);
    checkListLimit('GetVariablesRequest', correctSplit, 'getVariableData', 4);
  });

  test('a CSMS that ignores the limit fails, naming the sizes it sent', () => {
    const unsplit = [{ getVariableData: [...correctSplit[0].getVariableData, ...correctSplit[1].getVariableData] }];
    const failure = failureOf(() => checkListSizes('GetVariablesRequest', unsplit, 'getVariableData', [4, 1]));
    assert.equal(
      failure.message,
      'GetVariablesRequest getVariableData (over 1 request): expected 2 requests of 4 and 1 elements, in either order, got 1 request of 5 elements',
    );
    assert.equal(
      failureOf(() => checkListLimit('GetVariablesRequest', unsplit, 'getVariableData', 4)).message,
      'GetVariablesRequest #1 getVariableData: expected at most 4 elements, got 5 elements',
    );
  });

  test('a 3 + 2 split is within the limit but not what the OCTT asks', () => {
    const threeTwo = [
      { getVariableData: correctSplit[0].getVariableData.slice(0, 3) },
      { getVariableData: [correctSplit[0].getVariableData[3], ...correctSplit[1].getVariableData] },
    ];
    assert.match(
      failureOf(() => checkListSizes('GetVariablesRequest', threeTwo, 'getVariableData', [4, 1])).message,
      /expected 2 requests of 4 and 1 elements, in either order, got 2 requests of 3 and 2 elements$/,
    );
  });

  test('a wrong instance fails, naming the element it missed and the one it got instead', () => {
    const wrongInstance = structuredClone(correctSplit);
    wrongInstance[0].getVariableData[1] = read('DeviceDataCtrlr', 'ItemsPerMessage', 'SetVariables');
    const failure = failureOf(() => checkExactElements('GetVariablesRequest', wrongInstance, 'getVariableData', TC_B_08_ELEMENTS, context));
    assert.equal(failure.failures.length, 2);
    assert.deepEqual(failure.failures[0], {
      message: 'GetVariablesRequest',
      field: 'getVariableData (over 2 requests)[*]',
      expected: 'an element where component.name = DeviceDataCtrlr, variable.name = ItemsPerMessage, variable.instance = GetVariables',
      actual: failure.failures[0].actual,
    });
    assert.match(failure.failures[0].actual, /^none among \[/);
    assert.equal(failure.failures[1].expected, 'only the elements asked for');
    assert.equal(
      failure.failures[1].actual,
      'also {"component":{"name":"DeviceDataCtrlr"},"variable":{"name":"ItemsPerMessage","instance":"SetVariables"}}',
    );
  });

  test('the same variable read twice does not count for two', () => {
    const twice = structuredClone(correctSplit);
    twice[1].getVariableData = [read('DeviceDataCtrlr', 'ItemsPerMessage', 'GetReport')];
    const failure = failureOf(() => checkExactElements('GetVariablesRequest', twice, 'getVariableData', TC_B_08_ELEMENTS, context));
    assert.ok(
      failure.message.includes(
        'an element where component.name = AuthCtrlr, variable.name = AuthorizeRemoteStart, variable.instance = absent',
      ),
    );
  });
});

describe('TC_B_06: the table of the scenario against a wrong GetVariablesRequest', () => {
  const rows: FieldRow[] = [
    { field: 'getVariableData[*].component.name', expectation: 'OCPPCommCtrlr' },
    { field: 'getVariableData[*].variable.name', expectation: 'OfflineThreshold' },
    { field: 'getVariableData[*].attributeType', expectation: 'absent or one of Actual, Target, MinSet, MaxSet' },
  ];

  test('an extra element is caught, not only a wrong first one', () => {
    const request = { getVariableData: [read('OCPPCommCtrlr', 'OfflineThreshold'), read('AuthCtrlr', 'AuthorizeRemoteStart')] };
    const failure = failureOf(() => checkFields('GetVariablesRequest', request, rows, context));
    assert.equal(
      failure.message,
      [
        'GetVariablesRequest getVariableData[1].component.name: expected OCPPCommCtrlr, got "AuthCtrlr"',
        'GetVariablesRequest getVariableData[1].variable.name: expected OfflineThreshold, got "AuthorizeRemoteStart"',
      ].join('\n'),
    );
  });

  test('the right request passes, with or without attributeType', () => {
    checkFields('GetVariablesRequest', { getVariableData: [read('OCPPCommCtrlr', 'OfflineThreshold')] }, rows, context);
    checkFields(
      'GetVariablesRequest',
      { getVariableData: [{ ...read('OCPPCommCtrlr', 'OfflineThreshold'), attributeType: 'Target' }] },
      rows,
      context,
    );
  });
});
