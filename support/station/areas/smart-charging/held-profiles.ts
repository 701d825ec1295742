/**
 * Profiles a station already holds when a scenario begins (the catalog's "memory" state, e.g. the
 * profile TC_K_05 reports before it is cleared): installed by the station's own rules, as if a CSMS
 * had set them earlier.
 */
import type { ChargingProfileType } from '../../../../schemas/ocpp201-messages';
import type { ChargingStation } from '../../core/charging-station';
import { installContext, watchingRates } from './limits';
import { CHARGING_PROFILES } from './state';

export function holdProfile(station: ChargingStation, evseId: number, profile: ChargingProfileType): void {
  const outcome = watchingRates(station, `profile ${profile.id} held before the scenario`, () =>
    station.state(CHARGING_PROFILES).install(evseId, profile, installContext(station)),
  );
  if (outcome.status !== 'Accepted') {
    throw new Error(
      `the station cannot hold profile ${profile.id} on EVSE ${evseId}: ${outcome.statusInfo?.reasonCode} ${outcome.statusInfo?.additionalInfo ?? ''}`,
    );
  }
}
