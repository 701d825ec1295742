/**
 * The `evidence` format of cucumber.js (every profile). It sees each Cucumber message first and
 * masks its secrets before the JSON, JUnit and messages formats write it; at the end of the run it
 * writes coverage.json (its own output) and the HTML report next to it. On Ctrl-C (SIGINT) or
 * SIGTERM it writes the report of the scenarios that finished before the process ends.
 *
 * Its output file is in the run's own folder (cucumber.js, run-folder.ts); reports/latest is made to
 * point at that folder when the run starts.
 *
 * Cucumber empties its own outputs when the run starts; the evidence of an earlier run goes too,
 * so that whatever stops this run (an invalid configuration ends the process in BeforeAll), no
 * file in reports/ describes another run. A run that exits before its end still gets a report
 * saying so.
 */
import type { Envelope } from '@cucumber/messages';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, loadConfig, secretValues } from '../../kernel/config';
import { SecretMasker } from '../../kernel/evidence/masking';
import { buildReport, writeFileAtomically } from './build-report';
import { maskEnvelope } from './envelope-masking';
import { JUNIT_VERDICTS_FILE } from './junit-verdicts';
import { FRAMES_DIR } from './frames-files';
import { pointLatestAt } from './run-folder';

/** What Cucumber hands a formatter plugin (the part used here). */
interface FormatterContext {
  on(key: 'message', handler: (envelope: Envelope) => void): void;
  write(text: string): void;
  /** The directory of this format's output file. */
  directory?: string;
}

function configuration(): Config | undefined {
  try {
    return loadConfig();
  } catch {
    // The run itself reports an invalid configuration; the report says it could not read it.
    return undefined;
  }
}

function formatter({ on, write, directory }: FormatterContext): () => void {
  const config = configuration();
  const masker = new SecretMasker(config ? secretValues(config) : []);
  const reportsDir = directory ?? 'reports';
  const envelopes: Envelope[] = [];
  let reported = false;
  rmSync(join(reportsDir, 'html'), { recursive: true, force: true });
  rmSync(join(reportsDir, JUNIT_VERDICTS_FILE), { force: true });
  rmSync(join(reportsDir, FRAMES_DIR), { recursive: true, force: true });
  pointLatestAt(reportsDir);

  on('message', (envelope) => {
    maskEnvelope(envelope, masker);
    envelopes.push(envelope);
  });

  const interrupt = (signal: NodeJS.Signals): void => {
    // A second Ctrl-C while the report is written must not leave half of it.
    if (reported) return;
    reported = true;
    process.stderr.write(`\n${signal}: writing the report of the scenarios that finished…\n`);
    try {
      const report = buildReport({ envelopes, reportsDir, argv: process.argv, config, interruptedAt: new Date() });
      writeFileAtomically(join(reportsDir, 'coverage.json'), JSON.stringify(report.coverage, null, 2));
      process.stderr.write(`HTML report: ${report.indexHtml}\n`);
    } catch (error) {
      process.stderr.write(`the report could not be written: ${(error as Error).stack ?? String(error)}\n`);
    }
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);

  // The process ends before Cucumber finished its run (process.exit in a hook, a crash): only
  // synchronous work is possible here, and the report is built synchronously.
  const exitedEarly = (code: number): void => {
    if (reported) return;
    reported = true;
    const stopped = config
      ? `This run ended before its end (exit code ${code}): the report shows the scenarios that finished; the console says why.`
      : 'The configuration is invalid, so no scenario was run: the console lists the problems (see README.md, "Configuration").';
    try {
      const report = buildReport({ envelopes, reportsDir, argv: process.argv, config, interruptedAt: new Date(), stopped });
      writeFileAtomically(join(reportsDir, 'coverage.json'), JSON.stringify(report.coverage, null, 2));
    } catch (error) {
      process.stderr.write(`the report could not be written: ${(error as Error).stack ?? String(error)}\n`);
    }
  };
  process.on('exit', exitedEarly);

  return () => {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    process.off('exit', exitedEarly);
    if (reported) return;
    reported = true;
    const report = buildReport({ envelopes, reportsDir, argv: process.argv, config });
    write(JSON.stringify(report.coverage, null, 2));
  };
}

export default { type: 'formatter' as const, formatter };
