/**
 * Cucumber's own JSON and JUnit outputs, produced from a list of messages by Cucumber's own
 * formatters. After an interrupted run they are rebuilt from the scenarios that finished; the HTML
 * report always reads the JSON made here, identical to reports/cucumber.json.
 */
import { EventEmitter } from 'node:events';
import { dirname } from 'node:path';
import { type IFormatterOptions, JsonFormatter, formatterHelpers } from '@cucumber/cucumber';
import type { Envelope } from '@cucumber/messages';

/** A feature of Cucumber's JSON format, as far as the report reads it. */
export interface CucumberJsonFeature {
  id: string;
  name: string;
  uri: string;
  description?: string;
  tags?: Array<{ name: string }>;
  elements?: CucumberJsonScenario[];
  metadata?: unknown;
}

export interface CucumberJsonScenario {
  id: string;
  name: string;
  steps: CucumberJsonStep[];
  [key: string]: unknown;
}

export interface CucumberJsonStep {
  keyword: string;
  name?: string;
  hidden?: boolean;
  result: { status: string; duration?: number; error_message?: string };
  embeddings?: Array<{ data: string; mime_type: string }>;
  [key: string]: unknown;
}

/** Cucumber's JSON of the run the messages describe; they must end with a testRunFinished. */
export function cucumberJson(envelopes: readonly Envelope[]): CucumberJsonFeature[] {
  const broadcaster = new EventEmitter();
  const eventDataCollector = new formatterHelpers.EventDataCollector(broadcaster);
  // The formatter only looks up where each step definition is; the messages say so.
  const stepDefinitions = envelopes.flatMap((envelope) => {
    const definition = envelope.stepDefinition;
    return definition
      ? [{ id: definition.id, uri: definition.sourceReference.uri, line: definition.sourceReference.location?.line ?? 0 }]
      : [];
  });
  let output = '';
  const options = {
    eventBroadcaster: broadcaster,
    eventDataCollector,
    log: (text: string) => {
      output += text;
    },
    supportCodeLibrary: { stepDefinitions },
    parsedArgvOptions: {},
    cwd: process.cwd(),
    cleanup: async () => undefined,
  };
  // Only the members above are used by the JSON formatter.
  new JsonFormatter(options as unknown as IFormatterOptions);
  for (const envelope of envelopes) broadcaster.emit('envelope', envelope);
  return output === '' ? [] : (JSON.parse(output) as CucumberJsonFeature[]);
}

interface JUnitPrinter {
  update(envelope: Envelope): void;
}
type JUnitPrinterConstructor = new (options: { suiteName?: string }, write: (content: string) => void) => JUnitPrinter;

/** The JUnit XML of the run, by the printer Cucumber's own `junit` format uses. */
export function junitXml(envelopes: readonly Envelope[], suiteName: string): string {
  // Resolved from Cucumber's own dependencies: the same printer, whatever the install layout.
  const cucumberRoot = dirname(require.resolve('@cucumber/cucumber/package.json'));
  const modulePath = require.resolve('@cucumber/junit-xml-formatter', { paths: [cucumberRoot] });
  const { JUnitXmlPrinter } = require(modulePath) as { JUnitXmlPrinter: JUnitPrinterConstructor };
  let output = '';
  const printer = new JUnitXmlPrinter({ suiteName }, (content) => {
    output += content;
  });
  for (const envelope of envelopes) printer.update(envelope);
  return output;
}
