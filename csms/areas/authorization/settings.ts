import type { AuthorizationStatusEnumType, IdTokenEnumType, IdTokenType } from '../../../schemas/ocpp201-messages';
import { trustContractRoot } from '../../ocsp/trusted-roots';
import type { IdTokenRecord } from '../../store';
import { BadOperatorRequest, type ConfigureActions, type Params, requireParam } from '../../operator/builder-context';
import { setLocalList } from './requests';

const ID_TOKEN_TYPES: readonly IdTokenEnumType[] = [
  'Central',
  'eMAID',
  'ISO14443',
  'ISO15693',
  'KeyCode',
  'Local',
  'MacAddress',
  'NoAuthorization',
];
const STATUSES: readonly AuthorizationStatusEnumType[] = [
  'Accepted',
  'Blocked',
  'ConcurrentTx',
  'Expired',
  'Invalid',
  'NoCredit',
  'NotAllowedTypeEVSE',
  'NotAtThisLocation',
  'NotAtThisTime',
  'Unknown',
];

function idTokenOf(value: unknown, what: string): IdTokenType {
  const candidate = value as Partial<IdTokenType> | undefined;
  if (typeof candidate?.idToken !== 'string' || candidate.idToken === '' || !ID_TOKEN_TYPES.includes(candidate.type as IdTokenEnumType)) {
    throw new BadOperatorRequest(`${what} must be { "idToken": "...", "type": one of ${ID_TOKEN_TYPES.join(', ')} }`);
  }
  return { idToken: candidate.idToken, type: candidate.type as IdTokenEnumType };
}

function optionalText(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new BadOperatorRequest(`${name} must be a non-empty string`);
  return value;
}

/** CSMS settings of the authorization area (operator "Configure…" actions). */
export const settings: ConfigureActions = {
  /**
   * Registers or changes an idToken: { idToken: { idToken, type }, status, groupId?, expiresAt?, masterPass? }.
   * Returns the registry entry.
   */
  ConfigureIdToken: (params, { store }) => {
    const idToken = idTokenOf(params.idToken, 'idToken');
    const status = requireParam<AuthorizationStatusEnumType>(params, 'status', 'ConfigureIdToken');
    if (!STATUSES.includes(status)) throw new BadOperatorRequest(`status must be one of ${STATUSES.join(', ')}`);
    const expiresAt = optionalText(params, 'expiresAt');
    if (expiresAt !== undefined && Number.isNaN(Date.parse(expiresAt)))
      throw new BadOperatorRequest('expiresAt must be an ISO 8601 date-time');
    if (params.masterPass !== undefined && typeof params.masterPass !== 'boolean')
      throw new BadOperatorRequest('masterPass must be true or false');
    const record: IdTokenRecord = {
      ...idToken,
      status,
      ...(optionalText(params, 'groupId') ? { groupId: optionalText(params, 'groupId') } : {}),
      ...(expiresAt ? { expiresAt } : {}),
      ...(params.masterPass ? { masterPass: true } : {}),
    };
    store.putToken(record);
    return record;
  },
  /** The idTokens the CSMS keeps in this station's Local Authorization List: { idTokens: [{ idToken, type }] }. */
  ConfigureLocalList: (params, context) => {
    const idTokens = requireParam<unknown[]>(params, 'idTokens', 'ConfigureLocalList');
    if (!Array.isArray(idTokens)) throw new BadOperatorRequest('idTokens must be a list of { idToken, type }');
    setLocalList(
      context.station,
      idTokens.map((value, index) => idTokenOf(value, `idTokens[${index}]`)),
    );
    return { idTokens: context.station.localList };
  },
  /**
   * A V2G or MO root the CSMS trusts for contract certificates it validates itself (C07):
   * { certificate: PEM }. Returns the subjects of every root now trusted.
   */
  ConfigureContractCertificateRoot: (params, context) => {
    const pem = requireParam<string>(params, 'certificate', 'ConfigureContractCertificateRoot');
    try {
      return { trustedRoots: trustContractRoot(context.station, pem) };
    } catch (error) {
      throw new BadOperatorRequest(`certificate: ${(error as Error).message}`);
    }
  },
};
