import { type DataTable, Given, When } from '@cucumber/cucumber';
import { type ReusableStateName, type StateParameters, enterState } from '../support/station/reusable-states';
import { recordStep } from '../support/station/step-record';
import type { OcttWorld } from '../support/world';
import { payloadFrom } from './tables';

/** Enters the state; what the station sent on the way is the step a following Then looks at. */
async function enter(world: OcttWorld, state: ReusableStateName, parameters: StateParameters = {}): Promise<void> {
  const exchanges = await recordStep(world, world.station(), () => enterState(state, world.stateContext(), parameters));
  const answered = exchanges.filter((exchange) => exchange.response !== undefined).at(-1);
  if (answered) world.inspected = { name: `${answered.action}Response`, payload: answered.response };
}

function parametersOf(world: OcttWorld, table: DataTable): StateParameters {
  return payloadFrom(table, world.valueContext()) as StateParameters;
}

Given('the charging station is in state {reusableState}', async function (this: OcttWorld, state: ReusableStateName) {
  await enter(this, state);
});

Given(
  'the charging station is in state {reusableState} with',
  async function (this: OcttWorld, state: ReusableStateName, table: DataTable) {
    await enter(this, state, parametersOf(this, table));
  },
);

When('the charging station enters state {reusableState}', async function (this: OcttWorld, state: ReusableStateName) {
  await enter(this, state);
});

When(
  'the charging station enters state {reusableState} with',
  async function (this: OcttWorld, state: ReusableStateName, table: DataTable) {
    await enter(this, state, parametersOf(this, table));
  },
);
