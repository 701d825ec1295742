/**
 * `npm start -- --check-setup` against the reference CSMS: every row it can check is OK, a
 * prerequisite the CSMS does not meet is WRONG with what it answered, and the standalone CSMS
 * prints every variable a full run needs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ReferenceCsms } from '../csms/reference-csms';
import { suiteCommand, suiteVariables } from '../csms/suite-command';
import { VARIABLE_NAMES } from '../kernel/config';
import { PKI_DIR, type TestPki, ensureTestPki } from '../kernel/tls/test-pki';
import { BLOCK_NEEDS, configurationCheck } from '../support/configuration-check';
import { EmbeddedOperator } from '../support/operator/embedded-operator';
import { checkSetup, setupTable } from '../support/setup-check';
import { startTestCsms, testConfig } from './helpers/reference-csms';

describe('the setup check', () => {
  let csms: ReferenceCsms;
  let pki: TestPki;
  const config = testConfig({ SECURITY_PROFILE_2_CP: 'CP_2' });
  const run = () => ({
    config,
    endpoints: { ws: csms.endpoints.ws, wss: csms.endpoints.wss },
    tls: {
      ca: readFileSync(pki.caCert, 'utf8'),
      clientCert: readFileSync(pki.clientCert, 'utf8'),
      clientKey: readFileSync(pki.clientKey, 'utf8'),
      invalidClientCert: readFileSync(pki.invalidClientCert, 'utf8'),
      invalidClientKey: readFileSync(pki.invalidClientKey, 'utf8'),
    },
    operator: new EmbeddedOperator((request) => csms.perform(request)),
  });
  before(async () => {
    csms = await startTestCsms();
    pki = await ensureTestPki(PKI_DIR, config.SECURITY_PROFILE_3_CP);
  });
  after(async () => {
    await csms.stop();
  });

  test('against the reference CSMS every row it can check is OK, the others say why not', async () => {
    await csms.reset();
    const rows = await checkSetup(run());
    const table = setupTable(rows);
    assert.deepEqual(
      rows.filter((row) => row.status === 'WRONG'),
      [],
      table,
    );
    assert.ok(rows.filter((row) => row.status === 'OK').length >= 12, table);
    for (const row of rows.filter((candidate) => candidate.status === 'NOT CHECKED')) assert.notEqual(row.detail, '', row.prerequisite);
    assert.ok(
      rows.some((row) => /VALID_ID_TOKEN_2 .*TC_C_39/.test(row.prerequisite) && row.status === 'OK'),
      table,
    );
    assert.match(table, /^OK +all +station CP_1, security profile 1/m);
  });

  test('a token in the wrong group, or blocked when it should be valid, is WRONG with what the CSMS answered', async () => {
    await csms.reset();
    const perform = (action: string, params: Record<string, unknown>) =>
      csms.perform({ action, stationId: 'CP_1', params, instruction: '' });
    const token = (idToken: string) => ({ idToken, type: 'Central' });
    await perform('ConfigureIdToken', { idToken: token(config.VALID_ID_TOKEN_2), status: 'Accepted', groupId: 'OTHER_GROUP' });
    await perform('ConfigureIdToken', { idToken: token(config.BLOCKED_ID_TOKEN), status: 'Accepted' });
    const rows = await checkSetup(run());
    const rowOf = (name: string) => rows.find((row) => row.prerequisite.startsWith(`idToken ${name} `));
    assert.equal(rowOf('VALID_ID_TOKEN_2')?.status, 'WRONG');
    assert.equal(rowOf('VALID_ID_TOKEN_2')?.detail, 'got groupIdToken OTHER_GROUP');
    assert.equal(rowOf('BLOCKED_ID_TOKEN')?.detail, 'got status Accepted');
    assert.equal(rowOf('VALID_ID_TOKEN')?.status, 'OK');
  });

  test('a station the CSMS refuses is WRONG with the refusal; its tokens are NOT CHECKED', async () => {
    await csms.reset();
    await csms.perform({
      action: 'ConfigureBasicAuthPassword',
      stationId: 'CP_1',
      params: { password: 'not_the_configured_one' },
      instruction: '',
    });
    const rows = await checkSetup(run());
    assert.equal(rows[0].status, 'WRONG');
    assert.match(rows[0].detail, /connection refused: .*HTTP 401/);
    assert.equal(rows.find((row) => row.prerequisite.startsWith('idToken VALID_ID_TOKEN '))?.status, 'NOT CHECKED');
  });
});

describe('the standalone CSMS prints every variable a full run needs', () => {
  test('the TLS files (the invalid client certificate included), the addresses and the HTTP operator', async () => {
    const config = testConfig();
    const pki = await ensureTestPki(PKI_DIR, config.SECURITY_PROFILE_3_CP);
    const variables = suiteVariables(
      config,
      { ws: 'ws://localhost:9000', wss: 'wss://localhost:8082', operator: 'http://localhost:9100' },
      pki,
    );
    const names = variables.map((variable) => variable.split('=')[0]);
    for (const needed of ['CSMS_ADDRESS', 'CSMS_WSS_ADDRESS', 'CSMS_OPERATOR', 'CSMS_OPERATOR_URL', 'TLS_CA_CERT'])
      assert.ok(names.includes(needed), needed);
    for (const need of BLOCK_NEEDS) for (const name of need.variables) assert.ok(names.includes(name), `${name} (${need.why})`);
    assert.ok(variables.includes(`TLS_INVALID_CLIENT_CERT=${pki.invalidClientCert}`));
    // With what the command sets, the configuration check finds nothing missing.
    const files = Object.fromEntries(variables.map((variable) => variable.split('=') as [string, string]));
    const tls = {
      clientCert: readFileSync(files.TLS_CLIENT_CERT, 'utf8'),
      clientKey: readFileSync(files.TLS_CLIENT_KEY, 'utf8'),
      invalidClientCert: readFileSync(files.TLS_INVALID_CLIENT_CERT, 'utf8'),
      invalidClientKey: readFileSync(files.TLS_INVALID_CLIENT_KEY, 'utf8'),
    };
    assert.deepEqual(configurationCheck(tls), []);
    assert.match(configurationCheck({ clientCert: 'x', clientKey: 'y' }).join(), /TLS_INVALID_CLIENT_CERT, TLS_INVALID_CLIENT_KEY not set/);
    assert.equal(suiteCommand(variables).at(-1), '  npx cucumber-js');
  });

  test('a variable the CSMS was started with is passed on; a secret is taken from the shell, not printed', async () => {
    const config = testConfig({ BASIC_AUTH_CP: 'CP_9', BASIC_AUTH_CP_PASSWORD: 'a-secret-of-16-chars', CSMS_WS_PORT: '9190' });
    const pki = await ensureTestPki(PKI_DIR, config.SECURITY_PROFILE_3_CP);
    const variables = suiteVariables(config, { ws: 'ws://h:1', wss: 'wss://h:2', operator: 'http://h:3' }, pki);
    assert.ok(variables.includes('BASIC_AUTH_CP=CP_9'));
    assert.ok(variables.includes('BASIC_AUTH_CP_PASSWORD="$BASIC_AUTH_CP_PASSWORD"'));
    assert.ok(!variables.join(' ').includes('a-secret-of-16-chars'));
    assert.ok(!variables.some((variable) => variable.startsWith('CSMS_WS_PORT=')));
  });
});

describe('the README says what the CSMS must hold and which form each variable has', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

  test('every configuration variable is named, the eMAID with its eMI3 form', () => {
    for (const name of VARIABLE_NAMES) assert.ok(readme.includes(`\`${name}\``), `${name} is not in README.md`);
    assert.match(readme, /### Formats/);
    assert.match(readme, /eMI3/);
  });

  test('the prerequisites section has a table for each block and names every token the setup check authorizes', () => {
    const section = readme.slice(
      readme.indexOf('### What your CSMS must hold'),
      readme.indexOf('### Against the standalone reference CSMS'),
    );
    assert.ok(section.length > 0, 'no "What your CSMS must hold" section');
    for (const block of ['All blocks', 'A Security', 'B Provisioning', 'C Authorization', 'D Local Authorization List', 'E Transactions']) {
      assert.ok(section.includes(block), block);
    }
    for (const token of [
      'VALID_ID_TOKEN',
      'VALID_ID_TOKEN_2',
      'INVALID_ID_TOKEN',
      'BLOCKED_ID_TOKEN',
      'EXPIRED_ID_TOKEN',
      'MASTERPASS_ID_TOKEN',
    ]) {
      assert.ok(section.includes(`\`${token}\``), token);
    }
    assert.match(section, /same group/);
    assert.match(section, /npm start -- --check-setup/);
  });
});
