/**
 * `npm run bench`: how fast the whole suite runs, beside the older Python suite's figures.
 *   1. the whole suite against the embedded CSMS, serially and with --parallel N (default 2):
 *      wall time, scenario time per block beside the older suite's, launch → first scenario,
 *      peak memory of the run's processes, the slowest 10 scenarios and where their time goes
 *      (step and hook durations from the Cucumber messages);
 *   2. whether the parallel run's report lists the same scenarios with the same verdicts;
 *   3. per-frame overhead: schema validation + trace recording (with secret masking) for typical frames.
 * A benchmark, not a test: it prints figures (and reports/bench.json) and fails nothing.
 * `npm run bench -- --parallel 3` picks the worker count of the parallel run.
 */
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TEST_CASES } from '../kernel/catalog/test-case-list';
import { SecretMasker } from '../kernel/evidence/masking';
import { Trace } from '../kernel/evidence/trace';
import { SchemaValidator } from '../kernel/ocpp/schema-validator';
import { type RunTimings, blockSeconds, runTimings, slowest } from './bench/run-timings';
import { type SuiteRun, runSuite } from './bench/suite-run';
import { writeFileAtomically } from './report/build-report';
import { differences, runOutcome } from './report/run-comparison';

const ROOT = join(__dirname, '..');

/** The older Python suite, 252 tests against its own CSMS on a 2-core machine: seconds per block. */
const OLDER_SUITE_SECONDS: Readonly<Record<string, number>> = {
  A: 23,
  B: 50,
  C: 10,
  D: 20,
  E: 42,
  F: 47,
  G: 42,
  H: 33,
  I: 2,
  J: 35,
  K: 71,
  L: 55,
  M: 49,
  N: 99,
  O: 55,
  P: 1,
};
const OLDER_SUITE_TOTAL = 637;
const TARGETS = { serialSeconds: 45, parallelSeconds: 30, peakRssMb: 400 };

const FRAMES: Array<{ action: string; kind: 'request' | 'response'; payload: unknown }> = [
  {
    action: 'BootNotification',
    kind: 'request',
    payload: { reason: 'PowerUp', chargingStation: { model: 'CP Model 1.0', vendorName: 'Vendor' } },
  },
  { action: 'Heartbeat', kind: 'response', payload: { currentTime: '2026-11-25T10:00:00.000Z' } },
  {
    action: 'TransactionEvent',
    kind: 'request',
    payload: {
      eventType: 'Updated',
      timestamp: '2026-11-25T10:00:00.000Z',
      triggerReason: 'MeterValuePeriodic',
      seqNo: 3,
      transactionInfo: { transactionId: 'b6b5c4f1-27a4-4a52-9f51-7c0f3a4d2e11', chargingState: 'Charging' },
      evse: { id: 1, connectorId: 1 },
      meterValue: [
        {
          timestamp: '2026-11-25T10:00:00.000Z',
          sampledValue: [
            { value: 1234.5, measurand: 'Energy.Active.Import.Register', context: 'Sample.Periodic', unitOfMeasure: { unit: 'Wh' } },
            { value: 16, measurand: 'Current.Import', context: 'Sample.Periodic', phase: 'L1' },
          ],
        },
      ],
    },
  },
  {
    action: 'SetVariables',
    kind: 'request',
    payload: {
      setVariableData: [
        { component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: 'new_password_12345678' },
      ],
    },
  },
];

function perFrameMicros(iterations: number): Array<{ frame: string; micros: number }> {
  const validator = new SchemaValidator();
  const masker = new SecretMasker(['0123456789123456', 'new_password_12345678']);
  return FRAMES.map(({ action, kind, payload }) => {
    const raw = JSON.stringify([2, 'id', action, payload]);
    validator.validate(action, kind, payload); // compile outside the measurement
    const trace = new Trace(masker);
    const started = performance.now();
    for (let i = 0; i < iterations; i++) {
      validator.validate(action, kind, payload);
      trace.record({
        kind: 'frame',
        at: new Date().toISOString(),
        connection: 'CP_1',
        recordedBy: 'ChargingStation',
        direction: 'sent',
        messageType: 'CALL',
        messageId: 'id',
        action,
        payload,
        raw,
      });
    }
    return {
      frame: `${action}${kind === 'request' ? 'Request' : 'Response'}`,
      micros: ((performance.now() - started) * 1000) / iterations,
    };
  });
}

interface Measured {
  run: SuiteRun;
  timings: RunTimings;
}

async function measure(name: string, workers: number): Promise<Measured> {
  process.stdout.write(`running the whole suite ${workers > 1 ? `with --parallel ${workers}` : 'serially'}…\n`);
  const run = await runSuite(name, workers);
  return { run, timings: runTimings(run.envelopes) };
}

const s1 = (seconds: number): string => `${seconds.toFixed(1)} s`;
const times = (ratio: number): string => `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1)}×`;

function blockRows(serial: Measured, parallel: Measured) {
  const catalog = new Map<string, { name: string; testCases: number }>();
  for (const testCase of TEST_CASES) {
    const block = catalog.get(testCase.block) ?? { name: testCase.blockName, testCases: 0 };
    block.testCases += 1;
    catalog.set(testCase.block, block);
  }
  const ours = blockSeconds(serial.timings);
  const oursParallel = blockSeconds(parallel.timings);
  return Object.entries(OLDER_SUITE_SECONDS).map(([block, olderSeconds]) => {
    const measured = ours.get(block);
    return {
      block,
      name: catalog.get(block)?.name ?? '',
      testCases: catalog.get(block)?.testCases ?? 0,
      scenarios: measured?.scenarios ?? 0,
      olderSeconds,
      serialSeconds: measured?.seconds,
      parallelScenarioSeconds: oursParallel.get(block)?.seconds,
      ratio: measured ? olderSeconds / measured.seconds : undefined,
    };
  });
}

async function main(): Promise<void> {
  const flag = process.argv.indexOf('--parallel');
  const workers = flag >= 0 ? Number(process.argv[flag + 1]) : 2;
  const serial = await measure('serial', 1);
  const parallel = await measure('parallel', workers);
  const rows = blockRows(serial, parallel);
  const scenarios = serial.timings.scenarios.length;
  const out: string[] = [];
  out.push('', `Whole suite against the embedded CSMS: ${scenarios} scenarios of the ${TEST_CASES.length} test cases`);
  out.push(`machine: ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(1)} when the bench ended`, '');
  out.push(
    `${'block'.padEnd(42)} ${'scenarios'.padStart(9)} ${'older suite'.padStart(11)} ${'ours serial'.padStart(11)} ${'ratio'.padStart(6)} ${`ours --parallel ${workers}`.padStart(18)}`,
  );
  for (const row of rows) {
    const label = `${row.block} ${row.name}`.padEnd(42);
    const counts = `${row.scenarios}/${row.testCases}`.padStart(9);
    if (row.serialSeconds === undefined) {
      out.push(`${label} ${counts} ${s1(row.olderSeconds).padStart(11)}   no scenarios yet`);
      continue;
    }
    out.push(
      `${label} ${counts} ${s1(row.olderSeconds).padStart(11)} ${s1(row.serialSeconds).padStart(11)} ${times(row.ratio ?? 0).padStart(6)} ${s1(row.parallelScenarioSeconds ?? 0).padStart(18)}`,
    );
  }
  const olderForOurs = rows.filter((row) => row.serialSeconds !== undefined).reduce((sum, row) => sum + row.olderSeconds, 0);
  out.push(
    `${'whole run, wall time'.padEnd(42)} ${`${scenarios}/${TEST_CASES.length}`.padStart(9)} ${s1(OLDER_SUITE_TOTAL).padStart(11)} ${s1(serial.run.wallSeconds).padStart(11)} ${times(OLDER_SUITE_TOTAL / serial.run.wallSeconds).padStart(6)} ${s1(parallel.run.wallSeconds).padStart(18)}`,
    `(block times are the sum of the block's scenario times; with --parallel they overlap. The older suite's ${OLDER_SUITE_TOTAL} s are for all 252 tests, ${olderForOurs} s of them for the blocks we have.)`,
    '',
  );
  const launch = (measured: Measured): number | undefined =>
    measured.timings.firstScenarioAt === undefined ? undefined : (measured.timings.firstScenarioAt - measured.run.startedAt) / 1000;
  const mb = (value: number | undefined): string => (value === undefined ? 'not measured (no /proc)' : `${value.toFixed(0)} MB`);
  out.push(
    `launch → first scenario: serial ${s1(launch(serial) ?? Number.NaN)}, --parallel ${workers} ${s1(launch(parallel) ?? Number.NaN)}`,
    `peak memory (RSS of cucumber-js and its workers together): serial ${mb(serial.run.peakTotalRssMb)}, --parallel ${workers} ${mb(parallel.run.peakTotalRssMb)} (largest single process ${mb(parallel.run.peakProcessRssMb)})`,
  );
  const perProcess = (measured: Measured): string =>
    measured.run.processes.map((entry) => `${entry.role} ${entry.peakRssMb.toFixed(0)} MB`).join(', ');
  out.push(`peak RSS per process: serial ${perProcess(serial)}; --parallel ${workers} ${perProcess(parallel)}`);
  const comparison = differences(runOutcome(serial.run.reportsDir), runOutcome(parallel.run.reportsDir), ['serial', 'parallel']);
  out.push(
    comparison.length === 0
      ? `reports: the parallel run lists the same ${scenarios} scenarios with the same results and verdicts as the serial run`
      : `reports DIFFER between the serial and the parallel run:\n  ${comparison.join('\n  ')}`,
    `exit codes: serial ${serial.run.exitCode}, parallel ${parallel.run.exitCode}`,
  );
  const peak = Math.max(serial.run.peakTotalRssMb ?? 0, parallel.run.peakTotalRssMb ?? 0);
  const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  out.push(
    `targets: serial ≤ ${TARGETS.serialSeconds} s ${verdict(serial.run.wallSeconds <= TARGETS.serialSeconds)}, --parallel ${workers} ≤ ${TARGETS.parallelSeconds} s ${verdict(parallel.run.wallSeconds <= TARGETS.parallelSeconds)}, peak RSS < ${TARGETS.peakRssMb} MB ${verdict(peak > 0 && peak < TARGETS.peakRssMb)}`,
    '',
    'slowest 10 scenarios (serial run) and where their time goes:',
  );
  const slow = slowest(serial.timings, 10);
  for (const scenario of slow) {
    out.push(`  ${s1(scenario.ms / 1000).padStart(7)}  ${scenario.name}`);
    for (const step of scenario.steps.slice(0, 3)) out.push(`  ${s1(step.ms / 1000).padStart(16)}  ${step.text}`);
  }
  out.push('', 'per-frame overhead, schema validation + trace (with masking):');
  const frames = perFrameMicros(20_000);
  for (const { frame, micros } of frames) out.push(`  ${frame.padEnd(28)} ${micros.toFixed(1)} µs`);
  process.stdout.write(`${out.join('\n')}\n`);
  const json = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: availableParallelism(), loadAverage: loadavg() },
    scenarios,
    testCases: TEST_CASES.length,
    olderSuite: { totalSeconds: OLDER_SUITE_TOTAL, blocks: OLDER_SUITE_SECONDS },
    targets: TARGETS,
    serial: {
      wallSeconds: serial.run.wallSeconds,
      launchToFirstScenarioSeconds: launch(serial),
      peakTotalRssMb: serial.run.peakTotalRssMb,
      peakProcessRssMb: serial.run.peakProcessRssMb,
      processes: serial.run.processes,
      exitCode: serial.run.exitCode,
    },
    parallel: {
      workers,
      wallSeconds: parallel.run.wallSeconds,
      launchToFirstScenarioSeconds: launch(parallel),
      peakTotalRssMb: parallel.run.peakTotalRssMb,
      peakProcessRssMb: parallel.run.peakProcessRssMb,
      processes: parallel.run.processes,
      exitCode: parallel.run.exitCode,
    },
    blocks: rows,
    sameReports: comparison.length === 0,
    reportDifferences: comparison,
    slowest: slow.map((scenario) => ({
      name: scenario.name,
      block: scenario.block,
      seconds: scenario.ms / 1000,
      steps: scenario.steps.slice(0, 5).map((step) => ({ text: step.text, seconds: step.ms / 1000 })),
    })),
    perFrameMicros: frames,
  };
  writeFileAtomically(join(ROOT, 'reports', 'bench.json'), JSON.stringify(json, null, 2));
  process.stdout.write(`\n${join(ROOT, 'reports', 'bench.json')}\n`);
}

void main();
