import { BadOperatorRequest, type ConfigureActions, type Params } from '../../operator/builder-context';
import { tariffOf } from './tariff';

function price(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new BadOperatorRequest(`${name} must be a number >= 0`);
  return value;
}

/** CSMS settings of the tariff-and-cost area (operator "Configure…" actions). */
export const settings: ConfigureActions = {
  /**
   * The tariff the CSMS charges every transaction: { pricePerKwh?, pricePerMinute? } (numbers >= 0;
   * one left out keeps its value). Returns the tariff now in force.
   */
  ConfigureTariff: (params, { store }) => {
    const perKwh = price(params, 'pricePerKwh');
    const perMinute = price(params, 'pricePerMinute');
    if (perKwh === undefined && perMinute === undefined)
      throw new BadOperatorRequest('ConfigureTariff needs "pricePerKwh" or "pricePerMinute"');
    if (perKwh !== undefined) store.tariffPerKwh = perKwh;
    if (perMinute !== undefined) store.tariffPerMinute = perMinute;
    return tariffOf(store);
  },
};
