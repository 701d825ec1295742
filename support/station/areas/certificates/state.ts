import type { HashAlgorithmEnumType } from '../../../../schemas/ocpp201-messages';
import { stateSlot } from '../../../../kernel/state-slots';
import type { ChargingStation, StationState } from '../../core/charging-station';
import { CertificateStore } from './certificate-store';

interface CertificateSettings {
  /** The algorithm the station computes certificate hash data with (its choice, M03; the CSMS echoes it, M04.FR.07). */
  hashAlgorithm: HashAlgorithmEnumType;
}

export const CERTIFICATE_SETTINGS: StationState<CertificateSettings> = stateSlot('certificate settings', () => ({
  hashAlgorithm: 'SHA256',
}));

/** A network connection profile that uses TLS needs a CSMS root to verify that CSMS (A00). */
function hasTlsProfile(station: ChargingStation): boolean {
  return [...station.memory.networkProfiles.values()].some((profile) => profile.securityProfile >= 2);
}

export function certificateStoreOf(station: ChargingStation): CertificateStore {
  return new CertificateStore(station.memory, station.deviceModel, () => hasTlsProfile(station));
}
