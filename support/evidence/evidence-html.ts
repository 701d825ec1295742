/**
 * The scenario's evidence as an HTML fragment for the report: the failure lines, the sequence
 * diagram (Mermaid text, drawn by the report page) and every frame with its payload as JSON.
 * Every value is escaped: payloads come from the CSMS under test and are not trusted.
 */
import type { CheckRecord } from '../validation/values';
import { type EvidenceEntry, isFrame } from './readable-trace';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** "07:56:23.780" of an ISO time: the date is the run's, shown once in the report header. */
function clockTime(iso: string): string {
  return /T(\d{2}:\d{2}:\d{2}\.\d{3})/.exec(iso)?.[1] ?? iso;
}

function payloadCell(entry: EvidenceEntry): string {
  if (!isFrame(entry)) return '';
  if (entry.type === 'CALLERROR') {
    return `<pre>${escapeHtml(JSON.stringify({ errorCode: entry.errorCode, errorDescription: entry.errorDescription }, null, 2))}</pre>`;
  }
  if (entry.raw !== undefined) return `<pre>${escapeHtml(entry.raw)}</pre>`;
  return entry.payload === undefined ? '' : `<pre>${escapeHtml(JSON.stringify(entry.payload, null, 2))}</pre>`;
}

function row(entry: EvidenceEntry): string {
  const time = `<td class="ocpp-time" title="${escapeHtml(entry.time)}">${escapeHtml(clockTime(entry.time))}</td>`;
  const connection = `<td>${escapeHtml(entry.connection)}</td>`;
  if (!isFrame(entry)) {
    return `<tr class="ocpp-event"><td></td>${time}${connection}<td colspan="4">${escapeHtml(entry.event)}</td></tr>`;
  }
  return [
    `<tr class="ocpp-frame ocpp-${entry.type.toLowerCase()}">`,
    `<td>${entry.n}</td>`,
    time,
    connection,
    `<td>${escapeHtml(entry.direction)}</td>`,
    `<td class="ocpp-message">${escapeHtml(entry.message)}</td>`,
    `<td class="ocpp-id">${escapeHtml(entry.messageId ?? '')}</td>`,
    `<td class="ocpp-payload">${payloadCell(entry)}</td>`,
    '</tr>',
  ].join('');
}

export interface EvidenceParts {
  failures: readonly string[];
  diagram: string;
  entries: readonly EvidenceEntry[];
  checks?: readonly CheckRecord[];
}

/** Every field check the scenario made, passed or failed: what the verdict rests on. */
function checksTable(checks: readonly CheckRecord[]): string[] {
  if (checks.length === 0) return [];
  const failed = checks.filter((check) => !check.passed).length;
  return [
    `<h4>Checks <small>(${checks.length}, ${failed} failed)</small></h4>`,
    '<table class="ocpp-checks"><thead><tr><th></th><th>Message</th><th>Field</th><th>Expected</th><th>Actual</th></tr></thead><tbody>',
    ...checks.map(
      (check) =>
        `<tr class="ocpp-check-${check.passed ? 'passed' : 'failed'}"><td>${check.passed ? '✓' : '✗'}</td><td>${escapeHtml(check.message)}</td><td>${escapeHtml(check.field)}</td><td>${escapeHtml(check.expected)}</td><td>${escapeHtml(check.actual)}</td></tr>`,
    ),
    '</tbody></table>',
  ];
}

export function evidenceHtml({ failures, diagram, entries, checks = [] }: EvidenceParts): string {
  const frameCount = entries.filter(isFrame).length;
  return [
    '<div class="ocpp-evidence">',
    ...failures.map((line) => `<div class="ocpp-failure">✗ ${escapeHtml(line)}</div>`),
    ...checksTable(checks),
    '<h4>Sequence diagram <small>(drawn from the frames below)</small></h4>',
    `<div class="ocpp-diagram"><pre class="ocpp-diagram-source">${escapeHtml(diagram)}</pre></div>`,
    `<h4>Frames <small>(${frameCount}, in the order they went over the wire; times in UTC)</small></h4>`,
    '<table class="ocpp-frames"><thead><tr>',
    '<th>#</th><th>Time</th><th>Station</th><th>Direction</th><th>Message</th><th>Message id</th><th>Payload</th>',
    '</tr></thead><tbody>',
    ...entries.map(row),
    '</tbody></table>',
    '</div>',
  ].join('\n');
}
