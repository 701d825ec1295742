import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compositeSchedule, convertLimit, limitAt, type CompositeScheduleInput } from '../kernel/smart-charging/composite-schedule';
import type { InstalledProfile } from '../kernel/smart-charging/profile-store';
import type {
  ChargingProfileKindEnumType,
  ChargingProfilePurposeEnumType,
  ChargingProfileType,
  ChargingRateUnitEnumType,
  ChargingSchedulePeriodType,
} from '../schemas/ocpp201-messages';

// Monday 2025-01-06 10:00 UTC; every window below starts here unless it says otherwise.
const T0 = Date.parse('2025-01-06T10:00:00.000Z');
const iso = (offsetSeconds: number): string => new Date(T0 + offsetSeconds * 1000).toISOString();

type Period = [startPeriod: number, limit: number, numberPhases?: number];

interface ProfileSpec {
  id?: number;
  evseId?: number;
  purpose?: ChargingProfilePurposeEnumType;
  kind?: ChargingProfileKindEnumType;
  stackLevel?: number;
  periods: Period[];
  unit?: ChargingRateUnitEnumType;
  /** Seconds from T0; Absolute profiles default to T0. */
  startSchedule?: number | string;
  duration?: number;
  validFrom?: number;
  validTo?: number;
  recurrencyKind?: 'Daily' | 'Weekly';
  transactionId?: string;
}

let nextId = 1;
function installed(spec: ProfileSpec): InstalledProfile {
  const kind = spec.kind ?? 'Absolute';
  const startSchedule =
    typeof spec.startSchedule === 'string' ? spec.startSchedule : kind === 'Relative' ? undefined : iso(spec.startSchedule ?? 0);
  const profile: ChargingProfileType = {
    id: spec.id ?? nextId++,
    stackLevel: spec.stackLevel ?? 0,
    chargingProfilePurpose: spec.purpose ?? 'TxDefaultProfile',
    chargingProfileKind: kind,
    chargingSchedule: [
      {
        id: 1,
        chargingRateUnit: spec.unit ?? 'A',
        chargingSchedulePeriod: spec.periods.map(([startPeriod, limit, numberPhases]) =>
          numberPhases === undefined ? { startPeriod, limit } : { startPeriod, limit, numberPhases },
        ),
        ...(startSchedule === undefined ? {} : { startSchedule }),
        ...(spec.duration === undefined ? {} : { duration: spec.duration }),
      },
    ],
    ...(spec.validFrom === undefined ? {} : { validFrom: iso(spec.validFrom) }),
    ...(spec.validTo === undefined ? {} : { validTo: iso(spec.validTo) }),
    ...(spec.recurrencyKind === undefined ? {} : { recurrencyKind: spec.recurrencyKind }),
    ...(spec.transactionId === undefined ? {} : { transactionId: spec.transactionId }),
  };
  const external = profile.chargingProfilePurpose === 'ChargingStationExternalConstraints';
  return { evseId: spec.evseId ?? 1, profile, source: external ? 'EMS' : 'CSO' };
}

interface Case {
  name: string;
  profiles: ProfileSpec[];
  evseId?: number;
  /** Seconds from T0. */
  start?: number;
  duration?: number;
  unit?: ChargingRateUnitEnumType;
  transaction?: { id: string; start: number };
  defaultLimit?: number;
  expected: Period[] | undefined;
}

const TX = 'tx-1';
const cases: Case[] = [
  { name: 'one Absolute TxDefaultProfile', profiles: [{ periods: [[0, 6]] }], expected: [[0, 6]] },
  {
    name: 'a schedule starting inside the window leaves the leading gap out',
    profiles: [{ startSchedule: 100, periods: [[0, 6]] }],
    expected: [[100, 6]],
  },
  {
    name: 'the configured default fills the moments no profile limits',
    profiles: [{ startSchedule: 100, periods: [[0, 6]] }],
    defaultLimit: 32,
    expected: [
      [0, 32],
      [100, 6],
    ],
  },
  {
    name: 'a schedule duration ending inside the window',
    profiles: [{ duration: 200, periods: [[0, 6]] }],
    defaultLimit: 32,
    expected: [
      [0, 6],
      [200, 32],
    ],
  },
  {
    name: 'several periods',
    profiles: [
      {
        periods: [
          [0, 16],
          [100, 10],
          [200, 16],
        ],
      },
    ],
    expected: [
      [0, 16],
      [100, 10],
      [200, 16],
    ],
  },
  {
    name: 'periods with the same limit are merged',
    profiles: [
      {
        periods: [
          [0, 16],
          [100, 16],
          [200, 10],
        ],
      },
    ],
    expected: [
      [0, 16],
      [200, 10],
    ],
  },
  {
    name: 'the higher stack level rules while it is valid',
    profiles: [
      { stackLevel: 1, periods: [[0, 10]] },
      { stackLevel: 2, validFrom: 100, validTo: 200, periods: [[0, 6]] },
    ],
    expected: [
      [0, 10],
      [100, 6],
      [200, 10],
    ],
  },
  {
    name: 'the lower stack level takes over when the higher one’s duration ends',
    profiles: [
      { stackLevel: 1, periods: [[0, 10]] },
      { stackLevel: 2, duration: 120, periods: [[0, 6]] },
    ],
    expected: [
      [0, 6],
      [120, 10],
    ],
  },
  {
    name: 'overlapping validity: the higher one until it expires, then the lower',
    profiles: [
      { stackLevel: 1, validTo: 150, periods: [[0, 8]] },
      { stackLevel: 0, validFrom: 100, periods: [[0, 12]] },
    ],
    expected: [
      [0, 8],
      [150, 12],
    ],
  },
  {
    name: 'a profile expiring in the middle of the window',
    profiles: [{ validTo: 180, periods: [[0, 6]] }],
    defaultLimit: 32,
    expected: [
      [0, 6],
      [180, 32],
    ],
  },
  {
    name: 'a profile valid only after the window does not apply',
    profiles: [{ validFrom: 400, periods: [[0, 6]] }],
    defaultLimit: 32,
    expected: [[0, 32]],
  },
  {
    name: 'the TxProfile of the transaction wins over a TxDefaultProfile of higher stack level',
    profiles: [
      { stackLevel: 5, periods: [[0, 16]] },
      { purpose: 'TxProfile', kind: 'Relative', transactionId: TX, periods: [[0, 10]] },
    ],
    transaction: { id: TX, start: 0 },
    expected: [[0, 10]],
  },
  {
    name: 'a TxProfile of another transaction does not apply',
    profiles: [{ periods: [[0, 16]] }, { purpose: 'TxProfile', kind: 'Relative', transactionId: 'other', periods: [[0, 10]] }],
    transaction: { id: TX, start: 0 },
    expected: [[0, 16]],
  },
  {
    name: 'a TxProfile does not apply without a transaction',
    profiles: [{ periods: [[0, 16]] }, { purpose: 'TxProfile', kind: 'Relative', transactionId: TX, periods: [[0, 10]] }],
    expected: [[0, 16]],
  },
  {
    name: 'the TxDefaultProfile takes over when the TxProfile’s duration ends',
    profiles: [{ periods: [[0, 16]] }, { purpose: 'TxProfile', kind: 'Relative', transactionId: TX, duration: 100, periods: [[0, 10]] }],
    transaction: { id: TX, start: 0 },
    expected: [
      [0, 10],
      [100, 16],
    ],
  },
  {
    name: 'Relative with a transaction counts from the transaction start',
    profiles: [
      {
        purpose: 'TxProfile',
        kind: 'Relative',
        transactionId: TX,
        periods: [
          [0, 10],
          [150, 20],
        ],
      },
    ],
    transaction: { id: TX, start: -100 },
    expected: [
      [0, 10],
      [50, 20],
    ],
  },
  {
    name: 'Relative without a transaction counts from the window start',
    profiles: [
      {
        kind: 'Relative',
        periods: [
          [0, 10],
          [60, 20],
        ],
      },
    ],
    start: 1000,
    expected: [
      [0, 10],
      [60, 20],
    ],
  },
  {
    name: 'a station-wide TxDefaultProfile applies to an EVSE without its own',
    profiles: [{ evseId: 0, periods: [[0, 6]] }],
    evseId: 2,
    expected: [[0, 6]],
  },
  {
    name: 'an EVSE’s own TxDefaultProfile of higher stack level wins over the station-wide one',
    profiles: [
      { evseId: 0, stackLevel: 0, periods: [[0, 6]] },
      { evseId: 1, stackLevel: 1, periods: [[0, 10]] },
    ],
    expected: [[0, 10]],
  },
  {
    name: 'a station-wide TxDefaultProfile of higher stack level wins over the EVSE’s own',
    profiles: [
      { evseId: 0, stackLevel: 2, periods: [[0, 6]] },
      { evseId: 1, stackLevel: 1, periods: [[0, 10]] },
    ],
    expected: [[0, 6]],
  },
  {
    name: 'the ChargingStationMaxProfile caps the EVSE from its start on',
    profiles: [{ periods: [[0, 16]] }, { evseId: 0, purpose: 'ChargingStationMaxProfile', startSchedule: 100, periods: [[0, 10]] }],
    expected: [
      [0, 16],
      [100, 10],
    ],
  },
  {
    name: 'a ChargingStationMaxProfile above the limit changes nothing',
    profiles: [{ periods: [[0, 16]] }, { evseId: 0, purpose: 'ChargingStationMaxProfile', periods: [[0, 32]] }],
    expected: [[0, 16]],
  },
  {
    name: 'external constraints on the EVSE cap it',
    profiles: [{ periods: [[0, 16]] }, { purpose: 'ChargingStationExternalConstraints', validFrom: 60, periods: [[0, 8]] }],
    expected: [
      [0, 16],
      [60, 8],
    ],
  },
  {
    name: 'station-wide external constraints cap every EVSE, alone too',
    profiles: [{ evseId: 0, purpose: 'ChargingStationExternalConstraints', periods: [[0, 12]] }],
    evseId: 2,
    expected: [[0, 12]],
  },
  {
    name: 'A to W: W = A × 230 V × 3 phases',
    profiles: [{ periods: [[0, 10]] }],
    unit: 'W',
    expected: [[0, 6900]],
  },
  {
    name: 'W to A with the period’s numberPhases, carried through',
    profiles: [{ unit: 'W', periods: [[0, 11040, 1]] }],
    unit: 'A',
    expected: [[0, 48, 1]],
  },
  {
    name: 'the minimum is taken across units, rounded to one decimal',
    profiles: [{ periods: [[0, 16]] }, { evseId: 0, purpose: 'ChargingStationMaxProfile', unit: 'W', periods: [[0, 7000]] }],
    expected: [[0, 10.1]],
  },
  {
    name: 'a change of numberPhases is a new period even at the same limit',
    profiles: [
      {
        periods: [
          [0, 16, 1],
          [100, 16, 3],
        ],
      },
    ],
    expected: [
      [0, 16, 1],
      [100, 16, 3],
    ],
  },
  {
    name: 'evseId 0: the station-wide view ignores the EVSEs’ own profiles',
    profiles: [
      { evseId: 0, purpose: 'ChargingStationMaxProfile', periods: [[0, 32]] },
      { evseId: 0, periods: [[0, 20]] },
      { evseId: 1, periods: [[0, 6]] },
      { evseId: 1, purpose: 'ChargingStationExternalConstraints', periods: [[0, 4]] },
    ],
    evseId: 0,
    expected: [[0, 20]],
  },
  {
    name: 'evseId 0: max profile and station-wide external constraints',
    profiles: [
      { evseId: 0, purpose: 'ChargingStationMaxProfile', periods: [[0, 32]] },
      { evseId: 0, purpose: 'ChargingStationExternalConstraints', startSchedule: 100, duration: 100, periods: [[0, 25]] },
    ],
    evseId: 0,
    expected: [
      [0, 32],
      [100, 25],
      [200, 32],
    ],
  },
  {
    name: 'Recurring Daily: 18:00–24:00 each day',
    profiles: [
      { kind: 'Recurring', recurrencyKind: 'Daily', startSchedule: '2025-01-05T18:00:00.000Z', duration: 21600, periods: [[0, 10]] },
    ],
    start: 6 * 3600,
    duration: 12 * 3600,
    defaultLimit: 32,
    expected: [
      [0, 32],
      [7200, 10],
      [28800, 32],
    ],
  },
  {
    name: 'Recurring Weekly: Mondays',
    profiles: [
      { kind: 'Recurring', recurrencyKind: 'Weekly', startSchedule: '2024-12-30T00:00:00.000Z', duration: 86400, periods: [[0, 8]] },
    ],
    duration: 2 * 86400,
    defaultLimit: 32,
    expected: [
      [0, 8],
      [50400, 32],
    ],
  },
  {
    name: 'Recurring Daily without duration: each day restarts its periods',
    profiles: [
      {
        kind: 'Recurring',
        recurrencyKind: 'Daily',
        startSchedule: '2025-01-06T00:00:00.000Z',
        periods: [
          [0, 10],
          [12 * 3600, 20],
        ],
      },
    ],
    duration: 86400,
    expected: [
      [0, 10],
      [2 * 3600, 20],
      [14 * 3600, 10],
    ],
  },
  {
    name: 'a Recurring profile does not apply before its startSchedule',
    profiles: [{ kind: 'Recurring', recurrencyKind: 'Daily', startSchedule: 3600, periods: [[0, 10]] }],
    duration: 7200,
    defaultLimit: 32,
    expected: [
      [0, 32],
      [3600, 10],
    ],
  },
  { name: 'no profile and no default: no composite schedule', profiles: [], expected: undefined },
];

describe('compositeSchedule (K08)', () => {
  for (const c of cases) {
    test(c.name, () => {
      const input: CompositeScheduleInput = {
        profiles: c.profiles.map(installed),
        evseId: c.evseId ?? 1,
        start: new Date(T0 + (c.start ?? 0) * 1000),
        duration: c.duration ?? 300,
        ...(c.unit === undefined ? {} : { chargingRateUnit: c.unit }),
        ...(c.transaction === undefined ? {} : { transaction: { id: c.transaction.id, start: new Date(T0 + c.transaction.start * 1000) } }),
        ...(c.defaultLimit === undefined ? {} : { defaultLimit: { limit: c.defaultLimit, chargingRateUnit: 'A' } }),
      };
      const result = compositeSchedule(input);
      if (c.expected === undefined) {
        assert.equal(result, undefined);
        return;
      }
      const periods: ChargingSchedulePeriodType[] = c.expected.map(([startPeriod, limit, numberPhases]) =>
        numberPhases === undefined ? { startPeriod, limit } : { startPeriod, limit, numberPhases },
      );
      assert.deepEqual(result, {
        evseId: input.evseId,
        duration: input.duration,
        scheduleStart: input.start.toISOString(),
        chargingRateUnit: c.unit ?? 'A',
        chargingSchedulePeriod: periods,
      });
    });
  }

  test('sub-second boundaries collapse onto one startPeriod, keeping the later limit', () => {
    const a = installed({ periods: [[0, 16]] });
    const b = installed({ stackLevel: 1, periods: [[0, 6]] });
    const c = installed({ stackLevel: 2, periods: [[0, 8]] });
    b.profile.validFrom = new Date(T0 + 100_400).toISOString();
    c.profile.validFrom = new Date(T0 + 100_600).toISOString();
    // From a window start at T0 + 0.2 s, b starts at 100.2 s and c at 100.4 s: both are second 100.
    const result = compositeSchedule({ profiles: [a, b, c], evseId: 1, start: new Date(T0 + 200), duration: 300 });
    assert.deepEqual(result?.chargingSchedulePeriod, [
      { startPeriod: 0, limit: 16 },
      { startPeriod: 100, limit: 8 },
    ]);
  });
});

describe('limitAt', () => {
  const profiles = [
    installed({
      periods: [
        [0, 16],
        [100, 10],
      ],
    }),
    installed({ evseId: 0, purpose: 'ChargingStationMaxProfile', periods: [[0, 12, 1]] }),
  ];
  test('gives the composite limit of one moment, with its numberPhases', () => {
    assert.deepEqual(limitAt({ profiles, evseId: 1, start: new Date(T0) }, new Date(T0 + 50_000)), { limit: 12, numberPhases: 1 });
    assert.deepEqual(limitAt({ profiles, evseId: 1, start: new Date(T0) }, new Date(T0 + 150_000)), { limit: 10 });
  });
  test('is undefined before any profile starts', () => {
    assert.equal(limitAt({ profiles, evseId: 1, start: new Date(T0) }, new Date(T0 - 1000)), undefined);
  });
});

describe('convertLimit', () => {
  test('A <-> W with voltage and phases', () => {
    assert.equal(convertLimit(16, 'A', 'W', 1, 230), 3680);
    assert.equal(convertLimit(11040, 'W', 'A', 3, 230), 16);
    assert.equal(convertLimit(7, 'W', 'W', 3, 230), 7);
  });
});
