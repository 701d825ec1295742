import { type DataTable, Then, When } from '@cucumber/cucumber';
import { checkFields, checkSomeElement } from '../support/validation/field-checks';
import { valueAt } from '../support/validation/paths';
import type { OcttWorld } from '../support/world';
import type { MessageName } from './parameter-types';
import { sendFromTable, sendOwed } from './station-actions';
import { expectationRows } from './tables';

When('the charging station sends a/an {message} with', async function (this: OcttWorld, message: MessageName, table: DataTable) {
  await sendFromTable(this, this.station(), message, table);
});

When('the charging station sends a/an {message}', async function (this: OcttWorld, message: MessageName) {
  await sendFromTable(this, this.station(), message, undefined);
});

Then('the CSMS responds with', function (this: OcttWorld, table: DataTable) {
  const inspected = this.inspected;
  if (!inspected?.name.endsWith('Response')) throw new Error('no CSMS response to check: send a request first');
  checkFields(inspected.name, inspected.payload, expectationRows(table), this.valueContext());
});

Then('its {field} has an element with', function (this: OcttWorld, listPath: string, table: DataTable) {
  const inspected = this.inspected;
  if (!inspected) throw new Error('no message to check yet');
  checkSomeElement(inspected.name, inspected.payload, listPath, expectationRows(table), this.valueContext());
});

Then('its {field} is', function (this: OcttWorld, field: string, table: DataTable) {
  const inspected = this.inspected;
  if (!inspected) throw new Error('no message to check yet');
  checkFields(inspected.name, valueAt(inspected.payload, field), expectationRows(table), this.valueContext());
});

When('the charging station remembers its {field} as {word}', function (this: OcttWorld, field: string, name: string) {
  const inspected = this.inspected;
  if (!inspected) throw new Error('no message to read from yet');
  const value = valueAt(inspected.payload, field);
  if (value === undefined) throw new Error(`${inspected.name} has no ${field} to remember`);
  this.remember(name, value);
});

/**
 * Follow-ups: the station sends what its model owes after answering the CSMS (see OwedMessages),
 * e.g. the StatusNotification after a ChangeAvailability. Each sent request is shown by the step
 * and the CSMS's answer to the last one is inspected next ("Then the CSMS responds with").
 */
When('the charging station sends the {message}s it owes', async function (this: OcttWorld, message: MessageName) {
  if (message.kind !== 'request') throw new Error(`a charging station sends requests, not ${message.name}`);
  await sendOwed(this, message);
});

When('the charging station sends the {message} it owes', async function (this: OcttWorld, message: MessageName) {
  if (message.kind !== 'request') throw new Error(`a charging station sends requests, not ${message.name}`);
  await sendOwed(this, message);
});

When('the charging station sends everything it owes', async function (this: OcttWorld) {
  await sendOwed(this, undefined);
});
