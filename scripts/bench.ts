/**
 * `npm run bench`: how fast the suite starts and what each frame costs.
 *   1. launch → first scenario: wall time from spawning cucumber-js until the first test case starts
 *      (embedded mode: config, ts-node, step loading, test PKI, reference CSMS), median of several runs;
 *   2. per-frame overhead: schema validation + trace recording (with secret masking) for typical frames.
 * A benchmark, not a test: it prints figures and fails nothing.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SecretMasker } from '../kernel/evidence/masking';
import { Trace } from '../kernel/evidence/trace';
import { SchemaValidator } from '../kernel/ocpp/schema-validator';

const ROOT = join(__dirname, '..');
const RUNS = Number(process.argv[2] ?? 5);

function launchToFirstScenario(): Promise<number> {
  return new Promise((resolve, reject) => {
    const cucumber = join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
    const started = performance.now();
    const child = spawn(process.execPath, [cucumber, '--tags', '@TC_B_01_CSMS', '--format', 'message', '--format-options', '{}'], {
      cwd: ROOT,
    });
    let buffered = '';
    let measured: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      if (measured === undefined && buffered.includes('"testCaseStarted"')) measured = performance.now() - started;
    });
    child.on('close', () => (measured === undefined ? reject(new Error('no scenario started')) : resolve(measured)));
  });
}

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

async function main(): Promise<void> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) times.push(await launchToFirstScenario());
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  process.stdout.write(
    `launch → first scenario (embedded, ${RUNS} runs): median ${(median / 1000).toFixed(2)} s, min ${(times[0] / 1000).toFixed(2)} s, max ${(times.at(-1)! / 1000).toFixed(2)} s\n`,
  );
  process.stdout.write('per-frame overhead, schema validation + trace (with masking):\n');
  for (const { frame, micros } of perFrameMicros(20_000)) process.stdout.write(`  ${frame.padEnd(28)} ${micros.toFixed(1)} µs\n`);
}

void main();
