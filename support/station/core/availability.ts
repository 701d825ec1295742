/**
 * Operational status of the station, its EVSEs and connectors (G03, G04): what the CSMS set with
 * ChangeAvailability, what waits for a running transaction to end (Scheduled), and the connector
 * status that follows from it. Kept by the station across reboots, as a real station persists it.
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

export class Availability {
  private readonly connectorStatuses = new Map<string, OperationalStatusEnumType>();
  private readonly pending: Array<{ scope: AvailabilityScope; status: OperationalStatusEnumType }> = [];

  constructor(
    private readonly topology: Topology,
    /** Whether a transaction runs on the EVSE now. */
    private readonly busy: (evseId: number) => boolean,
  ) {}

  /** Operative only when the station, the EVSE and the connector all are. */
  isOperative(evseId: number, connectorId?: number): boolean {
    if (this.topology.operationalStatus === 'Inoperative') return false;
    if (this.topology.evse(evseId).operationalStatus === 'Inoperative') return false;
    return connectorId === undefined || this.connectorStatuses.get(`${evseId}/${connectorId}`) !== 'Inoperative';
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
   * happens when the transaction ends, G03.FR.05); Accepted and done otherwise.
   */
  request(scope: AvailabilityScope, status: OperationalStatusEnumType): { answer: AvailabilityAnswer; changed: ConnectorChange[] } {
    if (scope.evseId !== undefined && scope.evseId !== 0 && !this.topology.hasEvse(scope.evseId))
      return { answer: 'Rejected', changed: [] };
    if (scope.evseId !== undefined && scope.connectorId !== undefined && !this.topology.hasConnector(scope.evseId, scope.connectorId)) {
      return { answer: 'Rejected', changed: [] };
    }
    const affected = this.evsesIn(scope);
    if (status === 'Inoperative' && affected.some((evseId) => this.busy(evseId))) {
      this.pending.push({ scope, status });
      return { answer: 'Scheduled', changed: this.apply({ scope, status }, (evseId) => !this.busy(evseId)) };
    }
    return { answer: 'Accepted', changed: this.apply({ scope, status }) };
  }

  /** The transaction on an EVSE ended: the changes scheduled for it happen now. */
  transactionEnded(evseId: number): ConnectorChange[] {
    const due = this.pending.filter(({ scope }) => this.evsesIn(scope).includes(evseId));
    const changed = due.flatMap((change) => this.apply(change, (candidate) => candidate === evseId));
    for (const change of due) {
      if (this.evsesIn(change.scope).every((candidate) => !this.busy(candidate) || candidate === evseId)) {
        this.pending.splice(this.pending.indexOf(change), 1);
      }
    }
    return changed;
  }

  /** A change waits for a transaction on the EVSE. */
  hasScheduled(evseId: number): boolean {
    return this.pending.some(({ scope }) => this.evsesIn(scope).includes(evseId));
  }

  private evsesIn(scope: AvailabilityScope): number[] {
    if (scope.evseId === undefined || scope.evseId === 0) return this.topology.evses.map((evse) => evse.id);
    return [scope.evseId];
  }

  /** Sets the status at the scope's level; returns the connectors whose reported status changed. */
  private apply(
    change: { scope: AvailabilityScope; status: OperationalStatusEnumType },
    onEvse: (evseId: number) => boolean = () => true,
  ): ConnectorChange[] {
    const before = new Map<string, ConnectorStatusEnumType>();
    for (const { evse, connector } of this.topology.allConnectors())
      before.set(`${evse.id}/${connector.id}`, this.connectorStatus(evse.id, connector.id));
    const { evseId, connectorId } = change.scope;
    if (evseId === undefined || evseId === 0) {
      if (this.topology.evses.every((evse) => onEvse(evse.id))) this.topology.operationalStatus = change.status;
      else for (const evse of this.topology.evses) if (onEvse(evse.id)) evse.operationalStatus = change.status;
    } else if (connectorId === undefined) {
      if (onEvse(evseId)) this.topology.evse(evseId).operationalStatus = change.status;
    } else if (onEvse(evseId)) {
      this.connectorStatuses.set(`${evseId}/${connectorId}`, change.status);
    }
    const changed: ConnectorChange[] = [];
    for (const { evse, connector } of this.topology.allConnectors()) {
      const status = this.connectorStatus(evse.id, connector.id);
      if (before.get(`${evse.id}/${connector.id}`) !== status) changed.push({ evseId: evse.id, connectorId: connector.id, status });
    }
    return changed;
  }
}
