/**
 * `npm run csms`: the reference CSMS on its own, for a CSMS developer to read and play with, and for
 * running the suite against it from another shell (CSMS_OPERATOR=http).
 */
import { ConfigurationError, loadConfig, secretValues } from '../kernel/config';
import { SecretMasker } from '../kernel/evidence/masking';
import { PKI_DIR } from '../kernel/tls/test-pki';
import { ensureTestPki } from '../kernel/tls/test-pki';
import { FramePrinter } from './frame-printer';
import { ReferenceCsms } from './reference-csms';
import { suiteCommand, suiteVariables } from './suite-command';

async function main(): Promise<void> {
  const config = loadConfig();
  const pool = (config.STATION_POOL ?? []).map((station) => station.id);
  const pki = await ensureTestPki(PKI_DIR, [config.SECURITY_PROFILE_3_CP, ...pool]);
  const masker = new SecretMasker(secretValues(config));
  const csms = await ReferenceCsms.start({
    config,
    pki,
    wsPort: config.CSMS_WS_PORT,
    wssPort: config.CSMS_WSS_PORT,
    operatorPort: config.CSMS_OPERATOR_PORT,
    sinks: [new FramePrinter(process.stdout, masker)],
    callTimeoutMs: config.OCPP_CALL_TIMEOUT * 1000,
  });
  const { ws, wss, operator } = csms.endpoints;
  const stations = [...csms.store.stations.keys()].join(', ');
  process.stdout.write(
    [
      'Reference CSMS (OCPP 2.0.1) running',
      `  security profile 1   ${ws}/<stationId>`,
      `  security profile 2/3 ${wss}/<stationId>   (CA: ${pki.caCert})`,
      `  operator API         POST ${operator}/v1/actions`,
      `  stations             ${stations}`,
      '',
      'Run the whole suite against it from another shell (the same variables check its setup with `npm start -- --check-setup`):',
      ...suiteCommand(suiteVariables(config, csms.endpoints, pki)),
      'Ctrl-C stops it.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nstopping…\n');
    csms.stop().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigurationError ? error.message : (error as Error).stack}\n`);
  process.exit(error instanceof ConfigurationError ? 2 : 1);
});
