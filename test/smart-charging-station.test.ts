import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ChargingProfileType } from '../schemas/ocpp201-messages';
import { OcppCallError } from '../kernel/ocpp/errors';
import { applyExternalLimit, releaseExternalLimits } from '../support/station/areas/smart-charging/external-limits';
import { evStatesNeeds, planEvAnswers } from '../support/station/areas/smart-charging/iso15118';
import { adoptRemoteStartProfile } from '../support/station/areas/smart-charging/remote-start';
import { CHARGING_PROFILES } from '../support/station/areas/smart-charging/state';
import { sessionOf } from '../support/station/areas/transactions/session';
import type { ChargingStation } from '../support/station/core/charging-station';
import { testStation } from './helpers/station';

const txDefault = (id: number, limit = 6, stackLevel = 1): ChargingProfileType => ({
  id,
  stackLevel,
  chargingProfilePurpose: 'TxDefaultProfile',
  chargingProfileKind: 'Absolute',
  chargingSchedule: [
    { id, startSchedule: new Date().toISOString(), chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit }] },
  ],
});

const txProfile = (id: number, transactionId: string, limit: number): ChargingProfileType => ({
  id,
  stackLevel: 1,
  chargingProfilePurpose: 'TxProfile',
  chargingProfileKind: 'Relative',
  transactionId,
  chargingSchedule: [{ id, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit }] }],
});

/** A transaction charging on EVSE 1, as the reusable states leave it. */
function charging(station: ChargingStation): string {
  const transaction = station.transactions.open(1, 1);
  const session = sessionOf(station, 1);
  session.evConnected = true;
  session.chargingState = 'Charging';
  return transaction.id;
}

describe('smart charging station area', () => {
  test('a station without smart charging answers SetChargingProfile with a CALLERROR NotSupported', async () => {
    const station = testStation();
    station.deviceModel.setValue('SmartChargingCtrlr', 'Available', 'false');
    const reply = await station.replyTo('SetChargingProfile', { evseId: 1, chargingProfile: txDefault(1) });
    assert.ok(reply instanceof OcppCallError);
    assert.equal(reply.code, 'NotSupported');
  });

  test('installs, counts its entries and rejects a TxProfile without a transaction (TxNotFound)', async () => {
    const station = testStation();
    assert.deepEqual(await station.replyTo('SetChargingProfile', { evseId: 1, chargingProfile: txDefault(1) }), { status: 'Accepted' });
    assert.equal(station.deviceModel.value('SmartChargingCtrlr', 'Entries', 'ChargingProfiles'), '1');
    const reply = (await station.replyTo('SetChargingProfile', { evseId: 1, chargingProfile: txProfile(2, 'none', 7) })) as {
      status: string;
      statusInfo?: { reasonCode: string };
    };
    assert.equal(reply.status, 'Rejected');
    assert.equal(reply.statusInfo?.reasonCode, 'TxNotFound');
  });

  test('GetChargingProfiles owes one report per EVSE, tbc on all but the last, filtered as asked', async () => {
    const station = testStation();
    await station.replyTo('SetChargingProfile', { evseId: 0, chargingProfile: txDefault(1, 6, 1) });
    await station.replyTo('SetChargingProfile', { evseId: 1, chargingProfile: txDefault(2, 6, 2) });
    assert.deepEqual(await station.replyTo('GetChargingProfiles', { requestId: 7, chargingProfile: { stackLevel: 3 } }), {
      status: 'NoProfiles',
    });
    assert.deepEqual(
      await station.replyTo('GetChargingProfiles', { requestId: 8, chargingProfile: { chargingProfilePurpose: 'TxDefaultProfile' } }),
      { status: 'Accepted' },
    );
    const reports = station.owed.take('ReportChargingProfiles').map((owed) => owed.build() as Record<string, unknown>);
    assert.deepEqual(
      reports.map((report) => [report.requestId, report.evseId, report.tbc]),
      [
        [8, 0, true],
        [8, 1, undefined],
      ],
    );
  });

  test('ClearChargingProfile answers Unknown when nothing matches and Accepted when it removed a profile', async () => {
    const station = testStation();
    assert.deepEqual(await station.replyTo('ClearChargingProfile', { chargingProfileId: 5 }), { status: 'Unknown' });
    await station.replyTo('SetChargingProfile', { evseId: 1, chargingProfile: txDefault(5) });
    assert.deepEqual(await station.replyTo('ClearChargingProfile', { chargingProfileId: 5 }), { status: 'Accepted' });
  });

  test('the composite schedule of an EVSE and of the station keeps to a ChargingStationMaxProfile, in W with the voltage and phases', async () => {
    const station = testStation();
    const max: ChargingProfileType = { ...txDefault(1, 10), chargingProfilePurpose: 'ChargingStationMaxProfile' };
    await station.replyTo('SetChargingProfile', { evseId: 0, chargingProfile: max });
    for (const evseId of [0, 1]) {
      const reply = (await station.replyTo('GetCompositeSchedule', { evseId, duration: 300, chargingRateUnit: 'W' })) as {
        schedule: { evseId: number; duration: number; chargingSchedulePeriod: Array<{ limit: number }> };
      };
      assert.equal(reply.schedule.evseId, evseId);
      assert.equal(reply.schedule.duration, 300);
      assert.equal(reply.schedule.chargingSchedulePeriod[0].limit, 10 * 230 * 3);
    }
  });

  test('without profiles the composite is the EVSE maximum (EVSE.Power MaxSet)', async () => {
    const reply = (await testStation().replyTo('GetCompositeSchedule', { evseId: 1, duration: 60, chargingRateUnit: 'W' })) as {
      schedule: { chargingSchedulePeriod: Array<{ limit: number }> };
    };
    assert.equal(reply.schedule.chargingSchedulePeriod[0].limit, 22000);
  });

  test('a released external limit that raises the rate of a charging transaction makes it owe ChargingRateChanged', () => {
    const station = testStation();
    applyExternalLimit(station, 'EMS', 0, 16, 'A');
    const transactionId = charging(station);
    assert.deepEqual(releaseExternalLimits(station, 'EMS'), { chargingLimitSource: 'EMS' });
    const [owed] = station.owed.take('TransactionEvent');
    assert.ok(owed, 'a TransactionEvent is owed');
    const event = owed.build() as { triggerReason: string; transactionInfo: { transactionId: string } };
    assert.equal(event.triggerReason, 'ChargingRateChanged');
    assert.equal(event.transactionInfo.transactionId, transactionId);
  });

  test('a change below LimitChangeSignificance owes nothing', () => {
    const station = testStation();
    const transactionId = charging(station);
    const store = station.state(CHARGING_PROFILES);
    store.install(1, txProfile(1, transactionId, 16), { hasEvse: () => true, transactionOn: () => ({ id: transactionId }) });
    station.owed.take();
    applyExternalLimit(station, 'EMS', 1, 15.5, 'A');
    assert.equal(station.owed.take('TransactionEvent').length, 0);
  });

  test('an ISO 15118 EV that asks twice its limits, then adopts the renegotiated schedule', async () => {
    const station = testStation();
    const transactionId = charging(station);
    evStatesNeeds(station, { evseId: 1, maxScheduleTuples: 10, chargingNeeds: { requestedEnergyTransfer: 'AC_three_phase' } });
    planEvAnswers(station, 1, ['exceed']);
    await station.replyTo('SetChargingProfile', { evseId: 1, chargingProfile: txProfile(1, transactionId, 6) });
    const [first] = station.owed.take('NotifyEVChargingSchedule');
    assert.equal(
      (first.build() as { chargingSchedule: { chargingSchedulePeriod: Array<{ limit: number }> } }).chargingSchedule
        .chargingSchedulePeriod[0].limit,
      12,
    );
    await station.replyTo('SetChargingProfile', { evseId: 1, chargingProfile: txProfile(1, transactionId, 12) });
    const [second] = station.owed.take('NotifyEVChargingSchedule');
    assert.equal(
      (second.build() as { chargingSchedule: { chargingSchedulePeriod: Array<{ limit: number }> } }).chargingSchedule
        .chargingSchedulePeriod[0].limit,
      12,
    );
  });

  test('the profile of a remote start becomes the TxProfile of its transaction, with the transactionId filled in', () => {
    const station = testStation();
    const transaction = station.transactions.open(1, 1);
    const profile = txProfile(37, 'ignored', 16);
    delete profile.transactionId;
    assert.deepEqual(adoptRemoteStartProfile(station, transaction, profile), { status: 'Accepted' });
    const held = station
      .state(CHARGING_PROFILES)
      .all()
      .find((entry) => entry.profile.id === 37);
    assert.equal(held?.profile.transactionId, transaction.id);
  });
});
