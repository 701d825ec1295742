import type { ConnectorStatusEnumType, OperationalStatusEnumType } from '../../../schemas/ocpp201-messages';

export interface Connector {
  id: number;
  type: string;
  status: ConnectorStatusEnumType;
}

export interface Evse {
  id: number;
  operationalStatus: OperationalStatusEnumType;
  connectors: Connector[];
}

/** The station's EVSEs and connectors with their current status. */
export class Topology {
  readonly evses: Evse[];
  operationalStatus: OperationalStatusEnumType = 'Operative';

  constructor(numberOfEvses: number, connectorType: string) {
    this.evses = Array.from({ length: numberOfEvses }, (_, index) => ({
      id: index + 1,
      operationalStatus: 'Operative' as const,
      connectors: [{ id: 1, type: connectorType, status: 'Available' as const }],
    }));
  }

  evse(id: number): Evse {
    const evse = this.evses.find((candidate) => candidate.id === id);
    if (!evse) throw new Error(`the station has no EVSE ${id} (it has ${this.evses.map((e) => e.id).join(', ')})`);
    return evse;
  }

  hasEvse(id: number): boolean {
    return this.evses.some((evse) => evse.id === id);
  }

  connector(evseId: number, connectorId: number): Connector {
    const connector = this.evse(evseId).connectors.find((candidate) => candidate.id === connectorId);
    if (!connector) throw new Error(`EVSE ${evseId} has no connector ${connectorId}`);
    return connector;
  }

  hasConnector(evseId: number, connectorId: number): boolean {
    return this.hasEvse(evseId) && this.evse(evseId).connectors.some((connector) => connector.id === connectorId);
  }

  *allConnectors(): Generator<{ evse: Evse; connector: Connector }> {
    for (const evse of this.evses) for (const connector of evse.connectors) yield { evse, connector };
  }
}
