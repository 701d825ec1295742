/**
 * The run as Cucumber's messages (the content of cucumber.ndjson): reading them back, and cutting
 * an interrupted run down to the scenarios that finished, so every report built from it is whole.
 */
import { readFileSync } from 'node:fs';
import type { Envelope, Timestamp } from '@cucumber/messages';

/** Reads an ndjson file; a line cut off by an interruption is left out. */
export function readEnvelopes(path: string): Envelope[] {
  const envelopes: Envelope[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      envelopes.push(JSON.parse(line) as Envelope);
    } catch {
      continue;
    }
  }
  return envelopes;
}

export function timestampOf(date: Date): Timestamp {
  const ms = date.getTime();
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 };
}

export function isoOf(timestamp: Timestamp | undefined): string | undefined {
  return timestamp ? new Date(timestamp.seconds * 1000 + Math.floor(timestamp.nanos / 1_000_000)).toISOString() : undefined;
}

/** The id of the test case attempt an envelope belongs to, if it belongs to one. */
function attemptOf(envelope: Envelope): string | undefined {
  return (
    envelope.testCaseStarted?.id ??
    envelope.testStepStarted?.testCaseStartedId ??
    envelope.testStepFinished?.testCaseStartedId ??
    envelope.testCaseFinished?.testCaseStartedId ??
    envelope.attachment?.testCaseStartedId
  );
}

export function isRunFinished(envelopes: readonly Envelope[]): boolean {
  return envelopes.some((envelope) => envelope.testRunFinished !== undefined);
}

/**
 * The messages of the attempts that finished, closed by a testRunFinished (success false, at
 * `endedAt`) when the run did not get to send its own.
 */
export function finishedPart(envelopes: readonly Envelope[], endedAt: Date): Envelope[] {
  const finished = new Set(
    envelopes.flatMap((envelope) => (envelope.testCaseFinished ? [envelope.testCaseFinished.testCaseStartedId] : [])),
  );
  const kept = envelopes.filter((envelope) => {
    const attempt = attemptOf(envelope);
    return attempt === undefined || finished.has(attempt);
  });
  if (!isRunFinished(kept)) {
    const started = kept.find((envelope) => envelope.testRunStarted)?.testRunStarted;
    kept.push({ testRunFinished: { testRunStartedId: started?.id, timestamp: timestampOf(endedAt), success: false } });
  }
  return kept;
}

/** A text attachment's body; Cucumber keeps a string attached with a media type as it is (IDENTITY). */
export function attachmentText(attachment: { body: string; contentEncoding?: unknown }): string {
  return String(attachment.contentEncoding) === 'BASE64' ? Buffer.from(attachment.body, 'base64').toString('utf8') : attachment.body;
}
