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
  /** The CSMS's CALL sent again with the message id of its previous CALL to that station. */
  | 'reuse message id'
  /** The payload sent (later, with delayMs), then an unsolicited CALL of the relay's own. */
  | { payload: unknown; delayMs?: number; thenSend?: { action: Action; payload: unknown } }
  /** A whole frame in place of the original (e.g. a CALLERROR instead of the CALLRESULT). */
  | { frame: unknown[] };

export interface Mutant {
  name: string;
  /** The bug, in words. */
  bug: string;
  action: Action;
  kind: 'request' | 'response';
  legal: boolean;
  /** The scenarios it may run on (by name), where its verdict depends on the test case. */
  scenarios?: RegExp;
  /** Fires only where the CSMS sent an earlier CALL on the same connection (a reused id needs one). */
  needsEarlierCall?: boolean;
  /** The field a field mutant changes (its path), to run it first on the scenarios that check it. */
  field?: string;
  mutate(payload: Record<string, unknown>): MutationOutcome;
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
  /** Field changes that a correct CSMS may make; by default a customData object it may add. */
  legalFields?: Record<Path, readonly unknown[]>;
  /** Answered with a CALLERROR instead (responses only). */
  callError?: boolean;
  /** Sent with the message id of the CSMS's previous CALL on the connection (requests only). */
  reuseId?: boolean;
  /** An extra CALL right after the message, with whether a correct CSMS may send it then. */
  unsolicited?: { action: Action; payload: unknown; legal: boolean; why: string; when?: (payload: Record<string, unknown>) => boolean };
}

const CUSTOM_DATA = [{ vendorId: 'org.example.selftest', note: 'ignored by a correct station' }];

/**
 * What the scenarios check, message by message. Every family also gets a missing and a late
 * message; see familyMutants.
 */
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
    callError: true,
    unsolicited: {
      action: 'GetVariables',
      payload: { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] },
      legal: true,
      why: 'B02/B03: once it has accepted the station, a CSMS may query its variables at any time',
      when: (payload) => payload.status === 'Accepted',
    },
  },
  {
    action: 'StatusNotification',
    kind: 'response',
    fields: { unexpected: ['field'] },
    callError: true,
  },
  {
    action: 'NotifyEvent',
    kind: 'response',
    fields: { unexpected: ['field'] },
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
    callError: true,
  },
  {
    action: 'TransactionEvent',
    kind: 'response',
    fields: {
      'idTokenInfo.status': ['Accepted', 'Blocked', 'Expired', 'Invalid', 'Unknown'],
      'idTokenInfo.groupIdToken': [REMOVE, { idToken: 'SELFTEST_GROUP', type: 'Central' }],
      idTokenInfo: [REMOVE, 'status only'],
      totalCost: [REMOVE],
    },
    legalFields: {
      customData: CUSTOM_DATA,
      chargingPriority: [0],
      // I: the running cost is the CSMS's tariff; the catalog checks that it is a number.
      totalCost: ['+1'],
    },
    callError: true,
  },
  {
    action: 'NotifyReport',
    kind: 'response',
    fields: { unexpected: ['field'] },
    callError: true,
  },
  {
    action: 'SignCertificate',
    kind: 'response',
    fields: { status: ['Rejected'] },
    callError: true,
  },
  {
    action: 'SecurityEventNotification',
    kind: 'response',
    fields: { unexpected: ['field'] },
    callError: true,
  },
  {
    action: 'Reset',
    kind: 'request',
    fields: { type: ['Immediate', 'OnIdle'], evseId: [1, 2] },
    reuseId: true,
  },
  {
    action: 'TriggerMessage',
    kind: 'request',
    fields: {
      requestedMessage: [
        'BootNotification',
        'Heartbeat',
        'StatusNotification',
        'SignChargingStationCertificate',
        'SignV2GCertificate',
        'MeterValues',
        'FirmwareStatusNotification',
      ],
      evse: [{ id: 1 }, REMOVE],
      'evse.id': ['+1'],
    },
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
    reuseId: true,
  },
  {
    action: 'CertificateSigned',
    kind: 'request',
    fields: {
      certificateType: ['V2GCertificate', 'ChargingStationCertificate'],
      certificateChain: ['-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n'],
    },
    reuseId: true,
  },
  {
    action: 'GetTransactionStatus',
    kind: 'request',
    fields: { transactionId: ['selftest-other-transaction', REMOVE] },
  },
  {
    action: 'SendLocalList',
    kind: 'request',
    fields: {
      updateType: ['Full', 'Differential'],
      versionNumber: ['-1', 0],
      // An entry of a differential remove sent with idTokenInfo (an update, not a removal, D01.FR.17).
      'localAuthorizationList[0].idTokenInfo': [{ status: 'Accepted' }],
      localAuthorizationList: [REMOVE],
    },
    legalFields: {
      customData: CUSTOM_DATA,
      // D01: the CSMS numbers its versions; any number above 0 (above the station's, for a
      // differential update) is right, so one more than the reference CSMS chooses is too.
      versionNumber: ['+1'],
      // The list's idTokens are the CSMS's data: the catalog's TC_D_01..03 check the list's shape,
      // not which tokens it holds (the OCTT keeps no list; LOCAL_AUTH_LIST_ID_TOKEN is not read).
      'localAuthorizationList[0].idToken.idToken': ['SELFTEST_TOKEN'],
      // Likewise the status a list gives a token: a Blocked entry is as valid as an Accepted one.
      'localAuthorizationList[0].idTokenInfo.status': ['Blocked'],
    },
    reuseId: true,
  },
  {
    action: 'GetLocalListVersion',
    kind: 'request',
    fields: { unexpected: ['field'] },
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
  },
  {
    action: 'GetBaseReport',
    kind: 'request',
    fields: { reportBase: ['ConfigurationInventory', 'FullInventory', 'SummaryInventory'] },
    legalFields: { customData: CUSTOM_DATA, requestId: ['+1000'] },
  },
  {
    action: 'GetReport',
    kind: 'request',
    fields: { componentCriteria: [['Enabled'], REMOVE], componentVariable: [REMOVE] },
  },
  {
    action: 'ClearCache',
    kind: 'request',
    fields: { unexpected: ['field'] },
  },
  {
    action: 'RequestStopTransaction',
    kind: 'request',
    fields: { transactionId: ['selftest-other-transaction'] },
  },
  {
    action: 'RequestStartTransaction',
    kind: 'request',
    fields: {
      'idToken.idToken': ['SELFTEST_OTHER_TOKEN'],
      'idToken.type': ['ISO14443'],
      idToken: [REMOVE],
      remoteStartId: [REMOVE],
      evseId: ['+1'],
      'chargingProfile.chargingProfilePurpose': ['TxDefaultProfile'],
      'chargingProfile.transactionId': ['selftest-other-transaction'],
    },
    legalFields: {
      customData: CUSTOM_DATA,
      // F01: the CSMS numbers its remote starts; the station echoes whatever number it got.
      remoteStartId: ['+1000'],
    },
  },
  {
    action: 'UnlockConnector',
    kind: 'request',
    fields: { evseId: ['+1'], connectorId: ['+1'] },
  },
  {
    action: 'ChangeAvailability',
    kind: 'request',
    fields: {
      operationalStatus: ['Operative', 'Inoperative'],
      evse: [REMOVE, { id: 1 }],
      'evse.id': ['+1'],
      'evse.connectorId': ['+1', REMOVE],
    },
    reuseId: true,
  },
  {
    action: 'ReserveNow',
    kind: 'request',
    fields: {
      id: [REMOVE],
      'idToken.idToken': ['SELFTEST_OTHER_TOKEN'],
      'idToken.type': ['ISO14443'],
      evseId: ['+1', REMOVE],
      connectorType: ['cCCS2', REMOVE],
      groupIdToken: [REMOVE],
      expiryDateTime: ['2001-01-01T00:00:00.000Z'],
    },
  },
  {
    action: 'CancelReservation',
    kind: 'request',
    fields: { reservationId: ['+1', '-1'] },
    reuseId: true,
  },
  {
    action: 'ReservationStatusUpdate',
    kind: 'response',
    fields: { unexpected: ['field'] },
    callError: true,
  },
  {
    action: 'UpdateFirmware',
    kind: 'request',
    fields: {
      'firmware.location': ['http://127.0.0.1:1/selftest/missing-firmware.bin'],
      'firmware.signature': [REMOVE, 'c2VsZnRlc3Q='],
      'firmware.signingCertificate': [REMOVE],
      'firmware.retrieveDateTime': [REMOVE, '2001-01-01T00:00:00.000Z'],
      'firmware.installDateTime': [REMOVE],
    },
  },
  {
    action: 'PublishFirmware',
    kind: 'request',
    fields: {
      location: ['http://127.0.0.1:1/selftest/missing-firmware.bin'],
      checksum: ['00000000000000000000000000000000', REMOVE],
    },
  },
  {
    action: 'UnpublishFirmware',
    kind: 'request',
    fields: { checksum: ['00000000000000000000000000000000', REMOVE] },
  },
  {
    action: 'FirmwareStatusNotification',
    kind: 'response',
    fields: { unexpected: ['field'] },
    callError: true,
  },
  {
    action: 'PublishFirmwareStatusNotification',
    kind: 'response',
    fields: { unexpected: ['field'] },
    callError: true,
  },
  {
    action: 'Heartbeat',
    kind: 'response',
    fields: { currentTime: ['yesterday', REMOVE] },
    callError: true,
  },
  {
    action: 'MeterValues',
    kind: 'response',
    fields: { unexpected: ['field'] },
    callError: true,
  },
  {
    action: 'LogStatusNotification',
    kind: 'response',
    fields: { unexpected: ['field'] },
    callError: true,
  },
  {
    action: 'SetDisplayMessage',
    kind: 'request',
    fields: {
      'message.id': [REMOVE],
      'message.priority': [REMOVE],
      'message.message.content': [REMOVE],
      'message.message.format': ['Binary'],
      'message.transactionId': [REMOVE, 'selftest-other-transaction'],
      'message.startDateTime': [REMOVE],
      'message.endDateTime': [REMOVE],
      'message.state': [REMOVE],
    },
    legalFields: { customData: CUSTOM_DATA, 'message.message.language': ['en'] },
  },
  {
    action: 'GetDisplayMessages',
    kind: 'request',
    fields: {
      requestId: [REMOVE],
      id: [REMOVE, [4242]],
      priority: [REMOVE, 'AlwaysFront'],
      state: [REMOVE, 'Charging'],
    },
    reuseId: true,
  },
  {
    action: 'ClearDisplayMessage',
    kind: 'request',
    fields: { id: ['+1'] },
    reuseId: true,
  },
  {
    action: 'NotifyDisplayMessages',
    kind: 'response',
    fields: { unexpected: ['field'] },
    callError: true,
  },
  // Blocks I and J: the cost the CSMS tells the station during a transaction.
  {
    action: 'CostUpdated',
    kind: 'request',
    fields: { totalCost: [REMOVE], transactionId: ['selftest-other-transaction', REMOVE] },
    legalFields: {
      customData: CUSTOM_DATA,
      // I03: the cost is the CSMS's tariff; the catalog checks that it is a number.
      totalCost: ['+1'],
    },
    reuseId: true,
  },
  // Block K: smart charging.
  {
    action: 'SetChargingProfile',
    kind: 'request',
    fields: {
      evseId: ['+1'],
      'chargingProfile.chargingProfilePurpose': ['TxProfile', 'TxDefaultProfile'],
      'chargingProfile.chargingProfileKind': ['Relative', 'Absolute'],
      'chargingProfile.stackLevel': ['+1'],
      'chargingProfile.transactionId': [REMOVE, 'selftest-other-transaction'],
      'chargingProfile.validFrom': ['2001-01-01T00:00:00.000Z'],
      'chargingProfile.chargingSchedule[0].chargingRateUnit': ['W'],
      'chargingProfile.chargingSchedule[0].duration': ['+1'],
      'chargingProfile.chargingSchedule[0].startSchedule': [REMOVE],
      'chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod': [60],
      'chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit': ['+1'],
    },
    reuseId: true,
  },
  {
    action: 'ClearChargingProfile',
    kind: 'request',
    fields: {
      chargingProfileId: ['+1'],
      chargingProfileCriteria: [REMOVE],
      'chargingProfileCriteria.chargingProfilePurpose': ['TxProfile'],
      'chargingProfileCriteria.stackLevel': ['+1'],
      'chargingProfileCriteria.evseId': ['+1'],
    },
    reuseId: true,
  },
  {
    action: 'GetChargingProfiles',
    kind: 'request',
    fields: {
      requestId: [REMOVE],
      evseId: ['+1', REMOVE],
      chargingProfile: [REMOVE],
      'chargingProfile.chargingProfilePurpose': ['ChargingStationMaxProfile', REMOVE],
      'chargingProfile.stackLevel': ['+1'],
    },
  },
  {
    action: 'GetCompositeSchedule',
    kind: 'request',
    fields: { evseId: ['+1'], duration: ['+1'], chargingRateUnit: ['W'] },
  },
  {
    action: 'ReportChargingProfiles',
    kind: 'response',
    fields: { unexpected: ['field'] },
    callError: true,
  },
  {
    action: 'NotifyEVChargingNeeds',
    kind: 'response',
    fields: { status: ['Rejected'] },
    callError: true,
  },
  {
    action: 'NotifyEVChargingSchedule',
    kind: 'response',
    fields: { status: ['Rejected'] },
    callError: true,
  },
  {
    action: 'NotifyChargingLimit',
    kind: 'response',
    fields: { unexpected: ['field'] },
    callError: true,
  },
  {
    action: 'ClearedChargingLimit',
    kind: 'response',
    fields: { unexpected: ['field'] },
    callError: true,
  },
  // Block M: certificates.
  {
    action: 'InstallCertificate',
    kind: 'request',
    fields: {
      certificateType: ['V2GRootCertificate', 'CSMSRootCertificate'],
      certificate: ['-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n'],
    },
  },
  {
    action: 'GetInstalledCertificateIds',
    kind: 'request',
    fields: { certificateType: [REMOVE, ['MORootCertificate']] },
    reuseId: true,
  },
  {
    action: 'DeleteCertificate',
    kind: 'request',
    fields: {
      'certificateHashData.serialNumber': ['0badc0ffee'],
      'certificateHashData.issuerNameHash': ['0000000000000000000000000000000000000000000000000000000000000000'],
      'certificateHashData.hashAlgorithm': ['SHA512'],
    },
    reuseId: true,
  },
  {
    action: 'Get15118EVCertificate',
    kind: 'response',
    fields: { status: ['Failed'], exiResponse: [REMOVE, 'not base64!'] },
    callError: true,
  },
  {
    action: 'GetCertificateStatus',
    kind: 'response',
    fields: { status: ['Failed'], ocspResult: [REMOVE] },
    callError: true,
  },
  // Block N: diagnostics.
  {
    action: 'CustomerInformation',
    kind: 'request',
    fields: {
      report: [false, true],
      clear: [true, false],
      requestId: [REMOVE],
      'idToken.idToken': ['SELFTEST_OTHER_TOKEN'],
      idToken: [REMOVE],
      customerIdentifier: [REMOVE],
    },
  },
  {
    action: 'NotifyCustomerInformation',
    kind: 'response',
    fields: { unexpected: ['field'] },
    callError: true,
  },
  {
    action: 'GetLog',
    kind: 'request',
    fields: { logType: ['SecurityLog', 'DiagnosticsLog'], 'log.remoteLocation': ['http://127.0.0.1:1/selftest/'], requestId: [REMOVE] },
    reuseId: true,
  },
  {
    action: 'GetMonitoringReport',
    kind: 'request',
    fields: {
      requestId: [REMOVE],
      monitoringCriteria: [REMOVE, ['PeriodicMonitoring']],
      componentVariable: [REMOVE],
      'componentVariable[0].variable.name': ['SelftestVariable'],
    },
    reuseId: true,
  },
  {
    action: 'NotifyMonitoringReport',
    kind: 'response',
    fields: { unexpected: ['field'] },
    callError: true,
  },
  {
    action: 'SetMonitoringBase',
    kind: 'request',
    fields: { monitoringBase: ['All', 'FactoryDefault'] },
    reuseId: true,
  },
  {
    action: 'SetMonitoringLevel',
    kind: 'request',
    fields: { severity: ['+1'] },
  },
  {
    action: 'SetVariableMonitoring',
    kind: 'request',
    fields: {
      setMonitoringData: ['first only'],
      'setMonitoringData[0].value': ['+1'],
      'setMonitoringData[0].type': ['UpperThreshold'],
      'setMonitoringData[0].severity': ['-1'],
      'setMonitoringData[0].component.name': ['SelftestCtrlr'],
      'setMonitoringData[0].variable.name': ['SelftestVariable'],
    },
  },
  {
    action: 'ClearVariableMonitoring',
    kind: 'request',
    fields: { id: [[], 'first only'] },
    reuseId: true,
  },
  // Block P: data transfer.
  {
    action: 'DataTransfer',
    kind: 'response',
    fields: { status: ['Accepted'] },
    callError: true,
  },
];

/** Changes of the value the CSMS sent; they apply only where it sent one. */
const RELATIVE = ['+1', '-1', '+1000', 'first only', 'status only'];

/**
 * "+1" / "-1" move a number; "first only" keeps the first element of a list; "status only" keeps
 * only the status of an object (its details lost); anything else replaces.
 */
function changed(current: unknown, value: unknown): unknown {
  if (value === '+1' && typeof current === 'number') return current + 1;
  if (value === '-1' && typeof current === 'number') return current - 1;
  if (value === '+1000' && typeof current === 'number') return current + 1000;
  if (value === 'first only' && Array.isArray(current)) return current.slice(0, 1);
  if (value === 'status only' && current !== null && typeof current === 'object')
    return { status: (current as { status?: unknown }).status };
  return value;
}

function describe(value: unknown): string {
  if (value === REMOVE) return 'removed';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : JSON.stringify(value);
  if (value !== null && typeof value === 'object') return 'an object';
  if (typeof value === 'string' && value.includes('\n')) return `${JSON.stringify(value).slice(0, 28)}…"`;
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
    field: path,
    mutate: (payload) => {
      const relative = RELATIVE.includes(value as string);
      if (relative && !has(payload, path)) return 'unchanged';
      if (value === REMOVE && !has(payload, path)) return 'unchanged';
      // A wrong value in an object the CSMS sent, not an object it did not send at all.
      const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : undefined;
      if (parent !== undefined && !has(payload, parent)) return 'unchanged';
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
  for (const [path, values] of Object.entries(family.legalFields ?? { customData: CUSTOM_DATA }))
    for (const value of values) mutants.push(fieldMutant(family, path, value, true));
  const base = { action: family.action, kind: family.kind, legal: false };
  mutants.push(
    {
      ...base,
      name: `${message}:missing`,
      bug: family.kind === 'response' ? `never answers the ${family.action}Request` : `never sends the ${message} it was asked to send`,
      mutate: () => 'drop',
    },
    {
      ...base,
      name: `${message}:late`,
      bug: `sends the ${message} ${LATE_MS / 1000} s late (past the ${SELFTEST_TIMEOUT_SECONDS} s timeout)`,
      mutate: (payload) => ({ payload, delayMs: LATE_MS }),
    },
  );
  if (family.reuseId) {
    mutants.push({
      ...base,
      name: `${message}:reused message id`,
      bug: `sends the ${message} with the message id of its previous CALL to the station (OCPP-J: ids are unique per sender)`,
      needsEarlierCall: true,
      mutate: () => 'reuse message id',
    });
  }
  const extra = family.unsolicited;
  if (extra) {
    mutants.push({
      ...base,
      legal: extra.legal,
      name: `${message}:then ${extra.action}Request`,
      bug: `sends an unsolicited ${extra.action}Request right after the ${message}${extra.legal ? ` (allowed: ${extra.why})` : ` (${extra.why})`}`,
      mutate: (payload) =>
        extra.when && !extra.when(payload) ? 'unchanged' : { payload, thenSend: { action: extra.action, payload: extra.payload } },
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

/**
 * Changes whose verdict depends on the test case: legal where the catalog leaves the value to the
 * CSMS, a bug where a test case fixes it. The legal mutant runs elsewhere, its bug twin there.
 */
const PER_CASE: ReadonlyArray<{ mutant: string; bugIn: RegExp; why: string }> = [
  {
    mutant: 'SendLocalListRequest.versionNumber=+1',
    bugIn: /^TC_N_46_CSMS /,
    why: 'TC_N_46 requires versionNumber = LOCAL_LIST_VERSION + 1',
  },
  {
    mutant: 'SendLocalListRequest.localAuthorizationList[0].idToken.idToken=SELFTEST_TOKEN',
    bugIn: /^TC_N_46_CSMS /,
    why: 'TC_N_46 requires the entry of the idToken whose data was cleared',
  },
];

function perCase(mutants: Mutant[]): Mutant[] {
  return mutants.flatMap((mutant) => {
    const rule = PER_CASE.find((candidate) => candidate.mutant === mutant.name);
    if (!rule) return [mutant];
    const elsewhere = new RegExp(`^(?!${rule.bugIn.source.replace(/^\^/, '')})`);
    return [
      { ...mutant, scenarios: elsewhere },
      {
        ...mutant,
        name: `${mutant.name} in ${rule.bugIn.source.replace(/^\^|\s$/g, '').trim()}`,
        bug: `${mutant.bug} (${rule.why})`,
        legal: false,
        scenarios: rule.bugIn,
      },
    ];
  });
}

export const MUTANTS: readonly Mutant[] = perCase(FAMILIES.flatMap(familyMutants));

export function mutantNamed(name: string): Mutant {
  const mutant = MUTANTS.find((candidate) => candidate.name === name);
  if (!mutant) throw new Error(`no self-test mutant is named ${JSON.stringify(name)}`);
  return mutant;
}
