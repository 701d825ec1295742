import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ClockCancelledError, StationClock, nextAlignedBoundary } from '../kernel/time/station-clock';

/** 1 configured second = 1 real ms: timers of a few "seconds" fire within milliseconds. */
const SCALE = 0.001;

/**
 * The clock's timers are unref'd, so awaiting them alone would let the test process exit: this
 * ref'd deadline keeps it alive, and bounds the wait.
 */
function within<T>(promise: Promise<T>, ms = 250): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not settled within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Resolves when `count` values were pushed; no test waits on a fixed delay. */
function collector<T>(count: number): { push(value: T): void; done: Promise<T[]> } {
  const values: T[] = [];
  let resolve: (values: T[]) => void = () => undefined;
  const done = new Promise<T[]>((res) => (resolve = res));
  return {
    push(value) {
      values.push(value);
      if (values.length === count) resolve(values);
    },
    done: within(done),
  };
}

describe('station clock', () => {
  test('station time is wall time; only waits are scaled, as kernel/config scaledMs does', () => {
    const clock = new StationClock({ scale: 0.1, wallClock: () => Date.parse('2025-03-01T10:00:00.000Z') });
    assert.equal(clock.now().toISOString(), '2025-03-01T10:00:00.000Z');
    assert.equal(clock.scaledMs(5), 500);
    assert.equal(clock.scaledMs(0), 0);
    assert.equal(clock.timestampIn(60).toISOString(), '2025-03-01T10:00:06.000Z');
    assert.throws(() => clock.scaledMs(-1), RangeError);
    assert.throws(() => new StationClock({ scale: 0 }), RangeError);
    assert.equal(StationClock.fromConfig({ TIME_SCALE: 0.25 }).scale, 0.25);
  });

  test('timers fire in the order of their scaled deadlines, whatever the order they were set in', async () => {
    const clock = new StationClock({ scale: SCALE });
    const fired = collector<string>(4);
    clock.after(30, () => fired.push('after 30'));
    clock.at(clock.timestampIn(10), () => fired.push('at +10'));
    clock.after(20, () => fired.push('after 20'));
    clock.at(new Date(clock.now().getTime() + 40), () => fired.push('at +40 ms'));
    assert.deepEqual(await fired.done, ['at +10', 'after 20', 'after 30', 'at +40 ms']);
    assert.equal(clock.pending, 0);
  });

  test('at() of an instant already past fires at once, before a later timer, and accepts ISO text', async () => {
    const clock = new StationClock({ scale: SCALE });
    const fired = collector<string>(2);
    clock.after(5, () => fired.push('later'));
    const past = clock.at(new Date(Date.now() - 60_000).toISOString(), () => fired.push('past'));
    assert.equal(past.active, true);
    assert.deepEqual(await fired.done, ['past', 'later']);
    assert.equal(past.active, false);
    assert.throws(() => clock.at('not a date', () => undefined), RangeError);
  });

  test('a cancelled timer never fires; cancelling twice or after firing is harmless', async () => {
    const clock = new StationClock({ scale: SCALE });
    const fired = collector<string>(1);
    const cancelled = clock.after(2, () => fired.push('cancelled'));
    clock.after(10, () => fired.push('kept'));
    cancelled.cancel();
    cancelled.cancel();
    assert.equal(cancelled.active, false);
    assert.deepEqual(await fired.done, ['kept']);
  });

  test('every() repeats until cancelled', async () => {
    const clock = new StationClock({ scale: SCALE });
    const ticks = collector<number>(3);
    let n = 0;
    const handle = clock.every(5, () => ticks.push(++n));
    assert.deepEqual(await ticks.done, [1, 2, 3]);
    handle.cancel();
    const countAtCancel = n;
    await within(clock.sleep(20));
    assert.equal(n, countAtCancel);
    assert.equal(clock.pending, 0);
  });

  test('cancelAll() stops every timer and rejects every sleep: nothing outlives the scenario', async () => {
    const clock = new StationClock({ scale: SCALE });
    const fired: string[] = [];
    clock.after(5, () => void fired.push('after'));
    clock.at(clock.timestampIn(5), () => void fired.push('at'));
    clock.every(2, () => void fired.push('every'));
    clock.everyAligned(3, () => void fired.push('aligned'));
    const sleeping = clock.sleep(3600);
    assert.ok(clock.pending >= 5);
    clock.cancelAll();
    assert.equal(clock.pending, 0);
    await assert.rejects(within(sleeping), ClockCancelledError);
    // A control timer on a fresh clock, well after all the cancelled deadlines, proves they never ran.
    await within(new StationClock({ scale: SCALE }).sleep(30));
    assert.deepEqual(fired, []);
  });

  test('timers are unref’d: a pending timer does not keep the process alive', () => {
    const clock = new StationClock({ scale: 1 });
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    clock.after(3600, () => undefined);
    clock.every(3600, () => undefined);
    void clock.sleep(3600).catch(() => undefined);
    clock.at(new Date(Date.now() + 10 * 365 * 86_400_000), () => undefined);
    assert.equal(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length, before);
    assert.equal(clock.pending, 4);
    clock.cancelAll();
  });

  test('sleep() resolves after its scaled duration and rejects with the abort reason', async () => {
    const clock = new StationClock({ scale: SCALE });
    await within(clock.sleep(1));
    const controller = new AbortController();
    const sleeping = clock.sleep(3600, controller.signal);
    controller.abort(new Error('scenario timed out'));
    await assert.rejects(within(sleeping), /scenario timed out/);
    await assert.rejects(clock.sleep(1, AbortSignal.abort(new Error('already'))), /already/);
    assert.equal(clock.pending, 0);
  });

  test('an error thrown or rejected by a callback goes to onError', async () => {
    const errors = collector<unknown>(2);
    const clock = new StationClock({ scale: SCALE, onError: (error) => errors.push(error) });
    clock.after(1, () => {
      throw new Error('thrown');
    });
    clock.after(2, () => Promise.reject(new Error('rejected')));
    assert.deepEqual(
      (await errors.done).map((e) => (e as Error).message),
      ['thrown', 'rejected'],
    );
  });

  test('everyAligned() fires on boundaries of the scaled interval, passing each boundary', async () => {
    const clock = new StationClock({ scale: SCALE });
    const boundaries = collector<Date>(3);
    const handle = clock.everyAligned(10, (boundary) => boundaries.push(boundary));
    const seen = await boundaries.done;
    handle.cancel();
    for (const boundary of seen) assert.equal(boundary.getTime() % 10, 0);
    // Each boundary once, in order; a loaded machine may skip one, never repeat one.
    const steps = seen.slice(1).map((b, k) => b.getTime() - seen[k].getTime());
    assert.ok(
      steps.every((step) => step > 0 && step % 10 === 0),
      `steps between boundaries: ${steps.join(', ')}`,
    );
    assert.equal(clock.pending, 0);
  });
});

describe('clock-aligned boundaries (AlignedDataInterval: counted from midnight)', () => {
  const at = (iso: string): Date => new Date(iso);

  test('the next boundary is the next multiple of the interval since midnight UTC', () => {
    assert.equal(nextAlignedBoundary(at('2025-03-01T10:07:12.345Z'), 900_000).toISOString(), '2025-03-01T10:15:00.000Z');
    assert.equal(nextAlignedBoundary(at('2025-03-01T10:59:59.999Z'), 3_600_000).toISOString(), '2025-03-01T11:00:00.000Z');
    assert.equal(nextAlignedBoundary(at('2025-03-01T00:00:00.400Z'), 1000).toISOString(), '2025-03-01T00:00:01.000Z');
  });

  test('on a boundary, the next one is a full interval later', () => {
    assert.equal(nextAlignedBoundary(at('2025-03-01T10:15:00.000Z'), 900_000).toISOString(), '2025-03-01T10:30:00.000Z');
  });

  test('an interval that does not divide the day restarts at midnight', () => {
    // 7 h: boundaries 00:00, 07:00, 14:00, 21:00, then midnight (3 h later), not 04:00.
    assert.equal(nextAlignedBoundary(at('2025-03-01T22:00:00.000Z'), 7 * 3_600_000).toISOString(), '2025-03-02T00:00:00.000Z');
    assert.equal(nextAlignedBoundary(at('2025-03-02T00:30:00.000Z'), 7 * 3_600_000).toISOString(), '2025-03-02T07:00:00.000Z');
  });

  test('the clock scales the interval like every wait', () => {
    const clock = new StationClock({ scale: 0.1, wallClock: () => Date.parse('2025-03-01T10:00:05.000Z') });
    // 900 s scaled by 0.1 = 90 s: boundaries at 10:00:00, 10:01:30, …
    assert.equal(clock.nextAligned(900).toISOString(), '2025-03-01T10:01:30.000Z');
    assert.equal(clock.untilNextAligned(900), 85_000);
    assert.throws(() => nextAlignedBoundary(at('2025-03-01T10:00:00Z'), 0), RangeError);
  });
});
