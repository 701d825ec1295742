import assert from 'node:assert/strict';
import { ValidationError } from '../../support/validation/field-checks';

/** Runs a check that must fail, and returns its ValidationError. */
export function failureOf(run: () => void): ValidationError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ValidationError, String(error));
    return error;
  }
  assert.fail('expected a ValidationError');
}
