import { After, Before, type DataTable, Given, Then, When, defineParameterType } from '@cucumber/cucumber';
import type { ConnectorStatusEnumType } from '../schemas/ocpp201-messages';
import type { CsmsToStationAction } from '../kernel/ocpp/actions';
import { CSMS_TO_STATION_ACTIONS } from '../kernel/ocpp/actions';
import type { StationRole } from '../support/station/core/charging-station';
import {
  type AttemptOutcome,
  closeProbe,
  expectAccepted,
  expectAllSuitesSupported,
  expectHttpRefusal,
  expectNoUsableConnection,
  expectTlsAbort,
  probeCipherSuites,
} from '../support/station/areas/security/attempts';
import { lastCertificateChain, newSigningRequest } from '../support/station/areas/security/certificates';
import { SecurityScenario, attemptSpecFrom, signingRequestFrom } from '../support/station/areas/security/scenario';
import { handshakeFacts } from '../kernel/tls/handshake-facts';
import { advisoryCheck } from '../support/evidence/advisory';
import { ValidationError, checkFields } from '../support/validation/field-checks';
import { valueAt } from '../support/validation/paths';
import { resolveValue } from '../support/validation/values';
import type { OcttWorld } from '../support/world';
import { stateSlot } from '../kernel/state-slots';
import type { MessageName } from './parameter-types';
import { bootAccepted, reportAllConnectors, sendFromTable } from './station-actions';
import { expectationRows, payloadFrom } from './tables';

const ROLES: Readonly<Record<string, StationRole>> = {
  'charging station': 'basic',
  'security profile 2 station': 'sp2',
  'security profile 3 station': 'sp3',
};

// "the charging station" is the security-profile-1 station of every block; block A adds the two
// TLS stations. The generic steps speak for "the charging station" only, so the TLS stations get
// their own (tlsStation), and block A's own steps take any of the three (securityStation).
defineParameterType({
  name: 'securityStation',
  regexp: /charging station|security profile 2 station|security profile 3 station/,
  transformer: (text: string): StationRole => ROLES[text],
});
defineParameterType({
  name: 'tlsStation',
  regexp: /security profile [23] station/,
  transformer: (text: string): StationRole => ROLES[text],
});

const SECURITY_SCENARIO = stateSlot('security scenario', (world: OcttWorld) => new SecurityScenario(world));

const security = (world: OcttWorld): SecurityScenario => world.scenarioState(SECURITY_SCENARIO);

function fieldValueRows(table: DataTable): Array<{ field: string; cell: string }> {
  const [header, ...body] = table.raw();
  if (!header || header[0] !== 'field' || header[1] !== 'value') {
    throw new Error(`this step's table needs the columns | field | value |, got | ${(header ?? []).join(' | ')} |`);
  }
  return body.map(([field, cell]) => ({ field: field.trim(), cell }));
}

function csmsAction(message: MessageName): CsmsToStationAction {
  if (message.kind !== 'request' || !(CSMS_TO_STATION_ACTIONS as readonly string[]).includes(message.action)) {
    throw new Error(`${message.name} is not a request a CSMS sends`);
  }
  return message.action as CsmsToStationAction;
}

// Block A has no preamble: every case starts with the station not connected. The station the
// generic steps use is prepared at once, so that it follows a password change from the first step.
Before({ tags: '@security' }, function (this: OcttWorld) {
  security(this).station('basic');
});

After({ tags: '@security' }, async function (this: OcttWorld) {
  const outcome = security(this).lastAttempt;
  if (outcome) await closeProbe(outcome);
});

// ---------------------------------------------------------------------------------------------
// Connection attempts

When('the {securityStation} requests a WebSocket upgrade', async function (this: OcttWorld, role: StationRole) {
  await security(this).attempt(role, {});
});

When('the {securityStation} requests a WebSocket upgrade with', async function (this: OcttWorld, role: StationRole, table: DataTable) {
  const scenario = security(this);
  const context = scenario.tableContext(role, this.valueContext(), (secret) => this.trace.addSecrets(secret));
  await scenario.attempt(role, attemptSpecFrom(fieldValueRows(table), context));
});

/** Checks the last attempt; a second connection the CSMS let in is closed again either way. */
async function checkLastAttempt(world: OcttWorld, check: (outcome: AttemptOutcome) => void): Promise<void> {
  const outcome = security(world).requireLastAttempt();
  try {
    check(outcome);
  } finally {
    await closeProbe(outcome);
  }
}

Then('the CSMS accepts the upgrade', async function (this: OcttWorld) {
  await checkLastAttempt(this, expectAccepted);
});

Then('the CSMS refuses the upgrade with HTTP status {int}', async function (this: OcttWorld, status: number) {
  await checkLastAttempt(this, (outcome) => expectHttpRefusal(outcome, status));
});

// An advisory check (support/evidence/advisory.ts): shown in the report, never the verdict.
Then('advisory: the CSMS refuses the upgrade with HTTP status {int}', async function (this: OcttWorld, status: number) {
  await advisoryCheck(this, `Then advisory: the CSMS refuses the upgrade with HTTP status ${status}`, () =>
    checkLastAttempt(this, (outcome) => expectHttpRefusal(outcome, status)),
  );
});

Then('the CSMS aborts the TLS handshake', async function (this: OcttWorld) {
  await checkLastAttempt(this, expectTlsAbort);
});

Then('the CSMS refuses the connection', async function (this: OcttWorld) {
  const scenario = security(this);
  await expectNoUsableConnection(this.station(scenario.lastRole ?? 'basic'), scenario.requireLastAttempt());
});

Then('the TLS handshake had', function (this: OcttWorld, table: DataTable) {
  const outcome = security(this).requireLastAttempt();
  if (!outcome.handshake) {
    throw new Error(`no TLS handshake completed for ${outcome.description}${outcome.refusal ? `: ${outcome.refusal.message}` : ''}`);
  }
  checkFields('TLS handshake', handshakeFacts(outcome.handshake), expectationRows(table), this.valueContext());
});

When(
  'the {tlsStation} connects once per cipher suite, offering only that suite over TLS 1.2',
  async function (this: OcttWorld, role: StationRole, table: DataTable) {
    const [header, ...suites] = table.raw();
    if (header?.[0] !== 'cipher suite') throw new Error('this step needs a table with the column | cipher suite |');
    const scenario = security(this);
    const station = scenario.station(role);
    scenario.cipherProbes = await probeCipherSuites(
      station,
      scenario.networkOf(station),
      {},
      suites.map(([suite]) => suite.trim()),
      this.config.OCPP_CALL_TIMEOUT * 1000,
    );
  },
);

Then('the CSMS completes the TLS handshake and the WebSocket upgrade for every one of these suites', function (this: OcttWorld) {
  const probes = security(this).cipherProbes;
  if (!probes) throw new Error('no cipher suite was probed: a "connects once per cipher suite" step must come first');
  expectAllSuitesSupported(probes);
});

// ---------------------------------------------------------------------------------------------
// The TLS stations' own messages (the generic steps speak for "the charging station")

Given('the {tlsStation} is booted and all its connectors are Available', async function (this: OcttWorld, role: StationRole) {
  expectAccepted(await security(this).attempt(role, {}));
  await bootAccepted(this, this.station(role));
});

When(
  'the {tlsStation} sends a/an {message} with',
  async function (this: OcttWorld, role: StationRole, message: MessageName, table: DataTable) {
    await sendFromTable(this, security(this).station(role), message, table);
  },
);

When(
  'the {tlsStation} reports all its connectors {connectorStatus}',
  async function (this: OcttWorld, role: StationRole, status: ConnectorStatusEnumType) {
    await reportAllConnectors(security(this).station(role), status);
  },
);

When('the {tlsStation} disconnects from the CSMS', async function (this: OcttWorld, role: StationRole) {
  await security(this).station(role).disconnect();
});

When(
  'the CSMS is asked to send a/an {message} to the {tlsStation} with',
  function (this: OcttWorld, message: MessageName, role: StationRole, table: DataTable) {
    const params = payloadFrom(table, this.valueContext());
    const station = security(this).station(role);
    const shown = Object.entries(params).map(([key, value]) => `${key} = ${JSON.stringify(value)}`);
    this.askCsms(csmsAction(message), params, `Make the CSMS send a ${message.name} to ${station.id} with ${shown.join(', ')}.`, role);
  },
);

Then(
  'the CSMS sends the {tlsStation} a/an {message} with',
  async function (this: OcttWorld, role: StationRole, message: MessageName, table: DataTable) {
    const call = await this.expectCsmsRequest(csmsAction(message), role);
    checkFields(message.name, call.payload, expectationRows(table), this.valueContext());
  },
);

Then('the {tlsStation} answered with', async function (this: OcttWorld, _role: StationRole, table: DataTable) {
  const call = this.inspected?.call;
  if (!call) throw new Error('no CSMS request to look at: wait for one with "the CSMS sends … a …Request"');
  const answer = await call.answered;
  if (answer.kind !== 'result') throw new Error(`the station did not answer the ${call.action}Request with a CALLRESULT (${answer.kind})`);
  checkFields(`${call.action}Response`, answer.payload, expectationRows(table), this.valueContext());
});

Given(
  'the {tlsStation} will answer a/an {message} with status {word}',
  function (this: OcttWorld, role: StationRole, message: MessageName, status: string) {
    security(this)
      .station(role)
      .answer(csmsAction(message), { status } as never);
  },
);

// ---------------------------------------------------------------------------------------------
// Certificates (A02/A03)

When(
  'the {securityStation} sends a SignCertificateRequest for a new key with',
  async function (this: OcttWorld, role: StationRole, table: DataTable) {
    const station = security(this).station(role);
    const { certificateType, subject } = signingRequestFrom(fieldValueRows(table), station, this.valueContext());
    const csr = await newSigningRequest(station, certificateType ?? 'Combined', subject);
    const response = await station.call('SignCertificate', { csr, ...(certificateType ? { certificateType } : {}) });
    this.inspected = { name: 'SignCertificateResponse', payload: response };
  },
);

Then('the certificate chain the {securityStation} received has', function (this: OcttWorld, role: StationRole, table: DataTable) {
  const { facts } = lastCertificateChain(security(this).station(role));
  checkFields('CertificateSignedRequest certificateChain', facts, expectationRows(table), this.valueContext());
});

// ---------------------------------------------------------------------------------------------
// Security profile upgrade (A05)

When(
  'the CSMS is asked to put configuration slot {word} first in NetworkConfigurationPriority',
  function (this: OcttWorld, slotReference: string) {
    const slot = resolveValue(slotReference, this.valueContext()).value;
    if (typeof slot !== 'number' || !Number.isInteger(slot)) throw new Error(`${slotReference} is not a configuration slot number`);
    const station = security(this).station('basic');
    this.askCsms(
      'SetVariables',
      {
        setVariableData: [
          { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' }, attributeValue: String(slot) },
        ],
      },
      `Make the CSMS set OCPPCommCtrlr.NetworkConfigurationPriority of ${station.id} so that configuration slot ${slot} comes first.`,
    );
  },
);

Then('its {field} lists configuration slot {word}', function (this: OcttWorld, field: string, slotReference: string) {
  const inspected = this.inspected;
  if (!inspected) throw new Error('no message to check yet');
  const slot = String(resolveValue(slotReference, this.valueContext()).value);
  const value = valueAt(inspected.payload, field);
  const listed = typeof value === 'string' ? value.split(',').map((entry) => entry.trim()) : [];
  if (!listed.includes(slot)) {
    throw new ValidationError([
      { message: inspected.name, field, expected: `a comma-separated list containing slot ${slot}`, actual: JSON.stringify(value) },
    ]);
  }
});

When('the charging station restarts and connects with its highest-priority network profile', async function (this: OcttWorld) {
  await security(this).restartWithHighestPriorityProfile('basic');
});
