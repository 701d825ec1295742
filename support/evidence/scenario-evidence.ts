/**
 * What every scenario leaves in the report: its frames as JSON (the record), and an HTML view of
 * the same frames with the sequence diagram drawn from them and the failure lines on top.
 */
import { evidenceHtml } from './evidence-html';
import { type FramesDocument, readableTrace } from './readable-trace';
import { sequenceDiagram } from './sequence-diagram';
import type { TraceEntry } from '../../kernel/evidence/trace';
import type { CheckRecord } from '../validation/values';

export const FRAMES_FILE_NAME = 'ocpp-frames.json';
export const EVIDENCE_FILE_NAME = 'ocpp-evidence.html';
export const FAILURE_FILE_NAME = 'failed-validation.txt';

export interface ScenarioEvidence {
  framesJson: string;
  html: string;
}

export function scenarioEvidence(
  scenario: string,
  entries: readonly TraceEntry[],
  failures: readonly string[],
  checks: readonly CheckRecord[] = [],
): ScenarioEvidence {
  const readable = readableTrace(entries);
  const document: FramesDocument = { evidence: 'ocpp-frames', scenario, entries: readable, checks };
  return {
    framesJson: JSON.stringify(document, null, 2),
    html: evidenceHtml({ failures, diagram: sequenceDiagram(readable), entries: readable, checks }),
  };
}
