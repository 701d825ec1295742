import { type DataTable, Given, When } from '@cucumber/cucumber';
import { type ReusableStateName, type StateParameters, enterState } from '../support/station/reusable-states';
import { payloadFrom } from './tables';
import type { OcttWorld } from '../support/world';

Given('the charging station is in state {reusableState}', async function (this: OcttWorld, state: ReusableStateName) {
  await enterState(state, this.stateContext());
});

Given(
  'the charging station is in state {reusableState} with',
  async function (this: OcttWorld, state: ReusableStateName, table: DataTable) {
    await enterState(state, this.stateContext(), payloadFrom(table, this.valueContext()) as StateParameters);
  },
);

When('the charging station enters state {reusableState}', async function (this: OcttWorld, state: ReusableStateName) {
  await enterState(state, this.stateContext());
});

When(
  'the charging station enters state {reusableState} with',
  async function (this: OcttWorld, state: ReusableStateName, table: DataTable) {
    await enterState(state, this.stateContext(), payloadFrom(table, this.valueContext()) as StateParameters);
  },
);
