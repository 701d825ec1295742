// The composite schedule (K08, GetCompositeSchedule): what limit an EVSE, or the station as a whole,
// is held to at each moment of a window, given the installed charging profiles. Pure, so the mock
// station answers with it and the reference CSMS can predict the answer.
//
// Rules, as decided here:
// - Within one stack the valid profile with the highest stackLevel that has a period at that moment
//   rules; when its schedule has ended (duration) or not begun, the next one down takes over.
// - EVSE N: the TxProfile of its transaction rules over the TxDefaultProfiles. The TxDefaultProfiles
//   of EVSE N and of evseId 0 form one stack (evseId 0 "applies to each individual EVSE"; K01.FR.52/53
//   forbid the two to share a stackLevel for that reason); on a tie EVSE N's own would win. So a
//   station-wide TxDefaultProfile applies to every EVSE that has none of its own in force.
// - The result is the minimum of that, the ChargingStationMaxProfile (evseId 0) and the
//   ChargingStationExternalConstraints of EVSE N and of evseId 0.
// - evseId 0: the station-wide view, the minimum of the station-wide TxDefaultProfile, the
//   ChargingStationMaxProfile and the station-wide external constraints (not a sum over EVSEs).
// - A moment no profile limits takes `defaultLimit` when given (the EVSE's own maximum). Without it
//   the moment is left out: a period list cannot end a limit without starting another, so a leading
//   gap makes the first period start later than 0 and a later gap is covered by the period before it.
//   With no limit anywhere in the window there is no composite schedule (undefined).
// - Only a profile's first chargingSchedule is read; the others are ISO 15118 alternatives.
import type {
  ChargingProfileType,
  ChargingRateUnitEnumType,
  ChargingSchedulePeriodType,
  CompositeScheduleType,
} from '../../schemas/ocpp201-messages';
import type { InstalledProfile } from './profile-store';

export interface DefaultLimit {
  limit: number;
  chargingRateUnit: ChargingRateUnitEnumType;
  numberPhases?: number;
}

export interface CompositeScheduleInput {
  /** Every installed profile of the station (ChargingProfileStore.all()). */
  profiles: readonly InstalledProfile[];
  evseId: number;
  start: Date;
  /** Seconds. */
  duration: number;
  /** The unit of the answer; A when the request names none. */
  chargingRateUnit?: ChargingRateUnitEnumType;
  /** The transaction ongoing on that EVSE: its TxProfiles apply, and Relative profiles start with it. */
  transaction?: { id: string; start: Date };
  /** Volts per phase for A <-> W; 230 when absent. */
  voltage?: number;
  /** Phases assumed where a period names none; 3 when absent, as the specification assumes. */
  numberPhases?: number;
  defaultLimit?: DefaultLimit;
}

export interface LimitAtMoment {
  limit: number;
  numberPhases?: number;
}

interface Piece {
  from: number;
  to: number;
  limit: number;
  unit: ChargingRateUnitEnumType;
  numberPhases?: number;
}

interface Candidate {
  stackLevel: number;
  /** Breaks stackLevel ties: higher wins. */
  rank: number;
  pieces: Piece[];
}

type Stack = Candidate[];

interface Layers {
  tx: Stack;
  txDefault: Stack;
  caps: Stack[];
}

const RECURRENCE_MS = { Daily: 86_400_000, Weekly: 604_800_000 } as const;

const parse = (iso: string | undefined, absent: number): number => (iso === undefined ? absent : Date.parse(iso));

/** The GetCompositeSchedule result for input.evseId over [start, start + duration). */
export function compositeSchedule(input: CompositeScheduleInput): CompositeScheduleType | undefined {
  const unit = input.chargingRateUnit ?? 'A';
  const from = input.start.getTime();
  const to = from + input.duration * 1000;
  const layers = layersFor(input, from, to);
  const breakpoints = new Set<number>([from]);
  for (const stack of [layers.tx, layers.txDefault, ...layers.caps]) {
    for (const candidate of stack) {
      for (const piece of candidate.pieces) {
        for (const t of [piece.from, piece.to]) if (t > from && t < to) breakpoints.add(t);
      }
    }
  }
  const periods: ChargingSchedulePeriodType[] = [];
  for (const t of [...breakpoints].sort((a, b) => a - b)) {
    const value = valueAt(layers, t, unit, input);
    if (!value) continue;
    const period: ChargingSchedulePeriodType = { startPeriod: Math.round((t - from) / 1000), limit: roundLimit(value.limit) };
    if (value.numberPhases !== undefined) period.numberPhases = value.numberPhases;
    // Sub-second boundaries collapse onto one startPeriod: the later limit is the one that lasts.
    if (periods.at(-1)?.startPeriod === period.startPeriod) periods.pop();
    const last = periods.at(-1);
    if (last && last.limit === period.limit && last.numberPhases === period.numberPhases) continue;
    periods.push(period);
  }
  if (periods.length === 0) return undefined;
  return {
    evseId: input.evseId,
    duration: input.duration,
    scheduleStart: input.start.toISOString(),
    chargingRateUnit: unit,
    chargingSchedulePeriod: periods,
  };
}

/** The composite limit at one moment, in input.chargingRateUnit (A when absent). */
export function limitAt(input: Omit<CompositeScheduleInput, 'duration'>, at: Date): LimitAtMoment | undefined {
  const t = at.getTime();
  const value = valueAt(layersFor(input, t, t + 1), t, input.chargingRateUnit ?? 'A', input);
  return value && { ...value, limit: roundLimit(value.limit) };
}

function layersFor(input: Omit<CompositeScheduleInput, 'duration'>, from: number, to: number): Layers {
  const anchor = (input.transaction?.start ?? input.start).getTime();
  const stack = (select: (e: InstalledProfile) => number | undefined): Stack =>
    input.profiles.flatMap((entry) => {
      const rank = select(entry);
      if (rank === undefined) return [];
      return [{ stackLevel: entry.profile.stackLevel, rank, pieces: pieces(entry.profile, from, to, anchor) }];
    });
  const of = (entry: InstalledProfile, purpose: ChargingProfileType['chargingProfilePurpose'], evseId: number): boolean =>
    entry.evseId === evseId && entry.profile.chargingProfilePurpose === purpose;
  const station = stack((e) => (of(e, 'ChargingStationMaxProfile', 0) ? 0 : undefined));
  const stationExternal = stack((e) => (of(e, 'ChargingStationExternalConstraints', 0) ? 0 : undefined));
  const stationDefault = (e: InstalledProfile): number | undefined => (of(e, 'TxDefaultProfile', 0) ? 0 : undefined);
  if (input.evseId === 0) return { tx: [], txDefault: stack(stationDefault), caps: [station, stationExternal] };
  const evse = input.evseId;
  const transaction = input.transaction;
  return {
    // A TxProfile without transactionId is the one a RequestStartTransaction brought (K05): it is the
    // transaction's until the station fills the id in.
    tx: stack((e) =>
      transaction && of(e, 'TxProfile', evse) && (e.profile.transactionId ?? transaction.id) === transaction.id ? 0 : undefined,
    ),
    txDefault: stack((e) => (of(e, 'TxDefaultProfile', evse) ? 1 : stationDefault(e))),
    caps: [station, stack((e) => (of(e, 'ChargingStationExternalConstraints', evse) ? 0 : undefined)), stationExternal],
  };
}

// The stretches of [from, to) where this profile has a period, each with that period's limit.
function pieces(profile: ChargingProfileType, from: number, to: number, relativeAnchor: number): Piece[] {
  const schedule = profile.chargingSchedule[0];
  const lower = Math.max(from, parse(profile.validFrom, -Infinity));
  const upper = Math.min(to, parse(profile.validTo, Infinity));
  if (!schedule || lower >= upper) return [];
  const length = schedule.duration === undefined ? Infinity : schedule.duration * 1000;
  // Each run of the schedule: [anchor, end).
  const runs: Array<[number, number]> = [];
  if (profile.chargingProfileKind === 'Recurring') {
    const every = RECURRENCE_MS[profile.recurrencyKind ?? 'Daily'];
    const base = parse(schedule.startSchedule, relativeAnchor);
    // A recurring schedule recurs from its startSchedule on, not before it.
    for (let k = Math.max(0, Math.floor((lower - base) / every)); base + k * every < upper; k++) {
      const anchor = base + k * every;
      runs.push([anchor, Math.min(anchor + length, anchor + every)]);
    }
  } else {
    // Relative, or Absolute without startSchedule ("relative to start of charging").
    const anchor = profile.chargingProfileKind === 'Relative' ? relativeAnchor : parse(schedule.startSchedule, relativeAnchor);
    runs.push([anchor, anchor + length]);
  }
  const periods = [...schedule.chargingSchedulePeriod].sort((a, b) => a.startPeriod - b.startPeriod);
  const result: Piece[] = [];
  for (const [anchor, end] of runs) {
    periods.forEach((period, i) => {
      const next = periods[i + 1];
      const start = Math.max(lower, anchor + period.startPeriod * 1000);
      const stop = Math.min(upper, end, next ? anchor + next.startPeriod * 1000 : Infinity);
      if (start >= stop) return;
      const piece: Piece = { from: start, to: stop, limit: period.limit, unit: schedule.chargingRateUnit };
      if (period.numberPhases !== undefined) piece.numberPhases = period.numberPhases;
      result.push(piece);
    });
  }
  return result;
}

function topOf(stack: Stack, t: number): Piece | undefined {
  let best: { candidate: Candidate; piece: Piece } | undefined;
  for (const candidate of stack) {
    const piece = candidate.pieces.find((p) => p.from <= t && t < p.to);
    if (!piece) continue;
    const wins =
      !best ||
      candidate.stackLevel > best.candidate.stackLevel ||
      (candidate.stackLevel === best.candidate.stackLevel && candidate.rank > best.candidate.rank);
    if (wins) best = { candidate, piece };
  }
  return best?.piece;
}

function valueAt(
  layers: Layers,
  t: number,
  unit: ChargingRateUnitEnumType,
  options: Pick<CompositeScheduleInput, 'voltage' | 'numberPhases' | 'defaultLimit'>,
): LimitAtMoment | undefined {
  const applying = [topOf(layers.tx, t) ?? topOf(layers.txDefault, t), ...layers.caps.map((stack) => topOf(stack, t))];
  let lowest: LimitAtMoment | undefined;
  for (const piece of applying) {
    if (!piece) continue;
    const limit = convertLimit(piece.limit, piece.unit, unit, piece.numberPhases ?? options.numberPhases ?? 3, options.voltage ?? 230);
    if (!lowest || limit < lowest.limit)
      lowest = piece.numberPhases === undefined ? { limit } : { limit, numberPhases: piece.numberPhases };
  }
  const fallback = options.defaultLimit;
  if (lowest || !fallback) return lowest;
  const limit = convertLimit(
    fallback.limit,
    fallback.chargingRateUnit,
    unit,
    fallback.numberPhases ?? options.numberPhases ?? 3,
    options.voltage ?? 230,
  );
  return fallback.numberPhases === undefined ? { limit } : { limit, numberPhases: fallback.numberPhases };
}

/** W = A × V × phases. */
export function convertLimit(
  limit: number,
  from: ChargingRateUnitEnumType,
  to: ChargingRateUnitEnumType,
  phases: number,
  voltage: number,
): number {
  if (from === to) return limit;
  return to === 'W' ? limit * voltage * phases : limit / (voltage * phases);
}

// A schedule limit "accepts at most one digit fraction".
const roundLimit = (limit: number): number => Math.round(limit * 10) / 10;
