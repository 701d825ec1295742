import type { InstallCertificateUseEnumType } from '../../../schemas/ocpp201-messages';
import { stateSlot } from '../../../kernel/state-slots';
import type { CsmsStationState, StationRecord } from '../../store';

export interface InstalledRoot {
  certificateType: InstallCertificateUseEnumType;
  pem: string;
}

/** Root certificates the CSMS installed on the station and the station accepted (M05), until deleted (M04). */
const INSTALLED_ROOTS: CsmsStationState<InstalledRoot[]> = stateSlot('installed root certificates', () => []);

export function installedRootsOf(station: StationRecord): InstalledRoot[] {
  return station.areaState.of(INSTALLED_ROOTS);
}
