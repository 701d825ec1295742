/**
 * What the suite adds to the pages multiple-cucumber-html-reporter writes: the run's metadata and
 * per-block tallies on the front page, the traceability tables, the styles of the evidence, and
 * the script that draws each scenario's sequence diagram (with the bundled Mermaid, no network).
 */
import type { Verdict } from '../../kernel/verdicts';
import { escapeHtml } from '../../support/evidence/evidence-html';
import type { RunMetadata } from '../../support/evidence/run-metadata';
import { metadataRows } from '../../support/evidence/run-metadata';
import { type MatrixRow, type MatrixStatus, matrixSummary, scenarioAnchor } from './test-case-matrix';
import type { Result, Traceability, VerdictTally } from './traceability';

export const MERMAID_FILE = 'mermaid.tiny.js';

export const REPORT_CSS = `
.ocpp-evidence h4 { margin: 14px 0 6px; font-size: 15px; }
.ocpp-evidence h4 small { color: #888; font-weight: normal; }
.ocpp-failure, .ocpp-failure-summary div { color: #c0392b; font-family: monospace; font-size: 12px; white-space: pre-wrap; word-break: break-word; }
.ocpp-failure { font-weight: 600; padding: 4px 0; }
.ocpp-failure-summary { clear: both; padding-top: 4px; }
.ocpp-diagram { overflow-x: auto; }
.ocpp-diagram-svg svg { max-width: 100%; height: auto; }
.ocpp-diagram-source { max-height: 240px; overflow: auto; font-size: 11px; }
.ocpp-diagram[data-rendered="true"] .ocpp-diagram-source { display: none; }
.ocpp-diagram-note { color: #888; font-size: 12px; }
table.ocpp-checks { border-collapse: collapse; font-size: 12px; margin-bottom: 8px; }
table.ocpp-checks th, table.ocpp-checks td { border-bottom: 1px solid #eee; padding: 2px 6px; text-align: left; font-family: monospace; }
table.ocpp-checks .ocpp-check-failed td { color: #c0392b; font-weight: 600; }
table.ocpp-checks .ocpp-check-passed td:first-child { color: #27ae60; }
table.ocpp-frames { width: 100%; border-collapse: collapse; font-size: 12px; }
table.ocpp-frames th, table.ocpp-frames td { border-bottom: 1px solid #ddd; padding: 3px 6px; vertical-align: top; text-align: left; }
table.ocpp-frames pre { margin: 0; padding: 2px 4px; max-height: 320px; overflow: auto; font-size: 11px; white-space: pre; border: 0; }
table.ocpp-frames .ocpp-id { font-family: monospace; font-size: 11px; color: #666; }
table.ocpp-frames .ocpp-message { font-weight: 600; white-space: nowrap; }
table.ocpp-frames tr.ocpp-callerror .ocpp-message { color: #c0392b; }
table.ocpp-frames tr.ocpp-event td { color: #777; font-style: italic; }
table.ocpp-table { width: 100%; font-size: 13px; }
table.ocpp-table th, table.ocpp-table td { padding: 4px 8px; vertical-align: top; }
table.ocpp-meta td:first-child { font-weight: 600; white-space: nowrap; width: 1%; padding-right: 16px; }
.ocpp-result { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; color: #fff; background: #888; white-space: nowrap; }
.ocpp-result-passed { background: #26b99a; }
.ocpp-result-failed { background: #e74c3c; }
.ocpp-result-skipped { background: #3498db; }
.ocpp-result-notfinished, .ocpp-result-notrun, .ocpp-result-pending { background: #f39c12; }
.ocpp-verdict { display: inline-block; padding: 1px 8px; border-radius: 3px; font-size: 12px; font-weight: 600; color: #fff; background: #888; white-space: nowrap; }
h2 .ocpp-verdict { margin-left: 8px; vertical-align: middle; }
.ocpp-verdict-passed { background: #1e8449; }
.ocpp-verdict-failed { background: #c0392b; }
.ocpp-verdict-inconclusive { background: #d68910; }
.ocpp-verdict-notapplicable { background: #5d6d7e; }
.ocpp-verdict-notrun { background: #aab7b8; }
.ocpp-verdict-notimplemented { background: #e5e8e8; color: #566573; }
.ocpp-verdict-reason { color: #666; font-size: 11px; }
.ocpp-stopped { background: #c0392b; color: #fff; padding: 8px 12px; border-radius: 4px; margin-bottom: 10px; font-weight: 600; }
.ocpp-interrupted { background: #f39c12; color: #fff; padding: 8px 12px; border-radius: 4px; margin-bottom: 10px; font-weight: 600; }
.ocpp-traceability-failure { color: #c0392b; font-family: monospace; font-size: 11px; }
.ocpp-traceability-advisory { color: #8a6d3b; font-family: monospace; font-size: 11px; }
body.darkmode table.ocpp-frames th, body.darkmode table.ocpp-frames td { border-color: #444; }
`;

/**
 * Runs in the browser on every feature page. Opens the evidence with its scenario, repeats the
 * failure lines under the scenario's title, and draws each diagram the first time it comes into
 * view (drawing hundreds at load would stall the page).
 */
export const FEATURE_PAGE_SCRIPT = `
(function () {
  document.querySelectorAll('.ocpp-evidence').forEach(function (evidence) {
    var panel = evidence.closest('.scenario-step-collapse');
    if (panel) {
      panel.classList.add('show');
      var link = document.querySelector('a[href="#' + panel.id + '"]');
      if (link) link.textContent = 'OCPP evidence: sequence diagram and frames';
    }
    var failures = evidence.querySelectorAll('.ocpp-failure');
    var title = evidence.closest('.x_panel') && evidence.closest('.x_panel').querySelector('.x_title');
    if (title && failures.length > 0) {
      var summary = document.createElement('div');
      summary.className = 'ocpp-failure-summary';
      failures.forEach(function (failure) {
        var line = document.createElement('div');
        line.textContent = failure.textContent;
        summary.appendChild(line);
      });
      title.appendChild(summary);
    }
  });
  // A link of the test-case matrix names a scenario: open it and bring it into view.
  function openLinked() {
    var anchor = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var linked = anchor && anchor.closest('.x_panel');
    if (!linked) return;
    var content = linked.querySelector('.x_content');
    if (content && content.style.display === 'none') linked.querySelector('.x_title').click();
    anchor.scrollIntoView();
  }
  window.addEventListener('hashchange', openLinked);
  // After the reporter's own ready handler, which makes a title click open its scenario.
  if (window.jQuery) window.jQuery(openLinked);
  var diagrams = document.querySelectorAll('.ocpp-diagram');
  if (!window.mermaid) {
    diagrams.forEach(function (diagram) { diagram.setAttribute('data-rendered', 'unavailable'); });
    return;
  }
  window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxTextSize: 2000000, sequence: { useMaxWidth: false } });
  var drawn = 0;
  var queue = Promise.resolve();
  function draw(diagram) {
    var source = diagram.querySelector('.ocpp-diagram-source');
    queue = queue.then(function () {
      drawn += 1;
      return window.mermaid.render('ocpp-diagram-' + drawn, source.textContent).then(
        function (result) {
          var figure = document.createElement('div');
          figure.className = 'ocpp-diagram-svg';
          figure.innerHTML = result.svg;
          diagram.insertBefore(figure, source);
          diagram.setAttribute('data-rendered', 'true');
        },
        function (error) {
          var note = document.createElement('div');
          note.className = 'ocpp-diagram-note';
          note.textContent = 'The diagram could not be drawn (' + (error && error.message) + '); its Mermaid text follows.';
          diagram.insertBefore(note, source);
          diagram.setAttribute('data-rendered', 'failed');
        }
      );
    });
  }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      observer.unobserve(entry.target);
      draw(entry.target);
    });
  }, { rootMargin: '1000px 0px' });
  diagrams.forEach(function (diagram) { observer.observe(diagram); });
})();
`;

export const INDEX_PAGE_SCRIPT = `
$(function () {
  $('#ocpp-traceability').DataTable({ order: [], pageLength: 100, lengthMenu: [[50, 100, 500, -1], [50, 100, 500, 'All']] });
  $('#ocpp-requirements').DataTable({ order: [], pageLength: 50, lengthMenu: [[50, 100, 500, -1], [50, 100, 500, 'All']] });
  $('#ocpp-matrix').DataTable({ order: [], pageLength: -1, lengthMenu: [[50, 100, -1], [50, 100, 'All']] });
});
`;

function badge(result: Result): string {
  return `<span class="ocpp-result ocpp-result-${result.replace(/\s/g, '')}">${escapeHtml(result)}</span>`;
}

/** A verdict, or what the matrix says of a test case without one. */
export function verdictBadge(status: Verdict | MatrixStatus | undefined): string {
  const text = status ?? 'not run';
  return `<span class="ocpp-verdict ocpp-verdict-${text.replace(/\s/g, '')}" data-verdict="${escapeHtml(text)}">${escapeHtml(text)}</span>`;
}

export function tallyText(tally: VerdictTally): string {
  return `${tally.passed} passed, ${tally.failed} failed, ${tally.inconclusive} inconclusive, ${tally.notApplicable} not applicable`;
}

function panel(title: string, body: string, width = 'col-md-12 col-sm-12 col-xs-12', id?: string): string {
  return [
    `<div class="${width}"${id ? ` id="${id}"` : ''}><div class="x_panel">`,
    `<div class="x_title"><h2>${escapeHtml(title)}</h2><ul class="nav navbar-right panel_toolbox"><li><a class="collapse-link"><i class="fa fa-chevron-up"></i></a></li></ul><div class="clearfix"></div></div>`,
    `<div class="x_content">${body}</div>`,
    '</div></div>',
  ].join('\n');
}

/** The top of the front page: what was tested, and how each block fared. `stopped`: why the run ended early. */
export function runPanels(meta: RunMetadata, trace: Traceability, stopped?: string): string {
  const rows = metadataRows(meta)
    .map(({ label, value }) => `<tr><td>${escapeHtml(label)}</td><td>${escapeHtml(value)}</td></tr>`)
    .join('\n');
  const { totals } = trace;
  const judged = Object.values(totals.verdicts).reduce((sum, count) => sum + count, 0);
  const notRun = totals.scenarios - judged > 0 ? `, ${totals.scenarios - judged} not run` : '';
  const summary = `${totals.scenarios} scenarios: ${tallyText(totals.verdicts)}${notRun}`;
  const interrupted = stopped
    ? `<div class="ocpp-stopped" id="ocpp-stopped">${escapeHtml(stopped)}</div>`
    : meta.interrupted
      ? '<div class="ocpp-interrupted">This run was interrupted: the report shows the scenarios that finished.</div>'
      : '';
  const blockRows = trace.blocks
    .map(
      (block) =>
        `<tr><td><a href="features/${escapeHtml(block.featureId.replace(/[^a-zA-Z0-9-_]/g, '-'))}.html">${escapeHtml(block.block)}</a></td>` +
        `<td>${escapeHtml(block.name)}</td><td>${escapeHtml(block.tag ?? '')}</td>` +
        `<td>${block.total}</td><td>${block.verdicts.passed}</td><td>${block.verdicts.failed}</td><td>${block.verdicts.inconclusive}</td><td>${block.verdicts.notApplicable}</td></tr>`,
    )
    .join('\n');
  const blocks = [
    `<p id="ocpp-summary"><strong>${escapeHtml(summary)}</strong></p>`,
    stripedTable('ocpp-blocks', ['Block', 'Name', 'Tag', 'Scenarios', 'Passed', 'Failed', 'Inconclusive', 'Not applicable'], blockRows),
  ].join('\n');
  return [
    '<div class="row">',
    interrupted ? `<div class="col-md-12">${interrupted}</div>` : '',
    panel(
      'Run',
      `<table class="table ocpp-table ocpp-meta" id="ocpp-run">${rows}</table>`,
      'col-md-6 col-sm-12 col-xs-12',
      'ocpp-run-panel',
    ),
    panel('Verdicts per block', blocks, 'col-md-6 col-sm-12 col-xs-12', 'ocpp-blocks-panel'),
    '</div>',
  ].join('\n');
}

function stripedTable(id: string, headers: readonly string[], rows: string): string {
  const head = headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('');
  return `<table class="table table-striped ocpp-table" id="${id}"><thead><tr>\n${head}\n</tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * The bottom of the front page: the test-case matrix, then test case → requirements → verdict and
 * requirement → verdict.
 */
export function traceabilityPanels(trace: Traceability, matrix: readonly MatrixRow[]): string {
  const caseRows = trace.testCases
    .map((row) =>
      [
        '<tr>',
        `<td>${escapeHtml(row.id)}</td>`,
        `<td>${escapeHtml(row.title)}${row.failures.map((line) => `<div class="ocpp-traceability-failure">${escapeHtml(line)}</div>`).join('')}${row.advisories.map((line) => `<div class="ocpp-traceability-advisory">${escapeHtml(line)}</div>`).join('')}</td>`,
        `<td>${escapeHtml(row.block)}</td>`,
        `<td>${escapeHtml(row.useCases.join(', '))}</td>`,
        `<td>${escapeHtml(row.requirements.join(', '))}</td>`,
        `<td data-order="${escapeHtml(row.result)}">${badge(row.result)}</td>`,
        `<td data-order="${escapeHtml(row.verdict ?? 'not run')}">${verdictBadge(row.verdict)}${reasonOf(row.verdict, row.verdictReason)}</td>`,
        '</tr>',
      ].join(''),
    )
    .join('\n');
  const requirementRows = trace.requirements
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.id)}</td><td>${escapeHtml(row.useCase)}</td><td>${escapeHtml(row.testCases.join(', '))}</td><td>${verdictBadge(row.verdict)}</td></tr>`,
    )
    .join('\n');
  const cases = stripedTable(
    'ocpp-traceability',
    ['Test case', 'Title', 'Block', 'Use cases', 'Requirements', 'Cucumber result', 'Verdict'],
    caseRows,
  );
  const requirements = stripedTable(
    'ocpp-requirements',
    ['Requirement', 'Use case', 'Test cases', 'Verdict (worst of its test cases)'],
    requirementRows,
  );
  return [
    '<div class="main_container"><div class="row">',
    matrixPanel(matrix),
    panel('Traceability: test cases', cases, undefined, 'ocpp-traceability-panel'),
    panel('Traceability: OCPP requirements covered by this run', requirements, undefined, 'ocpp-requirements-panel'),
    '</div></div>',
  ].join('\n');
}

function reasonOf(verdict: MatrixStatus | undefined, reason: string | undefined): string {
  return verdict && verdict !== 'passed' && reason ? `<div class="ocpp-verdict-reason">${escapeHtml(reason)}</div>` : '';
}

function duration(ms: number | undefined): string {
  return ms === undefined ? '' : `${(ms / 1000).toFixed(1)} s`;
}

/** Every test case of the list: its verdict or why it has none, with a link to its evidence. */
export function matrixPanel(rows: readonly MatrixRow[]): string {
  const summary = matrixSummary(rows);
  const body = rows
    .map((row) =>
      [
        `<tr data-test-case="${escapeHtml(row.id)}">`,
        `<td>${row.link ? `<a href="${escapeHtml(row.link)}">${escapeHtml(row.id)}</a>` : escapeHtml(row.id)}</td>`,
        `<td>${escapeHtml(row.title)}${row.inCatalog ? '' : ' <em>(not in the test-case list)</em>'}</td>`,
        `<td>${escapeHtml(row.block)}</td>`,
        `<td title="${escapeHtml(row.optionalBecause ?? '')}">${row.optional ? 'optional' : row.inCatalog ? 'core' : ''}</td>`,
        `<td data-order="${escapeHtml(row.status)}">${verdictBadge(row.status)}${reasonOf(row.status, row.verdictReason)}</td>`,
        `<td>${escapeHtml(row.requirements.join(', '))}</td>`,
        `<td data-order="${row.durationMs ?? -1}">${duration(row.durationMs)}</td>`,
        '</tr>',
      ].join(''),
    )
    .join('\n');
  const text =
    `${summary.testCases} test cases: ${summary.implemented} with a scenario, ${summary.notImplemented} not implemented; ` +
    `${summary.notRun} not run; ${tallyText(summary.verdicts)}`;
  const table = stripedTable(
    'ocpp-matrix',
    ['Test case', 'Title', 'Block', 'Core / optional', 'Verdict', 'Requirements', 'Duration'],
    body,
  );
  return panel(
    'Test-case matrix',
    `<p id="ocpp-matrix-summary"><strong>${escapeHtml(text)}</strong></p>\n${table}`,
    undefined,
    'ocpp-matrix-panel',
  );
}

/** Placed before a scenario's title on its feature page: the matrix links to it. */
export function scenarioAnchorHtml(testCaseId: string): string {
  return `<a class="ocpp-anchor" id="${escapeHtml(scenarioAnchor(testCaseId))}"></a>`;
}

export function pageFooter(meta: RunMetadata, generatedAt: Date): string {
  const suite = meta.gitCommit ? `${meta.suiteVersion}, commit ${meta.gitCommit}` : meta.suiteVersion;
  return `<div class="created-by"><p>OCPP ${escapeHtml(meta.ocppVersion)} CSMS conformance suite ${escapeHtml(suite)} · report written ${escapeHtml(generatedAt.toISOString())}</p></div>`;
}
