// Cucumber profiles. Every profile writes the same evidence into this run's own folder,
// reports/<timestamp>-<tags>/ (REPORTS_RUN_DIR names another), with reports/latest pointing at it.
require('ts-node/register');
const { reportsRunDir } = require('./scripts/report/run-folder.ts');

// Named once per run: the workers of a parallel run and a second load of this file agree on it.
process.env.REPORTS_RUN_DIR = reportsRunDir(process.env, process.argv);
const reports = (file) => require('node:path').join(process.env.REPORTS_RUN_DIR, file);

// Cucumber imports a custom format as an ES module, and ES modules cannot load TypeScript here.
// This one-line module hands over the evidence format from the CommonJS side, where ts-node is.
const evidenceModule = [
  "import { createRequire } from 'node:module';",
  `const require = createRequire(${JSON.stringify(require('node:path').join(__dirname, 'cucumber.js'))});`,
  "require('ts-node/register');",
  "export default require('./scripts/report/evidence-formatter.ts').default;",
].join('\n');
const evidenceFormat = `data:text/javascript,${encodeURIComponent(evidenceModule)}`;

const common = {
  requireModule: ['ts-node/register'],
  require: ['support/**/*.ts', 'step-definitions/**/*.ts'],
  // The evidence format comes first: it masks secrets in each message before the others write it,
  // and writes coverage.json, html/ and frames/ at the end (also after Ctrl-C).
  format: [
    [evidenceFormat, reports('coverage.json')],
    `json:${reports('cucumber.json')}`,
    `message:${reports('cucumber.ndjson')}`,
    `junit:${reports('junit.xml')}`,
  ],
  formatOptions: { junit: { suiteName: 'OCPP 2.0.1 CSMS conformance' }, snippetInterface: 'async-await' },
  strict: true,
};

module.exports = {
  // Interactive use: a progress bar and a summary of failures.
  default: { ...common, format: [...common.format, 'progress-bar'] },
  // CI: one line per step, no terminal control codes.
  ci: { ...common, format: [...common.format, 'progress'] },
  // The self-test (npm run selftest): no evidence, the verdicts only, as JSON on the command line.
  selftest: { requireModule: common.requireModule, require: common.require, format: ['summary'], strict: true },
  // Several scenarios at once, each worker with its own embedded CSMS on free ports.
  parallel: { ...common, format: [...common.format, 'progress'], parallel: 2 },
};
