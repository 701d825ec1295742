import type { DataTable } from '@cucumber/cucumber';
import type { FieldRow } from '../support/validation/field-checks';
import { assignPath, removePath } from '../support/validation/paths';
import { type ValueContext, resolveValue } from '../support/validation/values';

function rowsOf(table: DataTable, valueColumn: 'value' | 'expectation'): Array<{ field: string; cell: string }> {
  const [header, ...rows] = table.raw();
  if (!header || header.length !== 2 || header[0] !== 'field' || header[1] !== valueColumn) {
    throw new Error(`this step's table needs the columns | field | ${valueColumn} |, got | ${(header ?? []).join(' | ')} |`);
  }
  return rows.map(([field, cell]) => ({ field: field.trim(), cell }));
}

/** A `| field | expectation |` table as field checks. */
export function expectationRows(table: DataTable): FieldRow[] {
  return rowsOf(table, 'expectation').map(({ field, cell }) => ({ field, expectation: cell }));
}

/**
 * A `| field | value |` table written over `base` (paths such as evse.id or eventData[0].trigger).
 * The value `absent` removes a field the station would otherwise send.
 */
export function payloadFrom(
  table: DataTable | undefined,
  context: ValueContext,
  base: Record<string, unknown> = {},
): Record<string, unknown> {
  const payload = structuredClone(base);
  for (const { field, cell } of table ? rowsOf(table, 'value') : []) {
    if (cell.trim() === 'absent') removePath(payload, field);
    else assignPath(payload, field, resolveValue(cell, context).value);
  }
  return payload;
}
