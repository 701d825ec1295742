/**
 * The enumerations of the official OCPP 2.0.1 schemas, by definition name (BootReasonEnumType, …),
 * so that a word in a feature file can be checked against the specification instead of being cast.
 */
import { ocpp201Schemas } from '../../schemas/ocpp201';

interface EnumDefinition {
  enum?: unknown[];
}

let byName: Map<string, readonly string[]> | undefined;

function enumerations(): Map<string, readonly string[]> {
  if (byName) return byName;
  byName = new Map();
  for (const schema of ocpp201Schemas) {
    for (const [name, definition] of Object.entries(schema.definitions ?? {})) {
      const values = (definition as EnumDefinition).enum;
      if (!Array.isArray(values)) continue;
      const known = new Set([...(byName.get(name) ?? []), ...values.map(String)]);
      byName.set(name, [...known]);
    }
  }
  return byName;
}

/** The values of one enumeration of the schemas; throws for a name no schema defines. */
export function enumValues(definition: string): readonly string[] {
  const values = enumerations().get(definition);
  if (!values) throw new Error(`no OCPP 2.0.1 schema defines the enumeration ${definition}`);
  return values;
}

/** A regular expression matching exactly one value of the enumeration (longest first). */
export function enumPattern(definition: string): RegExp {
  const alternatives = [...enumValues(definition)]
    .sort((a, b) => b.length - a.length)
    .map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(alternatives.join('|'));
}
