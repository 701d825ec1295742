import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ReferenceCsms } from '../csms/reference-csms';
import { CSMS_TO_STATION_ACTIONS, STATION_TO_CSMS_ACTIONS } from '../kernel/ocpp/actions';
import { allHandlers } from '../csms/areas';
import type { ChargingStation } from '../support/station/core/charging-station';
import { HttpOperator } from '../kernel/operator/http-operator';
import { OperatorError } from '../kernel/operator/contract';
import { startTestCsms } from './helpers/reference-csms';
import { testStation } from './helpers/station';

/** What an operator must at least say for each action; everything else the CSMS chooses. */
const PARAMS: Record<string, Record<string, unknown>> = {
  CancelReservation: { reservationId: 7 },
  CertificateSigned: { certificateChain: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----' },
  ChangeAvailability: { operationalStatus: 'Inoperative', evse: { id: 1 } },
  ClearDisplayMessage: { id: 1 },
  ClearVariableMonitoring: { id: [1] },
  CostUpdated: { transactionId: 'tx-1', totalCost: 1.5 },
  DeleteCertificate: { certificateHashData: { hashAlgorithm: 'SHA256', issuerNameHash: 'a', issuerKeyHash: 'b', serialNumber: 'c' } },
  GetBaseReport: { reportBase: 'FullInventory' },
  GetVariables: { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] },
  InstallCertificate: { certificateType: 'CSMSRootCertificate' },
  PublishFirmware: { checksum: 'd41d8cd98f00b204e9800998ecf8427e' },
  RequestStopTransaction: { transactionId: 'tx-1' },
  SetDisplayMessage: { message: { message: { content: 'Hello' } } },
  SetMonitoringBase: { monitoringBase: 'All' },
  SetMonitoringLevel: { severity: 5 },
  SetVariableMonitoring: {
    setMonitoringData: [
      { value: 1, type: 'Delta', severity: 5, component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'AvailabilityState' } },
    ],
  },
  SetVariables: {
    setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeValue: '61' }],
  },
  TriggerMessage: { requestedMessage: 'Heartbeat' },
  UnpublishFirmware: { checksum: 'd41d8cd98f00b204e9800998ecf8427e' },
};

describe('reference CSMS operator API', () => {
  let csms: ReferenceCsms;
  let station: ChargingStation;
  before(async () => {
    csms = await startTestCsms({}, { operatorPort: 0 });
    station = testStation({ baseUrl: csms.endpoints.ws });
    await station.connect();
    await station.boot('PowerUp');
  });
  after(async () => {
    await station.shutdown();
    await csms.stop();
  });

  test('answers every CS→CSMS action of OCPP 2.0.1', () => {
    assert.deepEqual([...allHandlers().keys()].sort(), [...STATION_TO_CSMS_ACTIONS].sort());
  });

  for (const action of CSMS_TO_STATION_ACTIONS) {
    test(`reaches the station with ${action}`, async () => {
      const before = station.received().length;
      const result = await csms.perform({ action, stationId: 'CP_1', params: PARAMS[action] ?? {}, instruction: action });
      const received = station.received().slice(before);
      assert.ok(
        received.some((call) => call.action === action && call.problems.length === 0),
        `${action}: the station received ${JSON.stringify(received.map((c) => [c.action, c.problems]))}`,
      );
      assert.ok(result.response !== undefined, `${action}: no station answer returned`);
    });
  }

  test('refuses what it cannot do with the HTTP status of the contract', async () => {
    const refusal = (request: Parameters<ReferenceCsms['perform']>[0]) =>
      csms.perform(request).then(
        () => assert.fail('expected a refusal'),
        (error: { httpStatus?: number; message: string }) => error,
      );
    assert.equal((await refusal({ action: 'Reset', stationId: 'CP_404', params: {}, instruction: '' })).httpStatus, 404);
    assert.equal((await refusal({ action: 'BootNotification', stationId: 'CP_1', params: {}, instruction: '' })).httpStatus, 400);
    assert.equal((await refusal({ action: 'ConfigureNothing', stationId: 'CP_1', params: {}, instruction: '' })).httpStatus, 400);
    assert.equal((await refusal({ action: 'Reset', stationId: 'CP_2', params: {}, instruction: '' })).httpStatus, 409);
    const invalid = await refusal({ action: 'Reset', stationId: 'CP_1', params: { type: 'Sometime' }, instruction: '' });
    assert.equal(invalid.httpStatus, 422);
    assert.match(invalid.message, /type must be one of Immediate, OnIdle/);
  });

  test('the same contract over HTTP: POST /v1/actions, errors as readable text', async () => {
    const operator = new HttpOperator(csms.endpoints.operator ?? '', 2000);
    const done = await operator.perform({
      action: 'GetLocalListVersion',
      stationId: 'CP_1',
      params: {},
      instruction: 'read the list version',
    });
    assert.equal(typeof (done.response as { versionNumber?: unknown }).versionNumber, 'number');
    await assert.rejects(
      operator.perform({ action: 'Reset', stationId: 'CP_404', params: {}, instruction: '' }),
      (error: unknown) => error instanceof OperatorError && /HTTP 404: station CP_404 is not registered/.test(error.message),
    );
    const badJson = await fetch(`${csms.endpoints.operator}/v1/actions`, { method: 'POST', body: '{not json' });
    assert.equal(badJson.status, 400);
    assert.deepEqual(await badJson.json(), { error: 'the body is not valid JSON' });
    assert.equal((await fetch(`${csms.endpoints.operator}/v1/other`, { method: 'POST', body: '{}' })).status, 404);
  });
});
