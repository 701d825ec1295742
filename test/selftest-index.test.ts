import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { MUTANTS, mutantNamed } from '../csms/faults/mutants';
import { changedFields, indexFromMessages, scenariosFor } from '../scripts/selftest/message-index';

/** A Cucumber messages file with one pickle and one ocpp-frames.json attachment per scenario. */
function messagesFile(scenarios: Array<{ name: string; cells: string[]; frames: unknown[] }>): string {
  const lines = scenarios.flatMap(({ name, cells, frames }) => [
    JSON.stringify({
      pickle: {
        name,
        steps: [
          { text: 'the CSMS sends a ResetRequest with', argument: { dataTable: { rows: [{ cells: cells.map((value) => ({ value })) }] } } },
        ],
      },
    }),
    JSON.stringify({
      attachment: { fileName: 'ocpp-frames.json', body: JSON.stringify({ evidence: 'ocpp-frames', scenario: name, entries: frames }) },
    }),
  ]);
  const path = join(mkdtempSync(join(tmpdir(), 'selftest-index-')), 'cucumber.ndjson');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const connected = { time: 't', connection: 'CP_1', event: 'connected to ws://127.0.0.1:1/CP_1' };
const call = (message: string, payload: unknown): unknown => ({
  n: 1,
  connection: 'CP_1',
  direction: 'CSMS → Charging Station',
  type: 'CALL',
  message,
  payload,
});

describe('the self-test index', () => {
  test('changedFields names the changed leaves, list positions as [*]', () => {
    assert.deepEqual(changedFields({ a: { b: 1, c: 2 } }, { a: { b: 1, c: 3 } }), ['a.c']);
    assert.deepEqual(changedFields({ list: [{ x: 1 }] }, { list: [{ x: 2 }] }), ['list[*].x']);
    assert.deepEqual(changedFields({ info: { group: { id: 'G' } } }, { info: {} }), ['info.group', 'info.group.id']);
  });

  test('a mutant runs first where it fires and the scenario names the field it changes', () => {
    const index = indexFromMessages(
      messagesFile([
        { name: 'TC_B_01_CSMS OnIdle only', cells: ['type'], frames: [connected, call('ResetRequest', { type: 'OnIdle' })] },
        { name: 'TC_B_02_CSMS Immediate, checks type', cells: ['type'], frames: [connected, call('ResetRequest', { type: 'Immediate' })] },
        {
          name: 'TC_A_01_CSMS Immediate, checks nothing',
          cells: ['status'],
          frames: [connected, call('ResetRequest', { type: 'Immediate' })],
        },
      ]),
    );
    // type=OnIdle changes nothing where the CSMS already sent OnIdle.
    assert.deepEqual(
      scenariosFor(mutantNamed('ResetRequest.type=OnIdle'), index).map((name) => name.split(' ')[0]),
      ['TC_B_02_CSMS', 'TC_A_01_CSMS'],
    );
  });

  test('a reused-id mutant runs only where the request came after another CSMS CALL on the connection', () => {
    const index = indexFromMessages(
      messagesFile([
        { name: 'TC_B_01_CSMS first call', cells: [], frames: [connected, call('ResetRequest', { type: 'OnIdle' })] },
        {
          name: 'TC_B_02_CSMS second call',
          cells: [],
          frames: [connected, call('SetVariablesRequest', { setVariableData: [] }), call('ResetRequest', { type: 'OnIdle' })],
        },
        {
          name: 'TC_B_03_CSMS first call after a reconnection',
          cells: [],
          frames: [connected, call('SetVariablesRequest', { setVariableData: [] }), connected, call('ResetRequest', { type: 'OnIdle' })],
        },
      ]),
    );
    assert.deepEqual(
      scenariosFor(mutantNamed('ResetRequest:reused message id'), index).map((name) => name.split(' ')[0]),
      ['TC_B_02_CSMS'],
    );
  });
});

describe('the mutants', () => {
  test('names are unique, and every family has legal changes that must pass', () => {
    assert.equal(new Set(MUTANTS.map((mutant) => mutant.name)).size, MUTANTS.length);
    const actions = new Set(MUTANTS.map((mutant) => `${mutant.action} ${mutant.kind}`));
    for (const action of actions) {
      assert.ok(
        MUTANTS.some((mutant) => `${mutant.action} ${mutant.kind}` === action && mutant.legal),
        `${action} has no legal mutant`,
      );
    }
  });

  test('a field mutant changes a value inside an object the CSMS sent, never invents the object', () => {
    const mutant = mutantNamed('TransactionEventResponse.idTokenInfo.status=Accepted');
    assert.equal(mutant.mutate({}), 'unchanged');
    assert.equal(mutant.mutate({ idTokenInfo: { status: 'Accepted' } }), 'unchanged');
    assert.deepEqual(mutant.mutate({ idTokenInfo: { status: 'Invalid' } }), { payload: { idTokenInfo: { status: 'Accepted' } } });
  });

  test('relative changes apply only where the CSMS sent the value', () => {
    const mutant = mutantNamed('CancelReservationRequest.reservationId=+1');
    assert.equal(mutant.mutate({}), 'unchanged');
    assert.deepEqual(mutant.mutate({ reservationId: 7 }), { payload: { reservationId: 8 } });
    const statusOnly = mutantNamed('TransactionEventResponse.idTokenInfo=status only');
    assert.deepEqual(statusOnly.mutate({ idTokenInfo: { status: 'Accepted', groupIdToken: { idToken: 'G', type: 'Central' } } }), {
      payload: { idTokenInfo: { status: 'Accepted' } },
    });
  });
});
