import { isDeepStrictEqual } from 'node:util';
import { type ValueContext, resolveValue, show } from './values';

/** A check of one field: what it must be, and a test of a located value. */
export interface Expectation {
  /** The expectation in words, for failure messages. */
  readonly text: string;
  test(present: boolean, value: unknown): boolean;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Comparator = '>=' | '>' | '<=' | '<' | '=';
const compare = (op: Comparator, a: number, b: number): boolean =>
  op === '>=' ? a >= b : op === '>' ? a > b : op === '<=' ? a <= b : op === '<' ? a < b : a === b;

function splitTopLevel(text: string, separator: RegExp): string[] {
  // Quoted strings may contain the separator; split only outside quotes.
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    if (!quoted) {
      separator.lastIndex = 0;
      const rest = text.slice(i);
      const match = separator.exec(rest);
      if (match && match.index === 0) {
        parts.push(current);
        current = '';
        i += match[0].length - 1;
        continue;
      }
    }
    current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim());
}

/**
 * Reads an expectation cell:
 *   absent | present | any value (see resolveValue)
 *   A or B              either
 *   one of A, B, C      any of the listed values
 *   not X               anything but X
 *   an integer [>= N]   also: a number, a string, a non-empty string, a boolean, a date-time, an object, a list
 *   a date-time within N s of X
 *   N elements          also: at least N elements, at most N elements, an empty list
 *   contains X          a list holding X, or a string containing X
 *   matches /regex/
 */
export function parseExpectation(cell: string, context: ValueContext): Expectation {
  const text = cell.trim();
  const alternatives = splitTopLevel(text, / or /y);
  if (alternatives.length > 1) {
    const parts = alternatives.map((part) => parseExpectation(part, context));
    return { text, test: (present, value) => parts.some((part) => part.test(present, value)) };
  }
  if (text === 'absent') return { text, test: (present) => !present };
  if (text === 'present') return { text, test: (present) => present };
  if (text.startsWith('not ')) {
    const inner = parseExpectation(text.slice(4), context);
    return { text, test: (present, value) => !inner.test(present, value) };
  }
  const oneOf = /^one of (.+)$/.exec(text);
  if (oneOf) {
    const parts = splitTopLevel(oneOf[1], /,\s*/y).map((part) => parseExpectation(part, context));
    return { text, test: (present, value) => parts.some((part) => part.test(present, value)) };
  }
  const typed = /^an? (integer|number|decimal)(?:\s*(>=|>|<=|<|=)\s*(.+))?$/.exec(text);
  if (typed) {
    const [, kind, op, boundCell] = typed;
    // A bound may be a number or any value cell, e.g. `an integer > <LOCAL_LIST_VERSION>`.
    const bound = boundCell === undefined ? undefined : Number(resolveValue(boundCell, context).value);
    if (bound !== undefined && Number.isNaN(bound)) throw new Error(`"${boundCell}" in "${text}" is not a number`);
    return {
      text,
      test: (present, value) =>
        present &&
        typeof value === 'number' &&
        (kind !== 'integer' || Number.isInteger(value)) &&
        (op === undefined || bound === undefined || compare(op as Comparator, value, bound)),
    };
  }
  const simpleTypes: Record<string, (value: unknown) => boolean> = {
    'a string': (value) => typeof value === 'string',
    'a non-empty string': (value) => typeof value === 'string' && value.length > 0,
    'a boolean': (value) => typeof value === 'boolean',
    'a date-time': (value) => typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
    'an object': (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'a list': (value) => Array.isArray(value),
    'an empty list': (value) => Array.isArray(value) && value.length === 0,
  };
  if (text in simpleTypes) return { text, test: (present, value) => present && simpleTypes[text](value) };
  // A moment the CSMS chose "now": within a tolerance of the expected time, e.g.
  // `a date-time within <CSMS_ACTION_TIMEOUT> s of <now>`.
  const near = /^a date-time within (.+?) s of (.+)$/.exec(text);
  if (near) {
    const tolerance = Number(resolveValue(near[1], context).value);
    const target = resolveValue(near[2], context).value;
    const at = typeof target === 'string' ? Date.parse(target) : Number.NaN;
    if (Number.isNaN(tolerance) || Number.isNaN(at)) throw new Error(`"${text}" needs a number of seconds and a date-time`);
    return {
      text: `${text} (${new Date(at).toISOString()} ± ${tolerance} s)`,
      test: (present, value) =>
        present && typeof value === 'string' && ISO_DATE_TIME.test(value) && Math.abs(Date.parse(value) - at) <= tolerance * 1000,
    };
  }
  const count = /^(at least |at most )?(\d+) elements?$/.exec(text);
  if (count) {
    const [, qualifier, n] = count;
    const op: Comparator = qualifier === 'at least ' ? '>=' : qualifier === 'at most ' ? '<=' : '=';
    return { text, test: (present, value) => present && Array.isArray(value) && compare(op, value.length, Number(n)) };
  }
  const contains = /^contains (.+)$/.exec(text);
  if (contains) {
    const wanted = resolveValue(contains[1], context).value;
    return {
      text,
      test: (present, value) =>
        present &&
        ((Array.isArray(value) && value.some((item) => isDeepStrictEqual(item, wanted))) ||
          (typeof value === 'string' && typeof wanted === 'string' && value.includes(wanted))),
    };
  }
  const regex = /^matches \/(.+)\/([a-z]*)$/.exec(text);
  if (regex) {
    const pattern = new RegExp(regex[1], regex[2]);
    return { text, test: (present, value) => present && typeof value === 'string' && pattern.test(value) };
  }
  const expected = resolveValue(text, context);
  return {
    text: expected.shown,
    test: (present, value) => present && isDeepStrictEqual(value, expected.value),
  };
}

export { show };
