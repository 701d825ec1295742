/**
 * The evidence of a real (small) run: every output written, the traceability and verdicts right,
 * the passwords nowhere, a report of what finished after Ctrl-C or after the run was killed, and
 * nothing of an earlier run left after a run stopped by its configuration.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Envelope } from '@cucumber/messages';
import type { CoverageDocument } from '../scripts/report/build-report';
import { buildReport, projectTestCases } from '../scripts/report/build-report';
import { cucumberJson } from '../scripts/report/cucumber-outputs';
import { readEnvelopes } from '../scripts/report/envelopes';
import { SAMPLE_PASSWORDS, SAMPLE_VERDICTS, startSampleRun } from '../scripts/report/sample-run';
import { TEST_CASES } from '../kernel/catalog/test-case-list';

const work = mkdtempSync(join(tmpdir(), 'ocpp-report-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every text a report holds, attachments decoded: a password must not hide in base64 either. */
function everyText(reportsDir: string): Array<{ file: string; text: string }> {
  const texts: Array<{ file: string; text: string }> = [];
  for (const file of filesUnder(reportsDir).filter(
    (path) => !path.endsWith('.js') && !path.endsWith('.css') && !/\/(fonts|img)\//.test(path),
  )) {
    const text = readFileSync(file, 'utf8');
    texts.push({ file, text });
    for (const match of text.matchAll(/"(?:data|body)": ?"([A-Za-z0-9+/=]{16,})"/g)) {
      texts.push({ file: `${file} (base64 attachment)`, text: Buffer.from(match[1], 'base64').toString('utf8') });
    }
  }
  return texts;
}

function coverageOf(reportsDir: string): CoverageDocument {
  return JSON.parse(readFileSync(join(reportsDir, 'coverage.json'), 'utf8')) as CoverageDocument;
}

describe('the evidence of a finished run', () => {
  let reportsDir = '';
  let exitCode = 0;
  before(async () => {
    const run = startSampleRun(join(work, 'finished'));
    reportsDir = run.reportsDir;
    ({ exitCode } = await run.done);
  });

  it('writes Cucumber JSON, messages, JUnit XML, coverage.json and the HTML report with Mermaid beside it', () => {
    assert.equal(exitCode, 1, 'the sample has failing scenarios on purpose');
    for (const file of [
      'cucumber.json',
      'cucumber.ndjson',
      'junit.xml',
      'junit-verdicts.xml',
      'coverage.json',
      'html/index.html',
      'html/assets/js/mermaid.tiny.js',
    ]) {
      assert.ok(existsSync(join(reportsDir, file)), `${file} is missing`);
    }
    const page = readFileSync(join(reportsDir, 'html', 'features', 'z-evidence-sample.html'), 'utf8');
    assert.match(page, /class="ocpp-diagram"/);
    assert.match(page, /BootNotificationRequest/);
    assert.match(page, /mermaid\.tiny\.js/);
  });

  it('builds the HTML from exactly what Cucumber wrote as its JSON', () => {
    const envelopes = readEnvelopes(join(reportsDir, 'cucumber.ndjson'));
    assert.deepEqual(cucumberJson(envelopes), JSON.parse(readFileSync(join(reportsDir, 'cucumber.json'), 'utf8')));
  });

  it('traces each test case to its block, use cases, requirements and result, with the failure in one line', () => {
    const coverage = coverageOf(reportsDir);
    assert.deepEqual(coverage.run.totals, {
      scenarios: 6,
      passed: 1,
      failed: 5,
      skipped: 0,
      other: 0,
      verdicts: { passed: 1, failed: 3, inconclusive: 1, notApplicable: 1 },
    });
    assert.equal(coverage.run.interrupted, false);
    assert.equal(coverage.run.tags, 'not @slow');
    assert.deepEqual(
      coverage.testCases.map((row) => [row.id, row.title, row.block, row.useCases, row.requirements, row.result]),
      [
        ['TC_Z_01_CSMS', 'Heartbeat', 'Z', ['Z01'], ['Z01.FR.01'], 'passed'],
        ['TC_Z_02_CSMS', 'A failing check that quotes the passwords', 'Z', ['Z01'], ['Z01.FR.02', 'Z02.FR.01'], 'failed'],
        ['TC_Z_03_CSMS', 'A password learnt from the CSMS is masked in a failure', 'Z', ['Z03'], ['Z03.FR.01'], 'failed'],
        ['TC_Z_05_CSMS', 'An optional feature the CSMS does not support', 'Z', ['Z05'], [], 'failed'],
        ['TC_Z_06_CSMS', 'The operator cannot make the CSMS act', 'Z', ['Z06'], ['Z06.FR.01'], 'failed'],
        ['TC_Z_07_CSMS', 'The CSMS breaks a requirement', 'Z', ['Z07'], ['Z07.FR.01'], 'failed'],
      ],
    );
    assert.deepEqual(coverage.testCases[1].failures, [
      'step: Then the CSMS responds with · message: DataTransferResponse · field: status · expected: "[masked, 21 chars]" (<NEW_BASIC_AUTH_PASSWORD>) · actual: "UnknownVendorId"',
    ]);
    assert.deepEqual(coverage.blocks, [
      {
        block: 'Z',
        name: 'Evidence sample',
        tag: '@evidenceSample',
        feature: coverage.testCases[0].feature,
        featureId: 'z-evidence-sample',
        total: 6,
        passed: 1,
        failed: 5,
        skipped: 0,
        other: 0,
        verdicts: { passed: 1, failed: 3, inconclusive: 1, notApplicable: 1 },
      },
    ]);
    assert.deepEqual(
      coverage.requirements.map((row) => [row.id, row.testCases, row.verdict]),
      [
        ['Z01.FR.01', ['TC_Z_01_CSMS'], 'passed'],
        ['Z01.FR.02', ['TC_Z_02_CSMS'], 'failed'],
        ['Z02.FR.01', ['TC_Z_02_CSMS'], 'failed'],
        ['Z03.FR.01', ['TC_Z_03_CSMS'], 'failed'],
        ['Z06.FR.01', ['TC_Z_06_CSMS'], 'inconclusive'],
        ['Z07.FR.01', ['TC_Z_07_CSMS'], 'failed'],
      ],
    );
  });

  it('shows an advisory check that was not met, and the scenario still passes', () => {
    const [heartbeat] = coverageOf(reportsDir).testCases;
    assert.equal(heartbeat.verdict, 'passed');
    assert.deepEqual(heartbeat.advisories, [
      'advisory check NOT MET (does not affect the verdict) · step: When advisory: the sample CSMS meets a check beyond the test case · error: the sample CSMS let the old password in',
    ]);
    const index = readFileSync(join(reportsDir, 'html', 'index.html'), 'utf8');
    assert.match(index, /ocpp-traceability-advisory">advisory check NOT MET/);
  });

  it("gives each scenario the verdict its steps' errors say, with the reason", () => {
    const coverage = coverageOf(reportsDir);
    assert.deepEqual(
      coverage.testCases.map((row) => [row.id, row.verdict]),
      SAMPLE_VERDICTS.map(([id, verdict]) => [id, verdict]),
    );
    const reasons = Object.fromEntries(coverage.testCases.map((row) => [row.id, row.verdictReason]));
    assert.equal(reasons.TC_Z_01_CSMS, undefined);
    assert.equal(reasons.TC_Z_05_CSMS, 'the CSMS does not support reservations: declared by the sample');
    assert.equal(reasons.TC_Z_06_CSMS, 'the CSMS operator could not make the CSMS do "ResetRequest": the sample CSMS has no such function');
    assert.equal(reasons.TC_Z_07_CSMS, 'Z07.FR.01: the sample CSMS answered what the requirement forbids');
  });

  it("writes JUnit by verdict beside Cucumber's own, which it leaves as it is", () => {
    const verdicts = readFileSync(join(reportsDir, 'junit-verdicts.xml'), 'utf8');
    assert.match(verdicts, /tests="6" failures="3" skipped="2" errors="0"/);
    assert.match(verdicts, /<skipped message="not applicable: the CSMS does not support reservations: declared by the sample"\/>/);
    assert.match(verdicts, /<skipped message="inconclusive: the CSMS operator could not make the CSMS do &quot;ResetRequest&quot;/);
    assert.match(readFileSync(join(reportsDir, 'junit.xml'), 'utf8'), /tests="6" skipped="0" failures="5"/);
  });

  it('puts every listed test case in the matrix, the scenarios of the run with their verdict and link', () => {
    const { matrix, run } = coverageOf(reportsDir);
    assert.equal(matrix.length, TEST_CASES.length + 6);
    assert.deepEqual(
      matrix.slice(0, TEST_CASES.length).map((row) => row.id),
      TEST_CASES.map((testCase) => testCase.id),
    );
    // The sample's feature holds no listed test case: a project scenario is "not run", the rest "not implemented".
    assert.equal(matrix.find((row) => row.id === 'TC_B_01_CSMS')?.status, 'not run');
    // Every listed test case without a scenario in features/ is "not implemented" (none, once all are written).
    const implemented = new Set(projectTestCases());
    for (const row of matrix.slice(0, TEST_CASES.length)) {
      assert.equal(row.status === 'not implemented', !implemented.has(row.id), row.id);
    }
    const sample = matrix.find((row) => row.id === 'TC_Z_06_CSMS');
    assert.equal(sample?.inCatalog, false);
    assert.equal(sample?.status, 'inconclusive');
    assert.equal(sample?.link, 'features/z-evidence-sample.html#scenario-TC_Z_06_CSMS');
    assert.equal(run.testCaseList.testCases, TEST_CASES.length);
    const page = readFileSync(join(reportsDir, 'html', 'features', 'z-evidence-sample.html'), 'utf8');
    assert.match(
      page,
      /id="scenario-TC_Z_06_CSMS"><\/a><h2>Scenario: <small>TC_Z_06_CSMS [^<]*<\/small><span class="ocpp-verdict ocpp-verdict-inconclusive"/,
    );
    const index = readFileSync(join(reportsDir, 'html', 'index.html'), 'utf8');
    assert.match(index, /<a href="features\/z-evidence-sample\.html#scenario-TC_Z_06_CSMS">TC_Z_06_CSMS<\/a>/);
    assert.match(index, /6 scenarios: 1 passed, 3 failed, 1 inconclusive, 1 not applicable/);
  });

  it('leaves no configured password in any output, attachments included', () => {
    for (const { file, text } of everyText(reportsDir)) {
      for (const password of Object.values(SAMPLE_PASSWORDS)) assert.ok(!text.includes(password), `${file} contains a password`);
    }
    assert.match(readFileSync(join(reportsDir, 'junit.xml'), 'utf8'), /\[masked, 21 chars\]/);
  });

  it('masks a password the CSMS set during the scenario in the failure Cucumber reports', () => {
    const envelopes = readEnvelopes(join(reportsDir, 'cucumber.ndjson'));
    // The password of the sample is the CSMS's currentTime, seen before it became a password.
    const frames = envelopes.flatMap((e) => (e.attachment?.fileName === 'ocpp-frames.json' ? [e.attachment.body] : []));
    const password = /"currentTime": "([^"]+)"/.exec(frames[2])?.[1];
    assert.ok(password, 'the third scenario has a HeartbeatResponse');
    const failures = envelopes.flatMap((e) =>
      e.testStepFinished?.testStepResult.status === 'FAILED' ? [e.testStepFinished.testStepResult.message ?? ''] : [],
    );
    assert.equal(failures.length, 5);
    assert.ok(!failures[1].includes(password), failures[1]);
    assert.match(failures[1], /got "\[masked, 24 chars\]"/);
  });
});

describe('the evidence of a run with no scenario', () => {
  it('still writes a front page that says so', async () => {
    const run = startSampleRun(join(work, 'empty'), '@no-such-tag');
    const { exitCode, output } = await run.done;
    assert.equal(exitCode, 0, output);
    assert.match(readFileSync(join(run.reportsDir, 'html', 'index.html'), 'utf8'), /No scenario finished in this run/);
    assert.equal(coverageOf(run.reportsDir).run.totals.scenarios, 0);
    assert.deepEqual(readdirSync(run.reportsDir).sort(), [
      'coverage.json',
      'cucumber.json',
      'cucumber.ndjson',
      'html',
      'junit-verdicts.xml',
      'junit.xml',
    ]);
  });
});

describe('the evidence of an interrupted run', () => {
  it('on Ctrl-C, reports the scenarios that finished and marks the one that did not', async () => {
    const run = startSampleRun(join(work, 'interrupted'), '@TC_Z_01_CSMS or @slow');
    const ndjson = join(run.reportsDir, 'cucumber.ndjson');
    const deadline = Date.now() + 30_000;
    // Interrupt once the first scenario has finished and the slow one runs.
    while (!(existsSync(ndjson) && readFileSync(ndjson, 'utf8').includes('"testCaseFinished"'))) {
      assert.ok(Date.now() < deadline, 'the first scenario did not finish within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    run.child.kill('SIGINT');
    const { exitCode, output } = await run.done;
    assert.equal(exitCode, 130, output);
    assert.match(output, /SIGINT: writing the report of the scenarios that finished/);

    const coverage = coverageOf(run.reportsDir);
    assert.equal(coverage.run.interrupted, true);
    assert.deepEqual(
      coverage.testCases.map((row) => [row.id, row.result, row.verdict]),
      [
        ['TC_Z_01_CSMS', 'passed', 'passed'],
        ['TC_Z_04_CSMS', 'not finished', 'inconclusive'],
      ],
    );
    const json = JSON.parse(readFileSync(join(run.reportsDir, 'cucumber.json'), 'utf8')) as Array<{ elements: Array<{ name: string }> }>;
    assert.deepEqual(
      json.flatMap((feature) => feature.elements.map((scenario) => scenario.name)),
      ['TC_Z_01_CSMS Heartbeat'],
    );
    assert.match(readFileSync(join(run.reportsDir, 'junit.xml'), 'utf8'), /tests="1"/);
    const index = readFileSync(join(run.reportsDir, 'html', 'index.html'), 'utf8');
    assert.match(index, /This run was interrupted/);
  });

  it('after a run killed outright, builds the report from the messages it left, a torn last line included', () => {
    const source = join(work, 'finished', 'reports', 'cucumber.ndjson');
    const text = readFileSync(source, 'utf8');
    // Cut in the middle of the second scenario, inside a line.
    const secondStart = text.indexOf('"testCaseStarted"', text.indexOf('"testCaseStarted"') + 1);
    const cut = text.indexOf('"testStepFinished"', secondStart) + 10;
    const reportsDir = join(work, 'killed');
    const torn = join(work, 'torn.ndjson');
    writeFileSync(torn, text.slice(0, cut));
    const envelopes: Envelope[] = readEnvelopes(torn);
    const report = buildReport({ envelopes, reportsDir, argv: [], config: undefined, interruptedAt: new Date() });
    assert.deepEqual(
      report.coverage.testCases.map((row) => [row.id, row.result, row.verdict]),
      [
        ['TC_Z_01_CSMS', 'passed', 'passed'],
        ['TC_Z_02_CSMS', 'not finished', 'inconclusive'],
        ['TC_Z_03_CSMS', 'not run', undefined],
        ['TC_Z_05_CSMS', 'not run', undefined],
        ['TC_Z_06_CSMS', 'not run', undefined],
        ['TC_Z_07_CSMS', 'not run', undefined],
      ],
    );
    assert.ok(existsSync(report.indexHtml));
    assert.ok(existsSync(join(reportsDir, 'cucumber.json')));
  });
});

describe('the evidence of a run stopped by an invalid configuration', () => {
  it('leaves nothing in reports/ that describes the earlier run', async () => {
    const directory = join(work, 'stopped');
    const earlier = startSampleRun(directory, '@TC_Z_01_CSMS');
    assert.equal((await earlier.done).exitCode, 0);
    const reportsDir = earlier.reportsDir;
    const earlierStart = coverageOf(reportsDir).run.startedAt;
    assert.ok(earlierStart && readFileSync(join(reportsDir, 'html', 'index.html'), 'utf8').includes(earlierStart));

    const run = startSampleRun(directory, '@TC_Z_01_CSMS', { CSMS_ACTION_TIMEOUT: 'soon' });
    const { exitCode, output } = await run.done;
    assert.equal(exitCode, 2, output);
    assert.match(output, /Invalid configuration/);

    for (const file of filesUnder(reportsDir)) {
      assert.ok(!readFileSync(file, 'utf8').includes(earlierStart), `${file} still describes the earlier run`);
    }
    assert.ok(!existsSync(join(reportsDir, 'html', 'features')), "the earlier run's scenario pages are gone");
    const index = readFileSync(join(reportsDir, 'html', 'index.html'), 'utf8');
    assert.match(index, /id="ocpp-stopped">The configuration is invalid, so no scenario was run/);
    const coverage = coverageOf(reportsDir);
    assert.equal(coverage.run.interrupted, true);
    assert.match(coverage.run.stopped ?? '', /configuration is invalid/);
    assert.deepEqual(coverage.run.totals.verdicts, { passed: 0, failed: 0, inconclusive: 0, notApplicable: 0 });
    assert.deepEqual(JSON.parse(readFileSync(join(reportsDir, 'cucumber.json'), 'utf8')), []);
    assert.match(readFileSync(join(reportsDir, 'junit-verdicts.xml'), 'utf8'), /tests="0"/);
  });
});

describe('run folders', () => {
  const work = mkdtempSync(join(tmpdir(), 'ocpp-run-folders-'));
  after(() => rmSync(work, { recursive: true, force: true }));

  it('keeps each run in reports/<timestamp>-<tags>/ with latest pointing at the newest, frames as JSON files', async () => {
    const root = join(work, 'reports');
    const folderRun = (): Promise<{ exitCode: number; output: string }> =>
      startSampleRun(join(work, 'sample'), '@TC_Z_01_CSMS', { REPORTS_RUN_DIR: undefined, REPORTS_ROOT: root }).done;
    const first = await folderRun();
    assert.equal(first.exitCode, 0, first.output);
    const second = await folderRun();
    assert.equal(second.exitCode, 0, second.output);
    const folders = readdirSync(root)
      .filter((name) => name !== 'latest')
      .sort();
    assert.equal(folders.length, 2, `two run folders, got ${folders.join(', ')}`);
    for (const folder of folders) {
      assert.match(folder, /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-TC_Z_01_CSMS(-\d+)?$/);
      for (const file of ['coverage.json', 'cucumber.json', 'cucumber.ndjson', 'junit.xml', join('html', 'index.html')]) {
        assert.ok(existsSync(join(root, folder, file)), `${folder}/${file} is missing`);
      }
      const frames = JSON.parse(readFileSync(join(root, folder, 'frames', 'TC_Z_01_CSMS.json'), 'utf8')) as {
        evidence: string;
        entries: unknown[];
      };
      assert.equal(frames.evidence, 'ocpp-frames');
      assert.ok(frames.entries.length > 0, 'the frames file holds the frames');
    }
    const newest = folders.find((folder) => folder.endsWith('-2')) ?? folders[folders.length - 1];
    assert.equal(realpathSync(join(root, 'latest')), realpathSync(join(root, newest)));
    assert.ok(existsSync(join(root, 'latest', 'coverage.json')));
  });
});
