/**
 * The official OCPP 2.0.1 JSON schemas (all 128), as shipped by the maintained `ocpp-rpc` package.
 * They are loaded from there, never retyped.
 */
import officialSchemas from 'ocpp-rpc/lib/schemas/ocpp2_0_1.json';

export interface OfficialSchema {
  $id: string;
  $schema?: string;
  definitions?: Record<string, unknown>;
  [keyword: string]: unknown;
}

export const ocpp201Schemas: readonly OfficialSchema[] = officialSchemas as OfficialSchema[];

export function actionOfSchemaId(id: string): { action: string; kind: 'req' | 'conf' } {
  const match = /^urn:([A-Za-z0-9]+)\.(req|conf)$/.exec(id);
  if (!match) throw new Error(`unexpected schema id ${id}`);
  return { action: match[1], kind: match[2] as 'req' | 'conf' };
}
