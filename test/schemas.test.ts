import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateTypes } from '../schemas/generate-types';
import { ocpp201Schemas } from '../schemas/ocpp201';
import { CSMS_TO_STATION_ACTIONS, STATION_TO_CSMS_ACTIONS } from '../kernel/ocpp/actions';
import { SchemaValidator } from '../kernel/ocpp/schema-validator';

test('the official OCPP 2.0.1 schema set is complete: 64 actions, a request and a response each', () => {
  assert.equal(ocpp201Schemas.length, 128);
  const validator = new SchemaValidator();
  assert.equal(validator.schemaCount, 128);
  const actions = new Set([...STATION_TO_CSMS_ACTIONS, ...CSMS_TO_STATION_ACTIONS]);
  assert.equal(actions.size, 64);
  for (const action of actions) {
    assert.ok(validator.has(action, 'request'), `${action} request schema`);
    assert.ok(validator.has(action, 'response'), `${action} response schema`);
  }
});

test('the generated message types are up to date with the schemas', async () => {
  const committed = readFileSync(join(__dirname, '..', 'schemas', 'ocpp201-messages.ts'), 'utf8');
  assert.equal(committed, await generateTypes(), 'run `npm run schemas` and commit schemas/ocpp201-messages.ts');
});
