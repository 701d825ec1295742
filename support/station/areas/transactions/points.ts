/**
 * TxStartPoint and TxStopPoint (OCPP 2.0.1 E01, E06; TxCtrlr): the station begins a transaction when
 * the first of its start points is reached, and ends it when a stop point that held stops holding.
 */
import type { DeviceModel } from '../../core/device-model';

export const TX_POINTS = ['ParkingBayOccupancy', 'EVConnected', 'Authorized', 'DataSigned', 'PowerPathClosed', 'EnergyTransfer'] as const;

export type TxPoint = (typeof TX_POINTS)[number];

function isTxPoint(value: string): value is TxPoint {
  return (TX_POINTS as readonly string[]).includes(value);
}

/** Reads a TxStartPoint/TxStopPoint MemberList; an unknown member is a mistake of the scenario. */
export function parseTxPoints(value: string | undefined): ReadonlySet<TxPoint> {
  const members = (value ?? '')
    .split(',')
    .map((member) => member.trim())
    .filter((member) => member !== '');
  const unknown = members.filter((member) => !isTxPoint(member));
  if (unknown.length > 0) throw new Error(`${unknown.join(', ')} is not a TxStartPoint/TxStopPoint value (${TX_POINTS.join(', ')})`);
  return new Set(members as TxPoint[]);
}

export interface TxPoints {
  start: ReadonlySet<TxPoint>;
  stop: ReadonlySet<TxPoint>;
}

/** The station's current TxCtrlr settings. */
export function txPointsOf(deviceModel: DeviceModel): TxPoints {
  return {
    start: parseTxPoints(deviceModel.value('TxCtrlr', 'TxStartPoint')),
    stop: parseTxPoints(deviceModel.value('TxCtrlr', 'TxStopPoint')),
  };
}

/** Whether a change that reaches `reached` starts a transaction (none runs yet). */
export function startsTransaction(points: TxPoints, reached: TxPoint | undefined): boolean {
  return reached !== undefined && points.start.has(reached);
}

/** Whether a change after which the `lost` conditions no longer hold ends the running transaction. */
export function endsTransaction(points: TxPoints, lost: readonly TxPoint[]): boolean {
  return lost.some((point) => points.stop.has(point));
}
