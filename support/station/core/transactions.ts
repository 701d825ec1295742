import { randomUUID } from 'node:crypto';
import type { ChargingStateEnumType, IdTokenType, MeterValueType, ReadingContextEnumType } from '../../../schemas/ocpp201-messages';
import { type MeterClock, MeterModel } from './meter-model';

/**
 * One transaction of the station. Its id is used by every event of it; seqNo counts per
 * transaction from 0 (E01: a new transaction starts its own numbering).
 */
export class Transaction {
  private nextSeqNo = 0;
  /** The chargingState last put in one of its events: an event carries it only when it changed. */
  chargingState: ChargingStateEnumType | undefined;
  idToken: IdTokenType | undefined;
  /** The Started event was sent (or queued). */
  started = false;
  ended = false;
  remoteStartId: number | undefined;
  /** A connector is known once the EV is plugged in; a transaction started by the parking bay has none yet. */
  connectorId: number | undefined;

  constructor(
    readonly id: string,
    readonly evseId: number,
    connectorId: number | undefined,
    /** The meter of the transaction's EVSE. */
    readonly meter: MeterModel,
  ) {
    this.connectorId = connectorId;
  }

  /** The energy register of the EVSE's meter now, in the given context. */
  meterValue(context: ReadingContextEnumType): MeterValueType {
    const { meterValue } = this.meter.read(['Energy.Active.Import.Register'], context);
    // The register is a measurand every meter gives: no reading here is a broken meter model.
    if (!meterValue) throw new Error(`the meter of EVSE ${this.evseId} gave no energy register`);
    return meterValue;
  }

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
}

export class Transactions {
  private readonly list: Transaction[] = [];
  private readonly meters = new Map<number, MeterModel>();

  constructor(
    /** The station's clock: energy accrues over its (scaled) seconds. */
    private readonly clock: MeterClock,
    /** Phases wired to every EVSE (CONFIGURED_NUMBER_PHASES). */
    private readonly phases: 1 | 2 | 3 = 3,
  ) {}

  /** The meter of an EVSE: its register keeps counting across transactions, as a real one does. */
  meterOf(evseId: number): MeterModel {
    let meter = this.meters.get(evseId);
    if (!meter) {
      meter = new MeterModel({ clock: this.clock, evseId, phases: this.phases });
      this.meters.set(evseId, meter);
    }
    return meter;
  }

  /** Opens a transaction on an EVSE (and connector, when known); the id is a fresh UUID unless given. */
  open(evseId: number, connectorId: number | undefined, id: string = randomUUID()): Transaction {
    if (this.byId(id)) throw new Error(`the station already has a transaction ${id}; a transaction id is used once`);
    const transaction = new Transaction(id, evseId, connectorId, this.meterOf(evseId));
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
