import { STATION_AREAS } from '../../support/station/areas';
import {
  ChargingStation,
  type ConnectionWatcher,
  type SecurityProfile,
  type StationRole,
} from '../../support/station/core/charging-station';
import type { TlsSettings } from '../../support/station/core/transport';

export interface TestStationOptions {
  role?: StationRole;
  id?: string;
  /** Basic-auth password; `null` for none (security profile 3). */
  password?: string | null;
  tls?: TlsSettings;
  /** Where it would connect; the default is a closed port, for stations that never connect. */
  baseUrl?: string;
  securityProfile?: SecurityProfile;
  numberOfEvses?: number;
  callTimeoutMs?: number;
  timeScale?: number;
  connections?: ConnectionWatcher;
}

/** A mock Charging Station as the World builds one, with test defaults (CP_1, one EVSE, Basic auth). */
export function testStation(options: TestStationOptions = {}): ChargingStation {
  return new ChargingStation({
    areas: STATION_AREAS,
    identity: {
      role: options.role ?? 'basic',
      id: options.id ?? 'CP_1',
      securityProfile: options.securityProfile ?? 1,
      baseUrl: options.baseUrl ?? 'ws://127.0.0.1:1',
      ...(options.password === null ? {} : { password: options.password ?? '0123456789123456' }),
      ...(options.tls ? { tls: options.tls } : {}),
    },
    hardware: {
      vendorName: 'Test vendor',
      model: 'Test model',
      numberOfEvses: options.numberOfEvses ?? 1,
      connectorType: 'cType2',
      numberOfPhases: 3,
      organizationName: 'Test',
    },
    callTimeoutMs: options.callTimeoutMs ?? 2000,
    handshakeTimeoutMs: 2000,
    timeScale: options.timeScale ?? 1,
    sinks: [],
    ...(options.connections ? { connections: options.connections } : {}),
  });
}
