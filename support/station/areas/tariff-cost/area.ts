import type { StationArea } from '../../core/charging-station';

/** Block I: tariff and cost. */
export const tariffCostArea: StationArea = {
  name: 'tariff and cost',
  replies: () => ({
    CostUpdated: () => ({}),
  }),
};
