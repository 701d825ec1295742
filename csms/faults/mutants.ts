/**
 * The named mutants of the self-test: each one a realistic bug of a CSMS in one kind of message it
 * sends (a request it initiates, or its response to a station's request). `legal` mutants are
 * changes a correct CSMS may make; the suite must pass them (no false failure).
 */
import type { Action } from '../../kernel/ocpp/actions';

export type MutationOutcome =
  | 'unchanged'
  /** The frame is not sent at all: a missing answer, a missing request. */
  | 'drop'
  | { payload: unknown; delayMs?: number }
  /** A whole frame in place of the original (e.g. a CALLERROR instead of the CALLRESULT). */
  | { frame: unknown[] };

export interface MutationContext {
  /** Sends an extra frame to the station (an unsolicited request). */
  inject(frame: unknown[]): void;
}

export interface Mutant {
  name: string;
  /** The bug, in words. */
  bug: string;
  action: Action;
  kind: 'request' | 'response';
  legal: boolean;
  mutate(payload: Record<string, unknown>, context: MutationContext): MutationOutcome;
}

/** How late a late answer comes: past the OCPP_CALL_TIMEOUT / CSMS_ACTION_TIMEOUT the self-test runs with. */
export const SELFTEST_TIMEOUT_SECONDS = 2;
const LATE_MS = SELFTEST_TIMEOUT_SECONDS * 1000 + 1500;

type Path = string;

function parts(path: Path): string[] {
  return path.split('.').flatMap((part) => part.split(/\[(\d+)\]/).filter(Boolean));
}

function has(payload: unknown, path: Path): boolean {
  let node: unknown = payload;
  for (const part of parts(path)) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

function get(payload: unknown, path: Path): unknown {
  return parts(path).reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], payload);
}

function put(payload: Record<string, unknown>, path: Path, value: unknown): void {
  const keys = parts(path);
  let node: Record<string, unknown> = payload;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === REMOVE) delete node[last];
  else node[last] = value;
}

const REMOVE = Symbol('remove');

interface Family {
  action: Action;
  kind: 'request' | 'response';
  /** Field changes: path → values it takes in turn (one mutant each); REMOVE removes the field. */
  fields?: Record<Path, readonly unknown[]>;
  /** Field changes that a correct CSMS may make. */
  legalFields?: Record<Path, readonly unknown[]>;
  /** No answer / no request at all. */
  drop?: boolean;
  /** Answered or sent after the timeout. */
  late?: boolean;
  /** Answered with a CALLERROR instead (responses only). */
  callError?: boolean;
}

const CUSTOM_DATA = [{ vendorId: 'org.example.selftest', note: 'ignored by a correct station' }];

/** What a scenario of blocks A–E checks, message by message. */
const FAMILIES: readonly Family[] = [
  {
    action: 'BootNotification',
    kind: 'response',
    fields: {
      status: ['Rejected', 'Pending'],
      interval: [-1, REMOVE],
      currentTime: ['2001-01-01T00:00:00.000Z', 'yesterday', REMOVE],
    },
    legalFields: { customData: CUSTOM_DATA, statusInfo: [{ reasonCode: 'Welcome' }] },
    drop: true,
    late: true,
    callError: true,
  },
  {
    action: 'StatusNotification',
    kind: 'response',
    fields: { unexpected: ['field'] },
    legalFields: { customData: CUSTOM_DATA },
    drop: true,
    late: true,
    callError: true,
  },
  {
    action: 'NotifyEvent',
    kind: 'response',
    fields: { unexpected: ['field'] },
    legalFields: { customData: CUSTOM_DATA },
    drop: true,
    late: true,
    callError: true,
  },
  {
    action: 'Authorize',
    kind: 'response',
    fields: {
      'idTokenInfo.status': ['Accepted', 'Blocked', 'Expired', 'Invalid', 'Unknown', 'NoCredit', 'ConcurrentTx', 'NotAllowedTypeEVSE'],
      'idTokenInfo.groupIdToken': [REMOVE, { idToken: 'SELFTEST_GROUP', type: 'Central' }],
      idTokenInfo: [REMOVE],
    },
    legalFields: { customData: CUSTOM_DATA, 'idTokenInfo.language1': ['en'] },
    drop: true,
    late: true,
    callError: true,
  },
  {
    action: 'TransactionEvent',
    kind: 'response',
    fields: {
      'idTokenInfo.status': ['Accepted', 'Blocked', 'Expired', 'Invalid', 'Unknown'],
      'idTokenInfo.groupIdToken': [REMOVE, { idToken: 'SELFTEST_GROUP', type: 'Central' }],
      idTokenInfo: [REMOVE, { status: 'Accepted' }],
    },
    legalFields: { customData: CUSTOM_DATA, chargingPriority: [0] },
    drop: true,
    late: true,
    callError: true,
  },
  {
    action: 'NotifyReport',
    kind: 'response',
    fields: { unexpected: ['field'] },
    legalFields: { customData: CUSTOM_DATA },
    drop: true,
    late: true,
    callError: true,
  },
  {
    action: 'SignCertificate',
    kind: 'response',
    fields: { status: ['Rejected'] },
    legalFields: { customData: CUSTOM_DATA },
    drop: true,
    late: true,
    callError: true,
  },
  {
    action: 'SecurityEventNotification',
    kind: 'response',
    fields: { unexpected: ['field'] },
    drop: true,
    late: true,
    callError: true,
  },
  {
    action: 'Reset',
    kind: 'request',
    fields: { type: ['Immediate', 'OnIdle'], evseId: [1, 2] },
    legalFields: { customData: CUSTOM_DATA },
    drop: true,
    late: true,
  },
  {
    action: 'TriggerMessage',
    kind: 'request',
    fields: {
      requestedMessage: ['BootNotification', 'Heartbeat', 'StatusNotification', 'SignChargingStationCertificate', 'SignV2GCertificate'],
      evse: [{ id: 1 }],
    },
    legalFields: { customData: CUSTOM_DATA },
    drop: true,
    late: true,
  },
  {
    action: 'SetVariables',
    kind: 'request',
    fields: {
      'setVariableData[0].attributeValue': ['selftest-wrong-value', ''],
      'setVariableData[0].component.name': ['SelftestCtrlr'],
      'setVariableData[0].variable.name': ['SelftestVariable'],
      'setVariableData[0].attributeType': ['Target', 'MinSet'],
      setVariableData: [[]],
    },
    legalFields: { customData: CUSTOM_DATA },
    drop: true,
    late: true,
  },
  {
    action: 'CertificateSigned',
    kind: 'request',
    fields: {
      certificateType: ['V2GCertificate', 'ChargingStationCertificate'],
      certificateChain: ['-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n'],
    },
    legalFields: { customData: CUSTOM_DATA },
    drop: true,
    late: true,
  },
  {
    action: 'GetTransactionStatus',
    kind: 'request',
    fields: { transactionId: ['selftest-other-transaction', REMOVE] },
    legalFields: { customData: CUSTOM_DATA },
    drop: true,
    late: true,
  },
  {
    action: 'SendLocalList',
    kind: 'request',
    fields: {
      updateType: ['Full', 'Differential'],
      versionNumber: ['+1', '-1', 0],
      'localAuthorizationList[0].idTokenInfo.status': ['Blocked', 'Accepted'],
      'localAuthorizationList[0].idToken.idToken': ['SELFTEST_TOKEN'],
      localAuthorizationList: [REMOVE],
    },
    legalFields: { customData: CUSTOM_DATA },
    drop: true,
    late: true,
  },
  {
    action: 'GetLocalListVersion',
    kind: 'request',
    fields: { unexpected: ['field'] },
    legalFields: { customData: CUSTOM_DATA },
    drop: true,
    late: true,
  },
  {
    action: 'SetNetworkProfile',
    kind: 'request',
    fields: {
      configurationSlot: ['+1', '-1'],
      'connectionData.securityProfile': [1, 3],
      'connectionData.ocppCsmsUrl': ['wss://selftest.invalid:1/ocpp'],
      'connectionData.ocppInterface': ['Wireless0'],
    },
    legalFields: { customData: CUSTOM_DATA },
    drop: true,
    late: true,
  },
  {
    action: 'GetVariables',
    kind: 'request',
    fields: {
      'getVariableData[0].component.name': ['SelftestCtrlr'],
      'getVariableData[0].variable.name': ['SelftestVariable'],
      'getVariableData[0].attributeType': ['Target'],
      getVariableData: ['first only'],
    },
    legalFields: { customData: CUSTOM_DATA },
    drop: true,
    late: true,
  },
  {
    action: 'GetBaseReport',
    kind: 'request',
    fields: { reportBase: ['ConfigurationInventory', 'FullInventory', 'SummaryInventory'] },
    legalFields: { customData: CUSTOM_DATA, requestId: ['+1000'] },
    drop: true,
    late: true,
  },
  {
    action: 'GetReport',
    kind: 'request',
    fields: { componentCriteria: [['Enabled'], REMOVE], componentVariable: [REMOVE] },
    legalFields: { customData: CUSTOM_DATA },
    drop: true,
    late: true,
  },
  {
    action: 'ClearCache',
    kind: 'request',
    fields: { unexpected: ['field'] },
    legalFields: { customData: CUSTOM_DATA },
    drop: true,
    late: true,
  },
  {
    action: 'RequestStopTransaction',
    kind: 'request',
    fields: { transactionId: ['selftest-other-transaction'] },
    legalFields: { customData: CUSTOM_DATA },
    drop: true,
    late: true,
  },
];

/** "+1" / "-1" move a number; "first only" keeps the first element of a list; anything else replaces. */
function changed(current: unknown, value: unknown): unknown {
  if (value === '+1' && typeof current === 'number') return current + 1;
  if (value === '-1' && typeof current === 'number') return current - 1;
  if (value === '+1000' && typeof current === 'number') return current + 1000;
  if (value === 'first only' && Array.isArray(current)) return current.slice(0, 1);
  return value;
}

function describe(value: unknown): string {
  if (value === REMOVE) return 'removed';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : JSON.stringify(value);
  if (value !== null && typeof value === 'object') return 'an object';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function fieldMutant(family: Family, path: Path, value: unknown, legal: boolean): Mutant {
  const message = `${family.action}${family.kind === 'request' ? 'Request' : 'Response'}`;
  return {
    name: `${message}.${path}=${describe(value)}`,
    bug: legal
      ? `${message} with ${path} ${describe(value)} (allowed: a correct CSMS may do this)`
      : `${message} with ${path} ${value === REMOVE ? 'left out' : `set to ${describe(value)}`}`,
    action: family.action,
    kind: family.kind,
    legal,
    mutate: (payload) => {
      const relative = value === '+1' || value === '-1' || value === '+1000' || value === 'first only';
      if (relative && !has(payload, path)) return 'unchanged';
      if (value === REMOVE && !has(payload, path)) return 'unchanged';
      const next = changed(get(payload, path), value);
      if (JSON.stringify(get(payload, path)) === JSON.stringify(next)) return 'unchanged';
      put(payload, path, next === REMOVE ? REMOVE : next);
      return { payload };
    },
  };
}

function familyMutants(family: Family): Mutant[] {
  const message = `${family.action}${family.kind === 'request' ? 'Request' : 'Response'}`;
  const mutants: Mutant[] = [];
  for (const [path, values] of Object.entries(family.fields ?? {}))
    for (const value of values) mutants.push(fieldMutant(family, path, value, false));
  for (const [path, values] of Object.entries(family.legalFields ?? {}))
    for (const value of values) mutants.push(fieldMutant(family, path, value, true));
  const base = { action: family.action, kind: family.kind, legal: false };
  if (family.drop) {
    mutants.push({
      ...base,
      name: `${message}:missing`,
      bug: family.kind === 'response' ? `never answers the ${family.action}Request` : `never sends the ${message} it was asked to send`,
      mutate: () => 'drop',
    });
  }
  if (family.late) {
    mutants.push({
      ...base,
      name: `${message}:late`,
      bug: `sends the ${message} ${LATE_MS / 1000} s late (past the ${SELFTEST_TIMEOUT_SECONDS} s timeout)`,
      mutate: (payload) => ({ payload, delayMs: LATE_MS }),
    });
  }
  if (family.callError) {
    mutants.push({
      ...base,
      name: `${message}:CALLERROR`,
      bug: `answers the ${family.action}Request with a CALLERROR InternalError`,
      mutate: () => 'drop',
    });
    const last = mutants[mutants.length - 1];
    last.mutate = (_payload) => ({ frame: [4, CURRENT_ID, 'InternalError', 'self-test mutant', {}] });
  }
  return mutants;
}

/** Stands for the message id of the frame being replaced; the relay fills it in. */
export const CURRENT_ID = '<current message id>';

export const MUTANTS: readonly Mutant[] = FAMILIES.flatMap(familyMutants);

export function mutantNamed(name: string): Mutant {
  const mutant = MUTANTS.find((candidate) => candidate.name === name);
  if (!mutant) throw new Error(`no self-test mutant is named ${JSON.stringify(name)}`);
  return mutant;
}
