import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
import { CAPABILITIES } from '../support/station/areas/remote-control/state';
import { awaitEvConnectionTimeout, carryOutRemoteStart } from '../support/station/areas/remote-control/remote-start';
import type { SessionContext } from '../support/station/areas/transactions/session';
import { recordStep, sentInLatestStep } from '../support/station/step-record';
import { type FieldFailure, ValidationError, checkFields } from '../support/validation/field-checks';
import type { OcttWorld } from '../support/world';
import type { MessageName } from './parameter-types';
import { expectationRows } from './tables';

function sessionContext(world: OcttWorld): SessionContext {
  return { station: world.station(), remember: (name, value) => world.remember(name, value) };
}

/** The connector a remote start at an EVSE uses: the configured one at the configured EVSE, else the EVSE's first. */
function connectorOf(world: OcttWorld, evseId: number): number {
  if (evseId === world.config.CONFIGURED_EVSE_ID) return world.config.CONFIGURED_CONNECTOR_ID;
  return world.station().topology.evse(evseId).connectors[0].id;
}

/** Runs what the step makes the station do; the CSMS's latest answer is what "the CSMS responds with" checks. */
async function act(world: OcttWorld, work: (context: SessionContext) => Promise<unknown>): Promise<void> {
  const exchanges = await recordStep(world, world.station(), () => work(sessionContext(world)));
  const answered = exchanges.filter((exchange) => exchange.response !== undefined).at(-1);
  if (answered) world.inspected = { name: `${answered.action}Response`, payload: answered.response };
}

// ---------------------------------------------------------------------------------------------
// How the station is built and set up

Given('the charging station is no local controller', function (this: OcttWorld) {
  this.station().state(CAPABILITIES).localController = false;
});

Given("the charging station's EV connection timeout is the configured transaction duration", function (this: OcttWorld) {
  // TxCtrlr.EVConnectionTimeOut in whole seconds, as the device model holds it; the station's clock scales the wait.
  this.station().deviceModel.setValue('TxCtrlr', 'EVConnectionTimeOut', String(Math.max(1, Math.round(this.config.TRANSACTION_DURATION))));
});

// ---------------------------------------------------------------------------------------------
// Remote start

When('the charging station starts the transaction the CSMS requested', async function (this: OcttWorld) {
  await act(this, async (context) => {
    const outcome = await carryOutRemoteStart(context, (evseId) => connectorOf(this, evseId));
    if (!outcome.accepted) this.station().note(`remote start ${outcome.start.remoteStartId} not carried out`);
  });
});

When('no EV is plugged in within the EV connection timeout of the remote start', async function (this: OcttWorld) {
  const where = { evseId: this.config.CONFIGURED_EVSE_ID, connectorId: this.config.CONFIGURED_CONNECTOR_ID };
  await act(this, (context) => awaitEvConnectionTimeout(context, where));
});

// ---------------------------------------------------------------------------------------------
// What the station sent, and still owes

Then(
  'the charging station sent a/an {message} for every EVSE, each with',
  function (this: OcttWorld, message: MessageName, table: DataTable) {
    const sent = sentInLatestStep(this, message.action);
    const evseIds = this.station().topology.evses.map((evse) => evse.id);
    const covered = sent.map((exchange) => (exchange.request as { evseId?: number }).evseId).sort((a, b) => (a ?? 0) - (b ?? 0));
    if (JSON.stringify(covered) !== JSON.stringify(evseIds)) {
      throw new ValidationError([
        { message: message.name, field: 'evseId', expected: `one per EVSE ${JSON.stringify(evseIds)}`, actual: JSON.stringify(covered) },
      ]);
    }
    const failures: FieldFailure[] = [];
    for (const exchange of sent) {
      try {
        checkFields(message.name, exchange.request, expectationRows(table), this.valueContext());
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        failures.push(...error.failures);
      }
    }
    if (failures.length > 0) throw new ValidationError(failures);
  },
);

Then('the charging station owes nothing', function (this: OcttWorld) {
  const station = this.station();
  if (station.owed.outstanding().length > 0) throw new Error(`the charging station was to owe nothing; it owes ${station.owed.describe()}`);
});
