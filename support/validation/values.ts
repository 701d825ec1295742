import type { Config } from '../../kernel/config';
import { CONFIGURED_PHRASES, configuredValue } from './configured-values';
import { valueAt } from './paths';

/** What a value in a Gherkin table can refer to. */
export interface ValueContext {
  config: Config;
  /** A scenario variable, e.g. the running transaction's id as `transactionId`. */
  variable(name: string): unknown;
  /** The latest message of this name the scenario sent or received, e.g. "GetBaseReportRequest". */
  message(name: string): unknown;
  /** Hears of every check made with this context, passed or failed, for the scenario's evidence. */
  recordCheck?(check: CheckRecord): void;
}

/** One check the scenario made: it appears in the report whether it passed or failed. */
export interface CheckRecord {
  message: string;
  field: string;
  expected: string;
  actual: string;
  passed: boolean;
}

export interface ResolvedValue {
  value: unknown;
  /** How to show the value in a failure: `1 (the configured EVSE)`. */
  shown: string;
}

const UNIT_MS: Record<string, number> = { s: 1000, min: 60_000, h: 3_600_000 };

export function show(value: unknown): string {
  return value === undefined ? 'absent' : JSON.stringify(value);
}

/**
 * Reads one table cell as a value:
 *   "text"                 a string, exactly
 *   42, 1.5, true, false   a number or boolean
 *   [..], {..}             JSON
 *   <now>, <now + 60 s>    the current time (ISO 8601), optionally shifted (s, min, h; the amount may be a variable)
 *   <CONFIGURED_EVSE_ID>   a configuration variable
 *   <GetBaseReportRequest.requestId>  a field of the latest message of that name
 *   <transactionId>        a scenario variable
 *   the configured EVSE    a configured value, in words
 *   anything else          the text itself (enum values such as Accepted)
 */
export function resolveValue(cell: string, context: ValueContext): ResolvedValue {
  const text = cell.trim();
  if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) {
    return { value: JSON.parse(text) as string, shown: text };
  }
  if (/^-?\d+(\.\d+)?$/.test(text)) return { value: Number(text), shown: text };
  if (text === 'true' || text === 'false') return { value: text === 'true', shown: text };
  if ((text.startsWith('[') && text.endsWith(']')) || (text.startsWith('{') && text.endsWith('}'))) {
    try {
      return { value: JSON.parse(text) as unknown, shown: text };
    } catch {
      throw new Error(`"${text}" looks like JSON but is not valid JSON`);
    }
  }
  const placeholder = /^<(.+)>$/.exec(text);
  if (placeholder) {
    const value = resolvePlaceholder(placeholder[1].trim(), context);
    return { value, shown: `${show(value)} (${text})` };
  }
  if (text in CONFIGURED_PHRASES) {
    const value = configuredValue(context.config, text);
    return { value, shown: `${show(value)} (${text})` };
  }
  if (text.startsWith('the configured ')) configuredValue(context.config, text);
  return { value: text, shown: text };
}

function resolvePlaceholder(inner: string, context: ValueContext): unknown {
  // The shift may name a configuration variable: <now + CONFIGURED_CHARGING_SCHEDULE_DURATION s>.
  const now = /^now(?:\s*([+-])\s*(\d+|[A-Z][A-Z0-9_]*)\s*(s|min|h))?$/.exec(inner);
  if (now) {
    const amount = now[2] === undefined ? 0 : /^\d+$/.test(now[2]) ? Number(now[2]) : Number(resolvePlaceholder(now[2], context));
    const shift = now[1] ? (now[1] === '+' ? 1 : -1) * amount * UNIT_MS[now[3]] : 0;
    return new Date(Date.now() + shift).toISOString();
  }
  if (/^[A-Z][A-Z0-9_]*$/.test(inner)) {
    if (!(inner in context.config)) throw new Error(`<${inner}> is not a configuration variable`);
    return (context.config as unknown as Record<string, unknown>)[inner];
  }
  const messageField = /^([A-Z][A-Za-z0-9]+(?:Request|Response))\.(.+)$/.exec(inner);
  if (messageField) {
    const message = context.message(messageField[1]);
    if (message === undefined) throw new Error(`<${inner}>: no ${messageField[1]} was sent or received in this scenario`);
    const value = valueAt(message, messageField[2]);
    if (value === undefined) throw new Error(`<${inner}>: the ${messageField[1]} has no field ${messageField[2]}`);
    return value;
  }
  const value = context.variable(inner);
  if (value === undefined) throw new Error(`<${inner}> is not known in this scenario (no step remembered it)`);
  return value;
}
