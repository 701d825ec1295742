/**
 * Steps of block B in domain words: registration (Pending, Rejected, SecurityError, a triggered
 * boot), device-model reads and writes split by ItemsPerMessage, reports, resets with a
 * transaction running, and the WebSocket subprotocol handshake. The logic lives in
 * support/station/provisioning-*.ts; the generic steps cover the rest.
 */
import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
import type { ConnectorStatusEnumType } from '../schemas/ocpp201-messages';
import type { ReceivedCall } from '../kernel/ocpp/rpc';
import { defaultPayload } from '../support/station/core/message-defaults';
import { checkExactElements, checkListLimit, checkListSizes } from '../support/station/areas/provisioning/checks';
import { handshakeFields, openingHandshake, whyNotDeclined } from '../support/station/areas/provisioning/handshake';
import {
  type CsmsAnswer,
  bootRetryWaitMs,
  callExpectingRefusal,
  lastBootAnswerAt,
  stayConnected,
} from '../support/station/areas/provisioning/registration';
import { type ReportRequest, sendReport } from '../support/station/areas/provisioning/reports';
import { describeVariable, getVariableData, setVariableData, variableRows } from '../support/station/areas/provisioning/variables';
import { checkFields, ValidationError } from '../support/validation/field-checks';
import { show } from '../support/validation/expectations';
import type { OcttWorld } from '../support/world';
import type { MessageName } from './parameter-types';
import { expectationRows, payloadFrom } from './tables';

const SPLIT_REQUESTS = 'provisioning: the requests the CSMS split an operator action into';
const LAST_ANSWER = "provisioning: the CSMS's answer to the station's last CALL";
const CONNECTION_KEPT = 'provisioning: the connection stayed open while waiting';
const HANDSHAKE = 'provisioning: the last opening handshake';

// ---------------------------------------------------------------------------------------------
// Registration

function describeBootPolicy(stationId: string, params: Record<string, unknown>): string {
  const policy = (value: unknown): string => {
    const { status, interval } = (value ?? {}) as { status?: unknown; interval?: unknown };
    return `${String(status)}${interval === undefined ? '' : ` (interval ${String(interval)} s)`}`;
  };
  return params.afterwards === undefined
    ? `answer every BootNotificationRequest of ${stationId} with ${policy(params)}`
    : `answer the next BootNotificationRequest of ${stationId} with ${policy(params)} and every later one with ${policy(params.afterwards)}`;
}

Given('the CSMS is configured to answer BootNotificationRequests with', async function (this: OcttWorld, table: DataTable) {
  const params = payloadFrom(table, this.valueContext());
  const station = this.station();
  await this.configureCsms('ConfigureBootNotificationResponse', params, `Configure the CSMS to ${describeBootPolicy(station.id, params)}.`);
  const finalStatus = ((params.afterwards as { status?: unknown } | undefined)?.status ?? params.status) as string;
  this.cleanups.push(async () => {
    // Nothing to undo once the CSMS is back to accepting the station, as the setting foresaw.
    const lastAnswer = this.messages.get('BootNotificationResponse') as { status?: string } | undefined;
    if (finalStatus === 'Accepted' && lastAnswer?.status === 'Accepted') return;
    await this.configureCsms(
      'ConfigureBootNotificationResponse',
      { status: 'Accepted' },
      `Restore the CSMS to accept the BootNotificationRequests of ${station.id} (status Accepted).`,
    );
  });
});

When('the charging station waits the retry interval of the BootNotificationResponse', async function (this: OcttWorld) {
  const station = this.station();
  // A timer of the station: it runs on the station's clock (TIME_SCALE), as its heartbeat interval does.
  const waitMs = station.clock.scaledMs(bootRetryWaitMs(station) / 1000);
  station.note(`waiting ${waitMs / 1000} s before the next BootNotification (interval ${station.bootInterval} s on the station's clock)`);
  this.remember(CONNECTION_KEPT, await stayConnected(station, waitMs));
});

Then('the CSMS has kept the connection open', function (this: OcttWorld) {
  const station = this.station();
  if (this.recall(CONNECTION_KEPT) === false || !station.isConnected) {
    throw new Error(`the CSMS closed the WebSocket connection of ${station.id} while the station was ${station.registration}`);
  }
});

async function sendBeforeAccepted(world: OcttWorld, message: MessageName, table: DataTable | undefined): Promise<void> {
  if (message.kind !== 'request') throw new Error(`the charging station sends requests, not ${message.name}`);
  const station = world.station();
  const payload = payloadFrom(table, world.valueContext(), defaultPayload(message.action, station, world.config));
  const answer = await callExpectingRefusal(station, message.action, payload);
  world.remember(LAST_ANSWER, { request: message.name, answer });
  world.inspected =
    answer.kind === 'result'
      ? { name: `${message.action}Response`, payload: answer.payload }
      : { name: `CALLERROR to ${message.name}`, payload: { errorCode: answer.errorCode, errorDescription: answer.errorDescription } };
}

When(
  'the charging station sends a/an {message} before the CSMS accepted it, with',
  async function (this: OcttWorld, message: MessageName, table: DataTable) {
    await sendBeforeAccepted(this, message, table);
  },
);

When('the charging station sends a/an {message} before the CSMS accepted it', async function (this: OcttWorld, message: MessageName) {
  await sendBeforeAccepted(this, message, undefined);
});

Then('the CSMS answers it with a CALLERROR with', function (this: OcttWorld, table: DataTable) {
  const last = this.recall(LAST_ANSWER) as { request: string; answer: CsmsAnswer } | undefined;
  if (!last) throw new Error('no CALL to look at: send one "before the CSMS accepted it" first');
  const { request, answer } = last;
  if (answer.kind === 'result') {
    throw new ValidationError([
      { message: `answer to ${request}`, field: 'messageType', expected: 'CALLERROR', actual: `CALLRESULT ${show(answer.payload)}` },
    ]);
  }
  checkFields(`CALLERROR to ${request}`, answer, expectationRows(table), this.valueContext());
});

Then(
  'the CSMS sends a/an {message} before the interval of its BootNotificationResponse has passed, with',
  async function (this: OcttWorld, message: MessageName, table: DataTable) {
    const station = this.station();
    const answeredAt = lastBootAnswerAt(this.trace.entries, station.id);
    if (!answeredAt) throw new Error(`${station.id} has no BootNotificationResponse to count the interval from`);
    const deadline = new Date(answeredAt.getTime() + bootRetryWaitMs(station));
    const call = await this.expectCsmsRequest(message.action);
    if (call.receivedAt > deadline) {
      throw new ValidationError([
        {
          message: message.name,
          field: 'arrival',
          expected: `before ${deadline.toISOString()} (the BootNotificationResponse of ${answeredAt.toISOString()} gave interval ${station.bootInterval} s)`,
          actual: call.receivedAt.toISOString(),
        },
      ]);
    }
    checkFields(message.name, call.payload, expectationRows(table), this.valueContext());
  },
);

// ---------------------------------------------------------------------------------------------
// Device-model variables

When('the CSMS is asked to read these variables from the station', function (this: OcttWorld, table: DataTable) {
  const rows = variableRows(table.hashes(), this.valueContext());
  const station = this.station();
  this.askCsms(
    'GetVariables',
    { getVariableData: getVariableData(rows) },
    `Make the CSMS read ${rows.map(describeVariable).join(', ')} from ${station.id} (GetVariablesRequest).`,
  );
});

When('the CSMS is asked to set these variables on the station', function (this: OcttWorld, table: DataTable) {
  const rows = variableRows(table.hashes(), this.valueContext());
  const station = this.station();
  const what = rows.map((row) => `${describeVariable(row)} to "${row.value ?? ''}"`).join(', ');
  this.askCsms(
    'SetVariables',
    { setVariableData: setVariableData(rows) },
    `Make the CSMS set ${what} on ${station.id} (SetVariablesRequest).`,
  );
});

Given("the charging station's ItemsPerMessage for {word} is {int}", function (this: OcttWorld, message: string, items: number) {
  this.station().deviceModel.setValue('DeviceDataCtrlr', 'ItemsPerMessage', String(items), message);
});

Given("the CSMS knows the station's ItemsPerMessage for {word} is {int}", async function (this: OcttWorld, message: string, items: number) {
  const station = this.station();
  await this.configureCsms(
    'ConfigureStationLimits',
    { itemsPerMessage: { [message]: items } },
    `Enter in the CSMS that ${station.id} takes at most ${items} items per ${message}Request (DeviceDataCtrlr.ItemsPerMessage[${message}] = ${items}).`,
  );
});

Then(
  'the CSMS sends {message}s of {int} and {int} {field} elements, in either order',
  async function (this: OcttWorld, message: MessageName, first: number, second: number, listField: string) {
    const calls: ReceivedCall[] = [];
    const sizesOf = (): void =>
      checkListSizes(
        message.name,
        calls.map((call) => call.payload),
        listField,
        [first, second],
      );
    try {
      for (let count = 0; count < 2; count++) calls.push(await this.expectCsmsRequest(message.action));
    } catch (error) {
      // What did arrive tells more than the timeout or the operator's failure, when it is wrong.
      if (calls.length > 0) sizesOf();
      throw error;
    }
    this.remember(SPLIT_REQUESTS, calls);
    sizesOf();
  },
);

function splitRequests(world: OcttWorld): ReceivedCall[] {
  const calls = world.recall(SPLIT_REQUESTS) as ReceivedCall[] | undefined;
  if (!calls) throw new Error('no split requests to look at: wait for them with "the CSMS sends …Requests of N and M … elements"');
  return calls;
}

Then('together their {field} elements are exactly', function (this: OcttWorld, listField: string, table: DataTable) {
  const calls = splitRequests(this);
  const [fields, ...rows] = table.raw();
  const expected = rows.map((cells) =>
    cells.flatMap((cell, column) => (cell.trim() === '' ? [] : [{ field: fields[column].trim(), expectation: cell }])),
  );
  checkExactElements(
    `${calls[0].action}Request`,
    calls.map((call) => call.payload),
    listField,
    expected,
    this.valueContext(),
  );
});

Then('the charging station answered each of them with', async function (this: OcttWorld, table: DataTable) {
  for (const call of splitRequests(this)) {
    const answer = await call.answered;
    if (answer.kind !== 'result')
      throw new Error(`the station did not answer the ${call.action}Request with a CALLRESULT (${answer.kind})`);
    checkFields(`${call.action}Response`, answer.payload, expectationRows(table), this.valueContext());
  }
});

Then('no {message} had more than {int} {field} elements', function (this: OcttWorld, message: MessageName, max: number, listField: string) {
  const received = this.station()
    .received()
    .filter((call) => call.action === message.action);
  checkListLimit(
    message.name,
    received.map((call) => call.payload),
    listField,
    max,
  );
});

// ---------------------------------------------------------------------------------------------
// Reports

When('the charging station sends the requested report in NotifyReportRequests', async function (this: OcttWorld) {
  const call = this.inspected?.call;
  if (!call || (call.action !== 'GetBaseReport' && call.action !== 'GetReport')) {
    throw new Error('no report request to answer: wait for a GetBaseReportRequest or GetReportRequest first');
  }
  const answer = await call.answered;
  const status = answer.kind === 'result' ? (answer.payload as { status?: string }).status : undefined;
  if (status !== 'Accepted') {
    throw new Error(`the station answered the ${call.action}Request with ${status ?? answer.kind}, so it has no report to send`);
  }
  await sendReport(this.station(), { action: call.action, payload: call.payload } as ReportRequest);
});

// ---------------------------------------------------------------------------------------------
// Transactions and connectors around a reset

When(
  'the charging station reports the configured connector {connectorStatus} and its other connectors Available',
  async function (this: OcttWorld, status: ConnectorStatusEnumType) {
    const station = this.station();
    const { CONFIGURED_EVSE_ID: evseId, CONFIGURED_CONNECTOR_ID: connectorId } = this.config;
    for (const { evse, connector } of station.topology.allConnectors()) {
      const configured = evse.id === evseId && connector.id === connectorId;
      await station.reportConnectorStatus(evse.id, connector.id, configured ? status : 'Available');
    }
  },
);

// ---------------------------------------------------------------------------------------------
// WebSocket subprotocol (OCPP-J)

When(
  'the charging station opens a WebSocket connection offering the subprotocol(s) {string}',
  async function (this: OcttWorld, offered: string) {
    const station = this.station();
    const subprotocols = offered.split(',').map((protocol) => protocol.trim());
    const password = station.currentPassword;
    const outcome = await openingHandshake({
      baseUrl: station.identity.baseUrl,
      stationId: station.id,
      subprotocols,
      basicAuth: password === undefined ? undefined : { username: station.id, password },
      tls: station.identity.tls,
      timeoutMs: this.config.OCPP_CALL_TIMEOUT * 1000,
    });
    station.note(`opening handshake offering ${subprotocols.join(', ')}: ${JSON.stringify(outcome)}`);
    this.remember(HANDSHAKE, { subprotocols, outcome });
  },
);

function lastHandshake(world: OcttWorld): { subprotocols: string[]; outcome: Parameters<typeof handshakeFields>[0] } {
  const handshake = world.recall(HANDSHAKE) as ReturnType<typeof lastHandshake> | undefined;
  if (!handshake) throw new Error('no opening handshake to look at: open a WebSocket connection first');
  return handshake;
}

Then('the CSMS declines the offered subprotocol(s)', function (this: OcttWorld) {
  const { subprotocols, outcome } = lastHandshake(this);
  const reason = whyNotDeclined(outcome, subprotocols);
  if (reason) {
    throw new ValidationError([
      {
        message: 'WebSocket opening handshake',
        field: 'outcome',
        expected: 'an HTTP error status, or 101 without Sec-WebSocket-Protocol and the connection closed at once',
        actual: reason,
      },
    ]);
  }
});

Then('the CSMS upgrades the connection with', function (this: OcttWorld, table: DataTable) {
  const { outcome } = lastHandshake(this);
  if (outcome.kind === 'unanswered') throw new Error(`the CSMS gave no answer to the opening handshake: ${outcome.reason}`);
  checkFields('WebSocket opening handshake answer', handshakeFields(outcome), expectationRows(table), this.valueContext());
});
