/**
 * The project's test-case list (kernel/catalog/test-cases.json), the shared catalog it is made
 * from (when this checkout has one beside it) and the feature files tell the same story: every
 * scenario is one listed test case, in its block, tagged only with that case's use cases and
 * requirements. Test cases without a scenario are allowed: the report shows them "not implemented".
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEST_CASES, catalogTestCase, tagOf } from '../kernel/catalog/test-case-list';
import { catalogEntries, catalogJson, sharedCatalogDir } from '../scripts/catalog/import-catalog';
import { type FeatureScenario, featureScenarios, parseFeature, testCaseTags } from '../scripts/catalog/feature-scenarios';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Tags of the use-case (`@B01`) or requirement (`@B01.FR.02`, `@Part4.3.1.2`) kind. */
const TRACE_TAG = /^@([A-Z]\d|Part\d)/;

const where = (scenario: FeatureScenario): string => `${scenario.uri}:${scenario.line} (${scenario.name})`;

/** What is wrong with the scenarios against the list; empty when they agree. */
function problemsOf(scenarios: readonly FeatureScenario[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, FeatureScenario>();
  for (const scenario of scenarios) {
    const ids = testCaseTags(scenario.tags);
    if (ids.length !== 1) {
      problems.push(`${where(scenario)}: ${ids.length} @TC_ tags (${ids.join(', ') || 'none'}), expected exactly one`);
      continue;
    }
    const [id] = ids;
    const testCase = catalogTestCase(id);
    if (!testCase) {
      problems.push(`${where(scenario)}: @${id} is not in kernel/catalog/test-cases.json`);
      continue;
    }
    const earlier = seen.get(id);
    if (earlier) problems.push(`${where(scenario)}: ${id} is already the test case of ${where(earlier)}`);
    seen.set(id, scenario);
    const allowed = new Set([...testCase.useCases, ...testCase.requirements].map((catalogId) => `@${tagOf(catalogId)}`));
    for (const tag of scenario.tags.filter((candidate) => TRACE_TAG.test(candidate) && !allowed.has(candidate))) {
      problems.push(`${where(scenario)}: ${tag} is not a use case or requirement of ${id} (${[...allowed].join(' ') || 'none'})`);
    }
    if (!scenario.featureTags.includes(testCase.blockTag)) {
      problems.push(
        `${where(scenario)}: its feature is tagged ${scenario.featureTags.join(' ') || 'nothing'}, block ${testCase.block} is ${testCase.blockTag}`,
      );
    }
    if (scenario.tags.includes('@optional') !== testCase.optional) {
      problems.push(
        `${where(scenario)}: ${testCase.optional ? 'needs the tag @optional' : 'is tagged @optional but is a Core test case'} (scripts/catalog/tag-optional.ts)`,
      );
    }
    const letter = /^([A-Z]) /.exec(scenario.featureName)?.[1];
    if (letter !== testCase.block) problems.push(`${where(scenario)}: feature "${scenario.featureName}" is not block ${testCase.block}`);
  }
  return problems;
}

describe('the test-case list', () => {
  it('holds the 252 OCTT test cases once each, in blocks A to P', () => {
    assert.equal(TEST_CASES.length, 252);
    assert.equal(new Set(TEST_CASES.map((testCase) => testCase.id)).size, 252);
    for (const testCase of TEST_CASES) {
      assert.match(testCase.id, new RegExp(`^TC_${testCase.block}_\\d+_CSMS$`));
      assert.match(testCase.blockTag, /^@[a-z][A-Za-z]+$/);
      assert.equal(testCase.optional, testCase.optionalBecause !== undefined, testCase.id);
    }
  });

  it('marks the optional functional blocks optional and the core ones not', () => {
    const optional = (id: string): boolean | undefined => catalogTestCase(id)?.optional;
    for (const id of ['TC_D_01_CSMS', 'TC_H_01_CSMS', 'TC_I_01_CSMS', 'TC_K_01_CSMS', 'TC_O_01_CSMS', 'TC_M_26_CSMS', 'TC_A_07_CSMS']) {
      assert.equal(optional(id), true, id);
    }
    for (const id of ['TC_A_01_CSMS', 'TC_B_01_CSMS', 'TC_E_01_CSMS', 'TC_F_01_CSMS', 'TC_G_03_CSMS', 'TC_L_01_CSMS', 'TC_P_02_CSMS']) {
      assert.equal(optional(id), false, id);
    }
  });

  const catalogDir = sharedCatalogDir();
  it(
    'is what scripts/catalog/import-catalog.ts makes of the shared catalog',
    { skip: catalogDir ? false : 'no shared/catalog beside this checkout' },
    async () => {
      const generated = catalogEntries(catalogDir ?? '');
      assert.equal(
        readFileSync(join(__dirname, '..', 'kernel', 'catalog', 'test-cases.json'), 'utf8'),
        await catalogJson(generated),
        'kernel/catalog/test-cases.json is out of date: run npx ts-node scripts/catalog/import-catalog.ts',
      );
    },
  );
});

describe('the feature files against the test-case list', () => {
  const scenarios = featureScenarios();

  it('have one listed test case per scenario, in its block, tagged only with its use cases and requirements', () => {
    assert.ok(scenarios.length > 0, 'no scenario found in features/');
    assert.deepEqual(problemsOf(scenarios), []);
    const implemented = new Set(scenarios.flatMap((scenario) => testCaseTags(scenario.tags)));
    const missing = TEST_CASES.filter((testCase) => !implemented.has(testCase.id));
    console.log(`${implemented.size} of ${TEST_CASES.length} test cases have a scenario; ${missing.length} are not implemented yet`);
  });

  it('notices a missing, doubled, unknown or foreign tag and a scenario in the wrong block', () => {
    const feature = [
      '@provisioning',
      'Feature: B Provisioning',
      '  @TC_B_01_CSMS @B01 @B01.FR.02',
      '  Scenario: fine',
      '    Given a step',
      '  Scenario: no test case',
      '    Given a step',
      '  @TC_B_01_CSMS @B01.FR.99',
      '  Scenario: the same test case again, with a requirement it does not have',
      '    Given a step',
      '  @TC_B_99_CSMS',
      '  Scenario: unknown',
      '    Given a step',
      '  @TC_C_02_CSMS',
      '  Scenario: of another block',
      '    Given a step',
      '  @TC_B_02_CSMS @optional',
      '  Scenario: a Core case tagged optional',
      '    Given a step',
    ].join('\n');
    const problems = problemsOf(parseFeature(feature, 'features/B-sample.feature'));
    assert.deepEqual(
      problems.map((problem) => problem.replace(/ \(.*?\): /, ': ')),
      [
        'features/B-sample.feature:6: 0 @TC_ tags (none), expected exactly one',
        'features/B-sample.feature:9: TC_B_01_CSMS is already the test case of features/B-sample.feature:4 (fine)',
        'features/B-sample.feature:9: @B01.FR.99 is not a use case or requirement of TC_B_01_CSMS (@B01 @B01.FR.02)',
        'features/B-sample.feature:12: @TC_B_99_CSMS is not in kernel/catalog/test-cases.json',
        'features/B-sample.feature:15: its feature is tagged @provisioning, block C is @authorization',
        'features/B-sample.feature:15: feature "B Provisioning" is not block C',
        'features/B-sample.feature:18: is tagged @optional but is a Core test case (scripts/catalog/tag-optional.ts)',
      ],
    );
  });
});
