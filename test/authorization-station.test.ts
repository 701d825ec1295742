import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AuthorizeResponse } from '../schemas/ocpp201-messages';
import { masterPassProblem } from '../support/station/areas/authorization/events';
import { authorizeLocally, cacheIdTokenInfo, installLocalList } from '../support/station/areas/authorization/lists';
import { configuredIdToken } from '../support/station/areas/authorization/tokens';
import { ChargingStation } from '../support/station/core/charging-station';
import { testConfig } from './helpers/reference-csms';
import { testStation } from './helpers/station';

function station(): ChargingStation {
  const cs = testStation();
  cs.deviceModel.setValue('AuthCtrlr', 'LocalPreAuthorize', 'true');
  return cs;
}

const token = { idToken: 'TAG1', type: 'ISO14443' as const };

describe('local authorization by the station', () => {
  test('without LocalPreAuthorize the station asks the CSMS, whatever it holds', () => {
    const cs = station();
    cs.deviceModel.setValue('AuthCtrlr', 'LocalPreAuthorize', 'false');
    cacheIdTokenInfo(cs, token, { status: 'Accepted' });
    const outcome = authorizeLocally(cs, token);
    assert.equal(outcome.authorized, false);
  });

  test('an Accepted cache entry authorizes, case-insensitively, for the same type only', () => {
    const cs = station();
    cacheIdTokenInfo(cs, token, { status: 'Accepted' });
    assert.deepEqual(authorizeLocally(cs, { idToken: 'tag1', type: 'ISO14443' }), {
      authorized: true,
      source: 'Authorization Cache',
      idTokenInfo: { status: 'Accepted' },
    });
    assert.equal(authorizeLocally(cs, { idToken: 'TAG1', type: 'Central' }).authorized, false);
  });

  test('an expired or not Accepted entry makes the station ask', () => {
    const cs = station();
    cacheIdTokenInfo(cs, token, { status: 'Accepted', cacheExpiryDateTime: '2020-01-01T00:00:00Z' });
    assert.equal(authorizeLocally(cs, token).authorized, false);
    cacheIdTokenInfo(cs, token, { status: 'Blocked' });
    assert.equal(authorizeLocally(cs, token).authorized, false);
  });

  test('the Local Authorization List comes before the cache, and its tokens are not cached', () => {
    const cs = station();
    installLocalList(cs, 1, [{ idToken: token, idTokenInfo: { status: 'Invalid' } }]);
    cacheIdTokenInfo(cs, token, { status: 'Accepted' });
    assert.equal(cs.memory.authorizationCache.size, 0);
    const outcome = authorizeLocally(cs, token);
    assert.equal(outcome.authorized, false);
    assert.match(outcome.authorized ? '' : outcome.reason, /Local Authorization List holds TAG1 \(ISO14443\) as Invalid/);
  });

  test('a disabled cache neither keeps nor authorizes', () => {
    const cs = station();
    cs.deviceModel.setValue('AuthCacheCtrlr', 'Enabled', 'false');
    cacheIdTokenInfo(cs, token, { status: 'Accepted' });
    assert.equal(cs.memory.authorizationCache.size, 0);
    assert.equal(authorizeLocally(cs, token).authorized, false);
  });
});

describe('master pass', () => {
  const answer = (group: string | undefined, status: 'Accepted' | 'Blocked' = 'Accepted'): AuthorizeResponse => ({
    idTokenInfo: { status, ...(group ? { groupIdToken: { idToken: group, type: 'Central' } } : {}) },
  });

  test('the station stops as a master pass only after the CSMS named its master pass group', () => {
    const cs = station();
    assert.match(masterPassProblem(cs, answer('MP')) ?? '', /MasterPassGroupId is not set/);
    cs.deviceModel.setValue('AuthCtrlr', 'MasterPassGroupId', 'MP');
    assert.equal(masterPassProblem(cs, answer('MP')), undefined);
    assert.match(masterPassProblem(cs, answer('OTHER')) ?? '', /no Accepted member/);
    assert.match(masterPassProblem(cs, answer('MP', 'Blocked')) ?? '', /no Accepted member/);
    assert.match(masterPassProblem(cs, undefined) ?? '', /no idToken was authorized/);
  });
});

describe('idTokens in words', () => {
  test('a configured idToken comes with its configured type; the eMAID with type eMAID', () => {
    const config = testConfig({ VALID_ID_TOKEN_2: 'ABC', VALID_ID_TOKEN_TYPE_2: 'ISO15693', CONTRACT_CERT_EMAID: 'DE-8AA-CA2B3C4D5-L' });
    assert.deepEqual(configuredIdToken(config, 'the configured second valid idToken'), { idToken: 'ABC', type: 'ISO15693' });
    assert.deepEqual(configuredIdToken(config, 'the configured eMAID'), { idToken: 'DE-8AA-CA2B3C4D5-L', type: 'eMAID' });
    assert.throws(() => configuredIdToken(config, 'the configured nonsense idToken'), /unknown configured value/);
  });
});
