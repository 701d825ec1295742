import type { ChargingProfileType, IdTokenType } from '../../../../schemas/ocpp201-messages';
import { type StationState } from '../../core/charging-station';
import { stateSlot } from '../../../../kernel/state-slots';

/** A RequestStartTransaction the station accepted (F01, F02), from the answer until its transaction ends. */
export interface RemoteStart {
  remoteStartId: number;
  idToken: IdTokenType;
  groupIdToken: IdTokenType | undefined;
  evseId: number;
  /**
   * The request's chargingProfile (a TxProfile without transactionId, K05): kept here for the
   * smart-charging area, which installs it for the transaction once `transactionId` is known.
   */
  chargingProfile: ChargingProfileType | undefined;
  /** The transaction it belongs to: the one already running (cable plugged in first) or the one the start opened. */
  transactionId: string | undefined;
  /** The station has acted on it (authorized the idToken and reported it), or dropped it. */
  settled: boolean;
  /**
   * When TxCtrlr.EVConnectionTimeOut runs out, on the station's clock, if the idToken became
   * authorized without an EV plugged in; undefined otherwise.
   */
  evConnectionDeadline: Date | undefined;
}

/** The remote starts the station accepted, oldest first. */
export const REMOTE_STARTS: StationState<RemoteStart[]> = stateSlot('remote starts', () => []);

/** What the station is built to do beyond a plain charging station. */
export interface StationCapabilities {
  /**
   * A Local Controller publishes firmware to the stations behind it (L03) and so can be asked for a
   * PublishFirmwareStatusNotification; a plain charging station cannot.
   */
  localController: boolean;
}

export const CAPABILITIES: StationState<StationCapabilities> = stateSlot('capabilities', () => ({ localController: true }));
