import type { RegistrationStatusEnumType } from '../../../schemas/ocpp201-messages';
import { BadOperatorRequest, type ConfigureActions } from '../builder-context';

const REGISTRATION: readonly RegistrationStatusEnumType[] = ['Accepted', 'Pending', 'Rejected'];

/** CSMS settings of block B. */
export const provisioningSettings: ConfigureActions = {
  /** How the CSMS answers the station's next BootNotifications: { status, interval }. */
  ConfigureBootNotificationResponse: (params, { station }) => {
    const status = params.status as RegistrationStatusEnumType;
    if (!REGISTRATION.includes(status)) throw new BadOperatorRequest(`status must be one of ${REGISTRATION.join(', ')}`);
    const interval = params.interval === undefined ? station.bootPolicy.interval : Number(params.interval);
    if (!Number.isInteger(interval) || interval < 0) throw new BadOperatorRequest('interval must be an integer >= 0 (seconds)');
    station.bootPolicy = { status, interval };
    return station.bootPolicy;
  },
};
