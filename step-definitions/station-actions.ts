import type { DataTable } from '@cucumber/cucumber';
import type { ConnectorStatusEnumType } from '../schemas/ocpp201-messages';
import type { ChargingStation, Exchange } from '../support/station/core/charging-station';
import { defaultPayload } from '../support/station/core/message-defaults';
import { type FieldFailure, ValidationError, checkField, checkFields } from '../support/validation/field-checks';
import type { OcttWorld } from '../support/world';
import { STATION_TO_CSMS_ACTIONS, type StationToCsmsAction } from '../kernel/ocpp/actions';
import { describeExchanges, latestStep, recordStep, sentInLatestStep } from '../support/station/step-record';
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

/**
 * Checks what the latest acting step made the station send of one action: one table row per
 * request, in order (the header names the fields, an empty cell checks nothing); every failing field
 * of every row is reported at once. Returns the requests, for checks of their answers.
 */
export function checkSentInOrder(
  world: OcttWorld,
  action: string,
  table: DataTable,
  label: (request: unknown, index: number) => string = (_request, index) => `${action}Request #${index + 1}`,
): Exchange[] {
  const [fields, ...rows] = table.raw();
  const sent = sentInLatestStep(world, action);
  if (sent.length !== rows.length) {
    throw new Error(
      `the step was to make the charging station send ${rows.length} ${action}Request(s); it sent ${describeExchanges(latestStep(world))}`,
    );
  }
  const failures: FieldFailure[] = [];
  rows.forEach((cells, index) => {
    const expectations = fields
      .map((field, column) => ({ field: field.trim(), expectation: cells[column] }))
      .filter((row) => row.expectation.trim() !== '');
    try {
      checkFields(label(sent[index].request, index), sent[index].request, expectations, world.valueContext());
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      failures.push(...error.failures);
    }
  });
  if (failures.length > 0) throw new ValidationError(failures);
  return sent;
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
