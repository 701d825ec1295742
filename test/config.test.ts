import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ConfigurationError, loadConfig, scaledMs } from '../kernel/config';

const noFile = join(mkdtempSync(join(tmpdir(), 'octt-empty-')), 'empty.env');
writeFileSync(noFile, '');

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ env, envFile: env.ENV_FILE ? undefined : noFile });
  } catch (error) {
    assert.ok(error instanceof ConfigurationError);
    return [...error.problems];
  }
  return [];
}

describe('configuration', () => {
  test('every variable has the default of configuration.yaml; no CSMS_ADDRESS means the embedded mode', () => {
    const config = loadConfig({ env: {}, envFile: noFile });
    assert.equal(config.mode, 'embedded');
    assert.equal(config.CSMS_OPERATOR, 'embedded');
    assert.equal(config.CSMS_ADDRESS, 'ws://localhost:9000');
    assert.equal(config.BASIC_AUTH_CP, 'CP_1');
    assert.equal(config.CONFIGURED_EVSE_ID, 1);
    assert.equal(config.CSMS_ACTION_TIMEOUT, 30);
    assert.equal(config.VALID_IDTOKEN_IDTOKEN, config.VALID_ID_TOKEN);
    assert.equal(config.COST_PER_KWH, 0.35);
    assert.equal(config.TIME_SCALE, 0.1);
    assert.equal(scaledMs(config, 'TRANSACTION_DURATION'), 500);
  });

  test('against a user CSMS: manual operator, unscaled time, defaulted minimal variables listed', () => {
    const config = loadConfig({ env: { CSMS_ADDRESS: 'ws://csms.example:9000/ocpp', BASIC_AUTH_CP: 'CS-7' }, envFile: noFile });
    assert.equal(config.mode, 'external');
    assert.equal(config.CSMS_OPERATOR, 'manual');
    assert.equal(config.TIME_SCALE, 1);
    assert.ok(config.defaultedMinimal.includes('BASIC_AUTH_CP_PASSWORD'));
    assert.ok(!config.defaultedMinimal.includes('BASIC_AUTH_CP'));
  });

  test('a .env file is read; the environment wins over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'octt-config-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'CONFIGURED_EVSE_ID=2\nVALID_ID_TOKEN=FROMFILE\n');
    const config = loadConfig({ env: { VALID_ID_TOKEN: 'FROMENV' }, envFile: file });
    assert.equal(config.CONFIGURED_EVSE_ID, 2);
    assert.equal(config.VALID_ID_TOKEN, 'FROMENV');
    assert.equal(config.sources.CONFIGURED_EVSE_ID, '.env');
    assert.equal(config.sources.VALID_ID_TOKEN, 'environment');
  });

  test('malformed values are reported together, each naming the variable and the expected form', () => {
    const problems = problemsOf({
      CSMS_ADDRESS: 'http://csms',
      CSMS_ACTION_TIMEOUT: 'soon',
      CONFIGURED_EVSE_ID: '0',
      VALID_ID_TOKEN_TYPE: 'Cash',
      CONFIGURED_CHARGING_RATE_UNIT: 'kW',
      TIME_SCALE: '2',
    });
    assert.deepEqual(problems, [
      'CSMS_ADDRESS: expected a URL starting with ws:// or wss://, got "http://csms"',
      'CSMS_ACTION_TIMEOUT: expected a number of seconds > 0, got "soon"',
      'CONFIGURED_EVSE_ID: expected an integer >= 1, got "0"',
      'VALID_ID_TOKEN_TYPE: expected one of Central, eMAID, ISO14443, ISO15693, KeyCode, Local, MacAddress, NoAuthorization, got "Cash"',
      'CONFIGURED_CHARGING_RATE_UNIT: expected one of A, W, got "kW"',
      'TIME_SCALE: expected a number > 0 and <= 1, got "2"',
    ]);
  });

  test('a missing value the chosen setup needs is named', () => {
    assert.deepEqual(problemsOf({ CSMS_ADDRESS: 'ws://csms:9000', CSMS_OPERATOR: 'http' }), [
      'CSMS_OPERATOR_URL: missing; it must be set when CSMS_OPERATOR=http (expected a URL starting with http:// or https://)',
    ]);
    assert.match(
      problemsOf({ CSMS_ADDRESS: 'ws://csms:9000', CSMS_OPERATOR: 'embedded' })[0],
      /^CSMS_OPERATOR: "embedded" drives the built-in reference CSMS/,
    );
    assert.match(
      problemsOf({ TLS_CA_CERT: '/nowhere/ca.pem' })[0],
      /^TLS_CA_CERT: expected the path of a readable file, got "\/nowhere\/ca.pem"/,
    );
    assert.match(problemsOf({ ENV_FILE: '/nowhere/.env' })[0], /^ENV_FILE: expected the path of a readable \.env file/);
  });

  test('a secret is never echoed in an error', () => {
    const [problem] = problemsOf({ BASIC_AUTH_CP_PASSWORD: 'short-secret' });
    assert.match(problem, /BASIC_AUTH_CP_PASSWORD: expected at least 16 characters/);
    assert.ok(!problem.includes('short-secret'));
  });

  test('a configuration error stops the run before the first scenario, naming the variable', () => {
    const cucumber = join(__dirname, '..', 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
    const result = spawnSync(process.execPath, [cucumber, '--profile', 'ci', '--tags', '@TC_B_01_CSMS'], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, CONFIGURED_EVSE_ID: 'one', ENV_FILE: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 2, result.stdout + result.stderr);
    assert.match(result.stderr, /CONFIGURED_EVSE_ID: expected an integer >= 1, got "one"/);
    assert.match(result.stderr, /No scenario was run/);
    assert.doesNotMatch(result.stdout, /scenarios? \(/);
  });
});
