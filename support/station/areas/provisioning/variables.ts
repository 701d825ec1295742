/**
 * Device-model variables as a scenario names them in a table (| component | variable | instance |
 * value |), turned into the getVariableData / setVariableData the operator passes to the CSMS, and
 * into words for a person at the CSMS.
 */
import type {
  AttributeEnumType,
  ComponentType,
  GetVariableDataType,
  SetVariableDataType,
  VariableType,
} from '../../../../schemas/ocpp201-messages';
import { type ValueContext, resolveValue } from '../../../validation/values';

const COLUMNS = ['component', 'variable', 'instance', 'evse', 'connector', 'attributeType', 'value'] as const;
type Column = (typeof COLUMNS)[number];
const ATTRIBUTE_TYPES: readonly AttributeEnumType[] = ['Actual', 'Target', 'MinSet', 'MaxSet'];

export interface VariableRow {
  component: ComponentType;
  variable: VariableType;
  attributeType?: AttributeEnumType;
  /** The value to set, always a string (attributeValue). */
  value?: string;
}

function cellText(cell: string, context: ValueContext): string | undefined {
  if (cell.trim() === '') return undefined;
  const { value } = resolveValue(cell, context);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function cellInteger(cell: string, column: Column, context: ValueContext): number | undefined {
  if (cell.trim() === '') return undefined;
  const { value } = resolveValue(cell, context);
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`the ${column} column needs an integer, got "${cell}"`);
  return value;
}

/** Reads table rows (as from DataTable.hashes()); empty cells leave a field out. */
export function variableRows(rows: ReadonlyArray<Record<string, string>>, context: ValueContext): VariableRow[] {
  return rows.map((row) => {
    const unknown = Object.keys(row).filter((column) => !(COLUMNS as readonly string[]).includes(column));
    if (unknown.length > 0) throw new Error(`unknown column(s) ${unknown.join(', ')}; the columns are ${COLUMNS.join(', ')}`);
    const cell = (column: Column): string => row[column] ?? '';
    const name = cellText(cell('component'), context);
    const variableName = cellText(cell('variable'), context);
    if (!name || !variableName) throw new Error('every row needs a component and a variable');
    const evseId = cellInteger(cell('evse'), 'evse', context);
    const connectorId = cellInteger(cell('connector'), 'connector', context);
    const instance = cellText(cell('instance'), context);
    const attributeType = cellText(cell('attributeType'), context);
    if (attributeType !== undefined && !(ATTRIBUTE_TYPES as readonly string[]).includes(attributeType)) {
      throw new Error(`attributeType must be one of ${ATTRIBUTE_TYPES.join(', ')}, got "${attributeType}"`);
    }
    const value = cellText(cell('value'), context);
    return {
      component: { name, ...(evseId === undefined ? {} : { evse: { id: evseId, ...(connectorId === undefined ? {} : { connectorId }) } }) },
      variable: { name: variableName, ...(instance === undefined ? {} : { instance }) },
      ...(attributeType === undefined ? {} : { attributeType: attributeType as AttributeEnumType }),
      ...(value === undefined ? {} : { value }),
    };
  });
}

export function getVariableData(rows: readonly VariableRow[]): GetVariableDataType[] {
  return rows.map(({ component, variable, attributeType }) => ({ component, variable, ...(attributeType ? { attributeType } : {}) }));
}

export function setVariableData(rows: readonly VariableRow[]): SetVariableDataType[] {
  return rows.map(({ component, variable, attributeType, value }) => {
    if (value === undefined) throw new Error(`no value to set for ${describeVariable({ component, variable })}`);
    return { component, variable, attributeValue: value, ...(attributeType ? { attributeType } : {}) };
  });
}

/** "DeviceDataCtrlr.ItemsPerMessage[GetVariables]", "EVSE 1 AvailabilityState". */
export function describeVariable({ component, variable }: Pick<VariableRow, 'component' | 'variable'>): string {
  const where = component.evse
    ? ` ${component.evse.id}${component.evse.connectorId === undefined ? '' : `/${component.evse.connectorId}`}`
    : '';
  return `${component.name}${where}.${variable.name}${variable.instance ? `[${variable.instance}]` : ''}`;
}
