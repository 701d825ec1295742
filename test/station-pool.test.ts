/**
 * The station pool of parallel runs against a CSMS: STATION_POOL's parsing, leases that never hand
 * one identity to two scenarios at once, the scenario's view of the configuration, and the worker
 * count `npm start` picks (never more workers than identities against a user's CSMS).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ConfigurationError, loadConfig, secretValues } from '../kernel/config';
import { CsmsStore } from '../csms/store';
import { parallelOf, workerCount } from '../scripts/run-suite';
import { StationPool } from '../support/station-pool';

const noFile = join(mkdtempSync(join(tmpdir(), 'octt-pool-')), 'empty.env');
writeFileSync(noFile, '');
const POOL = 'CP_A:password_of_A_123456,CP_B:pass:word:of:B_1234567';
const EXTERNAL = { CSMS_ADDRESS: 'ws://csms.example:9000/ocpp', CSMS_OPERATOR: 'http', CSMS_OPERATOR_URL: 'http://csms.example:9100' };

let addresses = 0;
function uniqueAddress(): string {
  return `ws://pool-test-${process.pid}-${Date.now()}-${addresses++}`;
}

describe('station pool', () => {
  test('STATION_POOL is id:password entries (the password is all after the first colon); its passwords are secrets', () => {
    const config = loadConfig({ env: { STATION_POOL: POOL }, envFile: noFile });
    assert.deepEqual(config.STATION_POOL, [
      { id: 'CP_A', password: 'password_of_A_123456' },
      { id: 'CP_B', password: 'pass:word:of:B_1234567' },
    ]);
    assert.ok(secretValues(config).includes('pass:word:of:B_1234567'));
    for (const bad of ['CP_A', 'CP_A:', ':secret_password_123', 'CP_A:password_of_A_123456,CP_A:password_of_A_654321']) {
      assert.throws(
        () => loadConfig({ env: { STATION_POOL: bad }, envFile: noFile }),
        (error: unknown) => error instanceof ConfigurationError && error.problems.some((problem) => problem.startsWith('STATION_POOL')),
        bad,
      );
    }
  });

  test('the reference CSMS knows every identity of the pool, each with its own password', () => {
    const store = new CsmsStore(loadConfig({ env: { STATION_POOL: POOL }, envFile: noFile }));
    assert.equal(store.stations.get('CP_A')?.password, 'password_of_A_123456');
    assert.equal(store.stations.get('CP_B')?.password, 'pass:word:of:B_1234567');
    assert.ok(store.stations.has('CP_1'), 'the configured identity stays');
  });

  test('two leases get two identities; a third waits for a release and gets the released one', async () => {
    const config = loadConfig({ env: { ...EXTERNAL, STATION_POOL: POOL }, envFile: noFile });
    const pool = new StationPool(config, uniqueAddress(), {}, undefined);
    const first = await pool.lease();
    const second = await pool.lease();
    assert.deepEqual([first.id, second.id].sort(), ['CP_A', 'CP_B']);
    const third = pool.lease();
    first.release();
    const next = await third;
    assert.equal(next.id, first.id);
    second.release();
    next.release();
  });

  test('a leased identity is the scenario configuration: its id in every security profile and its password', async () => {
    const config = loadConfig({ env: { ...EXTERNAL, STATION_POOL: POOL }, envFile: noFile });
    const lease = await new StationPool(config, uniqueAddress(), {}, undefined).lease();
    const { BASIC_AUTH_CP, BASIC_AUTH_CP_PASSWORD, SECURITY_PROFILE_2_CP, SECURITY_PROFILE_3_CP } = lease.config;
    const password = config.STATION_POOL?.find((station) => station.id === lease.id)?.password;
    assert.deepEqual(
      { BASIC_AUTH_CP, BASIC_AUTH_CP_PASSWORD, SECURITY_PROFILE_2_CP, SECURITY_PROFILE_3_CP },
      { BASIC_AUTH_CP: lease.id, BASIC_AUTH_CP_PASSWORD: password, SECURITY_PROFILE_2_CP: lease.id, SECURITY_PROFILE_3_CP: lease.id },
    );
    lease.release();
  });

  test('without STATION_POOL the one identity is leased with the configuration as it is', async () => {
    const config = loadConfig({ env: { ...EXTERNAL, SECURITY_PROFILE_3_CP: 'CP_TLS' }, envFile: noFile });
    const pool = new StationPool(config, uniqueAddress(), { clientCert: 'PEM' }, undefined);
    const lease = await pool.lease();
    assert.equal(pool.size, 1);
    assert.equal(lease.config, config);
    assert.equal(lease.tls.clientCert, 'PEM');
    lease.release();
  });

  test('a lease left by a process that died is taken over', async () => {
    const config = loadConfig({ env: { ...EXTERNAL, STATION_POOL: 'CP_A:password_of_A_123456' }, envFile: noFile });
    const pool = new StationPool(config, uniqueAddress(), {}, undefined);
    const [path] = pool.lockPaths();
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, 'owner'), String(spawnSync(process.execPath, ['-e', '']).pid));
    const lease = await pool.lease();
    assert.equal(lease.id, 'CP_A');
    lease.release();
  });

  test('npm start: --parallel N, else one worker per CPU; never more workers than station identities against a CSMS', () => {
    assert.deepEqual(parallelOf(['--tags', '@x', '--parallel', '3']), { workers: 3, rest: ['--tags', '@x'] });
    assert.deepEqual(parallelOf(['--parallel=2']), { workers: 2, rest: [] });
    assert.deepEqual(parallelOf([]), { workers: undefined, rest: [] });
    const embedded = loadConfig({ env: {}, envFile: noFile });
    assert.deepEqual(workerCount(undefined, 2, embedded), { workers: 2 });
    const single = workerCount(2, 2, loadConfig({ env: EXTERNAL, envFile: noFile }));
    assert.equal(single.workers, 1);
    assert.match(single.why ?? '', /one station identity .*the run is serial/);
    const two = loadConfig({ env: { ...EXTERNAL, STATION_POOL: POOL }, envFile: noFile });
    assert.deepEqual(workerCount(2, 2, two), { workers: 2 });
    assert.equal(workerCount(4, 2, two).workers, 2);
  });

  test('the lock directory of a lease names its owner, so another process sees it held', async () => {
    const config = loadConfig({ env: { ...EXTERNAL, STATION_POOL: 'CP_A:password_of_A_123456' }, envFile: noFile });
    const address = uniqueAddress();
    const lease = await new StationPool(config, address, {}, undefined).lease();
    const script = [
      "const { loadConfig } = require('./kernel/config');",
      "const { StationPool } = require('./support/station-pool');",
      `const config = loadConfig({ env: ${JSON.stringify({ ...EXTERNAL, STATION_POOL: 'CP_A:password_of_A_123456' })}, envFile: ${JSON.stringify(noFile)} });`,
      "const { tryLock } = require('./kernel/process-lock');",
      `const pool = new StationPool(config, ${JSON.stringify(address)}, {}, undefined);`,
      'const path = pool.lockPaths()[0];',
      'process.stdout.write(tryLock(path) === undefined ? "held" : "free");',
    ].join('\n');
    const held = spawnSync(process.execPath, ['--require', 'ts-node/register', '--eval', script], { cwd: join(__dirname, '..') });
    assert.equal(held.stdout.toString(), 'held', held.stderr.toString());
    lease.release();
    const free = spawnSync(process.execPath, ['--require', 'ts-node/register', '--eval', script], { cwd: join(__dirname, '..') });
    assert.equal(free.stdout.toString(), 'free', free.stderr.toString());
  });
});
