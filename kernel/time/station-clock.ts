/**
 * The station's clock. Station time IS wall time: every timestamp a station sends stays next to the
 * CSMS's own clock, which compares them (a station running ten times faster would be minutes off
 * after a short scenario). Only waiting is scaled, the way kernel/config.ts scaledMs does it: a
 * duration of D seconds in configuration or in a message waits D × TIME_SCALE seconds of real time.
 * A deadline the station announces follows the same rule (timestampIn), so `at(timestampIn(D))`
 * and `after(D)` fire together.
 *
 * Every timer is unref'd (a forgotten timer never keeps the process alive) and tracked, so that
 * cancelAll() at the end of a scenario leaves nothing behind.
 */
import type { Config } from '../config';

/** setTimeout fires at once for longer delays; longer waits are chained from steps of this size. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const DAY_MS = 86_400_000;

/** A scheduled callback; cancel() is idempotent and harmless after the callback ran. */
export interface TimerHandle {
  cancel(): void;
  /** False once cancelled, or once a one-shot timer has fired. */
  readonly active: boolean;
}

/** What a sleep rejects with when cancelAll() ends it. */
export class ClockCancelledError extends Error {
  constructor() {
    super('the station clock was cancelled (end of scenario)');
    this.name = 'ClockCancelledError';
  }
}

export interface StationClockOptions {
  /** TIME_SCALE: real seconds waited per configured second; > 0. */
  scale: number;
  /** Wall time in ms since the epoch; tests pin it. Defaults to Date.now. */
  wallClock?: () => number;
  /**
   * Receives what a timer callback throws or rejects with. Without it the error propagates as any
   * timer error does (uncaught exception / unhandled rejection), so a failure is never silent.
   */
  onError?: (error: unknown) => void;
}

type Callback<A extends unknown[] = []> = (...args: A) => void | Promise<void>;

interface Tracked {
  cancel(): void;
}

/**
 * The first boundary strictly after `now` of intervals of `intervalMs` counted from midnight UTC
 * (AlignedDataInterval: "the interval boundaries are computed from midnight"). A day that the
 * interval does not divide ends with a shorter interval: midnight is always a boundary.
 */
export function nextAlignedBoundary(now: Date, intervalMs: number): Date {
  if (!(intervalMs > 0) || !Number.isFinite(intervalMs)) throw new RangeError(`aligned interval must be > 0 ms, got ${intervalMs}`);
  const t = now.getTime();
  const midnight = Math.floor(t / DAY_MS) * DAY_MS;
  const next = midnight + (Math.floor((t - midnight) / intervalMs) + 1) * intervalMs;
  return new Date(Math.min(next, midnight + DAY_MS));
}

export class StationClock {
  readonly scale: number;
  private readonly wallClock: () => number;
  private readonly onError: ((error: unknown) => void) | undefined;
  private readonly tracked = new Set<Tracked>();

  constructor(options: StationClockOptions) {
    if (!(options.scale > 0) || !Number.isFinite(options.scale)) throw new RangeError(`clock scale must be > 0, got ${options.scale}`);
    this.scale = options.scale;
    this.wallClock = options.wallClock ?? Date.now;
    this.onError = options.onError;
  }

  /** The clock of a scenario, on the configuration's TIME_SCALE. */
  static fromConfig(config: Pick<Config, 'TIME_SCALE'>, options: Omit<StationClockOptions, 'scale'> = {}): StationClock {
    return new StationClock({ ...options, scale: config.TIME_SCALE });
  }

  /** Station time, which is wall time. */
  now(): Date {
    return new Date(this.wallClock());
  }

  /** Real milliseconds a wait of `seconds` configured seconds lasts. */
  scaledMs(seconds: number): number {
    assertSeconds(seconds);
    return Math.round(seconds * 1000 * this.scale);
  }

  /** The instant a wait of `seconds` started now ends: the value of `<now + seconds>` in a message. */
  timestampIn(seconds: number): Date {
    return new Date(this.wallClock() + this.scaledMs(seconds));
  }

  /** Calls fn at an instant of station time; an instant already past fires at once (next macrotask). */
  at(when: string | Date, fn: Callback): TimerHandle {
    const target = typeof when === 'string' ? new Date(when) : when;
    if (Number.isNaN(target.getTime())) throw new RangeError(`not a date: ${String(when)}`);
    return this.oneShot(target.getTime(), fn);
  }

  /** Calls fn once, `seconds` configured seconds from now. */
  after(seconds: number, fn: Callback): TimerHandle {
    return this.oneShot(this.wallClock() + this.scaledMs(seconds), fn);
  }

  /** Calls fn every `seconds` configured seconds, the first time one interval from now. */
  every(seconds: number, fn: Callback): TimerHandle {
    const ms = Math.max(1, this.scaledMs(seconds));
    if (ms > MAX_TIMER_MS) throw new RangeError(`interval of ${seconds} s is too long for a repeating timer`);
    const timer = setInterval(() => this.run(fn), ms);
    timer.unref();
    let active = true;
    const entry: Tracked = {
      cancel: () => {
        active = false;
        clearInterval(timer);
        this.tracked.delete(entry);
      },
    };
    this.tracked.add(entry);
    return handle(entry, () => active);
  }

  /**
   * The next clock-aligned boundary: intervals of `intervalSeconds` configured seconds (scaled, so
   * the embedded mode samples as often, relative to its waits, as a real station would) counted
   * from midnight UTC. At TIME_SCALE 1 this is exactly the boundary AlignedDataInterval defines.
   */
  nextAligned(intervalSeconds: number): Date {
    return nextAlignedBoundary(this.now(), Math.max(1, this.scaledMs(intervalSeconds)));
  }

  /** Real milliseconds until nextAligned(intervalSeconds). */
  untilNextAligned(intervalSeconds: number): number {
    const now = this.wallClock();
    return nextAlignedBoundary(new Date(now), Math.max(1, this.scaledMs(intervalSeconds))).getTime() - now;
  }

  /**
   * Calls fn at every clock-aligned boundary, with that boundary (the timestamp an aligned reading
   * carries). Each boundary is computed afresh, so the timer never drifts off the grid.
   */
  everyAligned(intervalSeconds: number, fn: Callback<[boundary: Date]>): TimerHandle {
    let current: TimerHandle | undefined;
    let active = true;
    const entry: Tracked = {
      cancel: () => {
        active = false;
        current?.cancel();
        this.tracked.delete(entry);
      },
    };
    const intervalMs = Math.max(1, this.scaledMs(intervalSeconds));
    const scheduleNext = (after: number): void => {
      const boundary = nextAlignedBoundary(new Date(after), intervalMs);
      current = this.oneShot(boundary.getTime(), () => {
        if (!active) return;
        // A timeout may fire a millisecond early: counting from now would find the same boundary again.
        scheduleNext(Math.max(this.wallClock(), boundary.getTime()));
        return fn(boundary);
      });
    };
    this.tracked.add(entry);
    scheduleNext(this.wallClock());
    return handle(entry, () => active);
  }

  /** Waits `seconds` configured seconds; rejects with the signal's reason on abort, or ClockCancelledError on cancelAll(). */
  sleep(seconds: number, signal?: AbortSignal): Promise<void> {
    const ms = this.scaledMs(seconds);
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = (): void => settle(() => reject(signal?.reason));
      const entry: Tracked = { cancel: () => settle(() => reject(new ClockCancelledError())) };
      const timer = this.chain(this.wallClock() + ms, () => settle(resolve));
      const settle = (how: () => void): void => {
        timer.clear();
        signal?.removeEventListener('abort', onAbort);
        this.tracked.delete(entry);
        how();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.tracked.add(entry);
    });
  }

  /** Cancels every timer and rejects every sleep of this clock: the end of a scenario. The clock stays usable. */
  cancelAll(): void {
    for (const entry of [...this.tracked]) entry.cancel();
  }

  /** How many timers and sleeps are pending; 0 after cancelAll(). */
  get pending(): number {
    return this.tracked.size;
  }

  private oneShot(targetMs: number, fn: Callback): TimerHandle {
    let active = true;
    const timer = this.chain(targetMs, () => {
      active = false;
      this.tracked.delete(entry);
      this.run(fn);
    });
    const entry: Tracked = {
      cancel: () => {
        active = false;
        timer.clear();
        this.tracked.delete(entry);
      },
    };
    this.tracked.add(entry);
    return handle(entry, () => active);
  }

  /** An unref'd timeout reaching a wall-clock target however far away it is. */
  private chain(targetMs: number, fire: () => void): { clear(): void } {
    let timer: NodeJS.Timeout;
    const arm = (): void => {
      const left = targetMs - this.wallClock();
      timer = left > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(fire, Math.max(0, left));
      timer.unref();
    };
    arm();
    return { clear: () => clearTimeout(timer) };
  }

  private run(fn: Callback): void {
    const report = (error: unknown): void => {
      if (this.onError) this.onError(error);
      else throw error;
    };
    try {
      const result = fn();
      if (result instanceof Promise) result.catch(report);
    } catch (error) {
      report(error);
    }
  }
}

function handle(entry: Tracked, isActive: () => boolean): TimerHandle {
  return {
    cancel: () => entry.cancel(),
    get active() {
      return isActive();
    },
  };
}

function assertSeconds(seconds: number): void {
  if (!(seconds >= 0) || !Number.isFinite(seconds))
    throw new RangeError(`a duration must be a finite number of seconds >= 0, got ${seconds}`);
}
