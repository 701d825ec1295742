import type { ChargingStation, StationArea } from '../../core/charging-station';
import { SHOWN_COSTS } from './state';

/** The running or final cost of a transaction the station shows its driver, if the CSMS sent one. */
export function shownCost(station: ChargingStation, transactionId: string): number | undefined {
  return station.state(SHOWN_COSTS).get(transactionId);
}

/**
 * Block I: tariff and cost. A CostUpdatedRequest puts the running cost on the display of the
 * transaction it names (I02.FR.02); one for a transaction the station does not know changes nothing.
 */
export const tariffCostArea: StationArea = {
  name: 'tariff and cost',
  replies: (station) => ({
    CostUpdated: ({ totalCost, transactionId }) => {
      if (station.transactions.byId(transactionId)) station.state(SHOWN_COSTS).set(transactionId, totalCost);
      else station.note(`CostUpdated for transaction ${transactionId}, which the station does not know: nothing shown`);
      return {};
    },
  }),
};
