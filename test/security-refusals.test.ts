/**
 * Every refusal check of block A against the reference CSMS twice: as the specification has it
 * (the check passes) and with that one admission rule switched off (the check must fail). A check
 * that passed against both would test nothing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import type { AdmissionRules } from '../csms/connection-auth';
import { ReferenceCsms } from '../csms/reference-csms';
import { PKI_DIR } from '../kernel/tls/test-pki';
import { STATION_AREAS } from '../support/station/areas';
import { ChargingStation, type StationIdentity } from '../support/station/core/charging-station';
import {
  type AttemptOutcome,
  type AttemptSpec,
  attemptConnection,
  closeProbe,
  expectAccepted,
  expectHttpRefusal,
  expectNoUsableConnection,
  expectTlsAbort,
} from '../support/station/areas/security/attempts';
import {
  type NetworkState,
  type StationEnvironment,
  activateHighestPriorityProfile,
  networkStateOf,
} from '../support/station/areas/security/network';
import { LEGACY_TLS_CLIENT } from '../kernel/tls/cipher-suites';
import { type TestPki, ensureTestPki } from '../kernel/tls/test-pki';
import { testConfig } from './helpers/reference-csms';

const PASSWORD = '0123456789123456';
const config = testConfig();
const STATION_ID = config.BASIC_AUTH_CP;

interface Rig {
  csms: ReferenceCsms;
  environment: StationEnvironment;
  stations: ChargingStation[];
}

async function startRig(pki: TestPki, admission: Partial<AdmissionRules> = {}): Promise<Rig> {
  const csms = await ReferenceCsms.start({ config, pki, host: '127.0.0.1', wsPort: 0, wssPort: 0, callTimeoutMs: 2000, admission });
  const read = (path: string): string => readFileSync(path, 'utf8');
  return {
    csms,
    stations: [],
    environment: {
      wsUrl: csms.endpoints.ws,
      wssUrl: csms.endpoints.wss,
      csmsRootCa: read(pki.caCert),
      clientCert: read(pki.clientCert),
      clientKey: read(pki.clientKey),
      invalidClientCert: read(pki.invalidClientCert),
      invalidClientKey: read(pki.invalidClientKey),
    },
  };
}

function station(rig: Rig, profile: 1 | 2 | 3): { station: ChargingStation; state: NetworkState } {
  const { environment } = rig;
  const identity: StationIdentity =
    profile === 1
      ? { role: 'basic', id: STATION_ID, securityProfile: 1, baseUrl: environment.wsUrl, password: PASSWORD }
      : profile === 2
        ? {
            role: 'sp2',
            id: STATION_ID,
            securityProfile: 2,
            baseUrl: environment.wssUrl,
            password: PASSWORD,
            tls: { ca: environment.csmsRootCa },
          }
        : {
            role: 'sp3',
            id: STATION_ID,
            securityProfile: 3,
            baseUrl: environment.wssUrl,
            tls: { ca: environment.csmsRootCa, cert: environment.clientCert, key: environment.clientKey },
          };
  const created = new ChargingStation({
    areas: STATION_AREAS,
    identity,
    hardware: { vendorName: 'Test', model: 'Test', numberOfEvses: 1, connectorType: 'cType2', numberOfPhases: 3, organizationName: 'Test' },
    callTimeoutMs: 2000,
    handshakeTimeoutMs: 2000,
    sinks: [],
  });
  rig.stations.push(created);
  return { station: created, state: networkStateOf(created, environment) };
}

async function attempt(rig: Rig, profile: 1 | 2 | 3, spec: AttemptSpec): Promise<{ outcome: AttemptOutcome; station: ChargingStation }> {
  const made = station(rig, profile);
  return { outcome: await attemptConnection(made.station, made.state, spec, 2000), station: made.station };
}

async function stopRig(rig: Rig): Promise<void> {
  await Promise.all(rig.stations.map((entry) => entry.shutdown()));
  await rig.csms.stop();
}

/** Runs `scenario` against the specification's CSMS (must pass) and the flipped one (must fail). */
async function bothWays(pki: TestPki, flip: Partial<AdmissionRules>, scenario: (rig: Rig) => Promise<void>): Promise<void> {
  const correct = await startRig(pki);
  try {
    await scenario(correct);
  } finally {
    await stopRig(correct);
  }
  const wrong = await startRig(pki, flip);
  try {
    await assert.rejects(() => scenario(wrong), `the check must fail against a CSMS with ${JSON.stringify(flip)}`);
  } finally {
    await stopRig(wrong);
  }
}

describe('block A refusal checks fail against a CSMS that wrongly accepts', () => {
  let pki: TestPki;
  before(async () => {
    pki = await ensureTestPki(PKI_DIR, STATION_ID);
  });

  test('TC_A_02: a username that is not the station id', () =>
    bothWays(pki, { usernameIsStationId: false }, async (rig) => {
      const { outcome } = await attempt(rig, 1, { username: `${STATION_ID}wrong`, password: PASSWORD });
      expectHttpRefusal(outcome, 401);
    }));

  test('TC_A_03: no Authorization header', () =>
    bothWays(pki, { requireAuthorization: false }, async (rig) => {
      const { outcome } = await attempt(rig, 1, { omitAuthorization: true });
      expectHttpRefusal(outcome, 401);
    }));

  test('TC_A_03: a wrong password', () =>
    bothWays(pki, { verifyPassword: false }, async (rig) => {
      const { outcome } = await attempt(rig, 1, { password: 'a-wrong-password-1234' });
      expectHttpRefusal(outcome, 401);
    }));

  test('TC_A_06: TLS 1.1 (and the attempt really offers TLS 1.1: the permissive CSMS completes it)', async () => {
    const spec: AttemptSpec = { password: PASSWORD, tls: { ...LEGACY_TLS_CLIENT, maxVersion: 'TLSv1.1', verifyServer: false } };
    await bothWays(pki, { minTlsVersion: 'TLSv1' }, async (rig) => {
      const { outcome } = await attempt(rig, 2, spec);
      expectTlsAbort(outcome);
    });
    const permissive = await startRig(pki, { minTlsVersion: 'TLSv1' });
    try {
      const { outcome } = await attempt(permissive, 2, spec);
      expectAccepted(outcome);
      assert.equal(outcome.handshake?.protocol, 'TLSv1.1');
    } finally {
      await stopRig(permissive);
    }
  });

  test('TC_A_06: a refusal that never reached the CSMS does not count', async () => {
    const rig = await startRig(pki);
    const closedPort = new URL(rig.environment.wssUrl);
    await stopRig(rig);
    const made = station({ ...rig, stations: [] }, 2);
    made.state.environment = { ...made.state.environment, wssUrl: `wss://localhost:${closedPort.port}` };
    made.state.baseUrl = made.state.environment.wssUrl;
    const outcome = await attemptConnection(made.station, made.state, { password: PASSWORD }, 2000);
    assert.throws(() => expectTlsAbort(outcome), /did not reach the CSMS/);
    await assert.rejects(() => expectNoUsableConnection(made.station, outcome), /did not reach the CSMS/);
  });

  test('TC_A_08: a client certificate from a CA the CSMS does not know', () =>
    bothWays(pki, { verifyClientCertificate: false }, async (rig) => {
      const { outcome, station: made } = await attempt(rig, 3, {
        clientCertificate: { cert: rig.environment.invalidClientCert ?? '', key: rig.environment.invalidClientKey ?? '' },
      });
      await expectNoUsableConnection(made, outcome);
    }));

  test('TC_A_09: the old password after the station accepted a new one', () =>
    bothWays(pki, { verifyPassword: false }, async (rig) => {
      const { station: made, outcome } = await attempt(rig, 1, {});
      expectAccepted(outcome);
      const newPassword = 'new_password_12345678';
      await rig.csms.perform({
        action: 'SetVariables',
        stationId: STATION_ID,
        params: {
          setVariableData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, attributeValue: newPassword }],
        },
        instruction: 'set a new password',
      });
      assert.equal(made.currentPassword, newPassword);
      await made.disconnect();
      const state = networkStateOf(made);
      expectAccepted(await attemptConnection(made, state, { password: newPassword }, 2000));
      const old = await attemptConnection(made, state, { password: PASSWORD }, 2000);
      await closeProbe(old);
      expectHttpRefusal(old, 401);
    }));

  test('TC_A_19: the old security profile after the station connected with the upgraded one', () =>
    bothWays(pki, { refuseDowngrade: false }, async (rig) => {
      const { station: made, outcome } = await attempt(rig, 1, {});
      expectAccepted(outcome);
      await made.boot('PowerUp');
      const ask = (action: string, params: Record<string, unknown>) =>
        rig.csms.perform({ action, stationId: STATION_ID, params, instruction: action });
      await ask('SetNetworkProfile', { configurationSlot: 1, connectionData: { securityProfile: 2 } });
      await ask('SetVariables', {
        setVariableData: [
          { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' }, attributeValue: '1' },
        ],
      });
      await made.disconnect();
      const state = networkStateOf(made);
      activateHighestPriorityProfile(made, state);
      expectAccepted(await attemptConnection(made, state, {}, 2000));
      await made.disconnect();
      const old = await attemptConnection(made, state, { securityProfile: 1 }, 2000);
      await expectNoUsableConnection(made, old);
    }));
});
