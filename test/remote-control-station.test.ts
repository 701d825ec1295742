/**
 * Block F on the mock station: answers that follow from its state (remote start, unlock, trigger),
 * the message a trigger makes it owe, and a remote start carried out on the charging session model
 * against the reference CSMS.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type { ReferenceCsms } from '../csms/reference-csms';
import type {
  FirmwareStatusNotificationRequest,
  MeterValuesRequest,
  RequestStartTransactionRequest,
  TransactionEventRequest,
} from '../schemas/ocpp201-messages';
import { ChargingStation } from '../support/station/core/charging-station';
import { awaitEvConnectionTimeout, carryOutRemoteStart, remoteStartOf } from '../support/station/areas/remote-control/remote-start';
import { CAPABILITIES, REMOTE_STARTS } from '../support/station/areas/remote-control/state';
import { type SessionContext, type Where, plugIn, presentIdToken } from '../support/station/areas/transactions/session';
import { csmsWithStation, testConfig } from './helpers/reference-csms';
import { testStation } from './helpers/station';

const config = testConfig();
const VALID = { idToken: config.VALID_ID_TOKEN, type: config.VALID_ID_TOKEN_TYPE };
const HERE: Where = { evseId: 1, connectorId: 1 };

function statusOf(reply: unknown): string | undefined {
  return (reply as { status?: string }).status;
}

function remoteStart(fields: Partial<RequestStartTransactionRequest> = {}): RequestStartTransactionRequest {
  return { remoteStartId: 7, idToken: VALID, evseId: 1, ...fields };
}

describe('the station answers block F requests from its state (no connection)', () => {
  let station: ChargingStation;
  beforeEach(() => {
    station = testStation({ numberOfEvses: 2 });
  });

  test('a remote start is refused on an unknown EVSE, for a profile other than TxProfile, and while another waits on the EVSE', async () => {
    assert.equal(statusOf(await station.replyTo('RequestStartTransaction', remoteStart({ evseId: 3 }))), 'Rejected');
    const profile = {
      id: 1,
      stackLevel: 0,
      chargingProfilePurpose: 'TxDefaultProfile' as const,
      chargingProfileKind: 'Absolute' as const,
      chargingSchedule: [{ id: 1, chargingRateUnit: 'A' as const, chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] }],
    };
    assert.equal(statusOf(await station.replyTo('RequestStartTransaction', remoteStart({ chargingProfile: profile }))), 'Rejected');
    assert.deepEqual(await station.replyTo('RequestStartTransaction', remoteStart()), { status: 'Accepted' });
    assert.equal(statusOf(await station.replyTo('RequestStartTransaction', remoteStart({ remoteStartId: 8 }))), 'Rejected');
  });

  test('a remote start without evseId goes to the first free EVSE, and is refused when the station is Inoperative', async () => {
    await station.replyTo('RequestStartTransaction', remoteStart());
    assert.deepEqual(await station.replyTo('RequestStartTransaction', remoteStart({ remoteStartId: 8, evseId: undefined })), {
      status: 'Accepted',
    });
    assert.deepEqual(
      station.state(REMOTE_STARTS).map((start) => [start.remoteStartId, start.evseId]),
      [
        [7, 1],
        [8, 2],
      ],
    );
    const other = testStation();
    other.topology.operationalStatus = 'Inoperative';
    assert.equal(statusOf(await other.replyTo('RequestStartTransaction', remoteStart())), 'Rejected');
  });

  test('UnlockConnector: an unknown connector is UnknownConnector, a free one is Unlocked', async () => {
    assert.deepEqual(await station.replyTo('UnlockConnector', { evseId: 1, connectorId: 2 }), { status: 'UnknownConnector' });
    assert.deepEqual(await station.replyTo('UnlockConnector', { evseId: 1, connectorId: 1 }), { status: 'Unlocked' });
  });

  test('TriggerMessage: an unknown EVSE matters only to messages about an EVSE', async () => {
    assert.equal(statusOf(await station.replyTo('TriggerMessage', { requestedMessage: 'MeterValues', evse: { id: 9 } })), 'Rejected');
    assert.equal(statusOf(await station.replyTo('TriggerMessage', { requestedMessage: 'Heartbeat', evse: { id: 9 } })), 'Accepted');
    assert.deepEqual(
      station.owed.outstanding().map((owed) => owed.action),
      ['Heartbeat'],
    );
  });

  test('TriggerMessage: BootNotification is refused once accepted, TransactionEvent without a transaction, PublishFirmwareStatusNotification by a plain station', async () => {
    station.registration = 'Accepted';
    assert.equal(statusOf(await station.replyTo('TriggerMessage', { requestedMessage: 'BootNotification' })), 'Rejected');
    station.registration = 'Pending';
    assert.equal(statusOf(await station.replyTo('TriggerMessage', { requestedMessage: 'BootNotification' })), 'Accepted');
    assert.equal(statusOf(await station.replyTo('TriggerMessage', { requestedMessage: 'TransactionEvent' })), 'Rejected');
    assert.equal(statusOf(await station.replyTo('TriggerMessage', { requestedMessage: 'PublishFirmwareStatusNotification' })), 'Accepted');
    station.state(CAPABILITIES).localController = false;
    assert.equal(
      statusOf(await station.replyTo('TriggerMessage', { requestedMessage: 'PublishFirmwareStatusNotification' })),
      'NotImplemented',
    );
    assert.deepEqual(
      station.owed.outstanding().map((owed) => owed.action),
      ['BootNotification', 'PublishFirmwareStatusNotification'],
    );
    assert.equal((station.owed.outstanding()[0].build() as { reason: string }).reason, 'Triggered');
  });

  test('a triggered StatusNotification owes each connector of the EVSE with its NotifyEvent; MeterValues one per EVSE without evse', async () => {
    station.topology.connector(2, 1).status = 'Occupied';
    await station.replyTo('TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: 2 } });
    const [status, event] = station.owed.take();
    assert.deepEqual([status.action, event.action], ['StatusNotification', 'NotifyEvent']);
    assert.equal((status.build() as { connectorStatus: string }).connectorStatus, 'Occupied');
    await station.replyTo('TriggerMessage', { requestedMessage: 'MeterValues' });
    const meterValues = station.owed.take('MeterValues').map((owed) => owed.build() as MeterValuesRequest);
    assert.deepEqual(
      meterValues.map((request) => [request.evseId, request.meterValue[0].sampledValue[0].context]),
      [
        [1, 'Trigger'],
        [2, 'Trigger'],
      ],
    );
  });

  test('a triggered FirmwareStatusNotification is Idle without requestId, unless an update runs', async () => {
    await station.replyTo('TriggerMessage', { requestedMessage: 'FirmwareStatusNotification' });
    assert.deepEqual(station.owed.take()[0].build(), { status: 'Idle' });
    station.exchanges.push({ action: 'FirmwareStatusNotification', request: { status: 'Downloading', requestId: 4 } });
    await station.replyTo('TriggerMessage', { requestedMessage: 'FirmwareStatusNotification' });
    assert.deepEqual(station.owed.take()[0].build() as FirmwareStatusNotificationRequest, { status: 'Downloading', requestId: 4 });
    station.exchanges.push({ action: 'FirmwareStatusNotification', request: { status: 'Installed', requestId: 4 } });
    await station.replyTo('TriggerMessage', { requestedMessage: 'FirmwareStatusNotification' });
    assert.deepEqual(station.owed.take()[0].build(), { status: 'Idle' });
  });
});

describe('a remote start carried out on the charging session, against the reference CSMS', () => {
  const under = csmsWithStation({ id: config.BASIC_AUTH_CP, password: config.BASIC_AUTH_CP_PASSWORD });
  let csms: ReferenceCsms;
  let station: ChargingStation;
  let context: SessionContext;

  beforeEach(async () => {
    ({ csms, station } = under);
    context = { station, remember: () => undefined };
  });

  const events = (): TransactionEventRequest[] =>
    station.exchanges
      .filter((exchange) => exchange.action === 'TransactionEvent')
      .map((exchange) => exchange.request as TransactionEventRequest);

  test('with AuthorizeRemoteStart the station asks the CSMS first; the Started event names the idToken and the remoteStartId', async () => {
    station.deviceModel.setValue('AuthCtrlr', 'AuthorizeRemoteStart', 'true');
    await station.replyTo('RequestStartTransaction', remoteStart());
    const outcome = await carryOutRemoteStart(context, () => 1);
    assert.equal(outcome.authorize?.idTokenInfo.status, 'Accepted');
    const [started] = events();
    assert.deepEqual(
      [started.eventType, started.triggerReason, started.transactionInfo.remoteStartId, started.idToken?.idToken],
      ['Started', 'RemoteStart', 7, VALID.idToken],
    );
    assert.equal(remoteStartOf(station, started.transactionInfo.transactionId)?.remoteStartId, 7);
    await assert.rejects(
      carryOutRemoteStart(context, () => 1),
      /accepted no RequestStartTransactionRequest/,
    );
  });

  test('a token the CSMS does not accept drops the remote start: no transaction', async () => {
    station.deviceModel.setValue('AuthCtrlr', 'AuthorizeRemoteStart', 'true');
    await station.replyTo(
      'RequestStartTransaction',
      remoteStart({ idToken: { idToken: config.BLOCKED_ID_TOKEN, type: config.BLOCKED_ID_TOKEN_TYPE } }),
    );
    const outcome = await carryOutRemoteStart(context, () => 1);
    assert.equal(outcome.accepted, false);
    assert.deepEqual(events(), []);
  });

  test('cable plugged in first: the answer names the running transaction, the RemoteStart event updates it; the EVSE is then locked', async () => {
    station.deviceModel.setValue('AuthCtrlr', 'AuthorizeRemoteStart', 'false');
    await plugIn(context, HERE);
    const running = station.transactions.onEvse(1);
    assert.ok(running);
    assert.deepEqual(await station.replyTo('RequestStartTransaction', remoteStart()), { status: 'Accepted', transactionId: running.id });
    assert.deepEqual(await station.replyTo('UnlockConnector', { evseId: 1, connectorId: 1 }), { status: 'Unlocked' });
    await carryOutRemoteStart(context, () => 1);
    const update = events().at(-1);
    assert.deepEqual(
      [update?.eventType, update?.triggerReason, update?.transactionInfo.transactionId],
      ['Updated', 'RemoteStart', running.id],
    );
    assert.deepEqual(await station.replyTo('UnlockConnector', { evseId: 1, connectorId: 1 }), { status: 'OngoingAuthorizedTransaction' });
    assert.equal(statusOf(await station.replyTo('RequestStartTransaction', remoteStart({ remoteStartId: 9 }))), 'Rejected');
  });

  test('the EV connection timeout runs on the station clock from the remote authorization and ends the transaction', async () => {
    await station.shutdown();
    // 1 s of EVConnectionTimeOut lasts 1 ms at this scale: the clock, not the test, decides when it ends.
    station = testStation({
      id: config.BASIC_AUTH_CP,
      baseUrl: csms.endpoints.ws,
      password: config.BASIC_AUTH_CP_PASSWORD,
      timeScale: 0.001,
    });
    context = { station, remember: () => undefined };
    await station.connect();
    await station.boot('PowerUp');
    station.deviceModel.setValue('AuthCtrlr', 'AuthorizeRemoteStart', 'false');
    station.deviceModel.setValue('TxCtrlr', 'EVConnectionTimeOut', '1');
    await assert.rejects(awaitEvConnectionTimeout(context, HERE), /no remote start authorized EVSE 1/);
    await station.replyTo('RequestStartTransaction', remoteStart());
    const { start } = await carryOutRemoteStart(context, () => 1);
    const deadline = start.evConnectionDeadline;
    assert.ok(deadline);
    await awaitEvConnectionTimeout(context, HERE);
    const ended = events().at(-1);
    assert.deepEqual(
      [ended?.eventType, ended?.triggerReason, ended?.transactionInfo.stoppedReason, ended?.seqNo],
      ['Ended', 'EVConnectTimeout', 'Timeout', 1],
    );
    assert.ok(Date.parse(ended?.timestamp ?? '') >= deadline.getTime() - 1);
  });

  test('a triggered TransactionEvent reports the running transaction with its chargingState and the next seqNo', async () => {
    await presentIdToken(context, HERE, VALID);
    assert.equal(statusOf(await station.replyTo('TriggerMessage', { requestedMessage: 'TransactionEvent', evse: { id: 1 } })), 'Accepted');
    await plugIn(context, HERE);
    await station.sendOwed('TransactionEvent');
    const triggered = events().at(-1);
    assert.deepEqual(
      [
        triggered?.triggerReason,
        triggered?.seqNo,
        triggered?.transactionInfo.chargingState,
        triggered?.meterValue?.[0].sampledValue[0].context,
      ],
      ['Trigger', 2, 'EVConnected', 'Trigger'],
    );
  });
});
