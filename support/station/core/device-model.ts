/**
 * The station's device model (OCPP 2.0.1 Part 2, chapter "Device Model"): components, variables
 * and their attributes, read and written by GetVariables/SetVariables and reported by
 * GetBaseReport/GetReport.
 */
import type {
  AttributeEnumType,
  ComponentCriterionEnumType,
  ComponentType,
  ComponentVariableType,
  DataEnumType,
  GetVariableDataType,
  GetVariableResultType,
  MutabilityEnumType,
  ReportBaseEnumType,
  ReportDataType,
  SetVariableDataType,
  SetVariableResultType,
  VariableType,
} from '../../../schemas/ocpp201-messages';

export interface AttributeValue {
  value: string;
  mutability: MutabilityEnumType;
}

export interface VariableDefinition {
  component: ComponentType;
  variable: VariableType;
  dataType: DataEnumType;
  attributes: Partial<Record<AttributeEnumType, AttributeValue>>;
  valuesList?: string;
  unit?: string;
  minLimit?: number;
  maxLimit?: number;
  supportsMonitoring?: boolean;
  /** A new value takes effect only after a reboot (SetVariables answers RebootRequired). */
  rebootRequired?: boolean;
}

export interface ModelShape {
  evses: ReadonlyArray<{ id: number; connectors: ReadonlyArray<{ id: number; type: string }> }>;
  numberOfPhases: number;
  basicAuthPassword: string;
  organizationName: string;
}

function key(component: ComponentType, variable: VariableType): string {
  const evse = component.evse ? `${component.evse.id}/${component.evse.connectorId ?? ''}` : '';
  return `${component.name}|${component.instance ?? ''}|${evse}|${variable.name}|${variable.instance ?? ''}`;
}

function componentKey(component: ComponentType): string {
  const evse = component.evse ? `${component.evse.id}/${component.evse.connectorId ?? ''}` : '';
  return `${component.name}|${component.instance ?? ''}|${evse}`;
}

const rw = (value: string): Partial<Record<AttributeEnumType, AttributeValue>> => ({ Actual: { value, mutability: 'ReadWrite' } });
const ro = (value: string): Partial<Record<AttributeEnumType, AttributeValue>> => ({ Actual: { value, mutability: 'ReadOnly' } });

/** The variables of a station with the given EVSEs, as the catalog's test cases read and write them. */
export function defaultVariables(shape: ModelShape): VariableDefinition[] {
  const v = (
    component: string | ComponentType,
    variable: string | VariableType,
    dataType: DataEnumType,
    attributes: Partial<Record<AttributeEnumType, AttributeValue>>,
    extra: Partial<VariableDefinition> = {},
  ): VariableDefinition => ({
    component: typeof component === 'string' ? { name: component } : component,
    variable: typeof variable === 'string' ? { name: variable } : variable,
    dataType,
    attributes,
    supportsMonitoring: false,
    ...extra,
  });
  const measurands = 'Energy.Active.Import.Register,Current.Import,Voltage,Power.Active.Import,SoC';
  const list: VariableDefinition[] = [
    v('ChargingStation', 'AvailabilityState', 'OptionList', ro('Available'), {
      valuesList: 'Available,Occupied,Reserved,Unavailable,Faulted',
      supportsMonitoring: true,
    }),
    v('ChargingStation', 'Available', 'boolean', ro('true'), { supportsMonitoring: true }),
    v('ChargingStation', 'Model', 'string', ro('')),
    v('ChargingStation', 'VendorName', 'string', ro('')),
    v('ChargingStation', 'SupplyPhases', 'integer', ro(String(shape.numberOfPhases))),

    v('OCPPCommCtrlr', 'OfflineThreshold', 'integer', rw('60'), { unit: 's', supportsMonitoring: true }),
    v('OCPPCommCtrlr', 'HeartbeatInterval', 'integer', rw('300'), { unit: 's' }),
    v('OCPPCommCtrlr', { name: 'MessageTimeout', instance: 'Default' }, 'integer', rw('30'), { unit: 's' }),
    v('OCPPCommCtrlr', { name: 'MessageAttempts', instance: 'TransactionEvent' }, 'integer', rw('3')),
    v('OCPPCommCtrlr', { name: 'MessageAttemptInterval', instance: 'TransactionEvent' }, 'integer', rw('10'), { unit: 's' }),
    v('OCPPCommCtrlr', 'NetworkConfigurationPriority', 'SequenceList', rw('0'), { rebootRequired: true }),
    v('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts', 'integer', rw('3')),
    v('OCPPCommCtrlr', 'ResetRetries', 'integer', rw('2')),
    v('OCPPCommCtrlr', 'UnlockOnEVSideDisconnect', 'boolean', rw('true')),
    v('OCPPCommCtrlr', 'WebSocketPingInterval', 'integer', rw('0'), { unit: 's' }),
    v('OCPPCommCtrlr', 'FileTransferProtocols', 'MemberList', ro('HTTP,HTTPS,FTP')),

    v('DeviceDataCtrlr', { name: 'ItemsPerMessage', instance: 'GetReport' }, 'integer', ro('4')),
    v('DeviceDataCtrlr', { name: 'ItemsPerMessage', instance: 'GetVariables' }, 'integer', ro('4')),
    v('DeviceDataCtrlr', { name: 'ItemsPerMessage', instance: 'SetVariables' }, 'integer', ro('4')),
    v('DeviceDataCtrlr', { name: 'BytesPerMessage', instance: 'GetReport' }, 'integer', ro('4096')),
    v('DeviceDataCtrlr', { name: 'BytesPerMessage', instance: 'GetVariables' }, 'integer', ro('4096')),
    v('DeviceDataCtrlr', { name: 'BytesPerMessage', instance: 'SetVariables' }, 'integer', ro('4096')),

    v('AuthCtrlr', 'Enabled', 'boolean', rw('true')),
    v('AuthCtrlr', 'AuthEnabled', 'boolean', rw('true')),
    v('AuthCtrlr', 'AuthorizeRemoteStart', 'boolean', rw('true')),
    v('AuthCtrlr', 'LocalAuthorizeOffline', 'boolean', rw('true')),
    v('AuthCtrlr', 'LocalPreAuthorize', 'boolean', rw('false')),
    v('AuthCtrlr', 'MasterPassGroupId', 'string', rw('')),
    v('AuthCacheCtrlr', 'Enabled', 'boolean', rw('true')),
    v('AuthCacheCtrlr', 'Available', 'boolean', ro('true')),
    v('AuthCacheCtrlr', 'LifeTime', 'integer', rw('86400'), { unit: 's' }),
    v('LocalAuthListCtrlr', 'Enabled', 'boolean', rw('true')),
    v('LocalAuthListCtrlr', 'Available', 'boolean', ro('true')),
    v('LocalAuthListCtrlr', 'Entries', 'integer', ro('0')),
    v('LocalAuthListCtrlr', 'ItemsPerMessage', 'integer', ro('100')),
    v('LocalAuthListCtrlr', 'BytesPerMessage', 'integer', ro('8192')),

    v(
      'SecurityCtrlr',
      'BasicAuthPassword',
      'string',
      { Actual: { value: shape.basicAuthPassword, mutability: 'WriteOnly' } },
      { minLimit: 16, maxLimit: 40 },
    ),
    v('SecurityCtrlr', 'OrganizationName', 'string', rw(shape.organizationName)),
    v('SecurityCtrlr', 'SecurityProfile', 'integer', ro('1')),
    v('SecurityCtrlr', 'CertificateEntries', 'integer', ro('0')),
    v('SecurityCtrlr', 'Identity', 'string', rw('')),

    v('TxCtrlr', 'TxStartPoint', 'MemberList', rw('EVConnected,Authorized'), {
      valuesList: 'ParkingBayOccupancy,EVConnected,Authorized,DataSigned,PowerPathClosed,EnergyTransfer',
    }),
    v('TxCtrlr', 'TxStopPoint', 'MemberList', rw('EVConnected'), {
      valuesList: 'ParkingBayOccupancy,EVConnected,Authorized,DataSigned,PowerPathClosed,EnergyTransfer',
    }),
    v('TxCtrlr', 'EVConnectionTimeOut', 'integer', rw('60'), { unit: 's' }),
    v('TxCtrlr', 'StopTxOnEVSideDisconnect', 'boolean', rw('true')),
    v('TxCtrlr', 'StopTxOnInvalidId', 'boolean', rw('true')),
    v('TxCtrlr', 'MaxEnergyOnInvalidId', 'integer', rw('0'), { unit: 'Wh' }),

    v('SampledDataCtrlr', 'Enabled', 'boolean', rw('true')),
    v('SampledDataCtrlr', 'TxStartedMeasurands', 'MemberList', rw('Energy.Active.Import.Register'), { valuesList: measurands }),
    v('SampledDataCtrlr', 'TxUpdatedMeasurands', 'MemberList', rw('Energy.Active.Import.Register'), { valuesList: measurands }),
    v('SampledDataCtrlr', 'TxUpdatedInterval', 'integer', rw('0'), { unit: 's' }),
    v('SampledDataCtrlr', 'TxEndedMeasurands', 'MemberList', rw('Energy.Active.Import.Register'), { valuesList: measurands }),
    v('SampledDataCtrlr', 'TxEndedInterval', 'integer', rw('0'), { unit: 's' }),
    v('AlignedDataCtrlr', 'Enabled', 'boolean', rw('true')),
    v('AlignedDataCtrlr', 'Measurands', 'MemberList', rw('Energy.Active.Import.Register'), { valuesList: measurands }),
    v('AlignedDataCtrlr', 'Interval', 'integer', rw('0'), { unit: 's' }),
    v('AlignedDataCtrlr', 'TxEndedMeasurands', 'MemberList', rw('Energy.Active.Import.Register'), { valuesList: measurands }),
    v('AlignedDataCtrlr', 'TxEndedInterval', 'integer', rw('0'), { unit: 's' }),

    v('ReservationCtrlr', 'Enabled', 'boolean', rw('true')),
    v('ReservationCtrlr', 'Available', 'boolean', ro('true')),
    v('ReservationCtrlr', 'NonEvseSpecific', 'boolean', ro('true')),
    v('SmartChargingCtrlr', 'Enabled', 'boolean', rw('true')),
    v('SmartChargingCtrlr', 'Available', 'boolean', ro('true')),
    v('SmartChargingCtrlr', { name: 'Entries', instance: 'ChargingProfiles' }, 'integer', ro('0')),
    v('SmartChargingCtrlr', 'LimitChangeSignificance', 'decimal', rw('10')),
    v('SmartChargingCtrlr', 'PeriodsPerSchedule', 'integer', ro('24')),
    v('SmartChargingCtrlr', 'ProfileStackLevel', 'integer', ro('10')),
    v('SmartChargingCtrlr', 'RateUnit', 'MemberList', ro('A,W')),
    v('MonitoringCtrlr', 'Enabled', 'boolean', rw('true')),
    v('MonitoringCtrlr', { name: 'ItemsPerMessage', instance: 'ClearVariableMonitoring' }, 'integer', ro('4')),
    v('MonitoringCtrlr', { name: 'ItemsPerMessage', instance: 'SetVariableMonitoring' }, 'integer', ro('4')),
    v('MonitoringCtrlr', { name: 'BytesPerMessage', instance: 'ClearVariableMonitoring' }, 'integer', ro('4096')),
    v('MonitoringCtrlr', { name: 'BytesPerMessage', instance: 'SetVariableMonitoring' }, 'integer', ro('4096')),
    v('DisplayMessageCtrlr', 'Enabled', 'boolean', rw('true')),
    v('DisplayMessageCtrlr', 'Available', 'boolean', ro('true')),
    v('DisplayMessageCtrlr', 'DisplayMessages', 'integer', ro('0'), { maxLimit: 10 }),
    v('DisplayMessageCtrlr', 'SupportedFormats', 'MemberList', ro('ASCII,HTML,URI,UTF8')),
    v('DisplayMessageCtrlr', 'SupportedPriorities', 'MemberList', ro('AlwaysFront,InFront,NormalCycle')),
    v('ClockCtrlr', 'DateTime', 'dateTime', ro(new Date().toISOString())),
    v('ClockCtrlr', 'TimeSource', 'SequenceList', rw('Heartbeat')),
    v('ISO15118Ctrlr', 'CountryName', 'string', rw('NL')),
    v('ISO15118Ctrlr', 'OrganizationName', 'string', rw(shape.organizationName)),
    v('ISO15118Ctrlr', 'CentralContractValidationAllowed', 'boolean', rw('true')),
    v('ISO15118Ctrlr', 'ContractValidationOffline', 'boolean', rw('true')),
    v('ISO15118Ctrlr', 'V2GCertificateInstallationEnabled', 'boolean', rw('true')),
    v('ISO15118Ctrlr', 'ContractCertificateInstallationEnabled', 'boolean', rw('true')),
  ];
  for (const evse of shape.evses) {
    list.push(
      v({ name: 'EVSE', evse: { id: evse.id } }, 'AvailabilityState', 'OptionList', ro('Available'), {
        valuesList: 'Available,Occupied,Reserved,Unavailable,Faulted',
        supportsMonitoring: true,
      }),
      v({ name: 'EVSE', evse: { id: evse.id } }, 'Available', 'boolean', ro('true'), { supportsMonitoring: true }),
      v(
        { name: 'EVSE', evse: { id: evse.id } },
        'Power',
        'decimal',
        { Actual: { value: '0', mutability: 'ReadOnly' }, MaxSet: { value: '22000', mutability: 'ReadOnly' } },
        {
          unit: 'W',
          supportsMonitoring: true,
        },
      ),
      v({ name: 'EVSE', evse: { id: evse.id } }, 'SupplyPhases', 'integer', ro(String(shape.numberOfPhases))),
    );
    for (const connector of evse.connectors) {
      const component = { name: 'Connector', evse: { id: evse.id, connectorId: connector.id } };
      list.push(
        v(component, 'AvailabilityState', 'OptionList', ro('Available'), {
          valuesList: 'Available,Occupied,Reserved,Unavailable,Faulted',
          supportsMonitoring: true,
        }),
        v(component, 'Available', 'boolean', ro('true'), { supportsMonitoring: true }),
        v(component, 'ConnectorType', 'string', ro(connector.type)),
        v(component, 'SupplyPhases', 'integer', ro(String(shape.numberOfPhases))),
      );
    }
  }
  return list;
}

/** The result of a SetVariables write the station applied, so it can act on it (new password, …). */
export interface AppliedChange {
  definition: VariableDefinition;
  attributeType: AttributeEnumType;
  value: string;
}

export class DeviceModel {
  private readonly variables = new Map<string, VariableDefinition>();
  private readonly components = new Set<string>();
  private readonly changeListeners = new Set<(change: AppliedChange) => void>();

  constructor(definitions: readonly VariableDefinition[]) {
    for (const definition of definitions) this.define(definition);
  }

  define(definition: VariableDefinition): void {
    this.variables.set(key(definition.component, definition.variable), structuredClone(definition));
    this.components.add(componentKey(definition.component));
  }

  find(component: ComponentType, variable: VariableType): VariableDefinition | undefined {
    return this.variables.get(key(component, variable));
  }

  all(): VariableDefinition[] {
    return [...this.variables.values()];
  }

  hasComponent(component: ComponentType): boolean {
    return this.components.has(componentKey(component));
  }

  /** A controller's ItemsPerMessage for one message type, e.g. ('DeviceDataCtrlr', 'GetVariables'). */
  itemsPerMessage(componentName: string, instance: string): number | undefined {
    const value = this.value(componentName, 'ItemsPerMessage', instance);
    return value === undefined ? undefined : Number(value);
  }

  /** The Actual value, e.g. model.value('OCPPCommCtrlr', 'OfflineThreshold'). */
  value(componentName: string, variableName: string, variableInstance?: string): string | undefined {
    return this.find({ name: componentName }, { name: variableName, instance: variableInstance })?.attributes.Actual?.value;
  }

  /** Sets a value from the station's side (no mutability check), e.g. a test-case precondition. */
  setValue(
    componentName: string,
    variableName: string,
    value: string,
    variableInstance?: string,
    attributeType: AttributeEnumType = 'Actual',
  ): void {
    const definition = this.find({ name: componentName }, { name: variableName, instance: variableInstance });
    if (!definition)
      throw new Error(`the station has no variable ${componentName}.${variableName}${variableInstance ? `[${variableInstance}]` : ''}`);
    const attribute = definition.attributes[attributeType];
    if (!attribute) throw new Error(`${componentName}.${variableName} has no ${attributeType} attribute`);
    attribute.value = value;
  }

  /** Sets a value of a component with an EVSE or instance (e.g. a connector's AvailabilityState), from the station's side. */
  setComponentValue(component: ComponentType, variable: VariableType, value: string, attributeType: AttributeEnumType = 'Actual'): void {
    const attribute = this.find(component, variable)?.attributes[attributeType];
    if (!attribute) throw new Error(`the station has no ${attributeType} ${componentKey(component)}.${variable.name}`);
    attribute.value = value;
  }

  onChange(listener: (change: AppliedChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /**
   * The attribute a Get/SetVariables element names, or the attributeStatus a station answers when
   * there is none (B06, B05): unknown component, unknown variable, attribute type not supported.
   */
  private lookup(
    request: Pick<GetVariableDataType, 'component' | 'variable' | 'attributeType'>,
  ):
    | { found: true; definition: VariableDefinition; attribute: AttributeValue; attributeType: AttributeEnumType }
    | { found: false; attributeStatus: 'UnknownComponent' | 'UnknownVariable' | 'NotSupportedAttributeType' } {
    const attributeType = request.attributeType ?? 'Actual';
    if (!this.components.has(componentKey(request.component))) return { found: false, attributeStatus: 'UnknownComponent' };
    const definition = this.find(request.component, request.variable);
    if (!definition) return { found: false, attributeStatus: 'UnknownVariable' };
    const attribute = definition.attributes[attributeType];
    if (!attribute) return { found: false, attributeStatus: 'NotSupportedAttributeType' };
    return { found: true, definition, attribute, attributeType };
  }

  get(request: GetVariableDataType): GetVariableResultType {
    const base = resultBase(request);
    const target = this.lookup(request);
    if (!target.found) return { ...base, attributeStatus: target.attributeStatus };
    if (target.attribute.mutability === 'WriteOnly') return { ...base, attributeStatus: 'Rejected' };
    return { ...base, attributeStatus: 'Accepted', attributeValue: target.attribute.value };
  }

  set(request: SetVariableDataType): SetVariableResultType {
    const base = resultBase(request);
    const target = this.lookup(request);
    if (!target.found) return { ...base, attributeStatus: target.attributeStatus };
    const { definition, attribute, attributeType } = target;
    if (attribute.mutability === 'ReadOnly')
      return { ...base, attributeStatus: 'Rejected', attributeStatusInfo: { reasonCode: 'ReadOnly' } };
    const problem = invalidValue(definition, request.attributeValue);
    if (problem)
      return { ...base, attributeStatus: 'Rejected', attributeStatusInfo: { reasonCode: 'InvalidValue', additionalInfo: problem } };
    attribute.value = request.attributeValue;
    for (const listener of this.changeListeners) listener({ definition, attributeType, value: request.attributeValue });
    return { ...base, attributeStatus: definition.rebootRequired ? 'RebootRequired' : 'Accepted' };
  }

  /** Report entries, as NotifyReportRequest.reportData, for every variable `include` selects. */
  report(include: (definition: VariableDefinition) => boolean = () => true): ReportDataType[] {
    return this.all()
      .filter(include)
      .map((definition) => ({
        component: definition.component,
        variable: definition.variable,
        variableAttribute: Object.entries(definition.attributes).map(([type, attribute]) => ({
          type: type as AttributeEnumType,
          // A WriteOnly value (a password) is never reported.
          ...(attribute.mutability === 'WriteOnly' ? {} : { value: attribute.value }),
          mutability: attribute.mutability,
        })),
        variableCharacteristics: {
          dataType: definition.dataType,
          supportsMonitoring: definition.supportsMonitoring ?? false,
          ...(definition.unit ? { unit: definition.unit } : {}),
          ...(definition.minLimit !== undefined ? { minLimit: definition.minLimit } : {}),
          ...(definition.maxLimit !== undefined ? { maxLimit: definition.maxLimit } : {}),
          ...(definition.valuesList ? { valuesList: definition.valuesList } : {}),
        },
      }));
  }
}

function invalidValue(definition: VariableDefinition, value: string): string | undefined {
  switch (definition.dataType) {
    case 'integer':
      if (!/^-?\d+$/.test(value)) return `${value} is not an integer`;
      break;
    case 'decimal':
      if (!/^-?\d+(\.\d+)?$/.test(value)) return `${value} is not a decimal`;
      break;
    case 'boolean':
      if (value !== 'true' && value !== 'false') return `${value} is not true or false`;
      break;
    case 'OptionList':
      if (definition.valuesList && !definition.valuesList.split(',').includes(value))
        return `${value} is not one of ${definition.valuesList}`;
      break;
    case 'MemberList': {
      const allowed = definition.valuesList?.split(',');
      const bad = allowed ? value.split(',').filter((member) => member !== '' && !allowed.includes(member)) : [];
      if (bad.length > 0) return `${bad.join(',')} not in ${definition.valuesList}`;
      break;
    }
    default:
      break;
  }
  if (definition.dataType === 'string') {
    if (definition.minLimit !== undefined && value.length < definition.minLimit) return `shorter than ${definition.minLimit} characters`;
    if (definition.maxLimit !== undefined && value.length > definition.maxLimit) return `longer than ${definition.maxLimit} characters`;
  } else if (definition.dataType === 'integer' || definition.dataType === 'decimal') {
    const number = Number(value);
    if (definition.minLimit !== undefined && number < definition.minLimit) return `below ${definition.minLimit}`;
    if (definition.maxLimit !== undefined && number > definition.maxLimit) return `above ${definition.maxLimit}`;
  }
  return undefined;
}

/**
 * Which variables a base report holds (B07): ConfigurationInventory the ones the CSMS may set,
 * FullInventory all, SummaryInventory the availability of the station, its EVSEs and connectors
 * and any problem they report.
 */
export function baseReportSelection(reportBase: ReportBaseEnumType): (definition: VariableDefinition) => boolean {
  switch (reportBase) {
    case 'ConfigurationInventory':
      return (definition) =>
        Object.values(definition.attributes).some(
          (attribute) => attribute.mutability === 'ReadWrite' || attribute.mutability === 'WriteOnly',
        );
    case 'FullInventory':
      return () => true;
    case 'SummaryInventory':
      return (definition) =>
        ['ChargingStation', 'EVSE', 'Connector'].includes(definition.component.name) &&
        ['AvailabilityState', 'Available', 'Problem'].includes(definition.variable.name);
  }
}

/** A requested component matches when every field the request gives is equal; what it leaves out matches anything. */
export function componentMatches(wanted: ComponentType, actual: ComponentType): boolean {
  if (wanted.name !== actual.name) return false;
  if (wanted.instance !== undefined && wanted.instance !== actual.instance) return false;
  if (!wanted.evse) return true;
  if (actual.evse?.id !== wanted.evse.id) return false;
  return wanted.evse.connectorId === undefined || wanted.evse.connectorId === actual.evse.connectorId;
}

export function variableMatches(wanted: VariableType | undefined, actual: VariableType): boolean {
  if (!wanted) return true;
  return wanted.name === actual.name && (wanted.instance === undefined || wanted.instance === actual.instance);
}

/**
 * Which variables a GetReportRequest selects (B08): those of the requested components/variables
 * (all when none is given), of components meeting at least one criterion, i.e. having that
 * variable (Active, Available, Enabled, Problem) set to true. A component without that variable
 * does not meet it.
 */
export function customReportSelection(
  model: DeviceModel,
  componentVariable: readonly ComponentVariableType[] | undefined,
  componentCriteria: readonly ComponentCriterionEnumType[] | undefined,
): (definition: VariableDefinition) => boolean {
  return (definition) => {
    const requested =
      !componentVariable ||
      componentVariable.some(
        (wanted) => componentMatches(wanted.component, definition.component) && variableMatches(wanted.variable, definition.variable),
      );
    if (!requested) return false;
    if (!componentCriteria || componentCriteria.length === 0) return true;
    return componentCriteria.some(
      (criterion) => model.find(definition.component, { name: criterion })?.attributes.Actual?.value === 'true',
    );
  };
}

/** What every Get/SetVariableResult repeats of its request. */
function resultBase(request: Pick<GetVariableDataType, 'component' | 'variable' | 'attributeType'>) {
  return {
    component: request.component,
    variable: request.variable,
    ...(request.attributeType ? { attributeType: request.attributeType } : {}),
  };
}
