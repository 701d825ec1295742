import type { ChargingProfileType } from '../../../../schemas/ocpp201-messages';
import { type StationState } from '../../core/charging-station';
import { stateSlot } from '../../../../kernel/state-slots';

export interface InstalledProfile {
  evseId: number;
  profile: ChargingProfileType;
}

/** The charging profiles the station holds (K01). */
export const CHARGING_PROFILES: StationState<InstalledProfile[]> = stateSlot('charging profiles', () => []);
