import { setRequiredSecurityProfile } from '../../connection-auth';
import { BadOperatorRequest, type ConfigureActions, requireParam } from '../../operator/builder-context';

/** CSMS settings of the security area (operator "Configure…" actions), as an operator registers a station. */
export const settings: ConfigureActions = {
  /** The Basic-auth password the CSMS expects of the station: { password }. */
  ConfigureBasicAuthPassword: (params, { station }) => {
    const password = requireParam<unknown>(params, 'password', 'ConfigureBasicAuthPassword');
    if (typeof password !== 'string' || password.length < 16 || password.length > 40) {
      throw new BadOperatorRequest('password must be a string of 16 to 40 characters (SecurityCtrlr.BasicAuthPassword)');
    }
    station.password = password;
    return { password: `[${password.length} chars]` };
  },
  /** The lowest security profile the CSMS accepts from the station: { securityProfile: 1 | 2 | 3 }. */
  ConfigureSecurityProfile: (params, { station }) => {
    const profile = requireParam<unknown>(params, 'securityProfile', 'ConfigureSecurityProfile');
    if (profile !== 1 && profile !== 2 && profile !== 3) throw new BadOperatorRequest('securityProfile must be 1, 2 or 3');
    setRequiredSecurityProfile(station, profile);
    return { securityProfile: profile };
  },
};
