/**
 * A small real run of the suite (the real engine, the embedded reference CSMS, every format of
 * cucumber.js) into a directory of its own, for the tests of the report: they need a report whose
 * content they know, and must not overwrite the user's reports/.
 *
 * Its feature has a passing scenario, a failing one whose payload and expectation carry both
 * configured passwords, a failing one quoting a password the CSMS set at run time (a value only
 * the trace knows to be secret), one of each other verdict (not applicable, inconclusive, a
 * declared CSMS violation; their steps are in sample-steps.ts), and a slow one (tagged @slow, left
 * out unless asked for) to interrupt.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export const SAMPLE_PASSWORDS = { BASIC_AUTH_CP_PASSWORD: 'Sample-Pass-0123456789', NEW_BASIC_AUTH_PASSWORD: 'Sample-New-9876543210' };

const SAMPLE_FEATURE = `@evidenceSample
Feature: Z Evidence sample
  A few scenarios of the real engine against the embedded CSMS, to look at their evidence.

  Background:
    Given the charging station is booted and all its connectors are Available

  @TC_Z_01_CSMS @Z01 @Z01.FR.01
  Scenario: TC_Z_01_CSMS Heartbeat
    When the charging station sends a HeartbeatRequest
    Then the CSMS responds with
      | field       | expectation |
      | currentTime | a date-time |
    And advisory: the sample CSMS meets a check beyond the test case

  @TC_Z_02_CSMS @Z01 @Z01.FR.02 @Z02.FR.01
  Scenario: TC_Z_02_CSMS A failing check that quotes the passwords
    When the charging station sends a DataTransferRequest with
      | field    | value                    |
      | vendorId | "org.example.sample"     |
      | data     | <BASIC_AUTH_CP_PASSWORD> |
    Then the CSMS responds with
      | field  | expectation               |
      | status | <NEW_BASIC_AUTH_PASSWORD> |

  @TC_Z_03_CSMS @Z03 @Z03.FR.01
  Scenario: TC_Z_03_CSMS A password learnt from the CSMS is masked in a failure
    When the charging station sends a HeartbeatRequest
    And the CSMS is asked to send a SetVariablesRequest with
      | field                             | value                           |
      | setVariableData[0].component.name | SecurityCtrlr                   |
      | setVariableData[0].variable.name  | BasicAuthPassword               |
      | setVariableData[0].attributeValue | <HeartbeatResponse.currentTime> |
    Then the CSMS sends a SetVariablesRequest with
      | field                             | expectation        |
      | setVariableData[0].attributeValue | "not the password" |

  @TC_Z_04_CSMS @Z02 @Z02.FR.02 @slow
  Scenario: TC_Z_04_CSMS A scenario slow enough to interrupt
    Then the CSMS sends no ResetRequest within 30 seconds

  @TC_Z_05_CSMS @Z05
  Scenario: TC_Z_05_CSMS An optional feature the CSMS does not support
    When the sample CSMS declares it does not support "reservations"
    And the charging station sends a HeartbeatRequest

  @TC_Z_06_CSMS @Z06 @Z06.FR.01
  Scenario: TC_Z_06_CSMS The operator cannot make the CSMS act
    When the sample operator cannot make the CSMS send a ResetRequest
    Then the CSMS sends a ResetRequest with
      | field | expectation |
      | type  | Immediate   |

  @TC_Z_07_CSMS @Z07 @Z07.FR.01
  Scenario: TC_Z_07_CSMS The CSMS breaks a requirement
    When the sample CSMS breaks requirement Z07.FR.01
`;

export interface SampleRun {
  reportsDir: string;
  child: ChildProcess;
  /** Resolves with the exit code (128 + signal number when ended by a signal) and the output. */
  done: Promise<{ exitCode: number; output: string }>;
}

/** The sample's scenarios (the slow one left out) and the verdict each ends with. */
export const SAMPLE_VERDICTS: ReadonlyArray<[id: string, verdict: string]> = [
  ['TC_Z_01_CSMS', 'passed'],
  ['TC_Z_02_CSMS', 'failed'],
  ['TC_Z_03_CSMS', 'failed'],
  ['TC_Z_05_CSMS', 'not applicable'],
  ['TC_Z_06_CSMS', 'inconclusive'],
  ['TC_Z_07_CSMS', 'failed'],
];

/**
 * Starts the sample run in `directory`; its outputs land in `directory/reports`. `tags` defaults
 * to leaving out the slow scenario; `env` adds to (or, as undefined, removes from) its environment.
 */
export function startSampleRun(directory: string, tags = 'not @slow', env: NodeJS.ProcessEnv = {}): SampleRun {
  const dir = resolve(directory);
  const reportsDir = join(dir, 'reports');
  mkdirSync(join(dir, 'features'), { recursive: true });
  writeFileSync(join(dir, 'features', 'Z-evidence-sample.feature'), SAMPLE_FEATURE);
  // An empty .env: the sample runs against the embedded CSMS whatever the developer's .env says.
  writeFileSync(join(dir, 'sample.env'), '');
  const config = [
    `const project = require(${JSON.stringify(join(ROOT, 'cucumber.js'))}).ci;`,
    `const steps = ${JSON.stringify(join(__dirname, 'sample-steps.ts'))};`,
    `module.exports = { default: { ...project, paths: [${JSON.stringify(join(dir, 'features'))}], require: [...project.require, steps] } };`,
  ].join('\n');
  writeFileSync(join(dir, 'cucumber.sample.js'), config);

  // The project's profile writes into REPORTS_RUN_DIR: the sample's own folder, not the user's reports/.
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ENV_FILE: join(dir, 'sample.env'),
    REPORTS_RUN_DIR: reportsDir,
    ...SAMPLE_PASSWORDS,
  };
  for (const name of ['CSMS_ADDRESS', 'CSMS_OPERATOR', 'CSMS_OPERATOR_URL']) delete childEnv[name];
  Object.assign(childEnv, env);
  const cucumber = join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
  // Cucumber reads --config relative to its working directory.
  const child = spawn(process.execPath, [cucumber, '--config', relative(ROOT, join(dir, 'cucumber.sample.js')), '--tags', tags], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<{ exitCode: number; output: string }>((resolveDone) => {
    child.on('close', (code, signal) => resolveDone({ exitCode: code ?? 128 + (signal ? constants.signals[signal] : 0), output }));
  });
  return { reportsDir, child, done };
}
