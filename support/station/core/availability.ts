/**
 * Operational status of the station, its EVSEs and connectors (G03, G04): what the CSMS set with
 * ChangeAvailability, what waits for a running transaction to end (Scheduled), and the connector
 * status that follows from it. Kept by the station across reboots, as a real station persists it
 * (G03, G04).
 */
import type { ConnectorStatusEnumType, OperationalStatusEnumType } from '../../../schemas/ocpp201-messages';
import type { Topology } from './topology';

/** Where a change applies: the whole station, one EVSE, or one connector of an EVSE. */
export interface AvailabilityScope {
  evseId?: number;
  connectorId?: number;
}

export interface ConnectorChange {
  evseId: number;
  connectorId: number;
  status: ConnectorStatusEnumType;
}

export type AvailabilityAnswer = 'Accepted' | 'Scheduled' | 'Rejected';

const STATION = 'station';
const evseKey = (evseId: number): string => `evse ${evseId}`;
const connectorKey = (evseId: number, connectorId: number): string => `connector ${evseId}/${connectorId}`;

export class Availability {
  private readonly connectorStatuses = new Map<string, OperationalStatusEnumType>();
  /**
   * Inoperative set at a level (station, EVSE, connector) that does not hold yet on the EVSEs whose
   * transaction still runs (Scheduled): by the level's key, the EVSEs it waits for.
   */
  private readonly deferred = new Map<string, Set<number>>();

  constructor(
    private readonly topology: Topology,
    /** Whether a transaction runs on the EVSE now. */
    private readonly busy: (evseId: number) => boolean,
  ) {}

  /** Operative only when the station, the EVSE and the connector all are (or wait for a transaction to end). */
  isOperative(evseId: number, connectorId?: number): boolean {
    const holds = (key: string): boolean => !this.deferred.get(key)?.has(evseId);
    if (this.topology.operationalStatus === 'Inoperative' && holds(STATION)) return false;
    if (this.topology.evse(evseId).operationalStatus === 'Inoperative' && holds(evseKey(evseId))) return false;
    if (connectorId === undefined) return true;
    const key = connectorKey(evseId, connectorId);
    return this.connectorStatuses.get(key) !== 'Inoperative' || !holds(key);
  }

  /** The status a StatusNotification of the connector reports now. */
  connectorStatus(evseId: number, connectorId: number): ConnectorStatusEnumType {
    const connector = this.topology.connector(evseId, connectorId);
    if (!this.isOperative(evseId, connectorId)) return 'Unavailable';
    return connector.status === 'Unavailable' ? 'Available' : connector.status;
  }

  /**
   * A ChangeAvailabilityRequest: Rejected for an EVSE or connector the station does not have;
   * Scheduled when a transaction runs where the change would make a connector Inoperative (it
   * happens when the transaction ends, G03.FR.05, G04; idle EVSEs change now); Accepted and
   * done otherwise. A later change of the same scope replaces a scheduled one.
   */
  request(scope: AvailabilityScope, status: OperationalStatusEnumType): { answer: AvailabilityAnswer; changed: ConnectorChange[] } {
    const { evseId, connectorId } = scope;
    const wholeStation = evseId === undefined || evseId === 0;
    if (!wholeStation && !this.topology.hasEvse(evseId)) return { answer: 'Rejected', changed: [] };
    if (!wholeStation && connectorId !== undefined && !this.topology.hasConnector(evseId, connectorId)) {
      return { answer: 'Rejected', changed: [] };
    }
    const before = this.snapshot();
    let key: string;
    if (wholeStation) {
      key = STATION;
      this.topology.operationalStatus = status;
    } else if (connectorId === undefined) {
      key = evseKey(evseId);
      this.topology.evse(evseId).operationalStatus = status;
    } else {
      key = connectorKey(evseId, connectorId);
      this.connectorStatuses.set(key, status);
    }
    this.deferred.delete(key);
    const waitFor = status === 'Inoperative' ? this.evsesIn(scope).filter((candidate) => this.busy(candidate)) : [];
    if (waitFor.length > 0) this.deferred.set(key, new Set(waitFor));
    return { answer: waitFor.length > 0 ? 'Scheduled' : 'Accepted', changed: this.changedSince(before) };
  }

  /** The transaction on an EVSE ended: the changes scheduled for it happen now. */
  transactionEnded(evseId: number): ConnectorChange[] {
    const before = this.snapshot();
    for (const [key, waiting] of this.deferred) {
      waiting.delete(evseId);
      if (waiting.size === 0) this.deferred.delete(key);
    }
    return this.changedSince(before);
  }

  /** A change waits for a transaction on the EVSE. */
  hasScheduled(evseId: number): boolean {
    return [...this.deferred.values()].some((waiting) => waiting.has(evseId));
  }

  /**
   * The station starts again (a reboot): no transaction survives it, so what was scheduled holds
   * now, and every connector is Unavailable or Available as its persisted operational status says.
   */
  powerUp(): void {
    this.deferred.clear();
    for (const { evse, connector } of this.topology.allConnectors()) {
      connector.status = this.isOperative(evse.id, connector.id) ? 'Available' : 'Unavailable';
    }
  }

  private evsesIn(scope: AvailabilityScope): number[] {
    if (scope.evseId === undefined || scope.evseId === 0) return this.topology.evses.map((evse) => evse.id);
    return [scope.evseId];
  }

  private snapshot(): Map<string, ConnectorStatusEnumType> {
    const statuses = new Map<string, ConnectorStatusEnumType>();
    for (const { evse, connector } of this.topology.allConnectors()) {
      statuses.set(connectorKey(evse.id, connector.id), this.connectorStatus(evse.id, connector.id));
    }
    return statuses;
  }

  /** The connectors whose reported status differs from the snapshot. */
  private changedSince(before: ReadonlyMap<string, ConnectorStatusEnumType>): ConnectorChange[] {
    const changed: ConnectorChange[] = [];
    for (const { evse, connector } of this.topology.allConnectors()) {
      const status = this.connectorStatus(evse.id, connector.id);
      if (before.get(connectorKey(evse.id, connector.id)) !== status) changed.push({ evseId: evse.id, connectorId: connector.id, status });
    }
    return changed;
  }
}
