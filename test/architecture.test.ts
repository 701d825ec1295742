/**
 * The shape of the house, checked on every run: the shared kernel imports neither side, the reference
 * CSMS and the suite do not import each other (but for the one place that starts the embedded CSMS),
 * the station core knows no area, and no folder has an import circle.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..');
const FOLDERS = ['kernel', 'support', 'csms', 'step-definitions', 'scripts'];
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => candidate.endsWith('.ts') && existsSync(candidate));
}

const files = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)));
const graph = new Map<string, string[]>(
  files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)]
      .map((match) => resolveImport(file, match[1] ?? match[2] ?? match[3]))
      .filter((target): target is string => target !== undefined);
    return [relative(ROOT, file), targets.map((target) => relative(ROOT, target))];
  }),
);

function importsFrom(prefix: string): Array<[string, string]> {
  return [...graph].flatMap(([file, targets]) =>
    file.startsWith(prefix) ? targets.map((target): [string, string] => [file, target]) : [],
  );
}

test('the shared kernel imports neither the suite nor the reference CSMS', () => {
  const bad = importsFrom('kernel/').filter(([, target]) => !target.startsWith('kernel/') && !target.startsWith('schemas/'));
  assert.deepEqual(bad, []);
});

test('the reference CSMS imports nothing of the suite', () => {
  const bad = importsFrom('csms/').filter(([, target]) => target.startsWith('support/') || target.startsWith('step-definitions/'));
  assert.deepEqual(bad, []);
});

test('the suite imports the reference CSMS only where it starts the embedded one', () => {
  const bad = [...importsFrom('support/'), ...importsFrom('step-definitions/')].filter(
    ([file, target]) => target.startsWith('csms/') && file !== 'support/run-context.ts',
  );
  assert.deepEqual(bad, []);
});

test('the station core knows no area', () => {
  const bad = importsFrom('support/station/core/').filter(([, target]) => target.startsWith('support/station/areas/'));
  assert.deepEqual(bad, []);
});

test('no import circle', () => {
  const circles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    path.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === 'open') circles.push([...path.slice(path.indexOf(target)), target]);
      else if (!state.has(target)) visit(target);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  assert.deepEqual(
    circles.map((circle) => circle.join(' -> ')),
    [],
  );
});

test('no grab-bag files', () => {
  assert.deepEqual(
    files.map((file) => relative(ROOT, file)).filter((file) => /other-blocks|utils?\.ts$|misc/.test(file)),
    [],
  );
});
