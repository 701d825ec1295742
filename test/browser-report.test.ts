/**
 * The HTML report opened in a real browser (Debian's Chromium, headless): the front page shows the
 * run, its verdict tallies and the test-case matrix, a matrix link opens its scenario with its
 * verdict, and a scenario shows its frames and its sequence diagram, drawn by the bundled Mermaid
 * without network. Screenshots are saved as reports/browser-report-*.png.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { TEST_CASES } from '../kernel/catalog/test-case-list';
import { SAMPLE_VERDICTS, startSampleRun } from '../scripts/report/sample-run';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', 'reports');
const skip = existsSync(CHROMIUM)
  ? false
  : `no Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium) to run this test`;

describe('the HTML report in a browser', { skip }, () => {
  const work = mkdtempSync(join(tmpdir(), 'ocpp-browser-test-'));
  after(() => rmSync(work, { recursive: true, force: true }));

  it('shows the run summary, and a scenario with its frames and its diagram', async () => {
    const run = startSampleRun(work);
    const { exitCode, output } = await run.done;
    assert.equal(exitCode, 1, output);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      mkdirSync(SCREENSHOTS, { recursive: true });

      await page.goto(pathToFileURL(join(run.reportsDir, 'html', 'index.html')).href);
      const runPanel = page.locator('#ocpp-run');
      await runPanel.waitFor({ state: 'visible' });
      for (const label of ['CSMS address', 'CSMS vendor', 'OCPP version', 'Suite version', 'Operator mode', 'Tags selected']) {
        assert.ok(await runPanel.getByText(label, { exact: true }).isVisible(), `the run panel shows ${label}`);
      }
      assert.equal(await page.locator('#ocpp-summary').innerText(), '6 scenarios: 1 passed, 3 failed, 1 inconclusive, 1 not applicable');
      assert.ok(await page.locator('#ocpp-traceability').getByText('TC_Z_02_CSMS', { exact: true }).isVisible());
      const blockVerdicts = await page.locator('#ocpp-blocks tbody tr').first().locator('td').allInnerTexts();
      assert.deepEqual(blockVerdicts.slice(3), ['6', '1', '3', '1', '1']);

      // The matrix: every listed test case, then the sample's own scenarios, each with its verdict.
      const matrix = page.locator('#ocpp-matrix');
      await matrix.scrollIntoViewIfNeeded();
      assert.equal(await matrix.locator('tbody tr').count(), TEST_CASES.length + SAMPLE_VERDICTS.length);
      const verdictIn = (id: string) => matrix.locator(`tr[data-test-case="${id}"] .ocpp-verdict`).innerText();
      assert.equal(await verdictIn('TC_B_01_CSMS'), 'not run');
      assert.equal(await verdictIn('TC_J_01_CSMS'), 'not implemented');
      for (const [id, verdict] of SAMPLE_VERDICTS) assert.equal(await verdictIn(id), verdict, id);
      assert.match(await page.locator('#ocpp-matrix-summary').innerText(), new RegExp(`^${TEST_CASES.length} test cases: `));
      await page.screenshot({ path: join(SCREENSHOTS, 'browser-report-index.png'), fullPage: true });

      // A matrix link opens its scenario, expanded, with its verdict on its title.
      await matrix.locator('tr[data-test-case="TC_Z_06_CSMS"] a').click();
      await page.waitForURL(/features\/z-evidence-sample\.html#scenario-TC_Z_06_CSMS$/);
      const linked = page.locator('.x_panel', { has: page.locator('h2', { hasText: 'TC_Z_06_CSMS' }) });
      await linked.locator('.x_content').waitFor({ state: 'visible' });
      assert.equal(await linked.locator('h2 .ocpp-verdict').innerText(), 'inconclusive');
      assert.ok(await linked.locator('table.ocpp-frames').isVisible(), 'its evidence is open');
      await page.goBack();
      await page.locator('#ocpp-run').waitFor({ state: 'visible' });

      await page.locator('#ocpp-blocks a', { hasText: 'Z' }).click();
      await page.waitForURL(/features\/z-evidence-sample\.html$/);
      const scenario = page.locator('.x_panel', { has: page.locator('h2', { hasText: 'TC_Z_02_CSMS' }) });
      assert.equal(await scenario.locator('h2 .ocpp-verdict').innerText(), 'failed');
      await scenario.locator('.x_title').click();
      const frames = scenario.locator('table.ocpp-frames');
      await frames.waitFor({ state: 'visible' });
      assert.ok((await frames.locator('tr.ocpp-frame').count()) >= 8, 'boot, status, event and data transfer frames');
      assert.ok(await frames.getByText('BootNotificationRequest', { exact: true }).isVisible());
      // Diagrams are drawn as they come into view, as a reader scrolls.
      await scenario.locator('.ocpp-diagram').scrollIntoViewIfNeeded();
      const diagram = scenario.locator('.ocpp-diagram[data-rendered="true"] svg');
      await diagram.waitFor({ state: 'visible', timeout: 15_000 });
      assert.match(await diagram.innerHTML(), /DataTransferRequest/);
      assert.match(await scenario.locator('.ocpp-failure-summary').innerText(), /field: status · expected: .* · actual: "UnknownVendorId"/);
      await scenario.screenshot({ path: join(SCREENSHOTS, 'browser-report-scenario.png') });
      assert.deepEqual(pageErrors, []);
    } finally {
      await browser.close();
    }
  });
});
