import type {
  AuthorizationData,
  CertificateHashDataType,
  ChargingProfileType,
  GetCertificateIdUseEnumType,
  IdTokenType,
  MessageInfoType,
  NetworkConnectionProfileType,
  SetMonitoringDataType,
} from '../../schemas/ocpp201-messages';

export interface Reservation {
  id: number;
  evseId?: number;
  idToken: IdTokenType;
  expiryDateTime: string;
}

export interface InstalledCertificate {
  use: GetCertificateIdUseEnumType;
  pem: string;
  hash: CertificateHashDataType;
}

export interface Monitor extends SetMonitoringDataType {
  id: number;
}

/** What the station remembers of what the CSMS told it, beyond the device model. */
export class StationMemory {
  reservations: Reservation[] = [];
  chargingProfiles: Array<{ evseId: number; profile: ChargingProfileType }> = [];
  displayMessages: MessageInfoType[] = [];
  monitors: Monitor[] = [];
  nextMonitorId = 1;
  monitoringLevel = 9;
  installedCertificates: InstalledCertificate[] = [];
  /** The charging-station certificate chain last received with CertificateSigned. */
  stationCertificateChain: string | undefined;
  localList: { version: number; entries: Map<string, AuthorizationData> } = { version: 0, entries: new Map() };
  authorizationCache = new Map<string, AuthorizationData>();
  networkProfiles = new Map<number, NetworkConnectionProfileType>();
}
