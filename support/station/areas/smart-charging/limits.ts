/**
 * The station's smart-charging model on top of the kernel's profile store and composite schedule:
 * what it may install (its SmartChargingCtrlr limits), what each EVSE may draw now (its own maximum,
 * EVSE.Power MaxSet, under the installed profiles), and the ChargingRateChanged event it owes when a
 * change of its profiles moves the rate of a charging transaction by more than
 * SmartChargingCtrlr.LimitChangeSignificance.
 */
import type { ChargingRateUnitEnumType, CompositeScheduleType } from '../../../../schemas/ocpp201-messages';
import { type DefaultLimit, compositeSchedule, limitAt } from '../../../../kernel/smart-charging/composite-schedule';
import type { InstallContext } from '../../../../kernel/smart-charging/profile-store';
import type { ChargingStation } from '../../core/charging-station';
import type { Transaction } from '../../core/transactions';
import { sessionOf } from '../transactions/session';
import { CHARGING_PROFILES, ISO15118_EVS, TRANSACTION_STARTS } from './state';

const number = (text: string | undefined): number | undefined => (text === undefined || text === '' ? undefined : Number(text));

/** SmartChargingCtrlr.Available and Enabled: a station without the feature answers NotSupported. */
export function smartChargingSupported(station: ChargingStation): boolean {
  const { deviceModel } = station;
  return deviceModel.value('SmartChargingCtrlr', 'Available') !== 'false' && deviceModel.value('SmartChargingCtrlr', 'Enabled') !== 'false';
}

export function installContext(station: ChargingStation): InstallContext {
  const { deviceModel, topology, transactions } = station;
  const units = deviceModel.value('SmartChargingCtrlr', 'RateUnit');
  return {
    hasEvse: (evseId) => topology.hasEvse(evseId),
    transactionOn: (evseId) => transactions.onEvse(evseId),
    maxPeriodsPerSchedule: number(deviceModel.value('SmartChargingCtrlr', 'PeriodsPerSchedule')),
    maxStackLevel: number(deviceModel.value('SmartChargingCtrlr', 'ProfileStackLevel')),
    rateUnits: units === undefined ? undefined : (units.split(',').filter((unit) => unit !== '') as ChargingRateUnitEnumType[]),
  };
}

/** SmartChargingCtrlr.Entries (ChargingProfiles): how many profiles the station holds now. */
export function countEntries(station: ChargingStation): void {
  const count = station.state(CHARGING_PROFILES).all().length;
  station.deviceModel.setComponentValue({ name: 'SmartChargingCtrlr' }, { name: 'Entries', instance: 'ChargingProfiles' }, String(count));
}

function voltage(station: ChargingStation): number {
  return station.hardware.nominalVoltage ?? 230;
}

/** An EVSE's own maximum (EVSE.Power MaxSet, W); the station's is the sum over its EVSEs. */
function maximumW(station: ChargingStation, evseId: number): number {
  const evses = evseId === 0 ? station.topology.evses.map((evse) => evse.id) : [evseId];
  return evses.reduce((sum, id) => {
    const power = station.deviceModel.find({ name: 'EVSE', evse: { id } }, { name: 'Power' });
    return sum + Number(power?.attributes.MaxSet?.value ?? '0');
  }, 0);
}

function defaultLimit(station: ChargingStation, evseId: number): DefaultLimit {
  return { limit: maximumW(station, evseId), chargingRateUnit: 'W' };
}

function transactionWindow(station: ChargingStation, transaction: Transaction | undefined): { id: string; start: Date } | undefined {
  if (!transaction) return undefined;
  const starts = station.state(TRANSACTION_STARTS);
  let start = starts.get(transaction.id);
  if (!start) {
    start = new Date();
    starts.set(transaction.id, start);
  }
  return { id: transaction.id, start };
}

/** GetCompositeSchedule: the limits of an EVSE (or of the station, 0) over the next `duration` seconds. */
export function compositeOf(
  station: ChargingStation,
  evseId: number,
  duration: number,
  unit: ChargingRateUnitEnumType | undefined,
): CompositeScheduleType | undefined {
  return compositeSchedule({
    profiles: station.state(CHARGING_PROFILES).all(),
    evseId,
    start: new Date(),
    duration,
    chargingRateUnit: unit,
    transaction: evseId === 0 ? undefined : transactionWindow(station, station.transactions.onEvse(evseId)),
    voltage: voltage(station),
    numberPhases: station.hardware.numberOfPhases,
    defaultLimit: defaultLimit(station, evseId),
  });
}

/** The lowest current an AC EV charges with (IEC 61851-1). */
const MINIMUM_CURRENT_A = 6;

/**
 * An ISO 15118 EV draws what its schedule says once the CSMS accepted it; until then the station
 * offers it the minimum current only.
 */
function evCapA(station: ChargingStation, evseId: number): number | undefined {
  const ev = station.state(ISO15118_EVS).get(evseId);
  if (!ev) return undefined;
  const limit = ev.agreed?.chargingSchedulePeriod[0]?.limit;
  if (limit === undefined || !ev.agreed) return MINIMUM_CURRENT_A;
  return ev.agreed.chargingRateUnit === 'A' ? limit : limit / (voltage(station) * station.hardware.numberOfPhases);
}

/** The rate (A) a charging transaction runs at now: the composite limit of its EVSE, and the EV's own schedule. */
function currentLimitA(station: ChargingStation, transaction: Transaction): number | undefined {
  const cap = evCapA(station, transaction.evseId);
  const composite = compositeLimitA(station, transaction);
  if (composite === undefined || cap === undefined) return composite ?? cap;
  return Math.round(Math.min(composite, cap) * 10) / 10;
}

function compositeLimitA(station: ChargingStation, transaction: Transaction): number | undefined {
  return limitAt(
    {
      profiles: station.state(CHARGING_PROFILES).all(),
      evseId: transaction.evseId,
      start: new Date(),
      chargingRateUnit: 'A',
      transaction: transactionWindow(station, transaction),
      voltage: voltage(station),
      numberPhases: station.hardware.numberOfPhases,
      defaultLimit: defaultLimit(station, transaction.evseId),
    },
    new Date(),
  )?.limit;
}

function chargingTransactions(station: ChargingStation): Transaction[] {
  return station.transactions.all().filter((transaction) => !transaction.ended && sessionOf(station, transaction.evseId).charging);
}

/**
 * Runs a change of the station's profiles; where it moves the rate of a charging transaction by more
 * than LimitChangeSignificance percent, the station owes a TransactionEvent ChargingRateChanged.
 */
export function watchingRates<T>(station: ChargingStation, because: string, change: () => T): T {
  const before = new Map(chargingTransactions(station).map((transaction) => [transaction.id, currentLimitA(station, transaction)]));
  const result = change();
  countEntries(station);
  const significance = number(station.deviceModel.value('SmartChargingCtrlr', 'LimitChangeSignificance')) ?? 0;
  for (const transaction of chargingTransactions(station)) {
    const was = before.get(transaction.id);
    const now = currentLimitA(station, transaction);
    if (was === undefined || now === undefined || was === now) continue;
    if ((Math.abs(now - was) / was) * 100 < significance) continue;
    station.note(`the rate of transaction ${transaction.id} moves from ${was} A to ${now} A (${because})`);
    station.owed.owe(
      'TransactionEvent',
      () => ({
        eventType: 'Updated',
        timestamp: new Date().toISOString(),
        triggerReason: 'ChargingRateChanged',
        seqNo: transaction.takeSeqNo(),
        transactionInfo: { transactionId: transaction.id, chargingState: transaction.chargingState ?? 'Charging' },
        evse: { id: transaction.evseId, ...(transaction.connectorId === undefined ? {} : { connectorId: transaction.connectorId }) },
      }),
      `${because}: the charging rate moved from ${was} A to ${now} A`,
    );
  }
  return result;
}
