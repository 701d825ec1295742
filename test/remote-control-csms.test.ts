/**
 * The reference CSMS for block F, driven through the operator contract: it keeps each remote start
 * it sends, learns the station's answer and which transaction the start became.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import type { ReferenceCsms } from '../csms/reference-csms';
import type { RequestStartTransactionRequest } from '../schemas/ocpp201-messages';
import { ChargingStation } from '../support/station/core/charging-station';
import { carryOutRemoteStart } from '../support/station/areas/remote-control/remote-start';
import { plugIn } from '../support/station/areas/transactions/session';
import { startTestCsms, testConfig } from './helpers/reference-csms';
import { testStation } from './helpers/station';

const config = testConfig();

function ask(csms: ReferenceCsms, action: string, params: Record<string, unknown>): Promise<unknown> {
  return csms.perform({ action, stationId: config.BASIC_AUTH_CP, params, instruction: action }).then((result) => result.response);
}

describe('reference CSMS, block F', () => {
  let csms: ReferenceCsms;
  let station: ChargingStation;
  before(async () => {
    csms = await startTestCsms();
  });
  after(async () => {
    await csms.stop();
  });
  beforeEach(async () => {
    await csms.reset();
    station = testStation({ id: config.BASIC_AUTH_CP, baseUrl: csms.endpoints.ws, password: config.BASIC_AUTH_CP_PASSWORD });
    await station.connect();
    await station.boot('PowerUp');
  });
  afterEach(async () => {
    await station.shutdown();
  });

  test('a remote start gets a fresh remoteStartId and the configured idToken, and becomes the transaction the station names', async () => {
    station.deviceModel.setValue('AuthCtrlr', 'AuthorizeRemoteStart', 'false');
    const arrived = station.waitForCall('RequestStartTransaction', 2000);
    assert.deepEqual(await ask(csms, 'RequestStartTransaction', { evseId: 1 }), { status: 'Accepted' });
    const request = (await arrived).payload as RequestStartTransactionRequest;
    assert.deepEqual(request.idToken, { idToken: config.VALID_ID_TOKEN, type: config.VALID_ID_TOKEN_TYPE });
    assert.equal(csms.store.remoteStarts[0]?.status, 'Accepted');
    assert.equal(csms.store.remoteStarts[0]?.transactionId, undefined);
    const outcome = await carryOutRemoteStart({ station, remember: () => undefined }, () => 1);
    assert.equal(csms.store.remoteStarts[0]?.transactionId, outcome.event?.transaction.id);
    assert.equal(csms.store.remoteStarts[0]?.remoteStartId, request.remoteStartId);
  });

  test('with the cable plugged in first it learns the running transaction from the answer', async () => {
    await plugIn({ station, remember: () => undefined }, { evseId: 1, connectorId: 1 });
    const running = station.transactions.onEvse(1);
    await ask(csms, 'RequestStartTransaction', { evseId: 1 });
    assert.equal(csms.store.remoteStarts[0]?.transactionId, running?.id);
    const second = (await ask(csms, 'RequestStartTransaction', { evseId: 1 })) as { status: string };
    assert.equal(second.status, 'Rejected');
    assert.equal(csms.store.remoteStarts[1]?.status, 'Rejected');
    assert.notEqual(csms.store.remoteStarts[1]?.remoteStartId, csms.store.remoteStarts[0]?.remoteStartId);
  });
});
