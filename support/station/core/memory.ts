import type {
  AuthorizationData,
  CertificateHashDataType,
  GetCertificateIdUseEnumType,
  NetworkConnectionProfileType,
} from '../../../schemas/ocpp201-messages';

export interface InstalledCertificate {
  use: GetCertificateIdUseEnumType;
  pem: string;
  hash: CertificateHashDataType;
}

/**
 * What several areas share of what the CSMS told the station, beyond the device model: the
 * authorization cache and local list (authorization, transactions), the certificate store (security,
 * certificates), the network profiles. State of one area alone lives in that area's StationState.
 */
export class StationMemory {
  installedCertificates: InstalledCertificate[] = [];
  /** The charging-station certificate chain last received with CertificateSigned. */
  stationCertificateChain: string | undefined;
  localList: { version: number; entries: Map<string, AuthorizationData> } = { version: 0, entries: new Map() };
  authorizationCache = new Map<string, AuthorizationData>();
  networkProfiles = new Map<number, NetworkConnectionProfileType>();
}
