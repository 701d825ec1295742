import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SampledValueType, SignedMeterValueType } from '../schemas/ocpp201-messages';
import { MeterModel, type MeterModelOptions, verifySignedMeterValue } from '../support/station/core/meter-model';

/** A clock the test moves by hand. */
class ManualClock {
  private ms = Date.parse('2025-03-01T10:00:00.000Z');
  constructor(readonly scale = 1) {}
  now(): Date {
    return new Date(this.ms);
  }
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

function meter(options: Partial<MeterModelOptions> = {}): { clock: ManualClock; meter: MeterModel } {
  const clock = (options.clock as ManualClock | undefined) ?? new ManualClock();
  return { clock, meter: new MeterModel({ evseId: 1, ...options, clock }) };
}

function valueOf(samples: readonly SampledValueType[], measurand: string, phase?: string): number | undefined {
  return samples.find((s) => s.measurand === measurand && s.phase === phase)?.value;
}

describe('meter model', () => {
  test('energy grows linearly with power × time while the EV charges', () => {
    const { clock, meter: m } = meter(); // 16 A × 230 V × 3 phases = 11 040 W
    assert.equal(m.powerW, 0);
    m.start();
    assert.equal(m.powerW, 11_040);
    clock.advance(360);
    assert.equal(m.energyWh, 1104);
    clock.advance(360);
    assert.equal(m.energyWh, 2208);
  });

  test('energy accrues over station seconds: a real interval divided by the clock scale', () => {
    const { clock, meter: m } = meter({ clock: new ManualClock(0.1) });
    m.start();
    clock.advance(36); // 36 real s at TIME_SCALE 0.1 = 360 station seconds
    assert.equal(m.energyWh, 1104);
  });

  test('a start at an earlier instant counts the energy since then, once', () => {
    const { clock, meter: m } = meter();
    const startedAt = clock.now();
    clock.advance(360);
    m.start(startedAt);
    assert.equal(m.energyWh, 1104);
    m.start(startedAt);
    assert.equal(m.energyWh, 1104);
  });

  test('suspended by the EV or the EVSE, or stopped, no energy flows; resume continues the register', () => {
    const { clock, meter: m } = meter({ registerWh: 500 });
    m.start();
    clock.advance(360);
    m.suspend('SuspendedEV');
    assert.equal(m.state, 'SuspendedEV');
    assert.equal(m.powerW, 0);
    assert.equal(m.offeredPowerW, 11_040, 'the EVSE still offers; the EV does not take');
    clock.advance(3600);
    assert.equal(m.energyWh, 1604);
    m.suspend('SuspendedEVSE');
    assert.equal(m.offeredPowerW, 0);
    clock.advance(3600);
    m.resume();
    clock.advance(360);
    assert.equal(m.energyWh, 2708);
    m.stop();
    clock.advance(3600);
    assert.equal(m.energyWh, 2708);
    assert.equal(m.state, 'Idle');
  });

  test('a lowered limit lowers power and the growth rate from then on; in A per phase or in W', () => {
    const { clock, meter: m } = meter();
    m.start();
    clock.advance(360); // 1104 Wh at 11 040 W
    m.setLimit({ unit: 'A', value: 8 }); // 8 A × 230 V × 3 = 5520 W
    assert.equal(m.powerW, 5520);
    assert.equal(m.currentA, 8);
    clock.advance(360);
    assert.equal(m.energyWh, 1656);
    m.setLimit({ unit: 'W', value: 3600 });
    assert.equal(m.powerW, 3600);
    clock.advance(3600);
    assert.equal(m.energyWh, 5256);
    m.setLimit({ unit: 'A', value: 63 });
    assert.equal(m.powerW, 11_040, 'a limit above the rating offers the rating');
    m.setLimit({ unit: 'W', value: 0 });
    assert.equal(m.powerW, 0);
    m.clearLimit();
    assert.equal(m.powerW, 11_040);
    assert.throws(() => m.setLimit({ unit: 'W', value: -1 }), RangeError);
  });

  test('the EV takes no more than its own maximum, whatever is offered', () => {
    const { meter: m } = meter({ evMaxPowerW: 7400 });
    m.start();
    assert.equal(m.powerW, 7400);
    assert.equal(m.offeredPowerW, 11_040);
  });

  test('the measurands asked for, each with its unit and the context; what the meter cannot give is missing', () => {
    const { clock, meter: m } = meter();
    m.start();
    clock.advance(360);
    m.setLimit({ unit: 'A', value: 10 });
    const asked = [
      'Energy.Active.Import.Register',
      'Power.Active.Import',
      'Current.Import',
      'Voltage',
      'Current.Offered',
      'Power.Offered',
      'Frequency',
      'SoC',
      'Energy.Reactive.Export.Register',
      '',
      'Voltage',
    ];
    const { meterValue, missing } = m.read(asked, 'Sample.Periodic');
    assert.ok(meterValue);
    assert.equal(meterValue.timestamp, '2025-03-01T10:06:00.000Z');
    assert.deepEqual(
      meterValue.sampledValue.map((s) => [s.measurand, s.value, s.unitOfMeasure?.unit, s.context]),
      [
        ['Energy.Active.Import.Register', 1104, 'Wh', 'Sample.Periodic'],
        ['Power.Active.Import', 6900, 'W', 'Sample.Periodic'],
        ['Current.Import', 10, 'A', 'Sample.Periodic'],
        ['Voltage', 230, 'V', 'Sample.Periodic'],
        ['Current.Offered', 10, 'A', 'Sample.Periodic'],
        ['Power.Offered', 6900, 'W', 'Sample.Periodic'],
        ['Frequency', 50, 'Hz', 'Sample.Periodic'],
      ],
    );
    assert.deepEqual(missing, ['SoC', 'Energy.Reactive.Export.Register']);
    assert.equal(meterValue.sampledValue[0].signedMeterValue, undefined);
  });

  test('nothing the meter can give: no MeterValue, every measurand missing', () => {
    const { meter: m } = meter();
    assert.deepEqual(m.read(['SoC', 'Power.Reactive.Import'], 'Trigger'), {
      meterValue: undefined,
      missing: ['SoC', 'Power.Reactive.Import'],
    });
  });

  test('per-phase values on the phases asked for; unwired lines read 0', () => {
    const { meter: m } = meter({ phases: 1, maxCurrentA: 32 });
    m.start();
    const { meterValue } = m.read(['Current.Import', 'Voltage', 'Power.Active.Import', 'Energy.Active.Import.Register'], 'Sample.Clock', {
      phases: ['L1', 'L2', 'N', 'L1-L2'],
    });
    assert.ok(meterValue);
    const samples = meterValue.sampledValue;
    assert.equal(valueOf(samples, 'Current.Import', 'L1'), 32);
    assert.equal(valueOf(samples, 'Current.Import', 'L2'), 0);
    assert.equal(valueOf(samples, 'Current.Import', 'N'), 0);
    assert.equal(valueOf(samples, 'Current.Import', 'L1-L2'), undefined);
    assert.equal(valueOf(samples, 'Voltage', 'L1'), 230);
    assert.equal(valueOf(samples, 'Voltage', 'L1-L2'), 0, 'one phase wired: no line-to-line voltage');
    assert.equal(valueOf(samples, 'Power.Active.Import', 'L1'), 7360);
    assert.equal(valueOf(samples, 'Energy.Active.Import.Register'), 0, 'the register has no phases');
    const three = meter().meter;
    const voltages = three.read(['Voltage'], 'Sample.Clock', { phases: ['L1-N', 'L2-L3'] }).meterValue?.sampledValue;
    assert.deepEqual(
      voltages?.map((s) => [s.phase, s.value]),
      [
        ['L1-N', 230],
        ['L2-L3', 398.372],
      ],
    );
  });

  test('SoC, when the EV reports one, grows with the energy into the battery and stops the EV at 100 %', () => {
    const { clock, meter: m } = meter({ startSoc: 20, batteryWh: 11_040 });
    m.start();
    clock.advance(360); // 1104 Wh = 10 % of the battery
    const soc = m.read(['SoC'], 'Sample.Periodic').meterValue?.sampledValue[0];
    assert.deepEqual(soc, { value: 30, context: 'Sample.Periodic', measurand: 'SoC', unitOfMeasure: { unit: 'Percent' }, location: 'EV' });
    clock.advance(36_000);
    assert.equal(m.socPercent, 100);
    assert.equal(m.energyWh, 8832, 'energy stops when the battery is full');
    assert.equal(m.powerW, 0);
    m.setSoc(undefined);
    assert.deepEqual(m.read(['SoC'], 'Sample.Periodic').missing, ['SoC']);
  });

  test('a signed reading verifies under the meter key; a tampered one, or one of another meter, does not', () => {
    const { clock, meter: m } = meter();
    m.start();
    clock.advance(360);
    const { meterValue } = m.read(['Energy.Active.Import.Register', 'Power.Active.Import'], 'Transaction.End', { signed: true });
    assert.ok(meterValue);
    const signed = meterValue.sampledValue.map((s) => s.signedMeterValue);
    for (const value of signed) {
      assert.ok(value);
      assert.equal(value.signingMethod, 'ECDSA-secp256r1-SHA256');
      assert.equal(value.encodingMethod, 'OCMF');
      assert.equal(value.publicKey, m.publicKey);
      assert.equal(m.verify(value), true);
      assert.equal(verifySignedMeterValue(value), true);
    }
    const energy = signed[0] as SignedMeterValueType;
    const document = Buffer.from(energy.signedMeterData, 'base64').toString('utf8');
    const payload = JSON.parse(document.slice('OCMF|'.length, document.lastIndexOf('|'))) as {
      RD: { RV: number; TX: string; RU: string }[];
    };
    assert.deepEqual([payload.RD[0].RV, payload.RD[0].TX, payload.RD[0].RU], [1104, 'E', 'Wh']);
    const tampered = { ...energy, signedMeterData: Buffer.from(document.replace('"RV":1104', '"RV":11')).toString('base64') };
    assert.equal(m.verify(tampered), false);
    assert.equal(verifySignedMeterValue(tampered), false);
    const other = meter().meter;
    const foreign = other.read(['Energy.Active.Import.Register'], 'Transaction.End', { signed: true }).meterValue?.sampledValue[0]
      .signedMeterValue;
    assert.ok(foreign);
    assert.equal(verifySignedMeterValue(foreign), true);
    assert.equal(m.verify(foreign), false, 'intact, but not this meter’s');
    assert.equal(m.verify({ ...foreign, publicKey: m.publicKey }), false, 'another meter’s data under this meter’s key');
    assert.equal(m.verify({ ...energy, signedMeterData: 'bm90IG9jbWY=' }), false);
  });
});
