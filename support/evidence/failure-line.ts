/**
 * A failure stated in one line, so a reader of the report sees at once what the CSMS did wrong:
 * the step, the message, the field, what was expected and what was there. A failed validation
 * gives one line per failing field; any other error gives the step and the error's own words.
 */
import type { FieldFailure } from '../validation/field-checks';

function oneLine(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join(' / ');
}

function fieldFailuresOf(error: unknown): readonly FieldFailure[] | undefined {
  // Checked by shape: the error may come from another copy of the validation module.
  const failures = (error as { failures?: unknown } | null)?.failures;
  if (!Array.isArray(failures) || failures.length === 0) return undefined;
  const valid = failures.every(
    (f: unknown) => typeof f === 'object' && f !== null && ['message', 'field', 'expected', 'actual'].every((key) => key in f),
  );
  return valid ? (failures as FieldFailure[]) : undefined;
}

export function failureLines(step: string, error: unknown): string[] {
  const failures = fieldFailuresOf(error);
  if (failures) {
    return failures.map(
      (f) => `step: ${step} · message: ${f.message} · field: ${f.field} · expected: ${oneLine(f.expected)} · actual: ${oneLine(f.actual)}`,
    );
  }
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
  return [`step: ${step} · error: ${oneLine(text ?? 'unknown error')}`];
}

interface GherkinStepLike {
  id: string;
  keyword: string;
}
interface GherkinChildLike {
  background?: { steps: readonly GherkinStepLike[] };
  scenario?: { steps: readonly GherkinStepLike[] };
  rule?: { children: readonly GherkinChildLike[] };
}

/** "Then the CSMS responds with": the step as written in the feature file, keyword included. */
export function stepWording(
  gherkinDocument: { feature?: { children: readonly GherkinChildLike[] } },
  pickleStep: { text: string; astNodeIds: readonly string[] },
): string {
  const wanted = pickleStep.astNodeIds[0];
  const search = (children: readonly GherkinChildLike[]): string | undefined => {
    for (const child of children) {
      const steps = [...(child.background?.steps ?? []), ...(child.scenario?.steps ?? [])];
      const found = steps.find((step) => step.id === wanted);
      if (found) return found.keyword;
      const inRule = child.rule ? search(child.rule.children) : undefined;
      if (inRule) return inRule;
    }
    return undefined;
  };
  const keyword = search(gherkinDocument.feature?.children ?? []);
  return keyword ? `${keyword.trim()} ${pickleStep.text}` : pickleStep.text;
}
