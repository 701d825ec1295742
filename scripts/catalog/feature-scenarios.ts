/**
 * The scenarios of feature files as Cucumber itself reads them (@cucumber/gherkin): each one's
 * name, place, own tags (its rule's and examples' included, its feature's apart; an outline counts once) and its
 * feature's name and tags. The consistency test and the report's test-case matrix read them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { type GherkinDocument, IdGenerator } from '@cucumber/messages';

export const FEATURES_DIR = join(__dirname, '..', '..', 'features');

export interface FeatureScenario {
  /** The feature file, relative to the project (e.g. "features/B-provisioning.feature"). */
  uri: string;
  line: number;
  name: string;
  /** The scenario's tags, without those of its feature. */
  tags: string[];
  featureName: string;
  featureTags: string[];
}

/** The line of the scenario (or outline) a pickle comes from. */
function scenarioLines(document: GherkinDocument): Map<string, number> {
  const lines = new Map<string, number>();
  const visit = (children: NonNullable<GherkinDocument['feature']>['children']): void => {
    for (const child of children) {
      if (child.scenario) lines.set(child.scenario.id, child.scenario.location.line);
      if (child.rule) visit(child.rule.children);
    }
  };
  if (document.feature) visit(document.feature.children);
  return lines;
}

export function parseFeature(text: string, uri: string): FeatureScenario[] {
  const newId = IdGenerator.incrementing();
  const parser = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher());
  const document = parser.parse(text);
  const feature = document.feature;
  if (!feature) return [];
  const featureTags = feature.tags.map((tag) => tag.name);
  const lines = scenarioLines(document);
  // An outline's example rows are one scenario: one test case, the tags of all its examples.
  const scenarios = new Map<string, FeatureScenario>();
  for (const pickle of compile(document, uri, newId)) {
    const tags = pickle.tags.map((tag) => tag.name).filter((tag) => !featureTags.includes(tag));
    const known = scenarios.get(pickle.astNodeIds[0]);
    if (known) known.tags = [...new Set([...known.tags, ...tags])];
    else {
      const line = lines.get(pickle.astNodeIds[0]) ?? 0;
      scenarios.set(pickle.astNodeIds[0], { uri, line, name: pickle.name, tags, featureName: feature.name, featureTags });
    }
  }
  return [...scenarios.values()];
}

/** Every scenario of the *.feature files in `dir` (the project's features/ by default), file by file. */
export function featureScenarios(dir = FEATURES_DIR): FeatureScenario[] {
  const base = join(dir, '..');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.feature'))
    .sort()
    .flatMap((name) => parseFeature(readFileSync(join(dir, name), 'utf8'), relative(base, join(dir, name))));
}

/** The test-case id of a scenario's tags (`@TC_B_01_CSMS`), every one of them. */
export function testCaseTags(tags: readonly string[]): string[] {
  return tags.flatMap((tag) => /^@(TC_\w+)$/.exec(tag)?.[1] ?? []);
}
