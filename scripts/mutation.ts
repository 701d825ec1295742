/**
 * `npm run mutation`: StrykerJS over the reference CSMS's handlers (csms/areas/<area>/handlers.ts),
 * a second measure of the suite next to `npm run selftest`: Stryker changes the CSMS's code (an
 * operator, a condition, a string), the self-test changes its messages on the wire. Each mutant
 * runs the scenarios that execute the changed code (per-test coverage), with the short timeouts the
 * self-test uses so that a CSMS made silent fails in seconds. Slow: not part of npm test.
 * Configuration: stryker.config.json; report: reports/mutation/mutation.html.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { SELFTEST_TIMEOUT_SECONDS } from '../csms/faults/mutants';

const ROOT = join(__dirname, '..');
const STRYKER = join(ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');

const child = spawn(process.execPath, [STRYKER, 'run', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: {
    ...process.env,
    OCPP_CALL_TIMEOUT: String(SELFTEST_TIMEOUT_SECONDS),
    CSMS_ACTION_TIMEOUT: String(SELFTEST_TIMEOUT_SECONDS),
  },
});
child.on('close', (code) => {
  process.exitCode = code ?? 1;
});
