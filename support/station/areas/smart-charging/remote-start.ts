/**
 * K05 / F01.FR.08–11: the chargingProfile of a RequestStartTransactionRequest becomes the TxProfile of
 * the transaction it starts, with that transaction's id filled in. The remote-start answer (block F)
 * calls this once the transaction exists.
 */
import type { ChargingProfileType, SetChargingProfileResponse } from '../../../../schemas/ocpp201-messages';
import type { ChargingStation } from '../../core/charging-station';
import type { Transaction } from '../../core/transactions';
import { installContext, smartChargingSupported, watchingRates } from './limits';
import { CHARGING_PROFILES } from './state';

export function adoptRemoteStartProfile(
  station: ChargingStation,
  transaction: Transaction,
  profile: ChargingProfileType,
): SetChargingProfileResponse {
  if (!smartChargingSupported(station)) {
    return { status: 'Rejected', statusInfo: { reasonCode: 'NotSupported', additionalInfo: 'smart charging is not enabled' } };
  }
  const txProfile: ChargingProfileType = { ...structuredClone(profile), transactionId: transaction.id };
  const outcome = watchingRates(station, `the remote start's TxProfile ${profile.id}`, () =>
    station.state(CHARGING_PROFILES).install(transaction.evseId, txProfile, installContext(station)),
  );
  station.note(`TxProfile ${profile.id} of the remote start for transaction ${transaction.id}: ${outcome.status}`);
  return outcome;
}
