/**
 * The verdict of a test case, as a certification lead reads it: the CSMS passed, the CSMS failed,
 * the suite could not tell (inconclusive), or the test case does not apply to this CSMS.
 *
 * A step says which by the error it throws. Cucumber records the error's class name as the step's
 * `exception.type` and `Name: message` as the first line of its message; the report reads either
 * back, so each class keeps a stable `name` equal to its class name. Any other error is a failure.
 */

export type Verdict = 'passed' | 'failed' | 'inconclusive' | 'not applicable';

/** Worst first: a scenario takes the worst verdict of its steps. */
export const VERDICTS: readonly Verdict[] = ['failed', 'inconclusive', 'not applicable', 'passed'];

/** The CSMS did something the specification forbids, or did not do what it requires: failed. */
export class CsmsViolation extends Error {
  constructor(
    description: string,
    /** The OCPP requirement broken, e.g. "B01.FR.02". */
    readonly requirement?: string,
  ) {
    super(requirement ? `${requirement}: ${description}` : description);
    this.name = 'CsmsViolation';
  }
}

/** The operator did not make the CSMS act within the time allowed: inconclusive. */
export class OperatorTimeout extends Error {
  constructor(
    readonly action: string,
    readonly timeoutMs: number,
  ) {
    super(`the CSMS operator did not make the CSMS do "${action}" within ${timeoutMs / 1000} s`);
    this.name = 'OperatorTimeout';
  }
}

/** The operator says the CSMS cannot be made to do what the test case needs: inconclusive. */
export class OperatorUnable extends Error {
  constructor(
    readonly action: string,
    readonly reason: string,
  ) {
    super(`the CSMS operator could not make the CSMS do "${action}": ${reason}`);
    this.name = 'OperatorUnable';
  }
}

/** The suite's own environment failed (a port, a file, a certificate of the test PKI): inconclusive. */
export class EnvironmentError extends Error {
  constructor(description: string, options?: { cause?: unknown }) {
    super(description, options);
    this.name = 'EnvironmentError';
  }
}

/** The CSMS declared that it does not support the optional feature the test case tests. */
export class NotApplicable extends Error {
  constructor(
    readonly feature: string,
    reason?: string,
  ) {
    super(`the CSMS does not support ${feature}${reason ? `: ${reason}` : ''}`);
    this.name = 'NotApplicable';
  }
}

const VERDICT_OF_ERROR: Readonly<Record<string, Verdict>> = {
  [CsmsViolation.name]: 'failed',
  [OperatorTimeout.name]: 'inconclusive',
  [OperatorUnable.name]: 'inconclusive',
  [EnvironmentError.name]: 'inconclusive',
  [NotApplicable.name]: 'not applicable',
};

/** A step's or scenario's result as Cucumber's messages carry it (TestStepResult). */
export interface StepOutcome {
  /** PASSED, FAILED, SKIPPED, PENDING, UNDEFINED, AMBIGUOUS, UNKNOWN (any case). */
  status: string;
  exception?: { type?: string; message?: string };
  /** Cucumber's full message ("Name: message" and the stack) when the exception is absent. */
  message?: string;
}

/**
 * The verdict-bearing name of a step's error: its class (exception.type), or, for a subclass of a
 * verdict class (whose `name` stays the verdict class's), the name leading its message.
 */
function errorName(outcome: StepOutcome): string | undefined {
  const type = outcome.exception?.type;
  if (type && VERDICT_OF_ERROR[type]) return type;
  const named = /^\s*([A-Za-z_$][\w$]*):/.exec(outcome.message ?? outcome.exception?.message ?? '')?.[1];
  return named && VERDICT_OF_ERROR[named] ? named : type;
}

/**
 * The verdict of one step. A skipped step is "not applicable" (Cucumber's own way to say a
 * scenario does not apply); a pending, undefined or ambiguous step means the suite could not
 * judge the CSMS (inconclusive); a failure is "failed" unless its error says otherwise.
 */
export function verdictOf(status: string, exception?: StepOutcome['exception'], message?: string): Verdict {
  switch (status.toUpperCase()) {
    case 'PASSED':
      return 'passed';
    case 'SKIPPED':
      return 'not applicable';
    case 'FAILED': {
      const name = errorName({ status, exception, message });
      return (name !== undefined && VERDICT_OF_ERROR[name]) || 'failed';
    }
    default:
      return 'inconclusive';
  }
}

/** The worst of some verdicts; undefined when there are none. */
export function worstVerdict(verdicts: readonly Verdict[]): Verdict | undefined {
  if (verdicts.length === 0) return undefined;
  return VERDICTS.find((verdict) => verdicts.includes(verdict));
}

/** A scenario's verdict from its steps' results (hooks included), with the reason when not passed. */
export function scenarioVerdict(steps: readonly StepOutcome[]): { verdict: Verdict; reason?: string } | undefined {
  const verdicts = steps.map((step) => verdictOf(step.status, step.exception, step.message));
  const verdict = worstVerdict(verdicts);
  if (verdict === undefined) return undefined;
  if (verdict === 'passed') return { verdict };
  const culprit = steps[verdicts.indexOf(verdict)];
  const text = culprit.exception?.message ?? culprit.message ?? '';
  const reason = text.split('\n').find((line) => line.trim() !== '') ?? culprit.status.toLowerCase();
  return { verdict, reason: reason.trim() };
}
