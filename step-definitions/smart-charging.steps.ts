import { type DataTable, Given, Then, When } from '@cucumber/cucumber';
import type {
  ChargingProfileType,
  ChargingSchedulePeriodType,
  NotifyEVChargingNeedsRequest,
  RequestStartTransactionRequest,
} from '../schemas/ocpp201-messages';
import type { RpcErrorCode } from '../kernel/ocpp/errors';
import { applyExternalLimit, releaseExternalLimits } from '../support/station/areas/smart-charging/external-limits';
import { holdProfile } from '../support/station/areas/smart-charging/held-profiles';
import { evStatesNeeds, forwardEvSchedules, planEvAnswers } from '../support/station/areas/smart-charging/iso15118';
import { CHARGING_PROFILES } from '../support/station/areas/smart-charging/state';
import { describeExchanges, latestStep, recordStep, sentInLatestStep } from '../support/station/step-record';
import { type FieldFailure, ValidationError, checkFields } from '../support/validation/field-checks';
import { valueAt } from '../support/validation/paths';
import { resolveValue, show } from '../support/validation/values';
import type { OcttWorld } from '../support/world';
import { payloadFrom } from './tables';

// ---------------------------------------------------------------------------------------------
// How the station is set up

Given('the charging station does not support smart charging', function (this: OcttWorld) {
  const { deviceModel } = this.station();
  deviceModel.setValue('SmartChargingCtrlr', 'Available', 'false');
  deviceModel.setValue('SmartChargingCtrlr', 'Enabled', 'false');
});

Given('the charging station holds these charging profiles', function (this: OcttWorld, table: DataTable) {
  const station = this.station();
  for (const row of table.hashes()) {
    const cell = (name: string): unknown => resolveCell(this, row[name]);
    const kind = String(cell('chargingProfileKind')) as ChargingProfileType['chargingProfileKind'];
    const id = Number(cell('id'));
    const profile: ChargingProfileType = {
      id,
      stackLevel: Number(cell('stackLevel')),
      chargingProfilePurpose: String(cell('chargingProfilePurpose')) as ChargingProfileType['chargingProfilePurpose'],
      chargingProfileKind: kind,
      chargingSchedule: [
        {
          id,
          ...(kind === 'Relative' ? {} : { startSchedule: new Date().toISOString() }),
          chargingRateUnit: String(cell('chargingRateUnit')) as 'A' | 'W',
          chargingSchedulePeriod: [{ startPeriod: 0, limit: Number(cell('limit')) }],
        },
      ],
    };
    holdProfile(station, Number(cell('evseId')), profile);
  }
});

function resolveCell(world: OcttWorld, cell: string | undefined): unknown {
  if (cell === undefined) {
    throw new Error(
      'the table needs the columns evseId, id, stackLevel, chargingProfilePurpose, chargingProfileKind, chargingRateUnit, limit',
    );
  }
  return resolveValue(cell, world.valueContext()).value;
}

Given('an energy management system has limited the whole charging station to {float} A', function (this: OcttWorld, limit: number) {
  // Set before the scenario began: the station told the CSMS then (K12), so nothing is sent now.
  applyExternalLimit(this.station(), 'EMS', 0, limit, 'A');
});

When('an energy management system limits the configured EVSE to {float} A', async function (this: OcttWorld, limit: number) {
  const station = this.station();
  const notification = applyExternalLimit(station, 'EMS', this.config.CONFIGURED_EVSE_ID, limit, 'A');
  await recordStep(this, station, async () => {
    this.inspected = { name: 'NotifyChargingLimitResponse', payload: await station.call('NotifyChargingLimit', notification) };
  });
});

When('the energy management system releases its charging limits', async function (this: OcttWorld) {
  const station = this.station();
  const release = releaseExternalLimits(station, 'EMS');
  await recordStep(this, station, async () => {
    this.inspected = { name: 'ClearedChargingLimitResponse', payload: await station.call('ClearedChargingLimit', release) };
  });
});

Given('the EV will ask twice the limits of the next charging schedule it receives', function (this: OcttWorld) {
  planEvAnswers(this.station(), this.config.CONFIGURED_EVSE_ID, ['exceed']);
});

Given('the EV will renegotiate its charging needs when it receives a new charging schedule', function (this: OcttWorld) {
  planEvAnswers(this.station(), this.config.CONFIGURED_EVSE_ID, ['renegotiate']);
});

// ---------------------------------------------------------------------------------------------
// What the EV and the station do

When('the EV states its charging needs over ISO 15118 with', async function (this: OcttWorld, table: DataTable) {
  const station = this.station();
  const request = payloadFrom(table, this.valueContext(), {
    evseId: this.config.CONFIGURED_EVSE_ID,
  }) as unknown as NotifyEVChargingNeedsRequest;
  evStatesNeeds(station, request);
  await recordStep(this, station, async () => {
    this.inspected = { name: 'NotifyEVChargingNeedsResponse', payload: await station.call('NotifyEVChargingNeeds', request) };
  });
});

/** The EV's answer to a new TxProfile (K15–K17): the station forwards it, and the EV learns whether the CSMS accepted it. */
When("the charging station forwards the EV's charging schedule it owes", async function (this: OcttWorld) {
  const station = this.station();
  const sent = await recordStep(this, station, () => forwardEvSchedules(station));
  const last = sent.at(-1);
  if (last) this.inspected = { name: 'NotifyEVChargingScheduleResponse', payload: last.response };
});

// ---------------------------------------------------------------------------------------------
// Checks of the inspected CSMS request that depend on another of its fields

function inspectedPayload(world: OcttWorld): { name: string; payload: unknown } {
  const inspected = world.inspected;
  if (!inspected) throw new Error('no message to check yet');
  return inspected;
}

function fail(name: string, field: string, expected: string, actual: unknown): never {
  throw new ValidationError([{ message: name, field, expected, actual: show(actual) }]);
}

Then(
  'its first charging schedule period has the configured number of phases, which may be left out when it is 3',
  function (this: OcttWorld) {
    const { name, payload } = inspectedPayload(this);
    const field = 'chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].numberPhases';
    const phases = valueAt(payload, field);
    const configured = this.config.CONFIGURED_NUMBER_PHASES;
    if (phases === configured || (phases === undefined && configured === 3)) return;
    fail(name, field, `${configured} (the configured number of phases)${configured === 3 ? ' or absent' : ''}`, phases);
  },
);

Then('its recurrencyKind is present exactly when its chargingProfileKind is Recurring', function (this: OcttWorld) {
  const { name, payload } = inspectedPayload(this);
  const recurring = valueAt(payload, 'chargingProfile.chargingProfileKind') === 'Recurring';
  const recurrency = valueAt(payload, 'chargingProfile.recurrencyKind');
  if (recurring !== (recurrency !== undefined)) {
    fail(
      name,
      'chargingProfile.recurrencyKind',
      recurring ? 'present (the kind is Recurring)' : 'absent (the kind is not Recurring)',
      recurrency,
    );
  }
});

Then('its startSchedule is absent for a Relative profile and present for an Absolute one', function (this: OcttWorld) {
  const { name, payload } = inspectedPayload(this);
  const kind = valueAt(payload, 'chargingProfile.chargingProfileKind');
  const field = 'chargingProfile.chargingSchedule[0].startSchedule';
  const start = valueAt(payload, field);
  if (kind === 'Relative' && start !== undefined) fail(name, field, 'absent (the kind is Relative)', start);
  if (kind === 'Absolute' && start === undefined) fail(name, field, 'present (the kind is Absolute)', start);
});

Then('the charging station answered it with a CALLERROR {callErrorCode}', async function (this: OcttWorld, code: RpcErrorCode) {
  const call = this.inspected?.call;
  if (!call) throw new Error('no CSMS request to look at: wait for one with "the CSMS sends a …Request"');
  const answer = await call.answered;
  if (answer.kind !== 'error' || answer.code !== code) {
    fail(`${call.action}Response`, '(CALLERROR errorCode)', code, answer.kind === 'error' ? answer.code : answer.kind);
  }
});

// ---------------------------------------------------------------------------------------------
// What the station sent

Then(
  'the charging station reported its charging profiles in these ReportChargingProfilesRequests',
  function (this: OcttWorld, table: DataTable) {
    const [fields, ...rows] = table.raw();
    const sent = sentInLatestStep(this, 'ReportChargingProfiles');
    if (sent.length !== rows.length) {
      throw new Error(
        `the station was to send ${rows.length} ReportChargingProfilesRequest(s); it sent ${describeExchanges(latestStep(this))}`,
      );
    }
    const failures: FieldFailure[] = [];
    rows.forEach((cells, index) => {
      const expectations = fields
        .map((field, column) => ({ field: field.trim(), expectation: cells[column] }))
        .filter((row) => row.expectation.trim() !== '');
      try {
        checkFields(`ReportChargingProfilesRequest #${index + 1}`, sent[index].request, expectations, this.valueContext());
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        failures.push(...error.failures);
      }
    });
    if (failures.length > 0) throw new ValidationError(failures);
  },
);

Then('the EV asked twice every limit of {string} in that NotifyEVChargingScheduleRequest', function (this: OcttWorld, cell: string) {
  const sent = sentInLatestStep(this, 'NotifyEVChargingSchedule').at(-1);
  if (!sent) throw new Error(`the step sent no NotifyEVChargingScheduleRequest; it sent ${describeExchanges(latestStep(this))}`);
  const offered = resolveCell(this, cell) as { chargingSchedulePeriod?: ChargingSchedulePeriodType[] };
  if (!Array.isArray(offered.chargingSchedulePeriod)) throw new Error(`${cell} is not a charging schedule`);
  const proposed = (sent.request as { chargingSchedule: { chargingSchedulePeriod: ChargingSchedulePeriodType[] } }).chargingSchedule;
  const expected = offered.chargingSchedulePeriod.map((period) => period.limit * 2);
  const actual = proposed.chargingSchedulePeriod.map((period) => period.limit);
  if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    fail('NotifyEVChargingScheduleRequest', 'chargingSchedule.chargingSchedulePeriod[*].limit', JSON.stringify(expected), actual);
  }
});

Then('the charging station runs transaction {string} under the TxProfile of that request', function (this: OcttWorld, cell: string) {
  const transactionId = String(resolveCell(this, cell));
  const request = this.messages.get('RequestStartTransactionRequest') as RequestStartTransactionRequest | undefined;
  const wanted = request?.chargingProfile;
  if (!wanted) throw new Error('the RequestStartTransactionRequest carried no chargingProfile');
  const held = this.station()
    .state(CHARGING_PROFILES)
    .all()
    .find((entry) => entry.profile.id === wanted.id);
  if (held?.profile.transactionId !== transactionId || held.profile.chargingProfilePurpose !== 'TxProfile') {
    fail("the station's TxProfile", `profile ${wanted.id}.transactionId`, JSON.stringify(transactionId), held?.profile.transactionId);
  }
});

Then(
  "the CSMS sends no other SetChargingProfileRequest within {float} seconds of the station's clock",
  async function (this: OcttWorld, seconds: number) {
    const station = this.station();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000 * this.config.TIME_SCALE));
    const unexpected = station.unconsumed('SetChargingProfile');
    if (unexpected.length > 0) {
      throw new Error(
        `the CSMS sent ${unexpected.length} more SetChargingProfileRequest(s): ${JSON.stringify(unexpected.map((call) => call.payload))}`,
      );
    }
  },
);
