/**
 * Writes kernel/catalog/test-cases.json, the project's own list of the OCTT test cases, from the
 * shared facts catalog (shared/catalog/{A..P}.yaml beside the checkout or a folder above it).
 * The JSON is committed: a user's clone has no shared catalog.
 *
 *   npx ts-node scripts/catalog/import-catalog.ts [catalog-dir]
 *
 * Which cases are optional is decided by scripts/catalog/optional-features.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';
import type { CatalogTestCase } from '../../kernel/catalog/test-case-list';
import { optionalFeatureOf } from './optional-features';

const ROOT = join(__dirname, '..', '..');
export const TEST_CASES_JSON = join(ROOT, 'kernel', 'catalog', 'test-cases.json');
export const BLOCKS = 'ABCDEFGHIJKLMNOP'.split('');

interface CatalogFile {
  block: string;
  name: string;
  tag: string;
  cases: Array<{
    id: string;
    title: string;
    use_cases?: string[] | null;
    requirements?: string[] | null;
    station?: string | string[];
    prerequisites?: string | null;
  }>;
}

/** shared/catalog beside the checkout, or beside a folder above it (a worktree sits deeper); undefined when absent. */
export function sharedCatalogDir(from = ROOT): string | undefined {
  for (let dir = resolve(from, '..'); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'catalog');
    if (existsSync(join(candidate, 'A.yaml'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Every test case of the catalog in `catalogDir`, block by block, in the catalog's order. */
export function catalogEntries(catalogDir: string): CatalogTestCase[] {
  return BLOCKS.flatMap((letter) => {
    const file = parse(readFileSync(join(catalogDir, `${letter}.yaml`), 'utf8')) as CatalogFile;
    if (file.block !== letter) throw new Error(`${letter}.yaml names block ${file.block}`);
    return file.cases.map((testCase): CatalogTestCase => {
      const useCases = testCase.use_cases ?? [];
      const optional = optionalFeatureOf({
        id: testCase.id,
        title: testCase.title,
        block: letter,
        useCases,
        station: testCase.station ?? 'basic',
        prerequisites: testCase.prerequisites ?? '',
      });
      return {
        id: testCase.id,
        title: testCase.title,
        block: letter,
        blockName: file.name,
        blockTag: file.tag,
        useCases,
        requirements: testCase.requirements ?? [],
        optional: optional !== undefined,
        ...(optional ? { optionalFeature: optional.feature, optionalBecause: optional.because } : {}),
      };
    });
  });
}

/** The file's text, laid out as the project's Prettier would (its lint checks the JSON too). */
export async function catalogJson(entries: readonly CatalogTestCase[]): Promise<string> {
  const options = await resolveConfig(TEST_CASES_JSON);
  return format(JSON.stringify(entries), { ...options, filepath: TEST_CASES_JSON });
}

async function main(): Promise<void> {
  const dir = process.argv[2] ? resolve(process.argv[2]) : sharedCatalogDir();
  if (!dir) {
    process.stderr.write('No shared/catalog found beside the checkout; name the catalog folder as the first argument.\n');
    process.exit(2);
  }
  const entries = catalogEntries(dir);
  writeFileSync(TEST_CASES_JSON, await catalogJson(entries));
  const optional = entries.filter((entry) => entry.optional).length;
  process.stdout.write(`${TEST_CASES_JSON}: ${entries.length} test cases (${optional} optional) from ${dir}\n`);
}

if (require.main === module) void main();
