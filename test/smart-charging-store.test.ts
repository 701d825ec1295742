import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { ChargingProfileStore, type InstallContext } from '../kernel/smart-charging/profile-store';
import type { ChargingProfileType, SetChargingProfileResponse } from '../schemas/ocpp201-messages';

const NOW = '2025-01-06T10:00:00.000Z';

function profile(id: number, overrides: Partial<ChargingProfileType> = {}): ChargingProfileType {
  const kind = overrides.chargingProfileKind ?? 'Absolute';
  return {
    id,
    stackLevel: 1,
    chargingProfilePurpose: 'TxDefaultProfile',
    chargingProfileKind: kind,
    chargingSchedule: [
      {
        id: 1,
        chargingRateUnit: 'A',
        chargingSchedulePeriod: [{ startPeriod: 0, limit: 6 }],
        ...(kind === 'Relative' ? {} : { startSchedule: NOW }),
      },
    ],
    ...overrides,
  };
}

const txProfile = (id: number, transactionId: string | undefined, overrides: Partial<ChargingProfileType> = {}): ChargingProfileType =>
  profile(id, {
    chargingProfilePurpose: 'TxProfile',
    chargingProfileKind: 'Relative',
    ...(transactionId === undefined ? {} : { transactionId }),
    ...overrides,
  });

const withSchedule = (id: number, schedule: Partial<ChargingProfileType['chargingSchedule'][0]>): ChargingProfileType => {
  const p = profile(id);
  p.chargingSchedule = [{ ...p.chargingSchedule[0], ...schedule }];
  return p;
};

// A station with EVSEs 1 and 2; a transaction runs on EVSE 1 only.
const station = (overrides: Partial<InstallContext> = {}): InstallContext => ({
  hasEvse: (evseId) => evseId === 1 || evseId === 2,
  transactionOn: (evseId) => (evseId === 1 ? { id: 'tx-1' } : undefined),
  ...overrides,
});

const rejectedWith = (response: SetChargingProfileResponse, reasonCode: string): void => {
  assert.equal(response.status, 'Rejected');
  assert.equal(response.statusInfo?.reasonCode, reasonCode);
  assert.ok(response.statusInfo?.additionalInfo, 'a Rejected answer says why');
};

let store: ChargingProfileStore;
beforeEach(() => {
  store = new ChargingProfileStore();
});

describe('install: what is accepted', () => {
  test('a TxDefaultProfile on an EVSE (TC_K_01), on evseId 0 (TC_K_10) and a ChargingStationMaxProfile on 0 (TC_K_03)', () => {
    assert.deepEqual(store.install(1, profile(1), station()), { status: 'Accepted' });
    assert.deepEqual(store.install(0, profile(2, { stackLevel: 2 }), station()), { status: 'Accepted' });
    assert.deepEqual(store.install(0, profile(3, { chargingProfilePurpose: 'ChargingStationMaxProfile' }), station()), {
      status: 'Accepted',
    });
    assert.deepEqual(
      store.all().map((e) => [e.evseId, e.profile.id, e.source]),
      [
        [1, 1, 'CSO'],
        [0, 2, 'CSO'],
        [0, 3, 'CSO'],
      ],
    );
  });

  test('a TxProfile for the transaction ongoing on that EVSE (TC_K_60)', () => {
    assert.deepEqual(store.install(1, txProfile(1, 'tx-1'), station()), { status: 'Accepted' });
  });

  test('a Recurring profile with its recurrencyKind (TC_K_19)', () => {
    assert.deepEqual(store.install(1, profile(1, { chargingProfileKind: 'Recurring', recurrencyKind: 'Daily' }), station()), {
      status: 'Accepted',
    });
  });

  test('the same id replaces the installed profile (K01.FR.05, TC_K_04), even on another EVSE', () => {
    store.install(1, profile(7), station());
    const changed = profile(7);
    changed.chargingSchedule[0].chargingSchedulePeriod[0].limit = 8;
    assert.equal(store.install(2, changed, station()).status, 'Accepted');
    assert.deepEqual(
      store.all().map((e) => [e.evseId, e.profile.chargingSchedule[0].chargingSchedulePeriod[0].limit]),
      [[2, 8]],
    );
  });

  test('same stackLevel, purpose and EVSE is fine when the validity periods do not overlap', () => {
    store.install(1, profile(1, { validFrom: '2025-01-06T00:00:00.000Z', validTo: '2025-01-07T00:00:00.000Z' }), station());
    assert.equal(store.install(1, profile(2, { validFrom: '2025-01-07T00:00:00.000Z' }), station()).status, 'Accepted');
  });

  test('same stackLevel and purpose on two different EVSEs is fine', () => {
    store.install(1, profile(1), station());
    assert.equal(store.install(2, profile(2), station()).status, 'Accepted');
  });

  test('the store keeps its own copy of what it was given', () => {
    const given = profile(1);
    store.install(1, given, station());
    given.stackLevel = 9;
    store.all()[0].profile.stackLevel = 8;
    assert.equal(store.all()[0].profile.stackLevel, 1);
  });
});

describe('install: what is rejected, and why', () => {
  const cases: Array<{ name: string; evseId: number; profile: ChargingProfileType; context?: Partial<InstallContext>; reason: string }> = [
    {
      name: 'a TxProfile without a transaction on that EVSE (K01.FR.09, TC_K_02)',
      evseId: 2,
      profile: txProfile(1, 'tx-1'),
      reason: 'TxNotFound',
    },
    { name: 'a TxProfile naming another transaction (K01.FR.33)', evseId: 1, profile: txProfile(1, 'tx-9'), reason: 'TxNotFound' },
    { name: 'a TxProfile without transactionId (K01.FR.03)', evseId: 1, profile: txProfile(1, undefined), reason: 'MissingParam' },
    { name: 'a TxProfile on evseId 0 (K01.FR.16)', evseId: 0, profile: txProfile(1, 'tx-1'), reason: 'InvalidProfile' },
    {
      name: 'a ChargingStationMaxProfile on an EVSE',
      evseId: 1,
      profile: profile(1, { chargingProfilePurpose: 'ChargingStationMaxProfile' }),
      reason: 'InvalidProfile',
    },
    {
      name: 'a Relative ChargingStationMaxProfile (K01.FR.38)',
      evseId: 0,
      profile: profile(1, { chargingProfilePurpose: 'ChargingStationMaxProfile', chargingProfileKind: 'Relative' }),
      reason: 'InvalidProfile',
    },
    { name: 'an unknown EVSE (K01.FR.28)', evseId: 3, profile: profile(1), reason: 'UnknownEvse' },
    {
      name: 'ChargingStationExternalConstraints from the CSMS (K01.FR.22)',
      evseId: 0,
      profile: profile(1, { chargingProfilePurpose: 'ChargingStationExternalConstraints' }),
      reason: 'InvalidProfile',
    },
    {
      name: 'more periods than PeriodsPerSchedule',
      evseId: 1,
      profile: withSchedule(1, {
        chargingSchedulePeriod: [
          { startPeriod: 0, limit: 6 },
          { startPeriod: 60, limit: 8 },
          { startPeriod: 120, limit: 10 },
        ],
      }),
      context: { maxPeriodsPerSchedule: 2 },
      reason: 'TooManyElements',
    },
    {
      name: 'a stackLevel above ProfileStackLevel',
      evseId: 1,
      profile: profile(1, { stackLevel: 4 }),
      context: { maxStackLevel: 3 },
      reason: 'InvalidStackLevel',
    },
    {
      name: 'an unsupported chargingRateUnit (K01.FR.26)',
      evseId: 1,
      profile: profile(1),
      context: { rateUnits: ['W'] },
      reason: 'UnsupportedRateUnit',
    },
    {
      name: 'a first period not starting at 0 (K01.FR.31)',
      evseId: 1,
      profile: withSchedule(1, { chargingSchedulePeriod: [{ startPeriod: 10, limit: 6 }] }),
      reason: 'InvalidSchedule',
    },
    {
      name: 'periods out of order (K01.FR.35)',
      evseId: 1,
      profile: withSchedule(1, {
        chargingSchedulePeriod: [
          { startPeriod: 0, limit: 6 },
          { startPeriod: 120, limit: 8 },
          { startPeriod: 60, limit: 10 },
        ],
      }),
      reason: 'InvalidSchedule',
    },
    {
      name: 'an Absolute profile without startSchedule (K01.FR.40)',
      evseId: 1,
      profile: withSchedule(1, { startSchedule: undefined }),
      reason: 'InvalidSchedule',
    },
    {
      name: 'a Relative profile with startSchedule (K01.FR.41)',
      evseId: 1,
      profile: (() => {
        const p = profile(1, { chargingProfileKind: 'Relative' });
        p.chargingSchedule[0].startSchedule = NOW;
        return p;
      })(),
      reason: 'InvalidSchedule',
    },
    {
      name: 'a Recurring profile without recurrencyKind',
      evseId: 1,
      profile: profile(1, { chargingProfileKind: 'Recurring' }),
      reason: 'InvalidProfile',
    },
    {
      name: 'phaseToUse on a three-phase period (K01.FR.19)',
      evseId: 1,
      profile: withSchedule(1, { chargingSchedulePeriod: [{ startPeriod: 0, limit: 6, numberPhases: 3, phaseToUse: 1 }] }),
      reason: 'InvalidSchedule',
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      rejectedWith(store.install(c.evseId, c.profile, station(c.context)), c.reason);
      assert.deepEqual(store.all(), [], 'a rejected profile is not installed');
    });
  }

  test('more profiles than Entries; replacing one when full is still fine', () => {
    const full = station({ maxProfiles: 2 });
    store.install(1, profile(1), full);
    store.install(2, profile(2), full);
    rejectedWith(store.install(1, profile(3, { stackLevel: 2 }), full), 'TooManyElements');
    assert.equal(store.install(1, profile(1, { stackLevel: 3 }), full).status, 'Accepted');
    assert.equal(store.all().length, 2);
  });

  test('same stackLevel, purpose and EVSE with another id and overlapping validity (K01.FR.06)', () => {
    store.install(1, profile(1, { validTo: '2025-01-08T00:00:00.000Z' }), station());
    rejectedWith(store.install(1, profile(2, { validFrom: '2025-01-07T00:00:00.000Z' }), station()), 'DuplicateProfile');
    assert.deepEqual(
      store.all().map((e) => e.profile.id),
      [1],
    );
  });

  test('a TxProfile with the stackLevel of another TxProfile of the same transaction (K01.FR.39)', () => {
    store.install(1, txProfile(1, 'tx-1'), station());
    rejectedWith(store.install(1, txProfile(2, 'tx-1'), station()), 'DuplicateProfile');
    assert.equal(store.install(1, txProfile(2, 'tx-1', { stackLevel: 2 }), station()).status, 'Accepted');
  });

  test('a station-wide TxDefaultProfile sharing a stackLevel with an EVSE’s own, both ways (K01.FR.52, K01.FR.53)', () => {
    store.install(1, profile(1), station());
    rejectedWith(store.install(0, profile(2), station()), 'DuplicateProfile');
    const other = new ChargingProfileStore();
    other.install(0, profile(1), station());
    rejectedWith(other.install(2, profile(2), station()), 'DuplicateProfile');
  });

  test('the CSMS cannot overwrite an external constraint by reusing its id', () => {
    store.installExternal(0, profile(5, { chargingProfilePurpose: 'ChargingStationExternalConstraints' }), 'EMS');
    rejectedWith(store.install(0, profile(5), station()), 'DuplicateProfile');
    assert.equal(store.all()[0].source, 'EMS');
  });
});

describe('external limits (K12, K13)', () => {
  test('installExternal takes only ChargingStationExternalConstraints', () => {
    assert.throws(() => store.installExternal(0, profile(1), 'EMS'), TypeError);
  });
  test('removeExternal drops the constraints of that source (and EVSE)', () => {
    const external = (id: number): ChargingProfileType => profile(id, { chargingProfilePurpose: 'ChargingStationExternalConstraints' });
    store.installExternal(0, external(1), 'EMS');
    store.installExternal(1, external(2), 'EMS');
    store.installExternal(1, external(3), 'SO');
    assert.deepEqual(
      store.removeExternal('EMS', 1).map((e) => e.profile.id),
      [2],
    );
    assert.deepEqual(
      store.removeExternal('EMS').map((e) => e.profile.id),
      [1],
    );
    assert.deepEqual(
      store.all().map((e) => e.profile.id),
      [3],
    );
  });
});

describe('clear (K10)', () => {
  beforeEach(() => {
    store.install(1, profile(1), station());
    store.install(1, profile(2, { stackLevel: 2 }), station());
    store.install(0, profile(3, { chargingProfilePurpose: 'ChargingStationMaxProfile' }), station());
    store.install(1, txProfile(4, 'tx-1'), station());
    store.installExternal(1, profile(5, { chargingProfilePurpose: 'ChargingStationExternalConstraints' }), 'EMS');
  });
  const ids = (): number[] => store.all().map((e) => e.profile.id);

  test('by chargingProfileId (TC_K_05)', () => {
    const result = store.clear({ chargingProfileId: 2 });
    assert.equal(result.status, 'Accepted');
    assert.deepEqual(
      result.removed.map((e) => [e.evseId, e.profile.id]),
      [[1, 2]],
    );
    assert.deepEqual(ids(), [1, 3, 4, 5]);
  });

  test('by an unknown chargingProfileId: Unknown', () => {
    assert.deepEqual(store.clear({ chargingProfileId: 99 }), { status: 'Unknown', removed: [] });
  });

  test('a chargingProfileId rules over criteria', () => {
    assert.deepEqual(
      store.clear({ chargingProfileId: 1, chargingProfileCriteria: { stackLevel: 2 } }).removed.map((e) => e.profile.id),
      [1],
    );
  });

  test('by evseId + purpose + stackLevel, all of which must match (TC_K_06)', () => {
    const result = store.clear({ chargingProfileCriteria: { evseId: 1, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 1 } });
    assert.equal(result.status, 'Accepted');
    assert.deepEqual(
      result.removed.map((e) => e.profile.id),
      [1],
    );
  });

  test('by one criterion only', () => {
    assert.deepEqual(
      store.clear({ chargingProfileCriteria: { evseId: 1 } }).removed.map((e) => e.profile.id),
      [1, 2, 4],
    );
  });

  test('criteria nothing matches: Unknown (TC_K_08)', () => {
    assert.deepEqual(store.clear({ chargingProfileCriteria: { evseId: 2, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 1 } }), {
      status: 'Unknown',
      removed: [],
    });
    assert.equal(ids().length, 5);
  });

  test('no id and no criteria clears every profile the CSMS may clear', () => {
    assert.deepEqual(
      store.clear({}).removed.map((e) => e.profile.id),
      [1, 2, 3, 4],
    );
    assert.deepEqual(ids(), [5]);
  });

  test('external constraints are never cleared by the CSMS, by id or by purpose', () => {
    assert.equal(store.clear({ chargingProfileId: 5 }).status, 'Unknown');
    assert.equal(
      store.clear({ chargingProfileCriteria: { chargingProfilePurpose: 'ChargingStationExternalConstraints' } }).status,
      'Unknown',
    );
    assert.ok(ids().includes(5));
  });
});

describe('query (K09)', () => {
  beforeEach(() => {
    store.install(1, profile(1), station());
    store.install(2, profile(2, { stackLevel: 2 }), station());
    store.install(0, profile(3, { chargingProfilePurpose: 'ChargingStationMaxProfile' }), station());
    store.install(0, profile(4, { stackLevel: 3 }), station());
    store.install(1, txProfile(5, 'tx-1'), station());
    store.installExternal(1, profile(6, { chargingProfilePurpose: 'ChargingStationExternalConstraints', stackLevel: 0 }), 'EMS');
  });
  const shape = (groups: ReturnType<ChargingProfileStore['query']>): Array<[number, string, number[]]> =>
    groups.map((g) => [g.evseId, g.chargingLimitSource, g.chargingProfile.map((p) => p.id)]);

  test('no evseId: every EVSE and the station, grouped by evseId and source (TC_K_31)', () => {
    assert.deepEqual(shape(store.query({})), [
      [0, 'CSO', [3, 4]],
      [1, 'CSO', [1, 5]],
      [1, 'EMS', [6]],
      [2, 'CSO', [2]],
    ]);
  });

  test('evseId 0: the station’s own profiles only (TC_K_29)', () => {
    assert.deepEqual(shape(store.query({ evseId: 0, chargingProfilePurpose: 'TxDefaultProfile' })), [[0, 'CSO', [4]]]);
  });

  test('evseId N + purpose (TC_K_30, TC_K_35)', () => {
    assert.deepEqual(shape(store.query({ evseId: 1, chargingProfilePurpose: 'TxDefaultProfile' })), [[1, 'CSO', [1]]]);
  });

  test('evseId N + stackLevel (TC_K_33)', () => {
    assert.deepEqual(shape(store.query({ evseId: 2, stackLevel: 2 })), [[2, 'CSO', [2]]]);
    assert.deepEqual(store.query({ evseId: 2, stackLevel: 1 }), []);
  });

  test('evseId N + chargingLimitSource, any of the listed (TC_K_34)', () => {
    assert.deepEqual(shape(store.query({ evseId: 1, chargingLimitSource: ['EMS'] })), [[1, 'EMS', [6]]]);
    assert.deepEqual(shape(store.query({ evseId: 1, chargingLimitSource: ['SO', 'CSO'] })), [[1, 'CSO', [1, 5]]]);
  });

  test('purpose + stackLevel together (TC_K_36)', () => {
    assert.deepEqual(shape(store.query({ evseId: 1, chargingProfilePurpose: 'TxProfile', stackLevel: 1 })), [[1, 'CSO', [5]]]);
    assert.deepEqual(store.query({ evseId: 1, chargingProfilePurpose: 'TxProfile', stackLevel: 2 }), []);
  });

  test('chargingProfileId: any of the listed ids, on any EVSE (TC_K_32)', () => {
    assert.deepEqual(shape(store.query({ chargingProfileId: [2, 3, 99] })), [
      [0, 'CSO', [3]],
      [2, 'CSO', [2]],
    ]);
  });
});

describe('forEvse, all, removeTransactionProfiles', () => {
  test('forEvse gives exactly that EVSE’s profiles; 0 the station-wide ones', () => {
    store.install(1, profile(1), station());
    store.install(0, profile(2, { stackLevel: 2 }), station());
    assert.deepEqual(
      store.forEvse(1).map((e) => e.profile.id),
      [1],
    );
    assert.deepEqual(
      store.forEvse(0).map((e) => e.profile.id),
      [2],
    );
    assert.deepEqual(store.forEvse(2), []);
  });

  test('TxProfiles end with their transaction; other profiles stay', () => {
    store.install(1, profile(1), station());
    store.install(1, txProfile(2, 'tx-1'), station());
    store.install(1, txProfile(3, 'tx-1', { stackLevel: 2 }), station());
    assert.deepEqual(
      store.removeTransactionProfiles('tx-1').map((e) => e.profile.id),
      [2, 3],
    );
    assert.deepEqual(
      store.all().map((e) => e.profile.id),
      [1],
    );
    assert.deepEqual(store.removeTransactionProfiles('tx-1'), []);
  });
});
