/**
 * The self-test's map of the suite (npm run selftest): from one unmutated run's Cucumber messages,
 * which scenario saw which CSMS message with which payloads, and which scenarios a mutant runs on.
 */
import { readFileSync } from 'node:fs';
import type { Mutant } from '../../csms/faults/mutants';

/** Scenarios run per mutant: enough to see the message in different blocks, few enough to be quick. */
export const SCENARIOS_PER_MUTANT = 3;

/**
 * What one unmutated run showed: per CSMS message (e.g. ResetRequest), the scenarios that saw it
 * with the payloads they saw; per scenario, the words of its steps and tables.
 */
export interface MessageIndex {
  seen: Map<string, Map<string, unknown[]>>;
  wording: Map<string, string[]>;
  /** Per CSMS request, the scenarios where it came after another CSMS CALL on the same connection. */
  afterEarlierCall: Map<string, Set<string>>;
}

interface PickleMessage {
  name: string;
  steps: Array<{ text: string; argument?: { dataTable?: { rows: Array<{ cells: Array<{ value: string }> }> } } }>;
}

/** The index from a run's Cucumber messages (e.g. the cucumber.ndjson of the suite run just made). */
export function indexFromMessages(ndjson: string): MessageIndex {
  const seen = new Map<string, Map<string, unknown[]>>();
  const wording = new Map<string, string[]>();
  const afterEarlierCall = new Map<string, Set<string>>();
  for (const line of readFileSync(ndjson, 'utf8').split('\n')) {
    if (line.startsWith('{"pickle"')) {
      const pickle = (JSON.parse(line) as { pickle: PickleMessage }).pickle;
      const words = pickle.steps.flatMap((step) => [
        step.text,
        ...(step.argument?.dataTable?.rows ?? []).flatMap((row) => row.cells.map((cell) => cell.value)),
      ]);
      wording.set(pickle.name, words);
      continue;
    }
    if (!line.includes('ocpp-frames.json')) continue;
    const attachment = (JSON.parse(line) as { attachment?: { fileName?: string; body: string } }).attachment;
    if (attachment?.fileName !== 'ocpp-frames.json') continue;
    const document = JSON.parse(attachment.body) as {
      scenario: string;
      entries: Array<{ connection?: string; direction?: string; type?: string; message?: string; payload?: unknown; event?: string }>;
    };
    const callsOn = new Map<string, number>();
    for (const entry of document.entries) {
      const connection = entry.connection ?? '';
      if (entry.event?.startsWith('connected')) callsOn.set(connection, 0);
      if (!entry.direction?.startsWith('CSMS') || !entry.message) continue;
      if (entry.type === 'CALL') {
        if ((callsOn.get(connection) ?? 0) > 0)
          afterEarlierCall.set(entry.message, (afterEarlierCall.get(entry.message) ?? new Set<string>()).add(document.scenario));
        callsOn.set(connection, (callsOn.get(connection) ?? 0) + 1);
      }
      const scenarios = seen.get(entry.message) ?? new Map<string, unknown[]>();
      scenarios.set(document.scenario, [...(scenarios.get(document.scenario) ?? []), entry.payload]);
      seen.set(entry.message, scenarios);
    }
  }
  return { seen, wording, afterEarlierCall };
}

/** A spread over the blocks: the first scenarios of different blocks before a second of any. */
function spread(scenarios: readonly string[], count: number): string[] {
  const byBlock = new Map<string, string[]>();
  for (const scenario of scenarios) {
    const block = /^TC_([A-Z])_/.exec(scenario)?.[1] ?? '?';
    byBlock.set(block, [...(byBlock.get(block) ?? []), scenario]);
  }
  const picked: string[] = [];
  for (let round = 0; picked.length < count && round < scenarios.length; round++) {
    for (const list of byBlock.values()) if (list[round] && picked.length < count) picked.push(list[round]);
  }
  return picked;
}

/** The fields (dotted paths, list positions as [*]) whose values differ between two payloads. */
export function changedFields(before: unknown, after: unknown, path = ''): string[] {
  const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';
  const at = (key: string): string => (/^\d+$/.test(key) ? `${path}[*]` : path ? `${path}.${key}` : key);
  if (isObject(before) && isObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((key) => changedFields(before[key], after[key], at(key)));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const leaves = (value: unknown): string[] =>
    isObject(value) ? Object.keys(value).flatMap((key) => changedFields(value[key], undefined, at(key))) : [];
  return [path, ...leaves(before), ...leaves(after)].filter(Boolean);
}

/**
 * How well a scenario checks what the mutant changes, on the payloads it saw: 3 = a table of its
 * steps names a changed field (or one inside it), 2 = it names the object a changed field is in,
 * or a step's words name the field, 1 = the mutant fires there
 * (changes the message, or drops, delays or replaces it), 0 = it would not fire.
 */
function relevance(mutant: Mutant, payloads: readonly unknown[], wording: readonly string[]): number {
  let best = 0;
  for (const payload of payloads) {
    if (payload === null || typeof payload !== 'object') continue;
    const outcome = mutant.mutate(structuredClone(payload) as Record<string, unknown>);
    if (outcome === 'unchanged') continue;
    best = Math.max(best, 1);
    const changed = typeof outcome === 'object' && 'payload' in outcome ? changedFields(payload, outcome.payload) : [];
    for (const field of changed) {
      const leaf =
        field
          .split(/[.[\]*]+/)
          .filter(Boolean)
          .pop() ?? field;
      for (const words of wording) {
        const cell = words.replace(/\[\d+\]/g, '[*]');
        if (cell === field || cell.startsWith(`${field}.`) || cell.startsWith(`${field}[`)) return 3;
        // A check of the object the field is in (e.g. "idTokenInfo | present"), or the field's name in a step.
        if (field.startsWith(`${cell}.`) || field.startsWith(`${cell}[`) || new RegExp(`\\b${leaf}\\b`).test(words)) best = 2;
      }
    }
  }
  return best;
}

/**
 * The scenarios a mutant runs against: those where it fires, first those that check the fields
 * it changes, each group spread over the blocks. Where it fires nowhere, the scenarios that saw
 * the message (the run then says NOT FIRED).
 */
export function scenariosFor(mutant: Mutant, index: MessageIndex, count = SCENARIOS_PER_MUTANT): string[] {
  const message = `${mutant.action}${mutant.kind === 'request' ? 'Request' : 'Response'}`;
  const seen = index.seen.get(message) ?? new Map<string, unknown[]>();
  const ranked = new Map<number, string[]>();
  const earlier = index.afterEarlierCall.get(message);
  const allowed = [...seen].filter(([scenario]) => !mutant.scenarios || mutant.scenarios.test(scenario));
  for (const [scenario, payloads] of allowed.sort(([a], [b]) => a.localeCompare(b))) {
    const rank = mutant.needsEarlierCall && !earlier?.has(scenario) ? 0 : relevance(mutant, payloads, index.wording.get(scenario) ?? []);
    ranked.set(rank, [...(ranked.get(rank) ?? []), scenario]);
  }
  const firing = [3, 2, 1].flatMap((rank) => spread(ranked.get(rank) ?? [], Infinity));
  return (firing.length > 0 ? firing : spread(ranked.get(0) ?? [], Infinity)).slice(0, count);
}
