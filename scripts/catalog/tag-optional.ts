/**
 * Puts the `@optional` tag on every scenario whose test case tests an optional feature (see
 * kernel/catalog/test-cases.json) and takes it off the others. test/catalog-consistency.test.ts
 * checks the same; run this after adding scenarios: `npx ts-node scripts/catalog/tag-optional.ts`.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogTestCase } from '../../kernel/catalog/test-case-list';

const FEATURES = join(__dirname, '..', '..', 'features');

/** The tag line of a scenario with `@optional` added or removed, as its test case says. */
export function retagged(tagLine: string): string {
  const tags = tagLine.trim().split(/\s+/);
  const id = tags.find((tag) => /^@TC_[A-P]_\d+_CSMS$/.test(tag))?.slice(1);
  if (!id) return tagLine;
  const optional = catalogTestCase(id)?.optional ?? false;
  const others = tags.filter((tag) => tag !== '@optional');
  const indent = /^\s*/.exec(tagLine)?.[0] ?? '';
  return `${indent}${[...others.slice(0, 1), ...(optional ? ['@optional'] : []), ...others.slice(1)].join(' ')}`;
}

if (require.main === module) {
  for (const name of readdirSync(FEATURES).filter((file) => file.endsWith('.feature'))) {
    const path = join(FEATURES, name);
    const text = readFileSync(path, 'utf8');
    const next = text
      .split('\n')
      .map((line) => (/^\s*@TC_/.test(line) ? retagged(line) : line))
      .join('\n');
    if (next !== text) {
      writeFileSync(path, next);
      process.stdout.write(`${name}: @optional tags updated\n`);
    }
  }
}
