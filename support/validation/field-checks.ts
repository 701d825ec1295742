import { type Expectation, parseExpectation, show } from './expectations';
import { locate } from './paths';
import type { ValueContext } from './values';

/** One failed check: which message, which field, what was expected, what was there. */
export interface FieldFailure {
  message: string;
  field: string;
  expected: string;
  actual: string;
}

/** A validation of the catalog failed. The message states each failure on one line. */
export class ValidationError extends Error {
  constructor(readonly failures: readonly FieldFailure[]) {
    super(failures.map((f) => `${f.message} ${f.field}: expected ${f.expected}, got ${f.actual}`).join('\n'));
    this.name = 'ValidationError';
  }
}

export interface FieldRow {
  field: string;
  expectation: string;
}

function failuresOf(messageName: string, payload: unknown, field: string, expectation: Expectation, prefix = ''): FieldFailure[] {
  let located = locate(payload, field);
  if (located.length === 0) located = [{ path: field, present: false, value: undefined }];
  return located
    .filter((place) => !expectation.test(place.present, place.value))
    .map((place) => ({
      message: messageName,
      field: prefix + (place.path || field),
      expected: expectation.text,
      actual: place.present ? show(place.value) : 'absent',
    }));
}

/** Checks every row; throws one ValidationError naming every failing field. Every row is recorded. */
export function checkFields(messageName: string, payload: unknown, rows: readonly FieldRow[], context: ValueContext): void {
  const failures = rows.flatMap((row) => {
    const expectation = parseExpectation(row.expectation, context);
    const failed = failuresOf(messageName, payload, row.field, expectation);
    if (failed.length > 0) for (const failure of failed) context.recordCheck?.({ ...failure, passed: false });
    else
      context.recordCheck?.({
        message: messageName,
        field: row.field,
        expected: expectation.text,
        actual: shownAt(payload, row.field),
        passed: true,
      });
    return failed;
  });
  if (failures.length > 0) throw new ValidationError(failures);
}

/** The value(s) at a field path as a failure line shows them. */
function shownAt(payload: unknown, field: string): string {
  const located = locate(payload, field).filter((place) => place.present);
  if (located.length === 0) return 'absent';
  return located.length === 1 ? show(located[0].value) : `[${located.map((place) => show(place.value)).join(', ')}]`;
}

/** Checks one field; throws a ValidationError when it does not meet the expectation. */
export function checkField(messageName: string, payload: unknown, field: string, expectation: string, context: ValueContext): void {
  checkFields(messageName, payload, [{ field, expectation }], context);
}

/**
 * Checks that the list at `listPath` holds at least one element meeting every row (paths relative
 * to the element), in any position. Returns the index of the first such element.
 */
export function checkSomeElement(
  messageName: string,
  payload: unknown,
  listPath: string,
  rows: readonly FieldRow[],
  context: ValueContext,
  exclude: ReadonlySet<number> = new Set(),
): number {
  const [list] = locate(payload, listPath);
  const wanted = rows.map((row) => `${row.field} ${row.expectation}`).join(', ');
  if (!list?.present || !Array.isArray(list.value)) {
    throw new ValidationError([
      {
        message: messageName,
        field: listPath,
        expected: `a list with an element where ${wanted}`,
        actual: list?.present ? show(list.value) : 'absent',
      },
    ]);
  }
  const expectations = rows.map((row) => ({ row, expectation: parseExpectation(row.expectation, context) }));
  const elements = list.value as unknown[];
  const expected = `an element where ${expectations.map(({ row, expectation }) => `${row.field} = ${expectation.text}`).join(', ')}`;
  for (let index = 0; index < elements.length; index++) {
    if (exclude.has(index)) continue;
    const failing = expectations.flatMap(({ row, expectation }) => failuresOf(messageName, elements[index], row.field, expectation));
    if (failing.length === 0) {
      context.recordCheck?.({
        message: messageName,
        field: `${listPath}[${index}]`,
        expected,
        actual: show(elements[index]),
        passed: true,
      });
      return index;
    }
  }
  const failure = { message: messageName, field: `${listPath}[*]`, expected, actual: show(elements) };
  context.recordCheck?.({ ...failure, passed: false });
  throw new ValidationError([failure]);
}
