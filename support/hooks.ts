import { After, AfterAll, Before, BeforeAll, Status, setDefaultTimeout } from '@cucumber/cucumber';
import { ConfigurationError } from './config';
import { endRun, runContext, startRun } from './run-context';
import type { OcttWorld } from './world';

// Every wait of the suite has its own timeout (CSMS_ACTION_TIMEOUT, OCPP_CALL_TIMEOUT); this one
// only guards against a step that would otherwise never end.
setDefaultTimeout(10 * 60 * 1000);

BeforeAll({ timeout: 60_000 }, async function () {
  try {
    await startRun();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`\n${error.message}\n\nNo scenario was run. See README.md, "Configuration".\n`);
      process.exit(2);
    }
    throw error;
  }
});

Before(async function (this: OcttWorld) {
  // The embedded CSMS starts every scenario from its configured seed, as a fresh CSMS would.
  await runContext().embedded?.reset();
});

After(async function (this: OcttWorld, { result }) {
  const problems = await this.teardown();
  this.attach(JSON.stringify(this.trace.entries, null, 2), { mediaType: 'application/json', fileName: 'ocpp-trace.json' });
  const violations = this.activeStations.flatMap((station) => station.csmsViolations);
  if (result?.status === Status.PASSED && (problems.length > 0 || violations.length > 0)) {
    throw new Error([...violations.map((v) => `OCPP-J violation by the CSMS: ${v}`), ...problems].join('\n'));
  }
});

AfterAll(async function () {
  await endRun();
});
