import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ocpp201Schemas, actionOfSchemaId } from '../../schemas/ocpp201';
import type { RpcErrorCode } from './errors';

export type PayloadKind = 'request' | 'response';

export interface ValidationResult {
  valid: boolean;
  /** One readable line per problem: JSON path, what is wrong, the offending value. */
  problems: string[];
  /** The CALLERROR code OCPP-J prescribes for the first problem. */
  rpcCode: RpcErrorCode;
}

/**
 * OCPP-J 2.0.1 error code definitions: occurrence (a required field missing, too many items),
 * type (a string where a number belongs), property (a value out of its allowed set or length),
 * and a payload that does not follow the PDU structure at all (unknown field).
 */
const RPC_CODE_BY_KEYWORD: Record<string, RpcErrorCode> = {
  required: 'OccurrenceConstraintViolation',
  minItems: 'OccurrenceConstraintViolation',
  maxItems: 'OccurrenceConstraintViolation',
  minProperties: 'OccurrenceConstraintViolation',
  maxProperties: 'OccurrenceConstraintViolation',
  type: 'TypeConstraintViolation',
  enum: 'PropertyConstraintViolation',
  const: 'PropertyConstraintViolation',
  maxLength: 'PropertyConstraintViolation',
  minLength: 'PropertyConstraintViolation',
  maximum: 'PropertyConstraintViolation',
  minimum: 'PropertyConstraintViolation',
  exclusiveMaximum: 'PropertyConstraintViolation',
  exclusiveMinimum: 'PropertyConstraintViolation',
  multipleOf: 'PropertyConstraintViolation',
  pattern: 'PropertyConstraintViolation',
  format: 'PropertyConstraintViolation',
  additionalProperties: 'ProtocolError',
};

function valueAt(root: unknown, pointer: string): unknown {
  if (!pointer) return root;
  let current: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function describe(error: ErrorObject, payload: unknown): string {
  const path = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : '(payload)';
  switch (error.keyword) {
    case 'required':
      return `${path === '(payload)' ? '' : `${path}.`}${String(error.params.missingProperty)} is required but absent`;
    case 'additionalProperties':
      return `${path === '(payload)' ? '' : `${path}.`}${String(error.params.additionalProperty)} is not a field of this message`;
    case 'enum':
      return `${path} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}, got ${JSON.stringify(valueAt(payload, error.instancePath))}`;
    default:
      return `${path} ${error.message ?? 'is invalid'}, got ${JSON.stringify(valueAt(payload, error.instancePath))}`;
  }
}

/** A copy of a schema with every `required` list dropped, at any depth (definitions included). */
function withoutRequired(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutRequired);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !(key === 'required' && Array.isArray(value)))
      .map(([key, value]) => [key, withoutRequired(value)]),
  );
}

/** Validates payloads against the official OCPP 2.0.1 schemas; each schema is compiled once, on first use. */
export class SchemaValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly compiledPartial = new Map<string, ValidateFunction>();
  private readonly sources = new Map<string, object>();

  constructor() {
    this.ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
    addFormats(this.ajv);
    for (const schema of ocpp201Schemas) {
      const { action, kind } = actionOfSchemaId(schema.$id);
      // The official files carry $schema draft-07 ids ajv knows; $id is dropped so each compiles standalone.
      const { $id: _id, ...body } = schema;
      this.sources.set(`${action}:${kind === 'req' ? 'request' : 'response'}`, body);
    }
  }

  /** Number of official schemas known (128 for OCPP 2.0.1). */
  get schemaCount(): number {
    return this.sources.size;
  }

  has(action: string, kind: PayloadKind): boolean {
    return this.sources.has(`${action}:${kind}`);
  }

  validate(action: string, kind: PayloadKind, payload: unknown): ValidationResult {
    const validator = this.validatorFor(action, kind);
    if (validator(payload)) return { valid: true, problems: [], rpcCode: 'FormatViolation' };
    const errors = validator.errors ?? [];
    const first = errors[0];
    return {
      valid: false,
      problems: errors.map((error) => describe(error, payload)),
      rpcCode: (first && RPC_CODE_BY_KEYWORD[first.keyword]) ?? 'FormatViolation',
    };
  }

  /**
   * Validates a part of a payload: the schema without its `required` lists, so absent fields are
   * fine, but every field given must be one the schema knows, of the right type, enum, format and
   * length, and every list within its minItems/maxItems. For the operator params of a request,
   * whose missing fields are the CSMS's own choice.
   */
  validatePartial(action: string, kind: PayloadKind, payload: unknown): ValidationResult {
    const key = `${action}:${kind}`;
    let validator = this.compiledPartial.get(key);
    if (!validator) {
      const source = this.sources.get(key);
      if (!source) throw new Error(`no OCPP 2.0.1 schema for ${action} ${kind}`);
      validator = this.ajv.compile(withoutRequired(source) as object);
      this.compiledPartial.set(key, validator);
    }
    if (validator(payload)) return { valid: true, problems: [], rpcCode: 'FormatViolation' };
    const errors = validator.errors ?? [];
    return {
      valid: false,
      problems: errors.map((error) => describe(error, payload)),
      rpcCode: (errors[0] && RPC_CODE_BY_KEYWORD[errors[0].keyword]) ?? 'FormatViolation',
    };
  }

  private validatorFor(action: string, kind: PayloadKind): ValidateFunction {
    const key = `${action}:${kind}`;
    let validator = this.compiled.get(key);
    if (!validator) {
      const source = this.sources.get(key);
      if (!source) throw new Error(`no OCPP 2.0.1 schema for ${action} ${kind}`);
      validator = this.ajv.compile(source);
      this.compiled.set(key, validator);
    }
    return validator;
  }
}

let shared: SchemaValidator | undefined;

/** One validator per process: compiled schemas are shared by every connection. */
export function sharedSchemaValidator(): SchemaValidator {
  shared ??= new SchemaValidator();
  return shared;
}
