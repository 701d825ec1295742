/**
 * The Charging Station the suite plays for a role, as the configuration and the run describe it:
 * its identity (id, security profile, address, password or client certificate) and its hardware.
 * The World builds every scenario's stations with it; the setup check (npm start -- --check-setup)
 * builds the same stations to probe a CSMS before a run.
 */
import type { TraceSink } from '../../kernel/evidence/trace';
import { TEST_ORGANIZATION } from '../../kernel/tls/test-pki';
import { EnvironmentError } from '../../kernel/verdicts';
import type { RunContext } from '../run-context';
import { STATION_AREAS } from './areas';
import { ChargingStation, type ConnectionWatcher, type StationIdentity, type StationRole } from './core/charging-station';

export interface StationExtras {
  sinks: TraceSink[];
  numberOfEvses?: number;
  connections?: ConnectionWatcher;
}

export function identityOf(run: Pick<RunContext, 'config' | 'endpoints' | 'tls'>, role: StationRole): StationIdentity {
  const { config, endpoints, tls } = run;
  switch (role) {
    case 'basic':
      return { role, id: config.BASIC_AUTH_CP, securityProfile: 1, baseUrl: endpoints.ws, password: config.BASIC_AUTH_CP_PASSWORD };
    case 'sp2':
      return {
        role,
        id: config.SECURITY_PROFILE_2_CP,
        securityProfile: 2,
        baseUrl: endpoints.wss,
        password: config.BASIC_AUTH_CP_PASSWORD,
        tls: { ca: tls.ca },
      };
    case 'sp3':
      if (!tls.clientCert || !tls.clientKey) {
        throw new EnvironmentError(
          'TLS_CLIENT_CERT and TLS_CLIENT_KEY must be set for security profile 3 scenarios (a client certificate with CN = SECURITY_PROFILE_3_CP)',
        );
      }
      return {
        role,
        id: config.SECURITY_PROFILE_3_CP,
        securityProfile: 3,
        baseUrl: endpoints.wss,
        tls: { ca: tls.ca, cert: tls.clientCert, key: tls.clientKey },
      };
  }
}

export function stationFor(
  run: Pick<RunContext, 'config' | 'endpoints' | 'tls'>,
  role: StationRole,
  extras: StationExtras,
): ChargingStation {
  const { config } = run;
  return new ChargingStation({
    identity: identityOf(run, role),
    areas: STATION_AREAS,
    hardware: {
      vendorName: config.CONFIGURED_CP_VENDOR,
      model: config.CONFIGURED_CP_MODEL,
      serialNumber: `${config.BASIC_AUTH_CP}-SN`,
      firmwareVersion: '1.0.0',
      numberOfEvses: extras.numberOfEvses ?? Math.max(config.CONFIGURED_NUMBER_OF_EVSES, config.CONFIGURED_EVSE_ID),
      connectorType: config.CONFIGURED_CONNECTOR_TYPE,
      numberOfPhases: config.CONFIGURED_NUMBER_PHASES,
      nominalVoltage: config.CONFIGURED_VOLTAGE,
      organizationName: TEST_ORGANIZATION,
    },
    callTimeoutMs: config.OCPP_CALL_TIMEOUT * 1000,
    handshakeTimeoutMs: config.OCPP_CALL_TIMEOUT * 1000,
    bootClockSkewMs: config.BOOT_TIME_SKEW * 1000,
    timeScale: config.TIME_SCALE,
    sinks: extras.sinks,
    ...(extras.connections ? { connections: extras.connections } : {}),
  });
}
