/**
 * The last guard before anything is written: every string of every Cucumber message (feature
 * text, step results, error messages, attachments) has the configured secrets and any private key
 * or Basic credential masked, before Cucumber's own formatters (JSON, JUnit, messages) see it, so
 * no output of the run can carry a secret.
 *
 * Only the envelope is changed: what it carries is replaced by a masked copy where a secret was
 * found. The objects themselves may be the ones Cucumber runs (a pickle's steps) and stay as they are.
 */
import type { Envelope } from '@cucumber/messages';
import type { SecretMasker } from '../../kernel/evidence/masking';

/** `node` itself when it holds no secret, else a masked copy. */
function masked(node: unknown, masker: SecretMasker): unknown {
  if (typeof node === 'string') return masker.maskText(node);
  if (Array.isArray(node)) {
    const items = node.map((item: unknown) => masked(item, masker));
    return items.some((item, index) => item !== node[index]) ? items : node;
  }
  if (node && typeof node === 'object') {
    const entries = Object.entries(node).map(([key, value]) => [key, masked(value, masker)] as const);
    const record = node as Record<string, unknown>;
    return entries.some(([key, value]) => value !== record[key]) ? Object.fromEntries(entries) : node;
  }
  return node;
}

const TEXTUAL = /^(text\/|application\/(json|xml|x-ndjson)|[^;]*\+(json|xml))/;

export function maskEnvelope(envelope: Envelope, masker: SecretMasker): void {
  const record = envelope as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const attachment = envelope.attachment;
    if (key === 'attachment' && attachment && String(attachment.contentEncoding) === 'BASE64') {
      // Text may be attached as bytes; a picture's bytes are left alone.
      const body = TEXTUAL.test(attachment.mediaType)
        ? Buffer.from(masker.maskText(Buffer.from(attachment.body, 'base64').toString('utf8')), 'utf8').toString('base64')
        : attachment.body;
      record[key] = { ...(masked({ ...attachment, body: '' }, masker) as object), body };
      continue;
    }
    record[key] = masked(record[key], masker);
  }
}
