/**
 * The reference CSMS for block F, driven through the operator contract: it keeps each remote start
 * it sends, learns the station's answer and which transaction the start became.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type { ReferenceCsms } from '../csms/reference-csms';
import type { RequestStartTransactionRequest } from '../schemas/ocpp201-messages';
import { ChargingStation } from '../support/station/core/charging-station';
import { carryOutRemoteStart } from '../support/station/areas/remote-control/remote-start';
import { plugIn } from '../support/station/areas/transactions/session';
import { csmsWithStation, testConfig } from './helpers/reference-csms';

const config = testConfig();

describe('reference CSMS, block F', () => {
  const under = csmsWithStation({ id: config.BASIC_AUTH_CP, password: config.BASIC_AUTH_CP_PASSWORD });
  let csms: ReferenceCsms;
  let station: ChargingStation;
  beforeEach(() => {
    ({ csms, station } = under);
  });

  test('a remote start gets a fresh remoteStartId and the configured idToken, and becomes the transaction the station names', async () => {
    station.deviceModel.setValue('AuthCtrlr', 'AuthorizeRemoteStart', 'false');
    const arrived = station.waitForCall('RequestStartTransaction', 2000);
    assert.deepEqual(await under.ask('RequestStartTransaction', { evseId: 1 }), { status: 'Accepted' });
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
    await under.ask('RequestStartTransaction', { evseId: 1 });
    assert.equal(csms.store.remoteStarts[0]?.transactionId, running?.id);
    const second = (await under.ask('RequestStartTransaction', { evseId: 1 })) as { status: string };
    assert.equal(second.status, 'Rejected');
    assert.equal(csms.store.remoteStarts[1]?.status, 'Rejected');
    assert.notEqual(csms.store.remoteStarts[1]?.remoteStartId, csms.store.remoteStarts[0]?.remoteStartId);
  });
});
