import type { DataTable } from '@cucumber/cucumber';
import type { ConnectorStatusEnumType } from '../schemas/ocpp201-messages';
import type { ChargingStation } from '../support/station/core/charging-station';
import { defaultPayload } from '../support/station/core/message-defaults';
import { checkField } from '../support/validation/field-checks';
import type { OcttWorld } from '../support/world';
import { STATION_TO_CSMS_ACTIONS, type StationToCsmsAction } from '../kernel/ocpp/actions';
import { recordStep } from '../support/station/step-record';
import type { MessageName } from './parameter-types';
import { payloadFrom } from './tables';

/** The glue several step files share: whatever station plays, it boots, reports and sends the same way. */

/** Sends a request built from the station's defaults and a `| field | value |` table; its response is inspected next. */
export async function sendFromTable(
  world: OcttWorld,
  station: ChargingStation,
  message: MessageName,
  table: DataTable | undefined,
): Promise<void> {
  if (message.kind !== 'request') throw new Error(`a charging station sends requests, not ${message.name}`);
  const payload = payloadFrom(table, world.valueContext(), defaultPayload(message.action, station, world.config));
  const response = await station.callUntyped(message.action, payload);
  world.inspected = { name: `${message.action}Response`, payload: response };
}

/** Sends what the station owes (of one action, or all); the last response is inspected next. */
export async function sendOwed(world: OcttWorld, message: MessageName | undefined): Promise<void> {
  const station = world.station();
  const action = message === undefined ? undefined : stationRequestAction(message);
  const sent = await recordStep(world, station, () => station.sendOwed(action));
  const last = sent.at(-1);
  if (last) world.inspected = { name: `${last.action}Response`, payload: last.response };
}

function stationRequestAction(message: MessageName): StationToCsmsAction {
  if (message.kind !== 'request' || !(STATION_TO_CSMS_ACTIONS as readonly string[]).includes(message.action)) {
    throw new Error(`${message.name} is not a request a charging station sends`);
  }
  return message.action as StationToCsmsAction;
}

/** BootNotification (PowerUp) that must be Accepted, then every connector reported Available. */
export async function bootAccepted(world: OcttWorld, station: ChargingStation): Promise<void> {
  const response = await station.boot('PowerUp');
  checkField('BootNotificationResponse', response, 'status', 'Accepted', world.valueContext());
  await reportAllConnectors(station, 'Available');
}

export async function reportAllConnectors(station: ChargingStation, status: ConnectorStatusEnumType): Promise<void> {
  for (const { connector } of station.topology.allConnectors()) connector.status = status;
  await station.reportAllConnectors();
}
