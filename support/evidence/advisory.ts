/**
 * Advisory checks: a check a scenario makes beyond its test case that no requirement demands (see
 * docs/beyond-the-catalog.md), e.g. that the old password is refused after a password change. Its
 * outcome is shown in the report (the scenario's evidence, coverage.json's `advisories`, the
 * traceability table) and never decides the verdict: a CSMS that does not meet it still passes.
 *
 * A step says so in its wording: "Then advisory: the CSMS refuses the upgrade with HTTP status 401".
 */
import { failureLines } from './failure-line';

/** The attachment each advisory check leaves: one line, "met" or "NOT MET", the step and the reason. */
export const ADVISORY_FILE_NAME = 'advisory-check.txt';

/** What an advisory check needs of the World: attach a line to the scenario's evidence. */
export interface AdvisoryRecorder {
  attach(data: string, options: { mediaType: string; fileName: string }): void;
}

/** The report lines of an advisory check's outcome: one when met, one per failed field when not. */
export function advisoryLines(wording: string, failure?: unknown): string[] {
  if (failure === undefined) return [`advisory check met · step: ${wording}`];
  return failureLines(wording, failure).map((line) => `advisory check NOT MET (does not affect the verdict) · ${line}`);
}

/** Runs `check`; its failure is recorded as advisory lines, never thrown. Returns the lines. */
export async function advisoryCheck(recorder: AdvisoryRecorder, wording: string, check: () => void | Promise<void>): Promise<string[]> {
  let lines: string[];
  try {
    await check();
    lines = advisoryLines(wording);
  } catch (error) {
    lines = advisoryLines(wording, error);
  }
  recorder.attach(lines.join('\n'), { mediaType: 'text/plain', fileName: ADVISORY_FILE_NAME });
  return lines;
}
