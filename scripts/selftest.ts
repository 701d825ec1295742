/**
 * `npm run selftest`: proves that the suite fails a CSMS that is wrong. For each named mutant of
 * csms/faults/mutants.ts the embedded CSMS runs behind a relay that plants that one bug, and the
 * scenarios that see the mutated message run against it: a mutant is killed when one of them
 * fails, SURVIVED when all pass. A legal mutant (a change a correct CSMS may make) must pass: a
 * failure there is a false failure of the suite.
 *
 *   npm run selftest                 every mutant
 *   npm run selftest -- --sample 20  an even spread of 20 (what CI runs)
 *   npm run selftest -- --only Reset mutants whose name contains "Reset"
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MUTANTS, type Mutant, SELFTEST_TIMEOUT_SECONDS } from '../csms/faults/mutants';

const ROOT = join(__dirname, '..');
const CUCUMBER = join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
/** Scenarios run per mutant: enough to see the message in different blocks, few enough to be quick. */
const SCENARIOS_PER_MUTANT = 3;
/** The station that connects over plain ws:// (the only one the relay carries). */
const RELAYED_STATION = process.env.BASIC_AUTH_CP ?? 'CP_1';

interface Run {
  exitCode: number;
  stderr: string;
  /** Scenario name → passed. */
  results: Map<string, boolean>;
}

interface Outcome {
  mutant: Mutant;
  scenarios: string[];
  verdict: 'killed' | 'SURVIVED' | 'passed (legal)' | 'FALSE FAILURE' | 'NOT FIRED' | 'NOT SEEN';
  killedBy: string[];
}

function runCucumber(args: string[], env: Record<string, string>, output: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CUCUMBER, '--profile', 'selftest', '--format', `json:${output}`, ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        OCPP_CALL_TIMEOUT: String(SELFTEST_TIMEOUT_SECONDS),
        CSMS_ACTION_TIMEOUT: String(SELFTEST_TIMEOUT_SECONDS),
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      const results = new Map<string, boolean>();
      try {
        const features = JSON.parse(readFileSync(output, 'utf8')) as Array<{
          elements?: Array<{ name: string; steps: Array<{ result: { status: string } }> }>;
        }>;
        for (const feature of features)
          for (const scenario of feature.elements ?? [])
            results.set(
              scenario.name,
              scenario.steps.every((step) => step.result.status === 'passed'),
            );
      } catch {
        // No report: the run failed before any scenario (its stderr says why).
      }
      resolve({ exitCode: code ?? 1, stderr, results });
    });
  });
}

/** Which scenarios see which CSMS message on the relayed station, from one unmutated run's frames. */
async function messageIndex(work: string): Promise<Map<string, string[]>> {
  const ndjson = join(work, 'index.ndjson');
  const run = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [CUCUMBER, '--profile', 'selftest', '--format', `message:${ndjson}`], {
      cwd: ROOT,
      env: { ...process.env, OCPP_CALL_TIMEOUT: String(SELFTEST_TIMEOUT_SECONDS), CSMS_ACTION_TIMEOUT: String(SELFTEST_TIMEOUT_SECONDS) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
  if (run !== 0) throw new Error('the unmutated suite does not pass with the self-test timeouts: fix that first');
  return indexFromMessages(ndjson);
}

/** The index from a run's Cucumber messages (e.g. the reports/cucumber.ndjson of the run just made). */
function indexFromMessages(ndjson: string): Map<string, string[]> {
  const index = new Map<string, Set<string>>();
  for (const line of readFileSync(ndjson, 'utf8').split('\n')) {
    if (!line.includes('ocpp-frames.json')) continue;
    const attachment = (JSON.parse(line) as { attachment?: { fileName?: string; body: string } }).attachment;
    if (attachment?.fileName !== 'ocpp-frames.json') continue;
    const document = JSON.parse(attachment.body) as {
      scenario: string;
      entries: Array<{ connection?: string; direction?: string; message?: string; event?: string }>;
    };
    // Only frames of a connection opened over ws:// pass the relay (wss:// goes to the CSMS directly).
    let plain = false;
    for (const entry of document.entries) {
      if (entry.connection === RELAYED_STATION && entry.event?.startsWith('connected to '))
        plain = entry.event.startsWith('connected to ws://');
      if (!plain || entry.connection !== RELAYED_STATION || !entry.direction?.startsWith('CSMS') || !entry.message) continue;
      const scenarios = index.get(entry.message) ?? new Set<string>();
      scenarios.add(document.scenario);
      index.set(entry.message, scenarios);
    }
  }
  return new Map([...index].map(([message, scenarios]) => [message, [...scenarios].sort()]));
}

/** A spread over the blocks: the first scenarios of different blocks before a second of any. */
function spread(scenarios: readonly string[], count: number): string[] {
  const byBlock = new Map<string, string[]>();
  for (const scenario of scenarios) {
    const block = /^TC_([A-Z])_/.exec(scenario)?.[1] ?? '?';
    byBlock.set(block, [...(byBlock.get(block) ?? []), scenario]);
  }
  const picked: string[] = [];
  for (let round = 0; picked.length < count && round < scenarios.length; round++) {
    for (const list of byBlock.values()) if (list[round] && picked.length < count) picked.push(list[round]);
  }
  return picked;
}

const tagOf = (scenario: string): string => `@${scenario.split(' ')[0]}`;

async function judge(mutant: Mutant, index: Map<string, string[]>, work: string, n: number): Promise<Outcome> {
  const message = `${mutant.action}${mutant.kind === 'request' ? 'Request' : 'Response'}`;
  const scenarios = spread(index.get(message) ?? [], SCENARIOS_PER_MUTANT);
  if (scenarios.length === 0) return { mutant, scenarios, verdict: 'NOT SEEN', killedBy: [] };
  const run = await runCucumber(
    ['--tags', scenarios.map(tagOf).join(' or ')],
    { SELFTEST_MUTANT: mutant.name },
    join(work, `mutant-${n}.json`),
  );
  const fired = Number(/fired (\d+) times/.exec(run.stderr)?.[1] ?? 0);
  const failed = [...run.results].filter(([, passed]) => !passed).map(([name]) => name.split(' ')[0]);
  if (run.results.size === 0)
    return { mutant, scenarios, verdict: mutant.legal ? 'FALSE FAILURE' : 'NOT FIRED', killedBy: [run.stderr.trim().split('\n')[0] ?? ''] };
  if (mutant.legal) return { mutant, scenarios, verdict: failed.length === 0 ? 'passed (legal)' : 'FALSE FAILURE', killedBy: failed };
  if (failed.length > 0) return { mutant, scenarios, verdict: 'killed', killedBy: failed };
  return { mutant, scenarios, verdict: fired === 0 ? 'NOT FIRED' : 'SURVIVED', killedBy: [] };
}

function chosenMutants(argv: readonly string[]): Mutant[] {
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  let mutants = only ? MUTANTS.filter((mutant) => mutant.name.includes(only)) : [...MUTANTS];
  const sample = argv.includes('--sample') ? Number(argv[argv.indexOf('--sample') + 1]) : undefined;
  if (sample && sample < mutants.length) {
    const step = mutants.length / sample;
    mutants = Array.from({ length: sample }, (_, i) => mutants[Math.floor(i * step)]);
  }
  return mutants;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const mutants = chosenMutants(argv);
  const work = mkdtempSync(join(tmpdir(), 'octt-selftest-'));
  const started = Date.now();
  const given = argv.includes('--index') ? argv[argv.indexOf('--index') + 1] : undefined;
  const index = given ? indexFromMessages(given) : await messageIndex(work);
  const outcomes: Outcome[] = new Array(mutants.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < mutants.length) {
      const n = next++;
      outcomes[n] = await judge(mutants[n], index, work, n);
      const outcome = outcomes[n];
      process.stdout.write(
        `${outcome.verdict.padEnd(15)} ${outcome.mutant.name}${outcome.killedBy.length ? `  ← ${outcome.killedBy.join(', ')}` : ''}\n`,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(2, cpus().length)) }, worker));

  const wrong = outcomes.filter((outcome) => !outcome.mutant.legal);
  const killed = wrong.filter((outcome) => outcome.verdict === 'killed').length;
  const falseFailures = outcomes.filter((outcome) => outcome.verdict === 'FALSE FAILURE').length;
  const survivors = wrong.filter((outcome) => outcome.verdict !== 'killed');
  const legal = outcomes.length - wrong.length;
  process.stdout.write(
    [
      '',
      `mutants: ${outcomes.length} (${wrong.length} bugs, ${legal} legal changes) in ${Math.round((Date.now() - started) / 1000)} s`,
      `killed: ${killed} of ${wrong.length} (${wrong.length ? ((100 * killed) / wrong.length).toFixed(1) : '100.0'} %)`,
      `not killed: ${survivors.map((outcome) => `${outcome.mutant.name} (${outcome.verdict})`).join(', ') || 'none'}`,
      `false failures (legal changes the suite failed): ${falseFailures}`,
      `${outcomes.length - survivors.length - falseFailures} passed, ${survivors.length + falseFailures} failed`,
      '',
    ].join('\n'),
  );
  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  writeFileSync(
    join(ROOT, 'reports', 'selftest.json'),
    JSON.stringify(
      outcomes.map((outcome) => ({
        mutant: outcome.mutant.name,
        bug: outcome.mutant.bug,
        legal: outcome.mutant.legal,
        scenarios: outcome.scenarios.map((scenario) => scenario.split(' ')[0]),
        verdict: outcome.verdict,
        killedBy: outcome.killedBy,
      })),
      null,
      2,
    ),
  );
  process.exitCode = survivors.length + falseFailures > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
});
