/**
 * Keeps secrets out of traces and reports: configured passwords, Basic-auth credentials, password
 * values set through SetVariables and PEM private keys are replaced by a mask that keeps the length
 * visible, so a reviewer can still see that a 16-character password was sent.
 */
const PRIVATE_KEY_BLOCK = /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g;
const BASIC_AUTH_HEADER = /(Basic\s+)([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/g;

/** True when `token` is base64 of "user:password", so prose such as "Basic Authentication" stays readable. */
function isBasicCredential(token: string): boolean {
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  // Invalid UTF-8 decodes to U+FFFD: the token was a word, not a credential.
  return decoded.includes(':') && [...decoded].every((char) => char >= ' ' && char !== '\u007f' && char !== '\ufffd');
}

export function maskOf(secret: string): string {
  return `[masked, ${secret.length} chars]`;
}

export class SecretMasker {
  private readonly secrets: string[];

  constructor(secrets: Iterable<string | undefined>) {
    // Longest first, so a secret that contains another is masked whole.
    this.secrets = [...new Set([...secrets].filter((s): s is string => typeof s === 'string' && s.length >= 4))].sort(
      (a, b) => b.length - a.length,
    );
  }

  /** A new masker that also hides `secret` (e.g. a password generated during a scenario). */
  with(...secrets: string[]): SecretMasker {
    return new SecretMasker([...this.secrets, ...secrets]);
  }

  maskText(text: string): string {
    let out = text.replace(PRIVATE_KEY_BLOCK, (block) => `-----PRIVATE KEY ${maskOf(block)}-----`);
    out = out.replace(BASIC_AUTH_HEADER, (all, prefix: string, token: string) =>
      isBasicCredential(token) ? `${prefix}${maskOf(token)}` : all,
    );
    for (const secret of this.secrets) {
      if (out.includes(secret)) out = out.split(secret).join(maskOf(secret));
      // JSON escapes some characters; mask the escaped spelling too.
      const escaped = JSON.stringify(secret).slice(1, -1);
      if (escaped !== secret && out.includes(escaped)) out = out.split(escaped).join(maskOf(secret));
    }
    return out;
  }

  /** Masks every string inside a JSON value, plus the value of any BasicAuthPassword variable. */
  maskValue<T>(value: T): T {
    return this.maskNode(value) as T;
  }

  private maskNode(node: unknown): unknown {
    if (typeof node === 'string') return this.maskText(node);
    if (Array.isArray(node)) return node.map((item) => this.maskNode(item));
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      const isPasswordVariable = isBasicAuthPasswordEntry(record);
      for (const [key, value] of Object.entries(record)) {
        if (isPasswordVariable && (key === 'attributeValue' || key === 'value') && typeof value === 'string') {
          out[key] = maskOf(value);
        } else {
          out[key] = this.maskNode(value);
        }
      }
      return out;
    }
    return node;
  }
}

/** Password values a SetVariables/GetVariables/NotifyReport payload carries for SecurityCtrlr.BasicAuthPassword. */
export function basicAuthPasswordsIn(node: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (isBasicAuthPasswordEntry(record)) {
        for (const key of ['attributeValue', 'value']) {
          if (typeof record[key] === 'string') found.push(record[key] as string);
        }
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(node);
  return found;
}

function isBasicAuthPasswordEntry(record: Record<string, unknown>): boolean {
  const variable = record.variable as { name?: unknown } | undefined;
  return typeof variable === 'object' && variable !== null && variable.name === 'BasicAuthPassword';
}
