import { type DataTable, Given, Then } from '@cucumber/cucumber';
import type { AuthorizationData, AuthorizationStatusEnumType } from '../schemas/ocpp201-messages';
import { duplicateIdTokens, installLocalList } from '../support/station/areas/authorization/lists';
import { configuredIdToken } from '../support/station/areas/authorization/tokens';
import { ValidationError } from '../support/validation/field-checks';
import { valueAt } from '../support/validation/paths';
import { resolveValue, show } from '../support/validation/values';
import type { OcttWorld } from '../support/world';

/** A list written as | idToken | status | groupIdToken |, the idTokens and groups in words. */
function listFrom(world: OcttWorld, table: DataTable): AuthorizationData[] {
  return table.hashes().map((row) => {
    if (!row.idToken || !row.status)
      throw new Error('a local list table needs the columns | idToken | status | (and optionally | groupIdToken |)');
    const group = row.groupIdToken ? String(resolveValue(row.groupIdToken, world.valueContext()).value) : undefined;
    return {
      idToken: configuredIdToken(world.config, row.idToken),
      idTokenInfo: {
        status: row.status as AuthorizationStatusEnumType,
        ...(group ? { groupIdToken: { idToken: group, type: 'Central' as const } } : {}),
      },
    };
  });
}

Given(
  /^the charging station holds a local authorization list of version (.+) with$/,
  function (this: OcttWorld, version: string, table: DataTable) {
    const number = resolveValue(version, this.valueContext()).value;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 1)
      throw new Error(`a list version is an integer >= 1, got ${show(number)}`);
    installLocalList(this.station(), number, listFrom(this, table));
  },
);

Given('the charging station has no local authorization list', function (this: OcttWorld) {
  installLocalList(this.station(), 0, []);
});

function inspectedSendLocalList(world: OcttWorld): { name: string; payload: unknown } {
  const inspected = world.inspected;
  if (inspected?.name !== 'SendLocalListRequest')
    throw new Error('no SendLocalListRequest to look at: wait for one with "the CSMS sends a SendLocalListRequest"');
  return inspected;
}

Then('no idToken appears twice in its localAuthorizationList', function (this: OcttWorld) {
  const { name, payload } = inspectedSendLocalList(this);
  const list = (valueAt(payload, 'localAuthorizationList') ?? []) as AuthorizationData[];
  const duplicates = duplicateIdTokens(list);
  if (duplicates.length > 0) {
    throw new ValidationError([
      {
        message: name,
        field: 'localAuthorizationList[*].idToken',
        expected: 'each idToken once',
        actual: `${duplicates.join(', ')} more than once`,
      },
    ]);
  }
});

Then(/^its versionNumber is greater than (.+)$/, function (this: OcttWorld, bound: string) {
  const { name, payload } = inspectedSendLocalList(this);
  const limit = resolveValue(bound, this.valueContext());
  const versionNumber = valueAt(payload, 'versionNumber');
  if (typeof versionNumber !== 'number' || typeof limit.value !== 'number' || versionNumber <= limit.value) {
    throw new ValidationError([
      { message: name, field: 'versionNumber', expected: `an integer > ${limit.shown}`, actual: show(versionNumber) },
    ]);
  }
});
