/**
 * A Mermaid sequence diagram drawn from the readable trace: one arrow per frame, numbered like the
 * frame table, one note per connection event. Nothing is added that the frames do not show.
 */
import { type EvidenceEntry, STATION_TO_CSMS, headline, isFrame } from './readable-trace';

const CSMS = 'CSMS';
const NOTE_LENGTH = 90;

/**
 * Mermaid reads `;`, `#`, `%` and angle brackets as syntax; its entity codes (`#59;`) keep them
 * as text. Line breaks would end the statement.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[#;%<>{}]/g, (char) => `#${char.charCodeAt(0)};`)
    .trim();
}

function shortened(text: string): string {
  return text.length > NOTE_LENGTH ? `${text.slice(0, NOTE_LENGTH - 1)}…` : text;
}

export function sequenceDiagram(entries: readonly EvidenceEntry[]): string {
  const participants = new Map<string, string>();
  const aliasOf = (connection: string): string => {
    let alias = participants.get(connection);
    if (!alias) {
      alias = `S${participants.size + 1}`;
      participants.set(connection, alias);
    }
    return alias;
  };
  const lines: string[] = [];
  for (const entry of entries) {
    const station = aliasOf(entry.connection);
    if (!isFrame(entry)) {
      lines.push(`  Note over ${station}: ${mermaidText(shortened(entry.event))}`);
      continue;
    }
    const [from, to] = entry.direction === STATION_TO_CSMS ? [station, CSMS] : [CSMS, station];
    // A request is a solid arrow, an answer a dashed one, a CALLERROR a dashed cross.
    const arrow = entry.type === 'CALL' ? '->>' : entry.type === 'CALLERROR' ? '--x' : entry.type === 'CALLRESULT' ? '-->>' : '-)';
    const detail = entry.type === 'CALLERROR' ? entry.errorDescription : headline(entry);
    const label = detail ? `${entry.message} (${shortened(detail)})` : entry.message;
    lines.push(`  ${from}${arrow}${to}: ${mermaidText(label)}`);
  }
  const header = ['sequenceDiagram', '  autonumber'];
  for (const [connection, alias] of participants) header.push(`  participant ${alias} as ${mermaidText(connection)}`);
  header.push(`  participant ${CSMS}`);
  return [...header, ...lines].join('\n');
}
