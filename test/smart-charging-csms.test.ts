import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, test } from 'node:test';
import { loadConfig } from '../kernel/config';
import { CsmsStore } from '../csms/store';
import { overlay, profileFromParams } from '../csms/areas/smart-charging/profiles';
import { runningTransaction, viewOf } from '../csms/areas/smart-charging/state';

const emptyEnv = join(mkdtempSync(join(tmpdir(), 'octt-k-')), 'empty.env');
writeFileSync(emptyEnv, '');
const config = loadConfig({ env: {}, envFile: emptyEnv });

function fixture() {
  const store = new CsmsStore(config);
  const station = store.station(config.BASIC_AUTH_CP);
  if (!station) throw new Error('the seed has no basic station');
  return { store, station };
}

describe('reference CSMS smart charging', () => {
  test('overlay merges lists element by element, so a table can set one period limit', () => {
    const base = { list: [{ a: 1, b: 2 }, { a: 3 }] };
    assert.deepEqual(overlay(base, { list: [{ b: 5 }] }), { list: [{ a: 1, b: 5 }, { a: 3 }] });
  });

  test('a TxDefaultProfile from operator params: configured stackLevel, unit and duration, valid from now for that duration', () => {
    const { store, station } = fixture();
    const request = profileFromParams(
      { chargingProfile: { chargingProfilePurpose: 'TxDefaultProfile', chargingSchedule: [{ chargingSchedulePeriod: [{ limit: 6 }] }] } },
      store,
      station,
      config,
    );
    const profile = request.chargingProfile;
    assert.equal(request.evseId, config.CONFIGURED_EVSE_ID);
    assert.equal(profile.stackLevel, config.CONFIGURED_STACK_LEVEL);
    assert.equal(profile.chargingSchedule[0].chargingRateUnit, config.CONFIGURED_CHARGING_RATE_UNIT);
    assert.equal(profile.chargingSchedule[0].duration, config.CONFIGURED_CHARGING_SCHEDULE_DURATION);
    assert.equal(profile.chargingSchedule[0].chargingSchedulePeriod[0].limit, 6);
    assert.equal(
      Date.parse(profile.validTo ?? '') - Date.parse(profile.validFrom ?? ''),
      config.CONFIGURED_CHARGING_SCHEDULE_DURATION * 1000,
    );
  });

  test('a Relative TxProfile has no startSchedule and replaces the TxProfile the CSMS set for the same transaction', () => {
    const { store, station } = fixture();
    store.transactions.set('T1', {
      stationId: station.id,
      transactionId: 'T1',
      evseId: 1,
      events: [],
      seqNos: [],
      offlineEvents: 0,
      duplicateSeqNos: [],
      verdicts: [],
    });
    assert.equal(runningTransaction(store, station, 1)?.transactionId, 'T1');
    const first = profileFromParams({ chargingProfile: { chargingProfilePurpose: 'TxProfile' } }, store, station, config);
    assert.equal(first.chargingProfile.transactionId, 'T1');
    assert.equal(first.chargingProfile.chargingSchedule[0].startSchedule, undefined);
    viewOf(station).profiles.install(first.evseId, first.chargingProfile, { hasEvse: () => true, transactionOn: () => ({ id: 'T1' }) });
    const second = profileFromParams({ chargingProfile: { chargingProfilePurpose: 'TxProfile' } }, store, station, config);
    assert.equal(second.chargingProfile.id, first.chargingProfile.id);
  });
});
