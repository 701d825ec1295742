import type { MessageInfoType, MessageStateEnumType } from '../../../../schemas/ocpp201-messages';
import type { ChargingStation } from '../../core/charging-station';
import { DISPLAY_MESSAGES } from './state';

/** The station state a display message may be bound to (MessageStateEnumType), from the station as it is now. */
export function displayState(station: ChargingStation): MessageStateEnumType {
  const connectors = [...station.topology.allConnectors()].map(({ evse, connector }) => ({ evse, status: connector.status }));
  if (connectors.some(({ status }) => status === 'Faulted')) return 'Faulted';
  const unavailable = ({ evse, status }: (typeof connectors)[number]): boolean =>
    status === 'Unavailable' || evse.operationalStatus === 'Inoperative';
  if (station.topology.operationalStatus === 'Inoperative' || connectors.every(unavailable)) return 'Unavailable';
  if (station.transactions.active().some((transaction) => transaction.chargingState === 'Charging')) return 'Charging';
  return 'Idle';
}

/** What the station's display shows right now. */
export function shownMessages(station: ChargingStation): MessageInfoType[] {
  return station.state(DISPLAY_MESSAGES).shown(displayState(station));
}
