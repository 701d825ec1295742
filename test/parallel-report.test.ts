/**
 * A parallel run reports what a serial run reports: the same scenarios with the same results and
 * verdicts in coverage.json and junit.xml (the evidence format runs in cucumber's coordinator and
 * merges every worker's messages). The selection spans blocks and holds a not-applicable case, so a
 * verdict other than "passed" is compared too. (npm run bench compares the whole suite the same way.)
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { type RunOutcome, differences, runOutcome } from '../scripts/report/run-comparison';

const ROOT = join(__dirname, '..');
const TAGS = '@TC_A_01_CSMS or @TC_A_07_CSMS or @TC_B_01_CSMS or @TC_B_02_CSMS or @TC_C_02_CSMS or @TC_E_01_CSMS';

/** Runs the selection with the project's ci profile, its evidence written into `dir`. */
function run(dir: string, parallel: number): Promise<number> {
  const config = join(dir, 'cucumber.js');
  writeFileSync(
    config,
    [
      `const profiles = require(${JSON.stringify(join(ROOT, 'cucumber.js'))});`,
      'const evidence = profiles.ci.format[0][0];',
      `module.exports = { default: { ...profiles.ci, format: [[evidence, ${JSON.stringify(join(dir, 'coverage.json'))}], ${JSON.stringify(`junit:${join(dir, 'junit.xml')}`)}], parallel: ${parallel} } };`,
    ].join('\n'),
  );
  const cucumber = join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cucumber, '--config', relative(ROOT, config), '--tags', TAGS], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, CSMS_UNSUPPORTED_FEATURES: 'advancedSecurity' },
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

describe('a parallel run reports like a serial run', () => {
  const base = mkdtempSync(join(tmpdir(), 'parallel-report-'));
  after(() => rmSync(base, { recursive: true, force: true }));
  let serial: RunOutcome | undefined;

  test('same scenarios, same results and verdicts, in coverage.json and junit.xml', async () => {
    const serialDir = mkdtempSync(join(base, 'serial-'));
    const parallelDir = mkdtempSync(join(base, 'parallel-'));
    assert.equal(await run(serialDir, 0), 0);
    assert.equal(await run(parallelDir, 2), 0);
    serial = runOutcome(serialDir);
    const parallel = runOutcome(parallelDir);
    assert.equal(serial.testCases.length, 6);
    assert.ok(serial.testCases.includes('TC_A_07_CSMS: skipped / not applicable'), serial.testCases.join('\n'));
    assert.ok(serial.junit.includes('TC_A_07_CSMS TLS - Client-side certificate - valid certificate: skipped'), serial.junit.join('\n'));
    assert.deepEqual(differences(serial, parallel, ['serial', 'parallel']), []);
  });

  test('the comparison sees a changed verdict and a missing scenario', () => {
    assert.ok(serial, 'the serial run above');
    const changed: RunOutcome = {
      ...serial,
      testCases: serial.testCases.map((line) => line.replace('TC_B_01_CSMS: passed / passed', 'TC_B_01_CSMS: failed / failed')),
      junit: serial.junit.slice(1),
    };
    const found = differences(serial, changed, ['serial', 'parallel']);
    assert.ok(found.includes('test case only in the parallel run: TC_B_01_CSMS: failed / failed'), found.join('\n'));
    assert.ok(found.includes(`JUnit case only in the serial run: ${serial.junit[0]}`), found.join('\n'));
  });
});
