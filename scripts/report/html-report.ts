/**
 * The HTML report: multiple-cucumber-html-reporter draws the pages from Cucumber's JSON; the suite
 * then adds its own parts (run metadata, per-block tallies, traceability, diagrams) and a copy of
 * Mermaid, so the report opens from disk with no network.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { escapeHtml } from '../../support/evidence/evidence-html';
import type { RunMetadata } from '../../support/evidence/run-metadata';
import type { FramesDocument } from '../../support/evidence/readable-trace';
import type { CucumberJsonFeature, CucumberJsonStep } from './cucumber-outputs';
import {
  FEATURE_PAGE_SCRIPT,
  INDEX_PAGE_SCRIPT,
  MERMAID_FILE,
  REPORT_CSS,
  pageFooter,
  runPanels,
  scenarioAnchorHtml,
  traceabilityPanels,
  verdictBadge,
} from './report-page';
import type { MatrixRow } from './test-case-matrix';
import { type Traceability, blockOf } from './traceability';

interface ReporterOptions {
  jsonDir: string;
  reportPath: string;
  reportName: string;
  pageTitle: string;
  pageFooter: string;
  customMetadata: boolean;
  displayDuration: boolean;
  durationAggregation: 'wallClock' | 'sum';
  staticFilePath: boolean;
  disableLog: boolean;
}
const reporter = require('multiple-cucumber-html-reporter') as { generate(options: ReporterOptions): void };

const TRACEABILITY_PLACEHOLDER = '<!-- ocpp-traceability -->';

function isFramesDocument(text: string): boolean {
  try {
    return (JSON.parse(text) as Partial<FramesDocument>).evidence === 'ocpp-frames';
  } catch {
    return false;
  }
}

/** Escapes the text of data-table cells: the reporter writes them into the page as they are. */
function escapedArguments(argumentsOfStep: unknown): unknown {
  if (!Array.isArray(argumentsOfStep)) return argumentsOfStep;
  return argumentsOfStep.map((argument: { rows?: Array<{ cells: string[] }> }) =>
    argument.rows ? { ...argument, rows: argument.rows.map((row) => ({ ...row, cells: row.cells.map(escapeHtml) })) } : argument,
  );
}

function embeddingsForReport(embeddings: CucumberJsonStep['embeddings']): CucumberJsonStep['embeddings'] {
  return embeddings?.flatMap((embedding) => {
    if (embedding.mime_type !== 'application/json') return [embedding];
    const text = Buffer.from(embedding.data, 'base64').toString('utf8');
    if (isFramesDocument(text)) return [];
    const html = `<pre>${escapeHtml(text)}</pre>`;
    return [{ mime_type: 'text/html', data: Buffer.from(html, 'utf8').toString('base64') }];
  });
}

/**
 * The reporter's input: Cucumber's JSON with each block's metadata, and the texts the reporter
 * writes unescaped (names, descriptions, table cells such as <CONFIGURED_EVSE_ID>) escaped. The
 * frames JSON is left out (the evidence HTML shows the same frames); any other JSON attachment is
 * shown escaped.
 */
function reporterInput(features: readonly CucumberJsonFeature[], meta: RunMetadata): CucumberJsonFeature[] {
  return features.map((feature) => ({
    ...feature,
    name: escapeHtml(feature.name),
    description: feature.description && escapeHtml(feature.description),
    // Shown as columns of the blocks table and on each block's page, which may be printed alone.
    metadata: [
      { name: 'Block', value: escapeHtml(blockOf(feature.name, feature.uri).block) },
      { name: 'CSMS', value: escapeHtml(meta.csmsName) },
      { name: 'Run started', value: escapeHtml(meta.startedAt ?? 'unknown') },
    ],
    elements: feature.elements?.map((scenario) => ({
      ...scenario,
      name: escapeHtml(scenario.name),
      description: typeof scenario.description === 'string' ? escapeHtml(scenario.description) : scenario.description,
      steps: scenario.steps.map((step) => ({
        ...step,
        arguments: escapedArguments(step.arguments),
        embeddings: embeddingsForReport(step.embeddings),
      })),
    })),
  }));
}

type Edit = [marker: string, insert: (marker: string) => string];

/** Inserts at the first occurrence of each marker; `</body>` and the footer's placeholder are the last. */
function inject(file: string, edits: Edit[]): void {
  let html = readFileSync(file, 'utf8');
  for (const [marker, insert] of edits) {
    const at = marker === '</body>' || marker === TRACEABILITY_PLACEHOLDER ? html.lastIndexOf(marker) : html.indexOf(marker);
    if (at < 0) throw new Error(`${file}: "${marker}" not found; multiple-cucumber-html-reporter's page layout changed`);
    html = html.slice(0, at) + insert(marker) + html.slice(at + marker.length);
  }
  writeFileSync(file, html);
}

export interface HtmlReportInput {
  features: readonly CucumberJsonFeature[];
  traceability: Traceability;
  matrix: readonly MatrixRow[];
  meta: RunMetadata;
  htmlDir: string;
  /** Why the run ended before its end, when it did (shown at the top). */
  stopped?: string;
}

/**
 * The front page alone, when no scenario finished (none selected, or interrupted during the
 * first): multiple-cucumber-html-reporter cannot draw a report without features.
 */
function writeEmptyReport(index: string, { traceability, matrix, meta, stopped }: HtmlReportInput): void {
  mkdirSync(dirname(index), { recursive: true });
  const title = escapeHtml(`OCPP ${meta.ocppVersion} CSMS conformance — ${meta.csmsName}`);
  writeFileSync(
    index,
    [
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
      `<title>${title}</title><style>body { font-family: sans-serif; margin: 20px; } ${REPORT_CSS}</style></head>`,
      `<body><div class="main_container container-fluid"><h1>${title}</h1><p id="ocpp-no-scenario">No scenario finished in this run.</p>`,
      runPanels(meta, traceability, stopped),
      `</div>${traceabilityPanels(traceability, matrix)}${pageFooter(meta, new Date())}</body></html>`,
    ].join('\n'),
  );
}

/** Writes the report into `htmlDir`; returns the path of its index.html. */
export function writeHtmlReport(input: HtmlReportInput): string {
  const { htmlDir } = input;
  // Written aside and swapped in whole: a reader (or a run interrupted meanwhile) never sees half
  // a report, and no page of an earlier run stays behind.
  const staging = `${htmlDir}.${process.pid}.staging`;
  rmSync(staging, { recursive: true, force: true });
  try {
    writeReportInto(staging, input);
    const previous = `${htmlDir}.${process.pid}.previous`;
    if (existsSync(htmlDir)) renameSync(htmlDir, previous);
    renameSync(staging, htmlDir);
    rmSync(previous, { recursive: true, force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return join(htmlDir, 'index.html');
}

/** Each scenario's title gets the anchor the matrix links to and its verdict. */
function scenarioHeadings(html: string, traceability: Traceability): string {
  const verdicts = new Map(traceability.testCases.map((row) => [row.id, row.verdict]));
  return html.replace(
    /<h2>([^<]*): <small>(TC_[A-Za-z0-9_]+)([^<]*)<\/small><\/h2>/g,
    (heading, keyword: string, id: string, rest: string) =>
      verdicts.has(id)
        ? `${scenarioAnchorHtml(id)}<h2>${keyword}: <small>${id}${rest}</small>${verdictBadge(verdicts.get(id))}</h2>`
        : heading,
  );
}

function writeReportInto(htmlDir: string, input: HtmlReportInput): void {
  const { features, traceability, matrix, meta, stopped } = input;
  const index = join(htmlDir, 'index.html');
  if (features.length === 0) {
    writeEmptyReport(index, input);
    return;
  }
  const jsonDir = mkdtempSync(join(tmpdir(), 'ocpp-report-'));
  try {
    writeFileSync(join(jsonDir, 'cucumber.json'), JSON.stringify(reporterInput(features, meta)));
    reporter.generate({
      jsonDir,
      reportPath: htmlDir,
      reportName: escapeHtml(`OCPP ${meta.ocppVersion} CSMS conformance — ${meta.csmsName}`),
      pageTitle: escapeHtml(`OCPP ${meta.ocppVersion} CSMS conformance report`),
      pageFooter: `${TRACEABILITY_PLACEHOLDER}${pageFooter(meta, new Date())}`,
      customMetadata: true,
      displayDuration: true,
      durationAggregation: 'wallClock',
      staticFilePath: true,
      disableLog: true,
    });
  } finally {
    rmSync(jsonDir, { recursive: true, force: true });
  }
  copyFileSync(require.resolve('@mermaid-js/tiny/dist/mermaid.tiny.js'), join(htmlDir, 'assets', 'js', MERMAID_FILE));

  inject(index, [
    ['</head>', (marker) => `<style>${REPORT_CSS}</style>\n${marker}`],
    ['<div class="main_container">', (marker) => `${marker}\n${runPanels(meta, traceability, stopped)}`],
    [TRACEABILITY_PLACEHOLDER, () => traceabilityPanels(traceability, matrix)],
    ['</body>', (marker) => `<script>${INDEX_PAGE_SCRIPT}</script>\n${marker}`],
  ]);
  const featureDir = join(htmlDir, 'features');
  for (const page of readdirSync(featureDir)) {
    const file = join(featureDir, page);
    writeFileSync(file, scenarioHeadings(readFileSync(file, 'utf8'), traceability));
    inject(file, [
      ['</head>', (marker) => `<style>${REPORT_CSS}</style>\n${marker}`],
      [TRACEABILITY_PLACEHOLDER, () => ''],
      ['</body>', (marker) => `<script src="../assets/js/${MERMAID_FILE}"></script>\n<script>${FEATURE_PAGE_SCRIPT}</script>\n${marker}`],
    ]);
  }
}
