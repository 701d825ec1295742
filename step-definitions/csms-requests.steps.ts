import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
import { type CsmsToStationAction, CSMS_TO_STATION_ACTIONS } from '../kernel/ocpp/actions';
import { OcppCallError, type RpcErrorCode } from '../kernel/ocpp/errors';
import { NO_REPLY } from '../kernel/ocpp/rpc';
import { checkFields } from '../support/validation/field-checks';
import type { OcttWorld } from '../support/world';
import type { MessageName } from './parameter-types';
import { expectationRows, payloadFrom } from './tables';

function csmsAction(message: MessageName): CsmsToStationAction {
  if (message.kind !== 'request' || !(CSMS_TO_STATION_ACTIONS as readonly string[]).includes(message.action)) {
    throw new Error(`${message.name} is not a request a CSMS sends`);
  }
  return message.action as CsmsToStationAction;
}

function describeParams(params: Record<string, unknown>): string {
  const parts = Object.entries(params).map(([key, value]) => `${key} = ${JSON.stringify(value)}`);
  return parts.length ? ` with ${parts.join(', ')}` : '';
}

When('the CSMS is asked to send a/an {message} with', function (this: OcttWorld, message: MessageName, table: DataTable) {
  const params = payloadFrom(table, this.valueContext());
  this.askCsms(csmsAction(message), params, `Make the CSMS send a ${message.name} to ${this.station().id}${describeParams(params)}.`);
});

When('the CSMS is asked to send a/an {message}', function (this: OcttWorld, message: MessageName) {
  this.askCsms(csmsAction(message), {}, `Make the CSMS send a ${message.name} to ${this.station().id}.`);
});

Then('the CSMS sends a/an {message} with', async function (this: OcttWorld, message: MessageName, table: DataTable) {
  const call = await this.expectCsmsRequest(csmsAction(message));
  checkFields(message.name, call.payload, expectationRows(table), this.valueContext());
});

Then('the CSMS sends a/an {message}', async function (this: OcttWorld, message: MessageName) {
  await this.expectCsmsRequest(csmsAction(message));
});

Then('the CSMS sends no {message} within {float} second(s)', async function (this: OcttWorld, message: MessageName, seconds: number) {
  const action = csmsAction(message);
  const station = this.station();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const unexpected = station.unconsumed(action);
  if (unexpected.length > 0) {
    throw new Error(
      `the CSMS sent ${unexpected.length} ${message.name}(s) it should not have: ${JSON.stringify(unexpected.map((call) => call.payload))}`,
    );
  }
});

Then('the charging station answered with', async function (this: OcttWorld, table: DataTable) {
  const call = this.inspected?.call;
  if (!call) throw new Error('no CSMS request to look at: wait for one with "the CSMS sends a …Request"');
  const answer = await call.answered;
  if (answer.kind !== 'result') throw new Error(`the station did not answer the ${call.action}Request with a CALLRESULT (${answer.kind})`);
  checkFields(`${call.action}Response`, answer.payload, expectationRows(table), this.valueContext());
});

Given('the charging station will answer a/an {message} with', function (this: OcttWorld, message: MessageName, table: DataTable) {
  const response = payloadFrom(table, this.valueContext());
  this.station().answer(csmsAction(message), response as never);
});

Given(
  'the charging station will answer a/an {message} with status {word}',
  function (this: OcttWorld, message: MessageName, status: string) {
    this.station().answer(csmsAction(message), { status } as never);
  },
);

Given(
  'the charging station will answer a/an {message} with a CALLERROR {callErrorCode}',
  function (this: OcttWorld, message: MessageName, code: RpcErrorCode) {
    this.station().answer(csmsAction(message), new OcppCallError(code, `the scenario answers ${message.name} with ${code}`));
  },
);

Given('the charging station will not answer a/an {message}', function (this: OcttWorld, message: MessageName) {
  this.station().answer(csmsAction(message), NO_REPLY);
});

Given('the CSMS operator applies the setting {word} with', async function (this: OcttWorld, setting: string, table: DataTable) {
  const params = payloadFrom(table, this.valueContext());
  await this.configureCsms(setting, params, `Change the CSMS setting ${setting} for ${this.station().id}${describeParams(params)}.`);
});
