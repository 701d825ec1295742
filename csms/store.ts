/**
 * The reference CSMS's in-memory state, seeded from the same configuration as the suite: the
 * registered stations and their credentials, EVSE topology, id tokens, local list, tariff.
 * Nothing is global: every ReferenceCsms owns one store.
 */
import type {
  AuthorizationStatusEnumType,
  ConnectorStatusEnumType,
  IdTokenEnumType,
  IdTokenType,
  RegistrationStatusEnumType,
  RequestStartStopStatusEnumType,
  TransactionEventRequest,
} from '../schemas/ocpp201-messages';
import type { Config } from '../kernel/config';
import type { StationToCsmsAction } from '../kernel/ocpp/actions';
import { type StateSlot, StateSlots } from '../kernel/state-slots';

export type SecurityProfileNumber = 1 | 2 | 3;

export interface BootPolicy {
  status: RegistrationStatusEnumType;
  /** Seconds: heartbeat interval when Accepted, retry interval when Pending/Rejected. */
  interval: number;
}

export interface StationRecord {
  id: string;
  /** Basic-auth password (profiles 1 and 2). */
  password: string;
  /** Lowest security profile the CSMS accepts from this station (A00: never downgrade). */
  securityProfile: SecurityProfileNumber;
  /** A higher profile the station accepted with SetNetworkProfile; the lower ones are refused once it used it (A05). */
  pendingSecurityProfile?: SecurityProfileNumber;
  /** How the next BootNotification is answered. */
  bootPolicy: BootPolicy;
  /** How the BootNotifications after the next one are answered (e.g. Pending, then Accepted). */
  bootPolicyAfterwards?: BootPolicy;
  registration: RegistrationStatusEnumType | 'Unknown';
  /** Messages the CSMS asked of the station while it is not yet accepted (TriggerMessage, a report). */
  requestedWhilePending: Set<StationToCsmsAction>;
  evses: Array<{ id: number; connectorIds: number[] }>;
  connectorStatus: Map<string, ConnectorStatusEnumType>;
  /** Limits the CSMS knows of the station's device model (DeviceDataCtrlr.ItemsPerMessage …). */
  itemsPerMessage: Partial<Record<'GetVariables' | 'SetVariables' | 'GetReport', number>>;
  /** Values reported by the station (NotifyReport, GetVariables): "Component.Variable" -> value. */
  reportedVariables: Map<string, string>;
  lastHeartbeat?: string;
  localListVersion: number;
  /** The idTokens the CSMS keeps in the station's Local Authorization List. */
  localList: IdTokenType[];
  /** V2G / MO roots the operator trusts for contract certificates this station presents (C07), PEM. */
  trustedContractRoots: string[];
  /** What the CSMS areas keep of this station (see CsmsStationState), gone with a reset. */
  readonly areaState: StateSlots<string>;
}

/** Per-station state of a CSMS area (made with stateSlot; the owner is the station id), e.g. the display messages it set. */
export type CsmsStationState<T> = StateSlot<string, T>;

export interface IdTokenRecord {
  idToken: string;
  type: IdTokenEnumType;
  status: AuthorizationStatusEnumType;
  groupId?: string;
  /** ISO time after which the token is Expired. */
  expiresAt?: string;
  /** May stop any transaction (C16 master pass). */
  masterPass?: boolean;
}

export interface TransactionRecord {
  stationId: string;
  transactionId: string;
  evseId?: number;
  connectorId?: number;
  idToken?: IdTokenType;
  events: TransactionEventRequest[];
  seqNos: number[];
  startedAt?: string;
  endedAt?: string;
  /** Energy register at the last meter value, Wh. */
  lastEnergyWh?: number;
  firstEnergyWh?: number;
  /** The idTokenInfo status last given for the transaction's own idToken. */
  toldStatus?: AuthorizationStatusEnumType;
  /** Events the station reported as having happened while it was offline. */
  offlineEvents: number;
  /** seqNo values received more than once. */
  duplicateSeqNos: number[];
  /** The idTokenInfo status given in answer to each event that got one, by seqNo. */
  verdicts: Array<{ seqNo: number; status: AuthorizationStatusEnumType }>;
}

/** A remote start the CSMS asked for (F01, F02), and what became of it. */
export interface RemoteStartRecord {
  stationId: string;
  remoteStartId: number;
  idToken: IdTokenType;
  evseId?: number;
  /** The station's answer, once it came. */
  status?: RequestStartStopStatusEnumType;
  /** The transaction it started (or the one already running when the cable was plugged in first). */
  transactionId?: string;
}

function tokenKey(idToken: string, type: string): string {
  return `${type}:${idToken}`;
}

export class CsmsStore {
  readonly stations = new Map<string, StationRecord>();
  readonly tokens = new Map<string, IdTokenRecord>();
  readonly transactions = new Map<string, TransactionRecord>();
  readonly remoteStarts: RemoteStartRecord[] = [];
  tariffPerKwh = 0;
  /** Price per minute of a transaction (ConfigureTariff); none in the seed. */
  tariffPerMinute = 0;
  private requestIds = 0;
  private profileIds = 0;

  constructor(private readonly config: Config) {
    this.reset();
  }

  /** Back to the seed: as freshly configured by the operator. */
  reset(): void {
    const config = this.config;
    this.stations.clear();
    this.tokens.clear();
    this.transactions.clear();
    this.remoteStarts.length = 0;
    this.tariffPerKwh = config.COST_PER_KWH;
    this.tariffPerMinute = 0;
    const evses = Array.from({ length: Math.max(config.CONFIGURED_NUMBER_OF_EVSES, config.CONFIGURED_EVSE_ID) }, (_, i) => ({
      id: i + 1,
      connectorIds: [1],
    }));
    const passwords = new Map(
      [config.BASIC_AUTH_CP, config.SECURITY_PROFILE_2_CP, config.SECURITY_PROFILE_3_CP].map((id) => [id, config.BASIC_AUTH_CP_PASSWORD]),
    );
    // The station pool of parallel runs: every identity a worker may lease, with its own password.
    for (const { id, password } of config.STATION_POOL ?? []) passwords.set(id, password);
    for (const [id, password] of passwords) {
      this.stations.set(id, {
        id,
        password,
        securityProfile: 1,
        bootPolicy: { status: 'Accepted', interval: 300 },
        registration: 'Unknown',
        requestedWhilePending: new Set(),
        evses: structuredClone(evses),
        connectorStatus: new Map(),
        itemsPerMessage: {},
        reportedVariables: new Map(),
        // The seed is the list the CSMS last installed on the station, with its version (D01: the CSMS
        // knows the version from its own last update; a GetLocalListVersion answer corrects it).
        localListVersion: config.LOCAL_LIST_VERSION,
        localList: [
          { idToken: config.LOCAL_AUTH_LIST_ID_TOKEN, type: config.LOCAL_AUTH_LIST_ID_TOKEN_TYPE },
          { idToken: config.LOCAL_AUTH_LIST_ID_TOKEN_2, type: config.LOCAL_AUTH_LIST_ID_TOKEN_TYPE_2 },
        ],
        trustedContractRoots: [],
        areaState: new StateSlots<string>(id),
      });
    }
    const token = (
      idToken: string,
      type: IdTokenEnumType,
      status: AuthorizationStatusEnumType,
      extra: Partial<IdTokenRecord> = {},
    ): void => {
      this.tokens.set(tokenKey(idToken, type), { idToken, type, status, ...extra });
    };
    token(config.VALID_ID_TOKEN, config.VALID_ID_TOKEN_TYPE, 'Accepted', { groupId: config.GROUP_ID });
    token(config.VALID_ID_TOKEN_2, config.VALID_ID_TOKEN_TYPE_2, 'Accepted', { groupId: config.GROUP_ID });
    token(config.BLOCKED_ID_TOKEN, config.BLOCKED_ID_TOKEN_TYPE, 'Blocked');
    token(config.EXPIRED_ID_TOKEN, config.EXPIRED_ID_TOKEN_TYPE, 'Accepted', { expiresAt: '2020-01-01T00:00:00.000Z' });
    token(config.MASTERPASS_ID_TOKEN, config.MASTERPASS_ID_TOKEN_TYPE, 'Accepted', {
      groupId: config.MASTERPASS_GROUP_ID,
      masterPass: true,
    });
    token(config.LOCAL_AUTH_LIST_ID_TOKEN, config.LOCAL_AUTH_LIST_ID_TOKEN_TYPE, 'Accepted');
    token(config.LOCAL_AUTH_LIST_ID_TOKEN_2, config.LOCAL_AUTH_LIST_ID_TOKEN_TYPE_2, 'Accepted');
  }

  station(id: string): StationRecord | undefined {
    return this.stations.get(id);
  }

  token(idToken: string, type: string): IdTokenRecord | undefined {
    return this.tokens.get(tokenKey(idToken, type));
  }

  putToken(record: IdTokenRecord): void {
    this.tokens.set(tokenKey(record.idToken, record.type), record);
  }

  nextRequestId(): number {
    this.requestIds += 1;
    return this.requestIds;
  }

  nextChargingProfileId(): number {
    this.profileIds += 1;
    return this.profileIds;
  }
}
