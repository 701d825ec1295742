/**
 * Checks over several CSMS requests taken together, for the cases where the CSMS must split one
 * operator action into requests of at most ItemsPerMessage items (TC_B_08). They fail the way
 * every check of the suite fails: a ValidationError naming message, field, expected and actual.
 */
import { type FieldFailure, type FieldRow, ValidationError } from '../../../validation/field-checks';
import { parseExpectation, show } from '../../../validation/expectations';
import { locate, valueAt } from '../../../validation/paths';
import type { ValueContext } from '../../../validation/values';

function listsOf(payloads: readonly unknown[], listField: string): unknown[][] {
  return payloads.map((payload) => {
    const list = valueAt(payload, listField);
    return Array.isArray(list) ? (list as unknown[]) : [];
  });
}

function describeSizes(sizes: readonly number[]): string {
  return sizes.length === 1 ? String(sizes[0]) : `${sizes.slice(0, -1).join(', ')} and ${sizes[sizes.length - 1]}`;
}

function where(payloads: readonly unknown[], listField: string): string {
  return `${listField} (over ${payloads.length} request${payloads.length === 1 ? '' : 's'})`;
}

/** The requests' lists have exactly these sizes, in any order (e.g. one of 4 and one of 1). */
export function checkListSizes(messageName: string, payloads: readonly unknown[], listField: string, sizes: readonly number[]): void {
  const actual = listsOf(payloads, listField).map((list) => list.length);
  const sorted = (values: readonly number[]): number[] => [...values].sort((a, b) => b - a);
  if (JSON.stringify(sorted(actual)) === JSON.stringify(sorted(sizes))) return;
  throw new ValidationError([
    {
      message: messageName,
      field: where(payloads, listField),
      expected: `${sizes.length} request${sizes.length === 1 ? '' : 's'} of ${describeSizes(sizes)} elements, in either order`,
      actual:
        actual.length === 0
          ? 'no request'
          : `${actual.length} request${actual.length === 1 ? '' : 's'} of ${describeSizes(actual)} elements`,
    },
  ]);
}

/** No request's list holds more than `max` elements (the station's ItemsPerMessage). */
export function checkListLimit(messageName: string, payloads: readonly unknown[], listField: string, max: number): void {
  const failures: FieldFailure[] = listsOf(payloads, listField).flatMap((list, index) =>
    list.length > max
      ? [
          {
            message: `${messageName} #${index + 1}`,
            field: listField,
            expected: `at most ${max} elements`,
            actual: `${list.length} elements`,
          },
        ]
      : [],
  );
  if (failures.length > 0) throw new ValidationError(failures);
}

/** One expected element: field paths inside the element, each with an expectation. */
export type ElementRows = readonly FieldRow[];

function meets(element: unknown, rows: ElementRows, context: ValueContext): boolean {
  return rows.every((row) => {
    const expectation = parseExpectation(row.expectation, context);
    const located = locate(element, row.field);
    return (located.length > 0 ? located : [{ present: false, value: undefined }]).every((place) =>
      expectation.test(place.present, place.value),
    );
  });
}

function describeRows(rows: ElementRows, context: ValueContext): string {
  return rows.map((row) => `${row.field} = ${parseExpectation(row.expectation, context).text}`).join(', ');
}

/**
 * The requests' lists, taken together, hold exactly one element per expected element: nothing
 * missing, nothing extra, nothing twice. Elements may be in any request and any order.
 */
export function checkExactElements(
  messageName: string,
  payloads: readonly unknown[],
  listField: string,
  expected: readonly ElementRows[],
  context: ValueContext,
): void {
  const elements = listsOf(payloads, listField).flat();
  const candidates = expected.map((rows) => elements.flatMap((element, index) => (meets(element, rows, context) ? [index] : [])));
  // Kuhn's augmenting paths: a one-to-one pairing even where an element would meet several rows.
  const owner = new Array<number>(elements.length).fill(-1);
  const assign = (row: number, seen: Set<number>): boolean => {
    for (const index of candidates[row]) {
      if (seen.has(index)) continue;
      seen.add(index);
      if (owner[index] === -1 || assign(owner[index], seen)) {
        owner[index] = row;
        return true;
      }
    }
    return false;
  };
  const unmatchedRows = expected.flatMap((_rows, row) => (assign(row, new Set()) ? [] : [row]));
  const field = `${where(payloads, listField)}[*]`;
  const failures: FieldFailure[] = [
    ...unmatchedRows.map((row) => ({
      message: messageName,
      field,
      expected: `an element where ${describeRows(expected[row], context)}`,
      actual: candidates[row].length === 0 ? `none among ${show(elements)}` : 'only elements already matched by another row',
    })),
    ...elements.flatMap((element, index) =>
      owner[index] === -1
        ? [{ message: messageName, field, expected: 'only the elements asked for', actual: `also ${show(element)}` }]
        : [],
    ),
  ];
  if (failures.length > 0) throw new ValidationError(failures);
}
