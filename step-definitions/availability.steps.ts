import { Given, Then, When } from '@cucumber/cucumber';
import type { StatusNotificationRequest } from '../schemas/ocpp201-messages';
import { checkField } from '../support/validation/field-checks';
import { describeExchanges, recordStep, sentInLatestStep } from '../support/station/step-record';
import type { OcttWorld } from '../support/world';
import type { MessageName } from './parameter-types';

/** Block G glue: the station's availability model answers; these steps set up and show what it owes. */

Given('the CSMS has set the configured connector Inoperative', async function (this: OcttWorld) {
  const { CONFIGURED_EVSE_ID: evseId, CONFIGURED_CONNECTOR_ID: connectorId } = this.config;
  const station = this.station();
  const call = await this.stateContext().askCsms(
    'ChangeAvailability',
    { operationalStatus: 'Inoperative', evse: { id: evseId, connectorId } },
    `Make the CSMS set connector ${connectorId} of EVSE ${evseId} of ${station.id} to Inoperative.`,
  );
  const answer = await call.answered;
  if (answer.kind !== 'result') throw new Error(`the station did not answer the ChangeAvailabilityRequest (${answer.kind})`);
  checkField('ChangeAvailabilityResponse', answer.payload, 'status', 'Accepted', this.valueContext());
  await recordStep(this, station, () => station.sendOwed());
});

Then('the charging station owes no {message}', function (this: OcttWorld, message: MessageName) {
  const owed = this.station()
    .owed.outstanding()
    .filter((entry) => entry.action === message.action);
  if (owed.length > 0) {
    throw new Error(`the charging station was to owe no ${message.name} now; it owes ${this.station().owed.describe()}`);
  }
});

/**
 * A change of the whole station while a transaction runs (G04): the connectors of EVSEs without a
 * transaction change now, the others wait. Sends what is owed for them (nothing with a single,
 * busy EVSE) and checks it is exactly one Unavailable report per idle connector.
 */
When('the charging station reports Unavailable each connector without a transaction', async function (this: OcttWorld) {
  const station = this.station();
  const idle = [...station.topology.allConnectors()].filter(({ evse }) => !station.transactions.onEvse(evse.id));
  await recordStep(this, station, async () => {
    if (station.owed.outstanding().length > 0) await station.sendOwed();
  });
  const reported = sentInLatestStep(this, 'StatusNotification').map((exchange) => exchange.request as StatusNotificationRequest);
  const expected = idle.map(({ evse, connector }) => `${evse.id}/${connector.id} Unavailable`).sort();
  const actual = reported.map((request) => `${request.evseId}/${request.connectorId} ${request.connectorStatus}`).sort();
  if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    throw new Error(
      `the charging station was to report ${expected.join(', ') || 'no connector'} (the connectors without a transaction); it sent ${describeExchanges(sentInLatestStep(this, 'StatusNotification'))}: ${actual.join(', ') || 'none'}`,
    );
  }
});

/** The CSMS answered the request just sent with a CALLRESULT (the sending step fails on a CALLERROR or none). */
Then('the CSMS answered it with a/an {message}', function (this: OcttWorld, message: MessageName) {
  const inspected = this.inspected;
  if (inspected?.name !== message.name || typeof inspected.payload !== 'object' || inspected.payload === null) {
    throw new Error(`the CSMS was to answer with a ${message.name}; the last answer is ${inspected?.name ?? 'none'}`);
  }
});
