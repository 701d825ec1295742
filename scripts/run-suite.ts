/**
 * `npm start`: the whole conformance suite against the embedded reference CSMS (or the CSMS named
 * by CSMS_ADDRESS), then the evidence report. Extra arguments go to cucumber-js (e.g. --tags).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const cucumber = join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
const result = spawnSync(process.execPath, [cucumber, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
process.stdout.write(`\nCucumber JSON: ${join(ROOT, 'reports', 'cucumber.json')}\nJUnit XML:     ${join(ROOT, 'reports', 'junit.xml')}\n`);
process.exitCode = result.status ?? 1;
