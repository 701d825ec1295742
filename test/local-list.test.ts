import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ReferenceCsms } from '../csms/reference-csms';
import type { AuthorizationData, SendLocalListRequest } from '../schemas/ocpp201-messages';
import { applySendLocalList, idTokenKey, installLocalList } from '../support/station/areas/authorization/lists';
import { ChargingStation } from '../support/station/core/charging-station';
import { startTestCsms, testConfig } from './helpers/reference-csms';
import { testStation } from './helpers/station';

const entry = (idToken: string, status: 'Accepted' | 'Invalid' = 'Accepted'): AuthorizationData => ({
  idToken: { idToken, type: 'Central' },
  idTokenInfo: { status },
});

describe('the station answers SendLocalList', () => {
  test('a full update replaces the list and its version', () => {
    const cs = testStation();
    installLocalList(cs, 3, [entry('OLD')]);
    assert.deepEqual(applySendLocalList(cs, { versionNumber: 1, updateType: 'Full', localAuthorizationList: [entry('A'), entry('B')] }), {
      status: 'Accepted',
    });
    assert.equal(cs.memory.localList.version, 1);
    assert.deepEqual([...cs.memory.localList.entries.keys()], ['Central:a', 'Central:b']);
    assert.equal(cs.deviceModel.value('LocalAuthListCtrlr', 'Entries'), '2');
  });

  test('a full update without entries empties the list', () => {
    const cs = testStation();
    installLocalList(cs, 1, [entry('A')]);
    assert.equal(applySendLocalList(cs, { versionNumber: 2, updateType: 'Full' }).status, 'Accepted');
    assert.equal(cs.memory.localList.entries.size, 0);
    assert.equal(cs.memory.localList.version, 2);
  });

  test('a differential update adds, replaces and removes (an entry without idTokenInfo)', () => {
    const cs = testStation();
    installLocalList(cs, 1, [entry('A'), entry('B')]);
    const update: SendLocalListRequest = {
      versionNumber: 2,
      updateType: 'Differential',
      localAuthorizationList: [entry('C'), entry('A', 'Invalid'), { idToken: { idToken: 'b', type: 'Central' } }],
    };
    assert.equal(applySendLocalList(cs, update).status, 'Accepted');
    assert.equal(cs.memory.localList.version, 2);
    assert.deepEqual([...cs.memory.localList.entries.keys()].sort(), ['Central:a', 'Central:c']);
    assert.equal(cs.memory.localList.entries.get('Central:a')?.idTokenInfo?.status, 'Invalid');
  });

  test('a differential update not above the current version is a VersionMismatch', () => {
    const cs = testStation();
    installLocalList(cs, 2, [entry('A')]);
    assert.equal(
      applySendLocalList(cs, { versionNumber: 2, updateType: 'Differential', localAuthorizationList: [entry('B')] }).status,
      'VersionMismatch',
    );
    assert.equal(cs.memory.localList.entries.size, 1);
  });

  test('a list naming an idToken twice, a version 0 or a full entry without idTokenInfo fails', () => {
    const cs = testStation();
    const twice = applySendLocalList(cs, { versionNumber: 1, updateType: 'Full', localAuthorizationList: [entry('A'), entry('a')] });
    assert.equal(twice.status, 'Failed');
    assert.equal(twice.statusInfo?.reasonCode, 'DuplicateIdToken');
    assert.equal(applySendLocalList(cs, { versionNumber: 0, updateType: 'Full', localAuthorizationList: [entry('A')] }).status, 'Failed');
    const bare = applySendLocalList(cs, {
      versionNumber: 1,
      updateType: 'Full',
      localAuthorizationList: [{ idToken: { idToken: 'A', type: 'Central' } }],
    });
    assert.equal(bare.status, 'Failed');
  });

  test('a station whose list is disabled fails every update', () => {
    const cs = testStation();
    cs.deviceModel.setValue('LocalAuthListCtrlr', 'Enabled', 'false');
    assert.equal(applySendLocalList(cs, { versionNumber: 1, updateType: 'Full', localAuthorizationList: [entry('A')] }).status, 'Failed');
  });

  test('idTokens are keyed without case, with their type', () => {
    assert.equal(idTokenKey({ idToken: 'AbC', type: 'ISO14443' }), 'ISO14443:abc');
  });
});

describe('the reference CSMS manages a station list', () => {
  let csms: ReferenceCsms;
  let cs: ChargingStation;
  const config = testConfig();

  before(async () => {
    csms = await startTestCsms();
  });

  beforeEach(async () => {
    await csms.reset();
    cs = testStation({ baseUrl: csms.endpoints.ws });
    await cs.connect();
    await cs.boot();
  });

  after(async () => {
    await cs.shutdown();
    await csms.stop();
  });

  const perform = (action: string, params: Record<string, unknown> = {}) =>
    csms.perform({ action, stationId: 'CP_1', params, instruction: '' });
  const lastSendLocalList = (): SendLocalListRequest =>
    cs
      .received()
      .filter((call) => call.action === 'SendLocalList')
      .at(-1)?.payload as SendLocalListRequest;

  test('a full update carries the configured local-list tokens with their idTokenInfo, numbered above the seeded version', async () => {
    assert.deepEqual((await perform('SendLocalList', { updateType: 'Full' })).response, { status: 'Accepted' });
    const sent = lastSendLocalList();
    assert.equal(sent.versionNumber, config.LOCAL_LIST_VERSION + 1);
    assert.deepEqual(
      sent.localAuthorizationList?.map((data) => [data.idToken.idToken, data.idTokenInfo?.status]),
      [
        [config.LOCAL_AUTH_LIST_ID_TOKEN, 'Accepted'],
        [config.LOCAL_AUTH_LIST_ID_TOKEN_2, 'Accepted'],
      ],
    );
  });

  test('after asking the version, a differential update is numbered above it', async () => {
    installLocalList(cs, 7, [entry(config.LOCAL_AUTH_LIST_ID_TOKEN)]);
    assert.deepEqual((await perform('GetLocalListVersion')).response, { versionNumber: 7 });
    assert.deepEqual((await perform('SendLocalList', { updateType: 'Differential' })).response, { status: 'Accepted' });
    assert.equal(lastSendLocalList().versionNumber, 8);
    // The accepted update is the version the CSMS numbers from next.
    await perform('SendLocalList', { updateType: 'Differential' });
    assert.equal(lastSendLocalList().versionNumber, 9);
  });

  test('a removal leaves the idToken out of the next full list', async () => {
    const second = { idToken: config.LOCAL_AUTH_LIST_ID_TOKEN_2, type: config.LOCAL_AUTH_LIST_ID_TOKEN_TYPE_2 };
    await perform('SendLocalList', { updateType: 'Full' });
    await perform('SendLocalList', { updateType: 'Differential', localAuthorizationList: [{ idToken: second }] });
    assert.deepEqual(lastSendLocalList().localAuthorizationList, [{ idToken: second }]);
    await perform('SendLocalList', { updateType: 'Full' });
    assert.deepEqual(
      lastSendLocalList().localAuthorizationList?.map((data) => data.idToken.idToken),
      [config.LOCAL_AUTH_LIST_ID_TOKEN],
    );
  });

  test("without asking, a differential update is numbered above the version of the CSMS's own last update (D01)", async () => {
    installLocalList(cs, config.LOCAL_LIST_VERSION, [entry(config.LOCAL_AUTH_LIST_ID_TOKEN)]);
    assert.deepEqual((await perform('SendLocalList', { updateType: 'Differential' })).response, { status: 'Accepted' });
    assert.equal(lastSendLocalList().versionNumber, config.LOCAL_LIST_VERSION + 1);
  });

  test('a full update of a list the CSMS emptied carries no localAuthorizationList', async () => {
    await perform('ConfigureLocalList', { idTokens: [] });
    assert.deepEqual((await perform('SendLocalList', { updateType: 'Full' })).response, { status: 'Accepted' });
    assert.equal('localAuthorizationList' in lastSendLocalList(), false);
  });

  test('an empty full list is sent without localAuthorizationList', async () => {
    assert.deepEqual((await perform('SendLocalList', { updateType: 'Full', localAuthorizationList: [] })).response, { status: 'Accepted' });
    assert.equal('localAuthorizationList' in lastSendLocalList(), false);
  });

  test('the operator cannot make the CSMS list an idToken twice', async () => {
    const twice = [entry('X'), entry('X')];
    await assert.rejects(perform('SendLocalList', { updateType: 'Full', localAuthorizationList: twice }), /listed twice/);
  });

  test('ConfigureLocalList sets the tokens of the next full list', async () => {
    await perform('ConfigureLocalList', { idTokens: [{ idToken: config.VALID_ID_TOKEN, type: config.VALID_ID_TOKEN_TYPE }] });
    await perform('SendLocalList', { updateType: 'Full' });
    assert.deepEqual(lastSendLocalList().localAuthorizationList, [
      {
        idToken: { idToken: config.VALID_ID_TOKEN, type: config.VALID_ID_TOKEN_TYPE },
        idTokenInfo: { status: 'Accepted', groupIdToken: { idToken: config.GROUP_ID, type: 'Central' } },
      },
    ]);
  });
});
