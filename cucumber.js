// Cucumber profiles. Every profile writes the same evidence into reports/.
const common = {
  requireModule: ['ts-node/register'],
  require: ['support/**/*.ts', 'step-definitions/**/*.ts'],
  format: ['json:reports/cucumber.json', 'message:reports/cucumber.ndjson', 'junit:reports/junit.xml'],
  formatOptions: { junit: { suiteName: 'OCPP 2.0.1 CSMS conformance' }, snippetInterface: 'async-await' },
  strict: true,
};

module.exports = {
  // Interactive use: a progress bar and a summary of failures.
  default: { ...common, format: [...common.format, 'progress-bar'] },
  // CI: one line per step, no terminal control codes.
  ci: { ...common, format: [...common.format, 'progress'] },
  // Several scenarios at once, each worker with its own embedded CSMS on free ports.
  parallel: { ...common, format: [...common.format, 'progress'], parallel: 2 },
};
