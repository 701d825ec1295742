import { After, AfterAll, AfterStep, Before, BeforeAll, Status, setDefaultTimeout } from '@cucumber/cucumber';
import { catalogTestCase } from '../kernel/catalog/test-case-list';
import { ConfigurationError } from '../kernel/config';
import { failureLines, stepWording } from './evidence/failure-line';
import { EVIDENCE_FILE_NAME, FAILURE_FILE_NAME, FRAMES_FILE_NAME, scenarioEvidence } from './evidence/scenario-evidence';
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

Before(async function (this: OcttWorld, { pickle }) {
  this.scenarioName = pickle.name;
  // The embedded CSMS starts every scenario from its configured seed, as a fresh CSMS would.
  await runContext().embedded?.reset();
  // Against a CSMS shared by parallel workers, no two scenarios play the same station at once.
  await this.leaseStation();
});

// An optional test case of a feature the CSMS declares it does not support is not applicable:
// the scenario is skipped with the reason, and its verdict says so.
Before({ tags: '@optional' }, function (this: OcttWorld, { pickle }) {
  const id = pickle.tags.map((tag) => tag.name.slice(1)).find((tag) => /^TC_[A-P]_\d+_CSMS$/.test(tag));
  const feature = id === undefined ? undefined : catalogTestCase(id)?.optionalFeature;
  if (feature === undefined || !this.config.CSMS_UNSUPPORTED_FEATURES.includes(feature)) return undefined;
  this.attach(`not applicable: the CSMS declares (CSMS_UNSUPPORTED_FEATURES) that it does not support ${feature}`, {
    mediaType: 'text/plain',
    fileName: FAILURE_FILE_NAME,
  });
  return 'skipped';
});

AfterStep(function (this: OcttWorld, { result, error, pickleStep, gherkinDocument }) {
  if (result.status !== Status.FAILED) return;
  // The trace knows secrets learnt during the scenario (a password the CSMS set); an error message
  // may quote one. Cucumber reports this very result object, so masking it here masks every output.
  if (result.message) result.message = this.trace.maskText(result.message);
  if (result.exception) {
    result.exception.message = result.exception.message && this.trace.maskText(result.exception.message);
    result.exception.stackTrace = result.exception.stackTrace && this.trace.maskText(result.exception.stackTrace);
  }
  const lines = failureLines(stepWording(gherkinDocument, pickleStep), error ?? result.message).map((line) => this.trace.maskText(line));
  this.failureLines.push(...lines);
  this.attach(lines.join('\n'), { mediaType: 'text/plain', fileName: FAILURE_FILE_NAME });
});

After(async function (this: OcttWorld, { result, pickle }) {
  const problems = await this.teardown();
  this.releaseStation();
  const violations = this.activeStations.flatMap((station) => station.csmsViolations);
  const background = this.activeStations.flatMap((station) => station.backgroundFailures);
  const afterProblems = [...violations.map((v) => `OCPP-J violation by the CSMS: ${v}`), ...background, ...problems].map((text) =>
    this.trace.maskText(text),
  );
  const failures = [...this.failureLines, ...afterProblems.flatMap((text) => failureLines('After the scenario', text))];
  const mask = (text: string): string => this.trace.maskText(text);
  const checks = this.checks.map((check) => ({ ...check, expected: mask(check.expected), actual: mask(check.actual) }));
  const evidence = scenarioEvidence(pickle.name, this.trace.entries, failures, checks);
  this.attach(evidence.framesJson, { mediaType: 'application/json', fileName: FRAMES_FILE_NAME });
  this.attach(evidence.html, { mediaType: 'text/html', fileName: EVIDENCE_FILE_NAME });
  if (result?.status === Status.PASSED && afterProblems.length > 0) throw new Error(afterProblems.join('\n'));
});

AfterAll(async function () {
  await endRun();
});
