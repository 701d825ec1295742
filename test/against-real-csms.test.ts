/**
 * What a run against third-party CSMSs taught: operator params valid against the request's schema,
 * eventIds increasing across the run, a 401 that names the scenario the state leaked from, the
 * optional settle time after the WebSocket opens, defaults in the form real systems check.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { ReferenceCsms } from '../csms/reference-csms';
import { EMAID_FORM } from '../kernel/config';
import { verdictOf } from '../kernel/verdicts';
import { settleDelayMs } from '../support/operator/connect-settle';
import { InvalidOperatorParams, checkOperatorParams, operatorParamsProblems } from '../support/operator/params-check';
import { ConnectionHistory } from '../support/station/connection-history';
import { requireConfigured } from '../support/configuration-check';
import type { ConnectionWatcher } from '../support/station/core/charging-station';
import { ConnectionRefusedError } from '../support/station/core/transport';
import { ensureV2gRoot, issueContractCertificate, issueSubCa } from '../kernel/iso15118/contract-pki';
import { PKI_DIR } from '../kernel/tls/test-pki';
import { join } from 'node:path';
import { startTestCsms, testConfig } from './helpers/reference-csms';
import { testStation } from './helpers/station';

describe('operator params are a valid part of the request', () => {
  test('an empty localAuthorizationList is refused, naming the field (TC_D_04 asked for one)', () => {
    const problems = operatorParamsProblems('SendLocalList', { updateType: 'Full', localAuthorizationList: [] });
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^localAuthorizationList must NOT have fewer than 1 items/);
    assert.throws(
      () => checkOperatorParams('SendLocalList', { updateType: 'Full', localAuthorizationList: [] }),
      (error: Error) => {
        assert.ok(error instanceof InvalidOperatorParams);
        assert.match(error.message, /operator params for SendLocalList .*localAuthorizationList/);
        // The CSMS was not asked: the scenario says nothing about it.
        assert.equal(verdictOf('FAILED', { type: error.name, message: error.message }), 'inconclusive');
        return true;
      },
    );
  });

  test('missing fields are the CSMS own choice; unknown fields, wrong types, enums and formats are not', () => {
    assert.deepEqual(operatorParamsProblems('SendLocalList', { updateType: 'Differential' }), []);
    assert.deepEqual(operatorParamsProblems('SetVariables', { setVariableData: [{ variable: { name: 'BasicAuthPassword' } }] }), []);
    assert.match(operatorParamsProblems('Reset', { type: 'Soon' }).join(), /type must be one of Immediate, OnIdle/);
    assert.match(operatorParamsProblems('Reset', { type: 'Immediate', when: 'now' }).join(), /when is not a field of this message/);
    assert.match(operatorParamsProblems('GetBaseReport', { requestId: '1' }).join(), /requestId must be integer/);
    assert.match(
      operatorParamsProblems('ReserveNow', { expiryDateTime: 'tomorrow' }).join(),
      /expiryDateTime must match format "date-time"/,
    );
    assert.match(
      operatorParamsProblems('SetVariables', { setVariableData: [{ component: { name: 'X', unknown: 1 } }] }).join(),
      /setVariableData\.0\.component\.unknown is not a field/,
    );
  });
});

describe('eventIds', () => {
  test('go on across the stations of later scenarios with the same identity, per identity', () => {
    const first = testStation({ id: 'CP_EVENT_IDS' });
    const [a, b] = [first.nextEventId(), first.nextEventId()];
    const later = testStation({ id: 'CP_EVENT_IDS' });
    assert.equal(b, a + 1);
    assert.equal(later.nextEventId(), b + 1, 'a new station object of the same id does not start at 1 again');
    assert.equal(testStation({ id: 'CP_EVENT_IDS_OTHER' }).nextEventId(), 1);
  });
});

describe('CSMS_CONNECT_SETTLE_MS', () => {
  test('an operator request waits until the settle time after the WebSocket opened, and no longer', () => {
    assert.equal(settleDelayMs(1000, 1000, 0), 0, 'off by default');
    assert.equal(settleDelayMs(undefined, 1000, 500), 0, 'not connected: nothing to wait for');
    assert.equal(settleDelayMs(1000, 1100, 500), 400);
    assert.equal(settleDelayMs(1000, 1600, 500), 0, 'a later request does not wait');
  });

  test('is 0 unless set', () => {
    assert.equal(testConfig().CSMS_CONNECT_SETTLE_MS, 0);
    assert.equal(testConfig({ CSMS_CONNECT_SETTLE_MS: '250' }).CSMS_CONNECT_SETTLE_MS, 250);
  });
});

describe('a refused connection names the scenario the state leaked from', () => {
  let csms: ReferenceCsms;
  before(async () => {
    csms = await startTestCsms();
  });
  after(async () => {
    await csms.stop();
  });

  const watcherFor = (history: ConnectionHistory, scenario: string): ConnectionWatcher => ({
    opened: (credentials) => history.noteConnected(credentials, scenario),
    refused: async (credentials, error) => history.explain(error, credentials, scenario, []),
  });
  const stationOf = (history: ConnectionHistory, scenario: string) =>
    testStation({ baseUrl: csms.endpoints.ws, connections: watcherFor(history, scenario) });
  const setPassword = (password: string) =>
    csms.perform({ action: 'ConfigureBasicAuthPassword', stationId: 'CP_1', params: { password }, instruction: '' });

  test('HTTP 401 for credentials an earlier scenario connected with: says so and names the last change', async () => {
    await csms.reset();
    const history = new ConnectionHistory();
    const earlier = stationOf(history, 'TC_B_01_CSMS Cold Boot');
    await earlier.connect();
    await earlier.shutdown();
    await setPassword('a_password_the_undo_missed');
    history.noteChanged('CP_1', 'TC_A_09_CSMS Update password', ['password']);

    const later = stationOf(history, 'TC_C_01_CSMS Local start');
    await assert.rejects(later.connect(), (error: Error) => {
      assert.ok(error instanceof ConnectionRefusedError);
      assert.equal(error.statusCode, 401);
      assert.match(error.message, /HTTP 401/);
      assert.match(
        error.message,
        /although scenario "TC_B_01_CSMS Cold Boot" connected as CP_1 with the same credentials earlier in this run/,
      );
      assert.match(
        error.message,
        /scenario "TC_A_09_CSMS Update password" last changed the CSMS's view of CP_1 \(password\): state leaked from it/,
      );
      return true;
    });
    await later.shutdown();
  });

  test('with no change recorded, the failure says the change came from outside the run', async () => {
    await csms.reset();
    const history = new ConnectionHistory();
    const earlier = stationOf(history, 'first');
    await earlier.connect();
    await earlier.shutdown();
    await setPassword('changed_by_someone_else');
    const later = stationOf(history, 'second');
    await assert.rejects(later.connect(), /no scenario of this run changed the CSMS's view of CP_1 .* outside the run/);
    await later.shutdown();
  });

  test('a first refusal, or another refusal than 401, is left as it is', () => {
    const history = new ConnectionHistory();
    const credentials = { stationId: 'CP_1', baseUrl: 'ws://x', securityProfile: 1, username: 'CP_1', password: 'p' };
    const refusal = new ConnectionRefusedError('http', 'the CSMS refused the WebSocket upgrade with HTTP 401', 401);
    assert.equal(history.explain(refusal, credentials, 'now', []), refusal);
    history.noteConnected(credentials, 'before');
    const notFound = new ConnectionRefusedError('http', 'HTTP 404', 404);
    assert.equal(history.explain(notFound, credentials, 'now', []), notFound);
    assert.notEqual(history.explain(refusal, credentials, 'now', []), refusal);
  });
});

describe('a scenario whose configuration is missing', () => {
  test('ends inconclusive (EnvironmentError) naming the variables, not as the CSMS failure', () => {
    assert.throws(
      () => requireConfigured({ clientCert: 'pem', clientKey: 'pem' }, ['TLS_INVALID_CLIENT_CERT', 'TLS_INVALID_CLIENT_KEY']),
      (error: Error) => {
        assert.match(error.message, /TLS_INVALID_CLIENT_CERT and TLS_INVALID_CLIENT_KEY are not set: TC_A_08_CSMS/);
        assert.equal(verdictOf('FAILED', { type: error.name, message: error.message }), 'inconclusive');
        return true;
      },
    );
    assert.doesNotThrow(() => requireConfigured({ clientCert: 'pem', clientKey: 'pem' }, ['TLS_CLIENT_CERT', 'TLS_CLIENT_KEY']));
  });
});

describe('defaults a real CSMS accepts', () => {
  test('the default eMAID is in eMI3 form and is the CN of the generated contract certificate', async () => {
    const config = testConfig();
    assert.match(config.CONTRACT_CERT_EMAID, EMAID_FORM);
    assert.ok(config.CONTRACT_CERT_EMAID.length <= 15, 'ISO 15118-2 transfers 15 characters at most');
    for (const good of ['NL-TNM-C00122045-K', 'NLTNMC00122045', 'DE8AACA2B3C4D5L']) assert.match(good, EMAID_FORM, good);
    for (const bad of ['NLOCC0000000010X1', '100000C01', 'NL-TNMC00122045-K']) assert.doesNotMatch(bad, EMAID_FORM, bad);
    assert.throws(() => testConfig({ CONTRACT_CERT_EMAID: '100000C01' }), /CONTRACT_CERT_EMAID: expected an eMAID in eMI3 form/);

    const root = await ensureV2gRoot(join(PKI_DIR, 'iso15118'));
    const subCa = await issueSubCa(root, 'http://127.0.0.1:1/ocsp');
    const contract = await issueContractCertificate(root, subCa, config.CONTRACT_CERT_EMAID, 'http://127.0.0.1:1/ocsp');
    const subject = new X509Certificate(contract.pem).subject.split('\n');
    assert.ok(subject.includes(`CN=${config.CONTRACT_CERT_EMAID}`), subject.join(', '));
    assert.ok(subject.includes('C=NL'), subject.join(', '));
  });
});
