/**
 * The meter of one EVSE as the station's SampledDataCtrlr and AlignedDataCtrlr read it: an energy
 * register that grows with the power the EV draws, the power offered (the EVSE's rating, lowered by
 * smart charging through setLimit), voltage and current per phase, and the EV's SoC when it reports
 * one. Readings can be signed by a key of the meter's own (ECDSA P-256, OCMF-encoded), and checked.
 *
 * Time comes from a clock, never from Date.now, so that tests drive it. Energy accrues over station
 * seconds: a real interval divided by the clock's scale (TIME_SCALE), so a charge of
 * TRANSACTION_DURATION yields the same energy in the embedded mode (scaled waits) as against a
 * user's CSMS (real waits).
 */
import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type {
  MeasurandEnumType,
  MeterValueType,
  PhaseEnumType,
  ReadingContextEnumType,
  SampledValueType,
  SignedMeterValueType,
} from '../../../schemas/ocpp201-messages';

/** What the meter needs of a clock; a StationClock is one. */
export interface MeterClock {
  now(): Date;
  /** TIME_SCALE: real seconds per station second; 1 when absent. */
  readonly scale?: number;
}

/** An EVSE-level limit, as a charging schedule expresses it (chargingRateUnit A per phase, or W). */
export interface MeterLimit {
  unit: 'A' | 'W';
  value: number;
}

/** What the energy flow is doing; the names are those of ChargingStateEnumType. */
export type MeterState = 'Idle' | 'Charging' | 'SuspendedEV' | 'SuspendedEVSE';

export interface MeterModelOptions {
  clock: MeterClock;
  evseId: number;
  /** Phases wired to the EVSE (CONFIGURED_NUMBER_PHASES). Default 3. */
  phases?: 1 | 2 | 3;
  /** Phase-to-neutral voltage. Default 230 V. */
  voltage?: number;
  /** The EVSE's rating per phase. Default 16 A (11.04 kW on three phases). */
  maxCurrentA?: number;
  /** The most the EV takes, whatever is offered. Default: all that is offered. */
  evMaxPowerW?: number;
  /** The EV's SoC when charging starts, percent; absent: the EV reports none. */
  startSoc?: number;
  /** The EV battery, for the SoC to grow with the energy. Default 60 kWh. */
  batteryWh?: number;
  /** The register at creation. Default 0 Wh. */
  registerWh?: number;
}

export interface ReadOptions {
  /** Per-phase values for the measurands that have phases (current, voltage, power). */
  phases?: readonly PhaseEnumType[];
  /** Every sampled value carries a signedMeterValue. */
  signed?: boolean;
  /** The instant the reading is for (a clock-aligned boundary the timer fired at); default now. */
  at?: Date;
}

export interface MeterReading {
  /** Undefined when the meter could give none of the measurands (a MeterValue needs one sampled value). */
  meterValue: MeterValueType | undefined;
  /** The requested measurands the meter cannot give, in the order asked. */
  missing: string[];
}

/** The measurands this meter gives. */
export const METER_MEASURANDS = [
  'Energy.Active.Import.Register',
  'Power.Active.Import',
  'Power.Offered',
  'Current.Import',
  'Current.Offered',
  'Voltage',
  'Frequency',
  'SoC',
] as const satisfies readonly MeasurandEnumType[];

export type MeterMeasurand = (typeof METER_MEASURANDS)[number];

export const SIGNING_METHOD = 'ECDSA-secp256r1-SHA256';
export const ENCODING_METHOD = 'OCMF';

const UNIT: Record<MeterMeasurand, string> = {
  'Energy.Active.Import.Register': 'Wh',
  'Power.Active.Import': 'W',
  'Power.Offered': 'W',
  'Current.Import': 'A',
  'Current.Offered': 'A',
  Voltage: 'V',
  Frequency: 'Hz',
  SoC: 'Percent',
};

/** OBIS codes of the OCMF reading identifier, where one exists. */
const OBIS: Partial<Record<MeterMeasurand, string>> = {
  'Energy.Active.Import.Register': '1-b:1.8.0',
  'Power.Active.Import': '1-b:1.7.0',
  Voltage: '1-b:32.7.0',
  'Current.Import': '1-b:31.7.0',
  Frequency: '1-b:14.7.0',
};

const FREQUENCY_HZ = 50;

export class MeterModel {
  readonly evseId: number;
  readonly phases: 1 | 2 | 3;
  readonly voltage: number;
  private readonly clock: MeterClock;
  private readonly maxCurrentA: number;
  private readonly evMaxPowerW: number;
  private readonly batteryWh: number;
  private registerWh: number;
  private soc: number | undefined;
  private currentState: MeterState = 'Idle';
  private currentLimit: MeterLimit | undefined;
  /** Station time up to which the register is accounted, ms since the epoch. */
  private accountedUntil: number;
  private keys: { privateKey: KeyObject; publicKeyBase64: string } | undefined;

  constructor(options: MeterModelOptions) {
    this.clock = options.clock;
    this.evseId = options.evseId;
    this.phases = options.phases ?? 3;
    this.voltage = options.voltage ?? 230;
    this.maxCurrentA = options.maxCurrentA ?? 16;
    this.evMaxPowerW = options.evMaxPowerW ?? Number.POSITIVE_INFINITY;
    this.batteryWh = options.batteryWh ?? 60_000;
    this.registerWh = options.registerWh ?? 0;
    this.soc = options.startSoc === undefined ? undefined : clampPercent(options.startSoc);
    this.accountedUntil = this.clock.now().getTime();
  }

  get state(): MeterState {
    return this.currentState;
  }

  get limit(): MeterLimit | undefined {
    return this.currentLimit;
  }

  /** The register now, Wh. */
  get energyWh(): number {
    this.advance();
    return this.registerWh;
  }

  /** The EV's SoC now, percent; undefined while the EV reports none. */
  get socPercent(): number | undefined {
    this.advance();
    return this.soc;
  }

  /** What the EVSE offers: its rating, lowered by the limit; nothing while the EVSE suspends. */
  get offeredPowerW(): number {
    if (this.currentState === 'SuspendedEVSE') return 0;
    const ratingW = this.maxCurrentA * this.voltage * this.phases;
    if (!this.currentLimit) return ratingW;
    const limitW = this.currentLimit.unit === 'W' ? this.currentLimit.value : this.currentLimit.value * this.voltage * this.phases;
    return Math.max(0, Math.min(ratingW, limitW));
  }

  get offeredCurrentA(): number {
    return this.offeredPowerW / (this.voltage * this.phases);
  }

  /** What the EV draws now: what is offered, up to what it takes, nothing once full or not charging. */
  get powerW(): number {
    if (this.currentState !== 'Charging') return 0;
    if (this.soc !== undefined && this.soc >= 100) return 0;
    return Math.min(this.offeredPowerW, this.evMaxPowerW);
  }

  get currentA(): number {
    return this.powerW / (this.voltage * this.phases);
  }

  /** Energy flows from `at` (default now). A start in the future flows from then on. */
  start(at: Date = this.clock.now()): void {
    const flowing = this.currentState === 'Charging';
    this.advance();
    this.currentState = 'Charging';
    // Already charging: the energy since then is accounted; moving the start would count it twice.
    if (!flowing) this.accountedUntil = at.getTime();
  }

  /** The EV (SuspendedEV) or the EVSE (SuspendedEVSE) stops the energy; the register keeps what flowed. */
  suspend(by: 'SuspendedEV' | 'SuspendedEVSE' = 'SuspendedEVSE'): void {
    this.advance();
    this.currentState = by;
  }

  resume(): void {
    this.advance();
    this.currentState = 'Charging';
  }

  /** Energy stops for good (the transaction ends); the register keeps its value. */
  stop(): void {
    this.advance();
    this.currentState = 'Idle';
  }

  /** Smart charging lowers (or raises, up to the rating) what the EVSE offers; from now on. */
  setLimit(limit: MeterLimit): void {
    if (!(limit.value >= 0) || !Number.isFinite(limit.value)) throw new RangeError(`a limit must be a number >= 0, got ${limit.value}`);
    this.advance();
    this.currentLimit = { unit: limit.unit, value: limit.value };
  }

  /** Back to the EVSE's rating. */
  clearLimit(): void {
    this.advance();
    this.currentLimit = undefined;
  }

  /** The EV reports its SoC (ISO 15118), or stops reporting one (undefined). */
  setSoc(percent: number | undefined): void {
    this.advance();
    this.soc = percent === undefined ? undefined : clampPercent(percent);
  }

  /** One reading of the measurands asked for ('' entries are ignored, repeats read once). */
  read(measurands: readonly string[], context: ReadingContextEnumType, options: ReadOptions = {}): MeterReading {
    this.advance();
    const timestamp = (options.at ?? this.clock.now()).toISOString();
    const sampledValue: SampledValueType[] = [];
    const missing: string[] = [];
    for (const measurand of new Set(measurands.map((m) => m.trim()).filter((m) => m !== ''))) {
      const samples = isMeterMeasurand(measurand) ? this.samples(measurand, context, options.phases) : [];
      if (samples.length === 0) missing.push(measurand);
      sampledValue.push(...samples);
    }
    if (options.signed) {
      for (const sample of sampledValue) sample.signedMeterValue = this.sign(sample, timestamp);
    }
    return { meterValue: sampledValue.length > 0 ? { timestamp, sampledValue } : undefined, missing };
  }

  /** The meter's public key, base64 of the SPKI DER, as signedMeterValue.publicKey carries it. */
  get publicKey(): string {
    return this.signingKeys().publicKeyBase64;
  }

  /** The signed value is this meter's: signed by its key, and intact. */
  verify(signed: SignedMeterValueType): boolean {
    return signed.publicKey === this.publicKey && verifySignedMeterValue(signed);
  }

  private samples(
    measurand: MeterMeasurand,
    context: ReadingContextEnumType,
    phases: readonly PhaseEnumType[] | undefined,
  ): SampledValueType[] {
    const base = { context, measurand, unitOfMeasure: { unit: UNIT[measurand] } };
    const whole = (value: number, extra: Partial<SampledValueType> = {}): SampledValueType[] => [
      { value: round(value), ...base, ...extra },
    ];
    const perPhase = (valueOf: (phase: PhaseEnumType) => number | undefined): SampledValueType[] => {
      if (!phases || phases.length === 0) return [];
      return phases.flatMap((phase) => {
        const value = valueOf(phase);
        return value === undefined ? [] : [{ value: round(value), ...base, phase }];
      });
    };
    switch (measurand) {
      case 'Energy.Active.Import.Register':
        return whole(this.registerWh);
      case 'Frequency':
        return whole(FREQUENCY_HZ);
      case 'SoC':
        return this.soc === undefined ? [] : whole(Math.round(this.soc * 10) / 10, { location: 'EV' });
      case 'Power.Offered':
        return whole(this.offeredPowerW);
      case 'Power.Active.Import': {
        const power = this.powerW;
        return phases?.length ? perPhase((phase) => this.lineShare(phase, power / this.phases)) : whole(power);
      }
      case 'Current.Import':
      case 'Current.Offered': {
        const current = measurand === 'Current.Import' ? this.currentA : this.offeredCurrentA;
        // A balanced load: nothing returns on the neutral.
        return phases?.length ? perPhase((phase) => (phase === 'N' ? 0 : this.lineShare(phase, current))) : whole(current);
      }
      case 'Voltage':
        return phases?.length ? perPhase((phase) => this.voltageOf(phase)) : whole(this.voltage);
    }
  }

  /** The value of one line for a per-line quantity; undefined for a phase that quantity has no value on. */
  private lineShare(phase: PhaseEnumType, perLine: number): number | undefined {
    const line = lineOf(phase);
    if (line === undefined) return undefined;
    return line <= this.phases ? perLine : 0;
  }

  private voltageOf(phase: PhaseEnumType): number | undefined {
    const pair = LINE_TO_LINE[phase];
    if (pair) return pair.every((line) => line <= this.phases) ? this.voltage * Math.sqrt(3) : 0;
    return this.lineShare(phase, this.voltage);
  }

  private advance(): void {
    const now = this.clock.now().getTime();
    if (now <= this.accountedUntil) return;
    const stationSeconds = (now - this.accountedUntil) / 1000 / (this.clock.scale ?? 1);
    let wh = (this.powerW * stationSeconds) / 3600;
    if (this.soc !== undefined) {
      wh = Math.min(wh, ((100 - this.soc) / 100) * this.batteryWh);
      this.soc = clampPercent(this.soc + (wh / this.batteryWh) * 100);
    }
    this.registerWh += wh;
    this.accountedUntil = now;
  }

  private signingKeys(): { privateKey: KeyObject; publicKeyBase64: string } {
    if (!this.keys) {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
      this.keys = { privateKey, publicKeyBase64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
    }
    return this.keys;
  }

  /**
   * An OCMF document of the one reading. OCMF defines units for energy only; other measurands
   * carry the OCPP unit in RU, which a CSMS that only checks the signature accepts.
   */
  private sign(sample: SampledValueType, timestamp: string): SignedMeterValueType {
    const keys = this.signingKeys();
    const payload = JSON.stringify({
      FV: '1.0',
      GI: 'OCPP CSMS conformance suite meter',
      GS: `EVSE-${this.evseId}`,
      RD: [
        {
          TM: ocmfTime(timestamp),
          TX: sample.context === 'Transaction.Begin' ? 'B' : sample.context === 'Transaction.End' ? 'E' : 'T',
          RV: sample.value,
          RI: OBIS[sample.measurand as MeterMeasurand] ?? sample.measurand,
          RU: sample.unitOfMeasure?.unit,
          ...(sample.phase ? { PH: sample.phase } : {}),
          ST: 'G',
        },
      ],
    });
    const signature = sign('sha256', Buffer.from(payload), keys.privateKey).toString('hex');
    return {
      signedMeterData: Buffer.from(`OCMF|${payload}|${JSON.stringify({ SA: SIGNING_METHOD, SD: signature })}`).toString('base64'),
      signingMethod: SIGNING_METHOD,
      encodingMethod: ENCODING_METHOD,
      publicKey: keys.publicKeyBase64,
    };
  }
}

/**
 * A signed meter value of this meter's form is intact under the key it names: what a CSMS that
 * checks signatures does. MeterModel.verify also checks the key is the meter's own.
 */
export function verifySignedMeterValue(signed: SignedMeterValueType): boolean {
  if (signed.signingMethod !== SIGNING_METHOD || signed.encodingMethod !== ENCODING_METHOD) return false;
  try {
    const document = Buffer.from(signed.signedMeterData, 'base64').toString('utf8');
    const cut = document.lastIndexOf('|');
    if (!document.startsWith('OCMF|') || cut <= 4) return false;
    const payload = document.slice('OCMF|'.length, cut);
    const signature = JSON.parse(document.slice(cut + 1)) as { SA?: unknown; SD?: unknown };
    if (signature.SA !== SIGNING_METHOD || typeof signature.SD !== 'string') return false;
    const key = createPublicKey({ key: Buffer.from(signed.publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify('sha256', Buffer.from(payload), key, Buffer.from(signature.SD, 'hex'));
  } catch {
    return false;
  }
}

function isMeterMeasurand(measurand: string): measurand is MeterMeasurand {
  return (METER_MEASURANDS as readonly string[]).includes(measurand);
}

const LINE: Partial<Record<PhaseEnumType, number>> = { L1: 1, L2: 2, L3: 3, 'L1-N': 1, 'L2-N': 2, 'L3-N': 3 };
const LINE_TO_LINE: Partial<Record<PhaseEnumType, [number, number]>> = { 'L1-L2': [1, 2], 'L2-L3': [2, 3], 'L3-L1': [3, 1] };

function lineOf(phase: PhaseEnumType): number | undefined {
  return LINE[phase];
}

/** OCMF's time: ISO 8601 with a comma before the milliseconds, the offset, and S (synchronised). */
function ocmfTime(iso: string): string {
  return `${iso.slice(0, 19)},${iso.slice(20, 23)}+0000 S`;
}

function clampPercent(value: number): number {
  return Math.max(0, Math.min(100, value));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
