/**
 * `npm start -- --check-setup`: before a real run, asks the CSMS what it can be asked without
 * changing it, for each prerequisite of README.md's "What your CSMS must hold" table, and prints one
 * row per prerequisite: OK, WRONG (what it got) or NOT CHECKED (why). The probes are what a station
 * does anyway: connect with each configured identity and boot, and Authorize each configured
 * idToken; nothing is asked of the operator and no state of the CSMS is changed.
 */
import type { AuthorizeResponse, IdTokenEnumType } from '../schemas/ocpp201-messages';
import type { Config } from '../kernel/config';
import type { RunContext } from './run-context';
import type { ChargingStation, StationRole } from './station/core/charging-station';
import { stationFor } from './station/station-factory';

export type SetupStatus = 'OK' | 'WRONG' | 'NOT CHECKED';

export interface SetupRow {
  /** The blocks whose scenarios need it. */
  blocks: string;
  prerequisite: string;
  status: SetupStatus;
  /** What the CSMS answered (WRONG), or why it was not checked. */
  detail: string;
}

const ok = (blocks: string, prerequisite: string, detail = ''): SetupRow => ({ blocks, prerequisite, status: 'OK', detail });
const wrong = (blocks: string, prerequisite: string, detail: string): SetupRow => ({ blocks, prerequisite, status: 'WRONG', detail });
const notChecked = (blocks: string, prerequisite: string, detail: string): SetupRow => ({
  blocks,
  prerequisite,
  status: 'NOT CHECKED',
  detail,
});

type Run = Pick<RunContext, 'config' | 'endpoints' | 'tls' | 'operator'>;

/** Connects the station of `role` and boots it; the row says whether the CSMS accepted it. */
async function bootedStation(
  run: Run,
  role: StationRole,
  blocks: string,
  what: string,
): Promise<{ row: SetupRow; station?: ChargingStation }> {
  let station: ChargingStation;
  try {
    station = stationFor(run, role, { sinks: [] });
  } catch (error) {
    return { row: notChecked(blocks, what, (error as Error).message) };
  }
  try {
    await station.connect();
  } catch (error) {
    await station.shutdown().catch(() => undefined);
    return { row: wrong(blocks, what, `connection refused: ${(error as Error).message}`) };
  }
  try {
    const response = await station.boot('PowerUp');
    if (response.status !== 'Accepted') {
      await station.shutdown();
      return { row: wrong(blocks, what, `BootNotificationResponse status ${response.status}, expected Accepted`) };
    }
    return { row: ok(blocks, what, `connected to ${station.identity.baseUrl}, BootNotification Accepted`), station };
  } catch (error) {
    await station.shutdown().catch(() => undefined);
    return { row: wrong(blocks, what, `BootNotification failed: ${(error as Error).message}`) };
  }
}

interface TokenExpectation {
  blocks: string;
  name: string;
  idToken: string;
  type: IdTokenEnumType;
  statuses: readonly string[];
  group?: string;
  /** Said in the row, e.g. "(TC_C_39)". */
  note?: string;
}

function tokenExpectations(config: Config): TokenExpectation[] {
  return [
    {
      blocks: 'C, E, F',
      name: 'VALID_ID_TOKEN',
      idToken: config.VALID_ID_TOKEN,
      type: config.VALID_ID_TOKEN_TYPE,
      statuses: ['Accepted'],
      group: config.GROUP_ID,
    },
    {
      blocks: 'C',
      name: 'VALID_ID_TOKEN_2',
      idToken: config.VALID_ID_TOKEN_2,
      type: config.VALID_ID_TOKEN_TYPE_2,
      statuses: ['Accepted'],
      group: config.GROUP_ID,
      note: 'in the group of VALID_ID_TOKEN (TC_C_39)',
    },
    {
      blocks: 'C',
      name: 'INVALID_ID_TOKEN',
      idToken: config.INVALID_ID_TOKEN,
      type: config.INVALID_ID_TOKEN_TYPE,
      statuses: ['Invalid', 'Unknown'],
    },
    { blocks: 'C', name: 'BLOCKED_ID_TOKEN', idToken: config.BLOCKED_ID_TOKEN, type: config.BLOCKED_ID_TOKEN_TYPE, statuses: ['Blocked'] },
    { blocks: 'C', name: 'EXPIRED_ID_TOKEN', idToken: config.EXPIRED_ID_TOKEN, type: config.EXPIRED_ID_TOKEN_TYPE, statuses: ['Expired'] },
    {
      blocks: 'C',
      name: 'MASTERPASS_ID_TOKEN',
      idToken: config.MASTERPASS_ID_TOKEN,
      type: config.MASTERPASS_ID_TOKEN_TYPE,
      statuses: ['Accepted'],
      group: config.MASTERPASS_GROUP_ID,
      note: 'a master pass (AuthCtrlr.MasterPassGroupId = MASTERPASS_GROUP_ID)',
    },
    {
      blocks: 'C, D',
      name: 'LOCAL_AUTH_LIST_ID_TOKEN',
      idToken: config.LOCAL_AUTH_LIST_ID_TOKEN,
      type: config.LOCAL_AUTH_LIST_ID_TOKEN_TYPE,
      statuses: ['Accepted'],
    },
    {
      blocks: 'C, D',
      name: 'LOCAL_AUTH_LIST_ID_TOKEN_2',
      idToken: config.LOCAL_AUTH_LIST_ID_TOKEN_2,
      type: config.LOCAL_AUTH_LIST_ID_TOKEN_TYPE_2,
      statuses: ['Accepted'],
    },
  ];
}

function describeToken(expected: TokenExpectation): string {
  const group = expected.group ? `, group ${expected.group}` : '';
  return `idToken ${expected.name} = ${expected.idToken} (${expected.type}): ${expected.statuses.join(' or ')}${group}${expected.note ? `; ${expected.note}` : ''}`;
}

async function tokenRow(station: ChargingStation | undefined, expected: TokenExpectation): Promise<SetupRow> {
  const what = describeToken(expected);
  if (!station)
    return notChecked(expected.blocks, what, 'the security profile 1 station did not boot (see its row): nothing to authorize with');
  let response: AuthorizeResponse;
  try {
    response = await station.call('Authorize', { idToken: { idToken: expected.idToken, type: expected.type } });
  } catch (error) {
    return wrong(expected.blocks, what, `AuthorizeRequest failed: ${(error as Error).message}`);
  }
  const { status, groupIdToken } = response.idTokenInfo;
  const problems = [
    ...(expected.statuses.includes(status) ? [] : [`status ${status}`]),
    ...(expected.group !== undefined && groupIdToken?.idToken !== expected.group
      ? [`groupIdToken ${groupIdToken?.idToken ?? 'absent'}`]
      : []),
  ];
  const got = `status ${status}${groupIdToken ? `, group ${groupIdToken.idToken}` : ''}`;
  return problems.length > 0 ? wrong(expected.blocks, what, `got ${problems.join(', ')}`) : ok(expected.blocks, what, got);
}

async function invalidCertificateRow(run: Run): Promise<SetupRow> {
  const what = `TLS_INVALID_CLIENT_CERT is refused for ${run.config.SECURITY_PROFILE_3_CP} (not issued by a CA the CSMS trusts)`;
  const { invalidClientCert, invalidClientKey, ca } = run.tls;
  if (!invalidClientCert || !invalidClientKey)
    return notChecked('A', what, 'TLS_INVALID_CLIENT_CERT and TLS_INVALID_CLIENT_KEY are not set');
  let station: ChargingStation;
  try {
    station = stationFor(run, 'sp3', { sinks: [] });
  } catch (error) {
    return notChecked('A', what, (error as Error).message);
  }
  try {
    await station.connect({ tls: { ca, cert: invalidClientCert, key: invalidClientKey } });
    return wrong('A', what, 'the CSMS accepted the connection');
  } catch (error) {
    return ok('A', what, `refused: ${(error as Error).message}`);
  } finally {
    await station.shutdown().catch(() => undefined);
  }
}

function operatorRow(run: Run): SetupRow {
  const what = `the CSMS operator (${run.config.CSMS_OPERATOR}) can make the CSMS send requests and apply Configure… settings`;
  switch (run.operator.kind) {
    case 'embedded':
      return ok('all', what, 'the embedded reference CSMS');
    case 'manual':
      return notChecked('all', what, 'a person acts at the prompt during the run');
    default:
      return notChecked(
        'all',
        what,
        `asking ${run.config.CSMS_OPERATOR_URL} would change the CSMS; the first scenario that needs it tells`,
      );
  }
}

/** Every prerequisite, probed where it can be without changing the CSMS. */
export async function checkSetup(run: Run): Promise<SetupRow[]> {
  const { config } = run;
  const rows: SetupRow[] = [];
  const basic = await bootedStation(
    run,
    'basic',
    'all',
    `station ${config.BASIC_AUTH_CP}, security profile 1, Basic auth password BASIC_AUTH_CP_PASSWORD, BootNotification Accepted`,
  );
  rows.push(basic.row);
  // The tokens first: the stations of profiles 2 and 3 may have the same id, and the CSMS keeps one connection per id.
  const tokens: SetupRow[] = [];
  for (const expected of tokenExpectations(config)) tokens.push(await tokenRow(basic.station, expected));
  await basic.station?.shutdown();
  const sp2 = await bootedStation(
    run,
    'sp2',
    'A, B',
    `station ${config.SECURITY_PROFILE_2_CP}, security profile 2 at CSMS_WSS_ADDRESS (TLS_CA_CERT), the same password`,
  );
  rows.push(sp2.row);
  await sp2.station?.shutdown();
  const sp3 = await bootedStation(
    run,
    'sp3',
    'A',
    `station ${config.SECURITY_PROFILE_3_CP}, security profile 3: TLS_CLIENT_CERT (CN = ${config.SECURITY_PROFILE_3_CP}) chains to a CA the CSMS trusts`,
  );
  rows.push(sp3.row);
  await sp3.station?.shutdown();
  rows.push(await invalidCertificateRow(run));
  rows.push(
    notChecked(
      'A',
      `the CSMS can set a new Basic auth password (NEW_BASIC_AUTH_PASSWORD = ${config.NEW_BASIC_AUTH_PASSWORD.length} characters) and be set back (ConfigureBasicAuthPassword)`,
      'only the operator can make it; TC_A_09_CSMS and TC_A_10_CSMS do',
    ),
  );
  rows.push(...tokens);
  rows.push(
    notChecked(
      'D',
      `Local Authorization List management; the CSMS's last list for ${config.BASIC_AUTH_CP} had version LOCAL_LIST_VERSION = ${config.LOCAL_LIST_VERSION} (or it asks)`,
      'only a SendLocalList the operator asks for shows it; block D does',
    ),
  );
  rows.push(
    notChecked(
      'C',
      'ISO 15118 contracts: the eMAID CONTRACT_CERT_EMAID is known (ConfigureIdToken), the contract root is trusted (ConfigureContractCertificateRoot, or your PKI with CONTRACT_CERT_FILE) and its OCSP responder reachable',
      'the scenarios register them through the operator (TC_C_50 … TC_C_52)',
    ),
  );
  rows.push(operatorRow(run));
  return rows;
}

/** The rows as a plain-text table. */
export function setupTable(rows: readonly SetupRow[]): string {
  const header = { blocks: 'Blocks', prerequisite: 'Prerequisite', status: 'Result', detail: 'Got / why' };
  const all = [header, ...rows];
  const width = (key: 'blocks' | 'status'): number => Math.max(...all.map((row) => row[key].length));
  const line = (row: typeof header): string =>
    `${row.status.padEnd(width('status'))}  ${row.blocks.padEnd(width('blocks'))}  ${row.prerequisite}${row.detail ? `\n${' '.repeat(width('status') + width('blocks') + 4)}→ ${row.detail}` : ''}`;
  return all.map(line).join('\n');
}
