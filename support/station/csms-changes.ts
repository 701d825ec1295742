import type { SetNetworkProfileRequest, SetVariableResultType, SetVariablesRequest } from '../../schemas/ocpp201-messages';
import type { Config } from '../../kernel/config';
import type { OperatorRequest } from '../../kernel/operator/contract';
import type { ChargingStation } from './core/charging-station';

const isPassword = (entry: { component: { name: string }; variable: { name: string } }): boolean =>
  entry.component.name === 'SecurityCtrlr' && entry.variable.name === 'BasicAuthPassword';

/** What the CSMS changed of its own view of a station during a scenario, through requests the station accepted. */
export interface CsmsViewChanges {
  /** A new Basic-auth password (A01). */
  password: boolean;
  /** A raised security profile (A05, B09). */
  securityProfile: boolean;
  /** Any accepted network connection profile (B09), raised or not. */
  networkProfile: boolean;
  /** The tokens of its Local Authorization List (D01-D04). */
  localList: boolean;
}

export async function csmsViewChanges(station: ChargingStation): Promise<CsmsViewChanges> {
  const { securityProfile } = station.identity;
  const changes: CsmsViewChanges = { password: false, securityProfile: false, networkProfile: false, localList: false };
  for (const call of station.received()) {
    const answer = await call.answered;
    if (answer.kind !== 'result') continue;
    if (call.action === 'SetVariables') {
      const results = (answer.payload as { setVariableResult: SetVariableResultType[] }).setVariableResult;
      const asked = (call.payload as SetVariablesRequest).setVariableData.some(isPassword);
      changes.password ||=
        asked && results.some((r) => isPassword(r) && (r.attributeStatus === 'Accepted' || r.attributeStatus === 'RebootRequired'));
    } else if (call.action === 'SetNetworkProfile') {
      const accepted = (answer.payload as { status: string }).status === 'Accepted';
      changes.networkProfile ||= accepted;
      changes.securityProfile ||= accepted && (call.payload as SetNetworkProfileRequest).connectionData.securityProfile > securityProfile;
    } else if (call.action === 'SendLocalList') {
      changes.localList ||= (answer.payload as { status: string }).status === 'Accepted';
    }
  }
  return changes;
}

/** The changes that decide whether the CSMS lets the station in: password, security profile, network profile. */
export function connectionRelevant(changes: CsmsViewChanges): string[] {
  return [
    ...(changes.password ? ['password'] : []),
    ...(changes.securityProfile ? ['security profile'] : []),
    ...(changes.networkProfile ? ['network profile'] : []),
  ];
}

/**
 * What the CSMS changed of its own view of the station during a scenario, as the operator
 * settings that put it back: a new Basic-auth password (A01), a raised security profile (A05, B09)
 * and the tokens of its Local Authorization List (D01-D04). Against a user's CSMS the next scenario
 * would otherwise start from them; the embedded CSMS is reset anyway.
 */
export async function undoOfCsmsChanges(station: ChargingStation, config: Config): Promise<Array<Omit<OperatorRequest, 'stationId'>>> {
  const { password, securityProfile } = station.identity;
  const { password: passwordChanged, securityProfile: profileRaised, localList: listSent } = await csmsViewChanges(station);
  return [
    ...(passwordChanged && password !== undefined
      ? [
          {
            action: 'ConfigureBasicAuthPassword',
            params: { password },
            instruction: `Set the Basic auth password of ${station.id} back to the configured one.`,
          },
        ]
      : []),
    ...(profileRaised
      ? [
          {
            action: 'ConfigureSecurityProfile',
            params: { securityProfile },
            instruction: `Register ${station.id} again for security profile ${securityProfile}, as before this scenario raised it.`,
          },
        ]
      : []),
    ...(listSent
      ? [
          {
            action: 'ConfigureLocalList',
            params: {
              idTokens: [
                { idToken: config.LOCAL_AUTH_LIST_ID_TOKEN, type: config.LOCAL_AUTH_LIST_ID_TOKEN_TYPE },
                { idToken: config.LOCAL_AUTH_LIST_ID_TOKEN_2, type: config.LOCAL_AUTH_LIST_ID_TOKEN_TYPE_2 },
              ],
            },
            instruction: `Keep the configured local-list tokens in the Local Authorization List of ${station.id} again.`,
          },
        ]
      : []),
  ];
}
