/**
 * Steps of block N in domain words: the station's monitors and what makes them fire, its log
 * uploads to the suite's loopback log server, and the customer data it holds. The models live in
 * support/station/areas/diagnostics/; the generic steps send, wait for and check the messages.
 */
import { After, AfterAll, type DataTable, Given, Then, When } from '@cucumber/cucumber';
import type { ComponentType, IdTokenEnumType, LogEnumType, MonitorEnumType } from '../schemas/ocpp201-messages';
import { StationClock } from '../kernel/time/station-clock';
import { certificateHashData } from '../kernel/tls/certificate-hash';
import { splitPemChain } from '../kernel/tls/certificate-chain';
import { contractPresentation } from '../support/iso15118/contract-certificates';
import type { ChargingStation } from '../support/station/core/charging-station';
import { idTokenKey, installLocalList } from '../support/station/areas/authorization/lists';
import { customerData } from '../support/station/areas/diagnostics/customers';
import { changeVariable, useClock } from '../support/station/areas/diagnostics/events';
import { uploadLog } from '../support/station/areas/diagnostics/logs';
import { closeSuiteLogServer, uploadLocation } from '../support/station/areas/diagnostics/log-server';
import { activeMonitors, installMonitor, type MonitorKind } from '../support/station/areas/diagnostics/monitors';
import { CUSTOMERS, DIAGNOSTICS_CLOCK, LOGS } from '../support/station/areas/diagnostics/state';
import { latestStep } from '../support/station/step-record';
import { checkFields, type FieldFailure, ValidationError } from '../support/validation/field-checks';
import { resolveValue } from '../support/validation/values';
import type { OcttWorld } from '../support/world';
import type { MessageName } from './parameter-types';
import { checkSentInOrder } from './station-actions';

const UPLOAD_LOCATION = 'diagnostics: where the suite expects the station to upload its log';
const CUSTOMER_CERTIFICATE = "diagnostics: the customer's certificate the station holds";

interface HeldCertificate {
  pem: string;
  issuerPem: string;
}

/** The customer certificate the scenario gave the station (the station's copy is gone after a clear). */
function heldCertificate(world: OcttWorld): HeldCertificate {
  const certificate = world.recall(CUSTOMER_CERTIFICATE) as HeldCertificate | undefined;
  if (!certificate) throw new Error('the station was given no customer certificate in this scenario');
  return certificate;
}

/** The scenario's station clock for the area's timers, given to the station on first use. */
function withClock(world: OcttWorld): ChargingStation {
  const station = world.station();
  if (!station.state(DIAGNOSTICS_CLOCK).clock) useClock(station, StationClock.fromConfig(world.config));
  return station;
}

After(function (this: OcttWorld) {
  for (const station of this.activeStations) station.peekState(DIAGNOSTICS_CLOCK)?.clock?.cancelAll();
});

AfterAll(async function () {
  await closeSuiteLogServer();
});

function cell(world: OcttWorld, value: string | undefined): unknown {
  return value === undefined || value.trim() === '' ? undefined : resolveValue(value, world.valueContext()).value;
}

function componentOf(world: OcttWorld, name: string, evse: string | undefined): ComponentType {
  const evseId = cell(world, evse);
  return evseId === undefined ? { name } : { name, evse: { id: Number(evseId) } };
}

// ---------------------------------------------------------------------------------------------
// Monitors

Given('the charging station has these monitors', function (this: OcttWorld, table: DataTable) {
  const station = withClock(this);
  for (const row of table.hashes()) {
    installMonitor(station, {
      id: row.id ? Number(row.id) : undefined,
      kind: row.kind as MonitorKind,
      factoryDefault: row['factory default'] === 'yes',
      component: componentOf(this, row.component, row.evse),
      variable: { name: row.variable },
      type: row.type as MonitorEnumType,
      value: Number(row.value),
      severity: Number(row.severity),
      transaction: row.transaction === 'true',
    });
  }
});

Given(
  "the charging station's MonitoringCtrlr.ItemsPerMessage for {word} is {int}",
  function (this: OcttWorld, message: string, items: number) {
    this.station().deviceModel.setValue('MonitoringCtrlr', 'ItemsPerMessage', String(items), message);
  },
);

Given('the charging station supports monitoring levels from {int} to {int} only', function (this: OcttWorld, min: number, max: number) {
  const definition = this.station().deviceModel.find({ name: 'MonitoringCtrlr' }, { name: 'ActiveMonitoringLevel' });
  if (!definition) throw new Error('the station has no MonitoringCtrlr.ActiveMonitoringLevel');
  definition.minLimit = min;
  definition.maxLimit = max;
  definition.attributes.Actual = { value: String(max), mutability: 'ReadOnly' };
});

Then('the charging station now has these active monitors', function (this: OcttWorld, table: DataTable) {
  const expected = table.hashes().map((row) => `${row.id} ${row.kind}`);
  const actual = activeMonitors(this.station())
    .sort((a, b) => a.id - b.id)
    .map((monitor) => `${monitor.id} ${monitor.kind}`);
  if (expected.join(', ') !== actual.join(', ')) {
    throw new ValidationError([
      {
        message: "the station's monitors",
        field: 'active monitors (id kind)',
        expected: expected.join(', ') || 'none',
        actual: actual.join(', ') || 'none',
      },
    ]);
  }
});

Then(
  'the CSMS sends ClearVariableMonitoringRequests for the monitors {string}, at most {int} ids each',
  async function (this: OcttWorld, list: string, limit: number) {
    const wanted = list.split(',').map((id) => Number(id.trim()));
    const requests: number[][] = [];
    const failures: FieldFailure[] = [];
    while (!wanted.every((id) => requests.flat().includes(id))) {
      const call = await this.expectCsmsRequest('ClearVariableMonitoring');
      const ids = (call.payload as { id: number[] }).id;
      requests.push(ids);
      if (ids.length > limit) {
        failures.push({
          message: `ClearVariableMonitoringRequest #${requests.length}`,
          field: 'id',
          expected: `at most ${limit} ids (ItemsPerMessage)`,
          actual: `${ids.length}: ${JSON.stringify(ids)}`,
        });
      }
      const answer = await call.answered;
      if (answer.kind !== 'result')
        throw new Error(`the station answered ClearVariableMonitoringRequest #${requests.length} with a ${answer.kind}`);
      checkFields(
        `ClearVariableMonitoringResponse #${requests.length}`,
        answer.payload,
        [{ field: 'clearMonitoringResult[*].status', expectation: 'Accepted' }],
        this.valueContext(),
      );
    }
    if (requests.length < 2) {
      failures.push({
        message: 'ClearVariableMonitoringRequests',
        field: 'count',
        expected: 'two or more',
        actual: String(requests.length),
      });
    }
    if (failures.length > 0) throw new ValidationError(failures);
  },
);

// ---------------------------------------------------------------------------------------------
// What makes monitors fire

function setEvsePower(world: OcttWorld, watts: number): void {
  changeVariable(withClock(world), { name: 'EVSE', evse: { id: world.config.CONFIGURED_EVSE_ID } }, { name: 'Power' }, String(watts));
}

When("the configured EVSE's power rises to {int} W", function (this: OcttWorld, watts: number) {
  setEvsePower(this, watts);
});

When("the configured EVSE's power falls to {int} W", function (this: OcttWorld, watts: number) {
  setEvsePower(this, watts);
});

Given(
  "the configured EVSE's power has risen to {int} W, which the charging station reported",
  async function (this: OcttWorld, watts: number) {
    setEvsePower(this, watts);
    const station = this.station();
    const sent = await station.sendOwed('NotifyEvent');
    if (sent.some((exchange) => exchange.failure))
      throw new Error(`the CSMS did not take the NotifyEventRequest: ${sent.map((e) => e.failure?.message).join('; ')}`);
  },
);

When('the periodic monitor {int} has fired {int} time(s)', async function (this: OcttWorld, id: number, times: number) {
  const station = withClock(this);
  const monitor = activeMonitors(station).find((candidate) => candidate.id === id);
  if (!monitor) throw new Error(`the station has no active monitor ${id}`);
  const owedFor = (): number =>
    station.owed
      .outstanding()
      .filter((owed) => owed.action === 'NotifyEvent' && owed.because.startsWith(`${monitor.kind} ${monitor.type} monitor ${id} `)).length;
  // A clock-aligned monitor may wait up to one interval more for its first boundary.
  const timeoutMs = StationClock.fromConfig(this.config).scaledMs(monitor.value * (times + 1)) + 2000;
  const deadline = Date.now() + timeoutMs;
  while (owedFor() < times) {
    if (Date.now() > deadline) throw new Error(`monitor ${id} fired ${owedFor()} of ${times} times within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});

Then('the charging station sent, in order, these {message}s', function (this: OcttWorld, message: MessageName, table: DataTable) {
  checkSentInOrder(this, message.action, table);
});

Then('the CSMS answered each of them with an empty response', function (this: OcttWorld) {
  const exchanges = latestStep(this);
  if (exchanges.length === 0) throw new Error('the step made the charging station send nothing');
  const failures: FieldFailure[] = [];
  for (const exchange of exchanges) {
    if (exchange.failure)
      throw new Error(`the CSMS did not answer the ${exchange.action}Request with a CALLRESULT: ${exchange.failure.message}`);
    const { customData: _vendor, ...rest } = (exchange.response ?? {}) as Record<string, unknown>;
    if (Object.keys(rest).length > 0)
      failures.push({ message: `${exchange.action}Response`, field: '(body)', expected: '{}', actual: JSON.stringify(exchange.response) });
  }
  if (failures.length > 0) throw new ValidationError(failures);
});

// ---------------------------------------------------------------------------------------------
// Logs

When(
  "the CSMS is asked to send a GetLogRequest for its {logType} to the suite's log server",
  async function (this: OcttWorld, logType: LogEnumType) {
    const station = this.station();
    const location = await uploadLocation(station.id);
    this.remember(UPLOAD_LOCATION, location);
    this.askCsms(
      'GetLog',
      { logType, log: { remoteLocation: location.url }, retries: 1, retryInterval: 1 },
      `Make the CSMS send a GetLogRequest for the ${logType} of ${station.id}, to be uploaded to ${location.url} (retries 1, retryInterval 1 s).`,
    );
  },
);

Given('the charging station transfers files only over {word}', function (this: OcttWorld, protocol: string) {
  this.station().deviceModel.setValue('OCPPCommCtrlr', 'FileTransferProtocols', protocol);
});

When('the charging station uploads its log to the remote location', async function (this: OcttWorld) {
  const station = withClock(this);
  const clock = station.state(DIAGNOSTICS_CLOCK).clock as StationClock;
  await uploadLog(station, clock);
});

Then(
  "the suite's log server holds the charging station's {logType} for request {string}",
  function (this: OcttWorld, logType: LogEnumType, requestCell: string) {
    const location = this.recall(UPLOAD_LOCATION) as Awaited<ReturnType<typeof uploadLocation>> | undefined;
    if (!location) throw new Error('no upload location was given to the CSMS in this scenario');
    const requestId = Number(resolveValue(requestCell, this.valueContext()).value);
    const upload = acceptedUpload(this, requestId);
    const received = location.server.uploads(location.path).find((candidate) => candidate.filename === upload.filename);
    const failures: FieldFailure[] = [];
    if (!received) {
      failures.push({
        message: 'log server',
        field: location.path,
        expected: upload.filename,
        actual:
          location.server
            .uploads(location.path)
            .map((u) => u.filename)
            .join(', ') || 'no upload',
      });
    } else {
      const text = received.bytes.toString('utf8');
      if (!text.startsWith(`# ${logType} of ${this.station().id}`))
        failures.push({
          message: upload.filename,
          field: 'first line',
          expected: `# ${logType} of ${this.station().id} …`,
          actual: text.split('\n')[0],
        });
      if (!text.includes(`# requestId ${requestId}\n`))
        failures.push({
          message: upload.filename,
          field: 'requestId line',
          expected: `# requestId ${requestId}`,
          actual: text.split('\n')[1] ?? '',
        });
    }
    if (failures.length > 0) throw new ValidationError(failures);
  },
);

function acceptedUpload(world: OcttWorld, requestId: number): { filename: string } {
  const upload = world
    .station()
    .state(LOGS)
    .history.find((candidate) => candidate.requestId === requestId);
  if (!upload) throw new Error(`the charging station accepted no GetLogRequest with requestId ${requestId}`);
  return upload;
}

// ---------------------------------------------------------------------------------------------
// Customer information

function validToken(world: OcttWorld): { idToken: string; type: IdTokenEnumType } {
  return { idToken: world.config.VALID_ID_TOKEN, type: world.config.VALID_ID_TOKEN_TYPE };
}

Given(
  'the charging station holds the configured valid idToken in its Local Authorization List of version {string} and in a finished transaction',
  function (this: OcttWorld, versionCell: string) {
    const station = this.station();
    const idToken = validToken(this);
    installLocalList(station, Number(resolveValue(versionCell, this.valueContext()).value), [
      { idToken, idTokenInfo: { status: 'Accepted' } },
    ]);
    const transaction = station.transactions.open(this.config.CONFIGURED_EVSE_ID, this.config.CONFIGURED_CONNECTOR_ID);
    transaction.idToken = idToken;
    transaction.started = true;
    transaction.ended = true;
  },
);

Given('the charging station knows the customer {string} by the configured valid idToken', function (this: OcttWorld, customer: string) {
  this.station()
    .state(CUSTOMERS)
    .records.push({ customerIdentifier: customer, idTokens: [validToken(this)] });
});

Given(
  'the charging station holds the contract certificate of the customer with the configured valid idToken',
  async function (this: OcttWorld) {
    const presentation = await contractPresentation(this.config, 'valid');
    const [pem, issuerPem] = splitPemChain(presentation.certificate.pem);
    const certificate: HeldCertificate = { pem, issuerPem: issuerPem ?? pem };
    this.remember(CUSTOMER_CERTIFICATE, certificate);
    this.station()
      .state(CUSTOMERS)
      .records.push({ idTokens: [validToken(this)], certificate });
  },
);

When(
  'the CSMS is asked to send a CustomerInformationRequest with report {word} and clear {word} for the hash data of that certificate',
  function (this: OcttWorld, report: string, clear: string) {
    const station = this.station();
    const certificate = heldCertificate(this);
    const customerCertificate = certificateHashData(certificate.pem, certificate.issuerPem, 'SHA256');
    this.askCsms(
      'CustomerInformation',
      { report: report === 'true', clear: clear === 'true', customerCertificate },
      `Make the CSMS send a CustomerInformationRequest (report ${report}, clear ${clear}) to ${station.id} for the customer certificate with hash data ${JSON.stringify(customerCertificate)}.`,
    );
  },
);

Given('the charging station may not give out customer information remotely', function (this: OcttWorld) {
  this.station().state(CUSTOMERS).refusesRemoteRequests = true;
});

Then('the charging station holds no data of the configured valid idToken', function (this: OcttWorld) {
  const left = customerData(this.station(), { idToken: validToken(this) });
  if (left.length > 0)
    throw new ValidationError([
      { message: 'customer data', field: 'what the station holds', expected: 'nothing', actual: left.join('; ') },
    ]);
});

Then('the charging station still holds data of the configured valid idToken', function (this: OcttWorld) {
  if (customerData(this.station(), { idToken: validToken(this) }).length === 0) {
    throw new ValidationError([{ message: 'customer data', field: 'what the station holds', expected: 'its data', actual: 'nothing' }]);
  }
});

Then("the charging station's Local Authorization List no longer holds the configured valid idToken", function (this: OcttWorld) {
  const station = this.station();
  if (station.memory.localList.entries.has(idTokenKey(validToken(this)))) {
    throw new ValidationError([
      { message: 'Local Authorization List', field: this.config.VALID_ID_TOKEN, expected: 'absent', actual: 'present' },
    ]);
  }
});

When('the CSMS is asked to set these monitors on the station', function (this: OcttWorld, table: DataTable) {
  const setMonitoringData = table.hashes().map((row) => ({
    value: Number(row.value),
    type: row.type as MonitorEnumType,
    severity: Number(row.severity),
    component: componentOf(this, row.component, row.evse),
    variable: { name: row.variable },
  }));
  const described = setMonitoringData
    .map(
      (data) =>
        `a ${data.type} monitor (value ${data.value}, severity ${data.severity}) on ${data.component.name}${data.component.evse ? ` EVSE ${data.component.evse.id}` : ''} / ${data.variable.name}`,
    )
    .join(', then ');
  this.askCsms(
    'SetVariableMonitoring',
    { setMonitoringData },
    `Make the CSMS send one SetVariableMonitoringRequest to ${this.station().id} with, in this order: ${described}.`,
  );
});

Then("the charging station's active monitoring level is {int}", function (this: OcttWorld, level: number) {
  const actual = this.station().deviceModel.value('MonitoringCtrlr', 'ActiveMonitoringLevel');
  if (actual !== String(level)) {
    throw new ValidationError([
      { message: 'MonitoringCtrlr', field: 'ActiveMonitoringLevel', expected: String(level), actual: String(actual) },
    ]);
  }
});

Then('its {field} is {string} plus {int}', function (this: OcttWorld, field: string, baseCell: string, add: number) {
  const inspected = this.inspected;
  if (!inspected) throw new Error('no message to check yet');
  const expected = Number(resolveValue(baseCell, this.valueContext()).value) + add;
  checkFields(inspected.name, inspected.payload, [{ field, expectation: String(expected) }], this.valueContext());
});

Then("its customerCertificate is the hash data of the customer's certificate", function (this: OcttWorld) {
  const inspected = this.inspected;
  if (!inspected) throw new Error('no message to check yet');
  const certificate = heldCertificate(this);
  const sent = (inspected.payload as { customerCertificate?: { hashAlgorithm?: 'SHA256' | 'SHA384' | 'SHA512' } }).customerCertificate;
  const expected = certificateHashData(certificate.pem, certificate.issuerPem, sent?.hashAlgorithm ?? 'SHA256');
  checkFields(
    inspected.name,
    inspected.payload,
    Object.entries(expected).map(([key, value]) => ({ field: `customerCertificate.${key}`, expectation: `"${value}"` })),
    this.valueContext(),
  );
});

Given("the CSMS keeps the configured valid idToken in the station's Local Authorization List", async function (this: OcttWorld) {
  const token = validToken(this);
  await this.configureCsms(
    'ConfigureLocalList',
    { idTokens: [token] },
    `Make the CSMS keep ${token.idToken} (${token.type}) in the Local Authorization List of ${this.station().id}.`,
  );
});
