import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type {
  MeasurandEnumType,
  MeterValueType,
  ReadingContextEnumType,
  SampledValueType,
  SignedMeterValueType,
} from '../../../schemas/ocpp201-messages';

const NOMINAL_VOLTAGE = 230;
const CHARGING_POWER_W = 11_000;

/** The signature algorithm of the meter, as OCMF names it. */
export const SIGNING_METHOD = 'ECDSA-secp256r1-SHA256';

/**
 * The meter of one EVSE: a cumulative energy register that grows while the EV charges, read as the
 * measurands the station's SampledDataCtrlr asks for. Readings can be signed the way an
 * eichrecht-style meter does (OCMF payload, ECDSA P-256), with a key of its own.
 */
export class EvseMeter {
  private registerWh = 0;
  private socPercent = 20;
  private charging = false;
  private lastAt = Date.now();
  private signingKey: { privateKey: KeyObject; publicKey: KeyObject } | undefined;

  constructor(
    readonly evseId: number,
    private readonly phases = 3,
  ) {}

  /** Energy flows from now on (or stops); the register keeps what flowed until now. */
  setCharging(charging: boolean): void {
    this.advance();
    this.charging = charging;
  }

  get isCharging(): boolean {
    return this.charging;
  }

  /** The energy register now, Wh. */
  energyWh(): number {
    this.advance();
    return Math.round(this.registerWh * 1000) / 1000;
  }

  /** One reading of every measurand, in the given context; the energy register signed when asked. */
  read(context: ReadingContextEnumType, measurands: readonly string[], sign = false): MeterValueType {
    this.advance();
    const timestamp = new Date().toISOString();
    const sampledValue = measurands
      .filter((measurand) => measurand !== '')
      .map((measurand) => this.sample(measurand as MeasurandEnumType, context, timestamp, sign));
    if (sampledValue.length === 0) sampledValue.push(this.sample('Energy.Active.Import.Register', context, timestamp, sign));
    return { timestamp, sampledValue };
  }

  private sample(measurand: MeasurandEnumType, context: ReadingContextEnumType, timestamp: string, sign: boolean): SampledValueType {
    const power = this.charging ? CHARGING_POWER_W : 0;
    switch (measurand) {
      case 'Power.Active.Import':
        return { value: power, context, measurand, unitOfMeasure: { unit: 'W' } };
      case 'Current.Import':
        return { value: round(power / (NOMINAL_VOLTAGE * this.phases)), context, measurand, unitOfMeasure: { unit: 'A' } };
      case 'Voltage':
        return { value: NOMINAL_VOLTAGE, context, measurand, unitOfMeasure: { unit: 'V' } };
      case 'SoC':
        return { value: Math.round(this.socPercent), context, measurand, location: 'EV', unitOfMeasure: { unit: 'Percent' } };
      case 'Energy.Active.Import.Register':
      default: {
        const value = round(this.registerWh);
        return {
          value,
          context,
          measurand: 'Energy.Active.Import.Register',
          unitOfMeasure: { unit: 'Wh' },
          ...(sign ? { signedMeterValue: this.signed(value, timestamp, context) } : {}),
        };
      }
    }
  }

  private signed(valueWh: number, timestamp: string, context: ReadingContextEnumType): SignedMeterValueType {
    this.signingKey ??= generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const payload = JSON.stringify({
      FV: '1.0',
      GI: 'OCPP CSMS conformance suite meter',
      GS: `EVSE-${this.evseId}`,
      RD: [
        {
          TM: timestamp,
          TX: context === 'Transaction.Begin' ? 'B' : context === 'Transaction.End' ? 'E' : 'T',
          RV: valueWh / 1000,
          RI: '1-b:1.8.0',
          RU: 'kWh',
        },
      ],
    });
    const signature = createSign('SHA256').update(payload).sign(this.signingKey.privateKey).toString('hex');
    const ocmf = `OCMF|${payload}|${JSON.stringify({ SA: SIGNING_METHOD, SD: signature })}`;
    return {
      signedMeterData: Buffer.from(ocmf).toString('base64'),
      signingMethod: SIGNING_METHOD,
      encodingMethod: 'OCMF',
      publicKey: this.signingKey.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    };
  }

  private advance(): void {
    const now = Date.now();
    if (this.charging) {
      const hours = (now - this.lastAt) / 3_600_000;
      this.registerWh += CHARGING_POWER_W * hours;
      this.socPercent = Math.min(100, this.socPercent + hours * 20);
    }
    this.lastAt = now;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
