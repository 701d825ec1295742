import { randomUUID } from 'node:crypto';
import type { ChargingStateEnumType, IdTokenType, MeterValueType, ReadingContextEnumType } from '../../schemas/ocpp201-messages';

/** One transaction of the station: its id is used by every event of it; seqNo counts per transaction from 0. */
export class Transaction {
  private nextSeqNo = 0;
  chargingState: ChargingStateEnumType | undefined;
  idToken: IdTokenType | undefined;
  /** The CSMS has seen an event of this transaction (eventType Started was sent). */
  started = false;
  ended = false;
  remoteStartId: number | undefined;
  /** Energy delivered, Wh. */
  private energyWh = 0;
  private lastMeterAt = Date.now();

  constructor(
    readonly id: string,
    readonly evseId: number,
    readonly connectorId: number,
  ) {}

  /** The seqNo for the next event of this transaction. */
  takeSeqNo(): number {
    return this.nextSeqNo++;
  }

  /** Lets a test case start the counter elsewhere (e.g. to test the CSMS with a gap). */
  setNextSeqNo(value: number): void {
    this.nextSeqNo = value;
  }

  peekSeqNo(): number {
    return this.nextSeqNo;
  }

  /** A meter reading now: energy grows at `powerW` while charging. */
  meterValue(context: ReadingContextEnumType, powerW = 11_000): MeterValueType {
    const now = Date.now();
    if (this.chargingState === 'Charging') this.energyWh += (powerW * (now - this.lastMeterAt)) / 3_600_000;
    this.lastMeterAt = now;
    return {
      timestamp: new Date(now).toISOString(),
      sampledValue: [
        {
          value: Math.round(this.energyWh * 1000) / 1000,
          context,
          measurand: 'Energy.Active.Import.Register',
          unitOfMeasure: { unit: 'Wh' },
        },
      ],
    };
  }
}

export class Transactions {
  private readonly list: Transaction[] = [];

  /** Opens a transaction on a connector; the id is a fresh UUID unless given. */
  open(evseId: number, connectorId: number, id: string = randomUUID()): Transaction {
    const transaction = new Transaction(id, evseId, connectorId);
    this.list.push(transaction);
    return transaction;
  }

  byId(id: string): Transaction | undefined {
    return this.list.find((transaction) => transaction.id === id);
  }

  /** The transaction running on an EVSE, if any. */
  onEvse(evseId: number): Transaction | undefined {
    return this.list.find((transaction) => transaction.evseId === evseId && !transaction.ended);
  }

  active(): Transaction[] {
    return this.list.filter((transaction) => !transaction.ended);
  }

  all(): readonly Transaction[] {
    return this.list;
  }
}
