/**
 * The operator params of an OCPP action the suite asks a CSMS to send must be a valid part of that
 * request: a CSMS's adapter that builds the request from them would otherwise be asked for
 * something no CSMS may send (e.g. an empty localAuthorizationList, which SendLocalList's schema
 * forbids). Params are partial, the CSMS fills in the rest, so the check is the request's schema
 * without its `required` lists: no field the schema does not know, every value of its type, enum,
 * format and length, every list within its bounds.
 */
import { sharedSchemaValidator } from '../../kernel/ocpp/schema-validator';
import { EnvironmentError } from '../../kernel/verdicts';

/**
 * The suite's own request to the operator is wrong: the CSMS was not asked anything, so the
 * scenario says nothing about it (inconclusive), and the message names each wrong field.
 */
export class InvalidOperatorParams extends EnvironmentError {
  constructor(
    readonly action: string,
    readonly problems: readonly string[],
  ) {
    super(
      `the suite's operator params for ${action} are not a valid part of a ${action}Request, so the CSMS was not asked: ${problems.join('; ')}`,
    );
  }
}

/** The problems of `params` as a part of the `action` request; empty when valid. */
export function operatorParamsProblems(action: string, params: unknown): string[] {
  return sharedSchemaValidator().validatePartial(action, 'request', params).problems;
}

/** Throws InvalidOperatorParams naming every wrong field of `params`. */
export function checkOperatorParams(action: string, params: unknown): void {
  const problems = operatorParamsProblems(action, params);
  if (problems.length > 0) throw new InvalidOperatorParams(action, problems);
}
