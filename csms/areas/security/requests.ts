import type { SetVariableDataType, SetVariableResultType } from '../../../schemas/ocpp201-messages';
import { type RequestBuilders, type ResponseObservers, mergeParams, requireParam } from '../../operator/builder-context';

/** Block A requests: the charging station certificate. */
export const requests: RequestBuilders = {
  CertificateSigned: (params) =>
    mergeParams({ certificateChain: requireParam<string>(params, 'certificateChain', 'CertificateSigned') }, params),
};

const isPasswordEntry = (entry: SetVariableDataType | SetVariableResultType): boolean =>
  entry.component.name === 'SecurityCtrlr' && entry.variable.name === 'BasicAuthPassword' && (entry.attributeType ?? 'Actual') === 'Actual';

/**
 * The CSMS keeps its credentials in step with what the station accepted (A01, A05): a
 * BasicAuthPassword the station took replaces the old one at once (RebootRequired too: the station
 * presents it after its reboot); a higher security profile given with SetNetworkProfile becomes the
 * one the CSMS insists on once the station has connected with it.
 */
export const responses: ResponseObservers = {
  SetVariables: (request, response, { station, session }) => {
    const password = request.setVariableData.filter(isPasswordEntry).at(-1)?.attributeValue;
    const taken = response.setVariableResult.some(
      (result) => isPasswordEntry(result) && (result.attributeStatus === 'Accepted' || result.attributeStatus === 'RebootRequired'),
    );
    if (password === undefined || !taken) return;
    station.password = password;
    session?.connection.note(`${station.id} accepted a new Basic auth password; the CSMS uses it from now on`);
  },
  SetNetworkProfile: (request, response, { station, session }) => {
    const profile = request.connectionData.securityProfile;
    if (response.status !== 'Accepted' || (profile !== 1 && profile !== 2 && profile !== 3) || profile <= station.securityProfile) return;
    station.pendingSecurityProfile = profile;
    session?.connection.note(
      `${station.id} accepted a network profile with security profile ${profile}; lower profiles are refused once it used it`,
    );
  },
};
