import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ReferenceCsms } from '../csms/reference-csms';
import { undoOfCsmsChanges } from '../support/station/csms-changes';
import { startTestCsms, testConfig } from './helpers/reference-csms';
import { testStation } from './helpers/station';

describe('what a scenario changed at the CSMS is put back', () => {
  let csms: ReferenceCsms;
  before(async () => {
    csms = await startTestCsms();
  });
  after(async () => {
    await csms.stop();
  });

  test('a new password, a raised security profile and a sent local list are undone through the operator', async () => {
    const config = testConfig();
    const station = testStation({ baseUrl: csms.endpoints.ws });
    await station.connect();
    await station.boot('PowerUp');
    const perform = (action: string, params: Record<string, unknown>) =>
      csms.perform({ action, stationId: 'CP_1', params, instruction: action });
    assert.deepEqual(await undoOfCsmsChanges(station, config), [], 'nothing changed yet');

    await perform('SetVariables', {
      setVariableData: [
        { component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: 'another_password_123' },
      ],
    });
    await perform('SetNetworkProfile', {});
    await perform('SendLocalList', { updateType: 'Full', localAuthorizationList: [] });
    const record = csms.store.station('CP_1');
    assert.ok(record);
    assert.equal(record.password, 'another_password_123');
    assert.equal(record.pendingSecurityProfile, 2);
    assert.equal(record.localList.length, 0);

    const undo = await undoOfCsmsChanges(station, config);
    assert.deepEqual(
      undo.map((step) => step.action),
      ['ConfigureBasicAuthPassword', 'ConfigureSecurityProfile', 'ConfigureLocalList'],
    );
    for (const step of undo) await perform(step.action, step.params);
    assert.equal(record.password, '0123456789123456');
    assert.equal(record.pendingSecurityProfile, undefined);
    assert.equal(record.securityProfile, 1);
    assert.deepEqual(
      record.localList.map((token) => token.idToken),
      [config.LOCAL_AUTH_LIST_ID_TOKEN, config.LOCAL_AUTH_LIST_ID_TOKEN_2],
    );
    await station.shutdown();
  });
});
