import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type { HandlerContext } from '../csms/handler-context';
import { eventsInOrder, missingSeqNos, handlers } from '../csms/areas/transactions/handlers';
import type { StationSession } from '../csms/station-session';
import { CsmsStore, type StationRecord } from '../csms/store';
import type { TransactionEventRequest, TransactionEventResponse } from '../schemas/ocpp201-messages';
import { testConfig } from './helpers/reference-csms';

const config = testConfig();
const VALID = { idToken: config.VALID_ID_TOKEN, type: config.VALID_ID_TOKEN_TYPE };

describe('the reference CSMS keeps transactions', () => {
  let store: CsmsStore;
  let context: HandlerContext;
  let notes: string[];

  beforeEach(() => {
    store = new CsmsStore(config);
    notes = [];
    const session = { connection: { note: (text: string) => notes.push(text) } } as unknown as StationSession;
    context = { store, config, station: store.station(config.BASIC_AUTH_CP) as StationRecord, session };
  });

  async function send(
    fields: Partial<TransactionEventRequest> & { seqNo: number },
    transactionId = 'tx-1',
  ): Promise<TransactionEventResponse> {
    const handler = handlers.TransactionEvent;
    assert.ok(handler);
    return handler(
      {
        eventType: 'Updated',
        triggerReason: 'ChargingStateChanged',
        timestamp: new Date().toISOString(),
        ...fields,
        transactionInfo: { transactionId, ...fields.transactionInfo },
      },
      context,
    );
  }

  test('an event with an idToken gets the verdict on it; one without gets none', async () => {
    const started = await send({
      eventType: 'Started',
      triggerReason: 'Authorized',
      seqNo: 0,
      idToken: VALID,
      evse: { id: 1, connectorId: 1 },
    });
    assert.equal(started.idTokenInfo?.status, 'Accepted');
    assert.equal(started.idTokenInfo?.groupIdToken?.idToken, config.GROUP_ID);
    assert.deepEqual(await send({ seqNo: 1 }), {});
    const record = store.transactions.get('tx-1');
    assert.equal(record?.evseId, 1);
    assert.ok(record?.startedAt);
  });

  test('an unknown idToken is answered Unknown, also when it first appears in a Started event', async () => {
    const started = await send({
      eventType: 'Started',
      triggerReason: 'Authorized',
      seqNo: 0,
      idToken: { idToken: config.INVALID_ID_TOKEN, type: config.INVALID_ID_TOKEN_TYPE },
    });
    assert.equal(started.idTokenInfo?.status, 'Unknown');
  });

  test('when the transaction idToken loses its validity mid-transaction, the next event hears it once', async () => {
    await send({ eventType: 'Started', triggerReason: 'Authorized', seqNo: 0, idToken: VALID });
    store.putToken({ idToken: VALID.idToken, type: VALID.type, status: 'Blocked' });
    assert.equal((await send({ seqNo: 1 })).idTokenInfo?.status, 'Blocked');
    assert.deepEqual(await send({ seqNo: 2 }), {}, 'told once, not on every event');
    const record = store.transactions.get('tx-1');
    assert.ok(record);
    assert.deepEqual(record.verdicts, [
      { seqNo: 0, status: 'Accepted' },
      { seqNo: 1, status: 'Blocked' },
    ]);
  });

  test('a token that expires during the transaction is reported Expired', async () => {
    store.putToken({ idToken: 'SOON', type: 'Central', status: 'Accepted', expiresAt: new Date(Date.now() + 50).toISOString() });
    await send({ eventType: 'Started', triggerReason: 'Authorized', seqNo: 0, idToken: { idToken: 'SOON', type: 'Central' } });
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal((await send({ seqNo: 1 })).idTokenInfo?.status, 'Expired');
  });

  test('a stop by another token is judged for that token without replacing the transaction idToken', async () => {
    await send({ eventType: 'Started', triggerReason: 'Authorized', seqNo: 0, idToken: VALID });
    const second = { idToken: config.VALID_ID_TOKEN_2, type: config.VALID_ID_TOKEN_TYPE_2 };
    const stop = await send({ eventType: 'Ended', triggerReason: 'StopAuthorized', seqNo: 1, idToken: second });
    assert.equal(stop.idTokenInfo?.status, 'Accepted');
    assert.deepEqual(store.transactions.get('tx-1')?.idToken, VALID);
  });

  test('offline events, seqNo gaps and duplicates are kept; events read in seqNo order', async () => {
    await send({ eventType: 'Started', triggerReason: 'Authorized', seqNo: 0, idToken: VALID });
    await send({ eventType: 'Ended', triggerReason: 'EVCommunicationLost', seqNo: 3, offline: true });
    const record = store.transactions.get('tx-1');
    assert.ok(record);
    assert.deepEqual(missingSeqNos(record), [1, 2]);
    assert.match(notes.join('\n'), /seqNo 1, 2 not received/);
    await send({ seqNo: 2, offline: true });
    await send({ seqNo: 1, offline: true });
    await send({ seqNo: 1, offline: true });
    assert.deepEqual(missingSeqNos(record), []);
    assert.deepEqual(record.duplicateSeqNos, [1]);
    assert.equal(record.offlineEvents, 4);
    assert.deepEqual(
      eventsInOrder(record).map((event) => event.seqNo),
      [0, 1, 1, 2, 3],
    );
    assert.ok(record.endedAt);
  });

  test('an Ended event of a transaction the CSMS never saw start is accepted and recorded', async () => {
    // Its final cost (I03.FR.02) is that of no energy reported: 0.
    assert.deepEqual(await send({ eventType: 'Ended', triggerReason: 'EVDeparted', seqNo: 7 }, 'never-seen'), { totalCost: 0 });
    assert.ok(store.transactions.get('never-seen')?.endedAt);
  });

  test('the energy register of the meter values is followed', async () => {
    const reading = (value: number, unit: string) => [
      { timestamp: new Date().toISOString(), sampledValue: [{ value, unitOfMeasure: { unit } }] },
    ];
    await send({ eventType: 'Started', triggerReason: 'Authorized', seqNo: 0, meterValue: reading(1000, 'Wh') });
    await send({ seqNo: 1, meterValue: reading(1.5, 'kWh') });
    const record = store.transactions.get('tx-1');
    assert.equal(record?.firstEnergyWh, 1000);
    assert.equal(record?.lastEnergyWh, 1500);
  });
});
