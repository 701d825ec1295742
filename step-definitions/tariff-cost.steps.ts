import { Then } from '@cucumber/cucumber';
import type { CostUpdatedRequest } from '../schemas/ocpp201-messages';
import { shownCost } from '../support/station/areas/tariff-cost/area';
import { ValidationError } from '../support/validation/field-checks';
import type { OcttWorld } from '../support/world';

Then('the charging station shows the driver the total cost of that CostUpdatedRequest', async function (this: OcttWorld) {
  const inspected = this.inspected;
  if (inspected?.name !== 'CostUpdatedRequest')
    throw new Error('no CostUpdatedRequest to look at: wait for one with "the CSMS sends a CostUpdatedRequest"');
  // The display changes as the station answers the request.
  await inspected.call?.answered;
  const { totalCost, transactionId } = inspected.payload as CostUpdatedRequest;
  const shown = shownCost(this.station(), transactionId);
  if (shown !== totalCost) {
    throw new ValidationError([
      {
        message: 'the station display',
        field: `cost of ${transactionId}`,
        expected: String(totalCost),
        actual: shown === undefined ? 'nothing shown' : String(shown),
      },
    ]);
  }
});
