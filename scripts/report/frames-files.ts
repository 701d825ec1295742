/**
 * The frames of every scenario as readable JSON files, frames/<test case>.json in the run's folder:
 * the same record as each scenario's ocpp-frames.json attachment (which Cucumber's JSON and the
 * HTML report carry base64-encoded), for a reviewer to open, diff or grep without a tool.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { FRAMES_FILE_NAME } from '../../support/evidence/scenario-evidence';
import { writeFileAtomically } from './atomic-write';
import { attachmentText } from './envelopes';

export const FRAMES_DIR = 'frames';

const TEST_CASE_TAG = /^@(TC_[A-Za-z0-9]+_[A-Za-z0-9_]+)$/;

/** Writes frames/<id>.json per scenario attempt (a retried one gets -attempt-N); returns the files written. */
export function writeFramesFiles(envelopes: readonly Envelope[], reportsDir: string): string[] {
  const pickles = new Map<string, { name: string; tags: string[] }>();
  const pickleOfTestCase = new Map<string, string>();
  const attempts = new Map<string, { testCaseId: string; attempt: number }>();
  for (const envelope of envelopes) {
    if (envelope.pickle) pickles.set(envelope.pickle.id, { name: envelope.pickle.name, tags: envelope.pickle.tags.map((tag) => tag.name) });
    else if (envelope.testCase) pickleOfTestCase.set(envelope.testCase.id, envelope.testCase.pickleId);
    else if (envelope.testCaseStarted) {
      attempts.set(envelope.testCaseStarted.id, {
        testCaseId: envelope.testCaseStarted.testCaseId,
        attempt: envelope.testCaseStarted.attempt,
      });
    }
  }
  const dir = join(reportsDir, FRAMES_DIR);
  rmSync(dir, { recursive: true, force: true });
  const written: string[] = [];
  const used = new Set<string>();
  for (const envelope of envelopes) {
    const attachment = envelope.attachment;
    if (attachment?.fileName !== FRAMES_FILE_NAME || !attachment.testCaseStartedId) continue;
    const started = attempts.get(attachment.testCaseStartedId);
    const pickle = started ? pickles.get(pickleOfTestCase.get(started.testCaseId) ?? '') : undefined;
    const id = pickle?.tags.map((tag) => TEST_CASE_TAG.exec(tag)?.[1]).find(Boolean);
    const base = (id ?? pickle?.name ?? attachment.testCaseStartedId).replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 100);
    let name = started && started.attempt > 0 ? `${base}-attempt-${started.attempt + 1}` : base;
    for (let n = 2; used.has(name); n += 1) name = `${base}-${n}`;
    used.add(name);
    const file = join(dir, `${name}.json`);
    writeFileAtomically(file, attachmentText(attachment));
    written.push(file);
  }
  return written;
}
