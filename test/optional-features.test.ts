/**
 * A CSMS that declares it does not support an optional feature: that feature's test cases end "not
 * applicable" (skipped with the reason), the run does not fail, and a Core test case still runs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { verdictOf } from '../kernel/verdicts';
import { testConfig } from './helpers/reference-csms';

const ROOT = join(__dirname, '..');

interface StepJson {
  keyword: string;
  hidden?: boolean;
  result: { status: string };
  embeddings?: Array<{ data: string; mime_type: string }>;
}

interface ScenarioJson {
  name: string;
  before?: StepJson[];
  steps: StepJson[];
}

test('CSMS_UNSUPPORTED_FEATURES makes an optional test case not applicable, and leaves Core ones alone', () => {
  const output = join(mkdtempSync(join(tmpdir(), 'octt-optional-')), 'run.json');
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/@cucumber/cucumber/bin/cucumber.js'),
      '--profile',
      'selftest',
      '--format',
      `json:${output}`,
      '--tags',
      '@TC_O_01_CSMS or @TC_B_01_CSMS',
    ],
    { cwd: ROOT, env: { ...process.env, CSMS_UNSUPPORTED_FEATURES: 'displayMessages' }, encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
  const scenarios = (JSON.parse(readFileSync(output, 'utf8')) as Array<{ elements: ScenarioJson[] }>).flatMap(
    (feature) => feature.elements,
  );
  const optional = scenarios.find((scenario) => scenario.name.startsWith('TC_O_01_CSMS'));
  const core = scenarios.find((scenario) => scenario.name.startsWith('TC_B_01_CSMS'));
  assert.ok(optional && core);
  const gherkinSteps = optional.steps.filter((step) => !step.hidden);
  assert.ok(gherkinSteps.length > 0 && gherkinSteps.every((step) => step.result.status === 'skipped'));
  assert.equal(verdictOf(optional.steps.find((step) => step.result.status === 'skipped')?.result.status ?? ''), 'not applicable');
  const reason = optional.steps
    .flatMap((step) => step.embeddings ?? [])
    .map((embedding) => Buffer.from(embedding.data, 'base64').toString());
  assert.ok(
    reason.some((text) => /not applicable: .*does not support displayMessages/.test(text)),
    reason.join('\n'),
  );
  assert.ok(core.steps.every((step) => step.result.status === 'passed'));
});

test('an unknown feature in CSMS_UNSUPPORTED_FEATURES stops the run with the variable named', () => {
  assert.throws(
    () => testConfig({ CSMS_UNSUPPORTED_FEATURES: 'smartCharging, teleportation' }),
    /CSMS_UNSUPPORTED_FEATURES: expected a comma-separated list of: .*smartCharging/,
  );
  assert.deepEqual(testConfig({ CSMS_UNSUPPORTED_FEATURES: 'smartCharging, reservation' }).CSMS_UNSUPPORTED_FEATURES, [
    'smartCharging',
    'reservation',
  ]);
});
