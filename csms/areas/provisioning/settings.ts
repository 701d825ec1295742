import type { RegistrationStatusEnumType } from '../../../schemas/ocpp201-messages';
import type { BootPolicy, StationRecord } from '../../store';
import { BadOperatorRequest, type ConfigureActions, type Params } from '../../operator/builder-context';

const REGISTRATION: readonly RegistrationStatusEnumType[] = ['Accepted', 'Pending', 'Rejected'];
const LIMITED_MESSAGES = ['GetVariables', 'SetVariables', 'GetReport'] as const;

function bootPolicyFrom(params: unknown, fallbackInterval: number, what: string): BootPolicy {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new BadOperatorRequest(`${what} must be an object { status, interval }`);
  }
  const { status, interval } = params as Params;
  if (!REGISTRATION.includes(status as RegistrationStatusEnumType)) {
    throw new BadOperatorRequest(`${what}.status must be one of ${REGISTRATION.join(', ')}, got ${JSON.stringify(status)}`);
  }
  const seconds = interval === undefined ? fallbackInterval : Number(interval);
  if (!Number.isInteger(seconds) || seconds < 0) throw new BadOperatorRequest(`${what}.interval must be an integer >= 0 (seconds)`);
  return { status: status as RegistrationStatusEnumType, interval: seconds };
}

function describeBootPolicy(station: StationRecord): Params {
  const afterwards = station.bootPolicyAfterwards;
  return { ...station.bootPolicy, ...(afterwards ? { afterwards } : {}) };
}

/** CSMS settings of block B. */
export const settings: ConfigureActions = {
  /**
   * How the CSMS answers the station's BootNotifications: { status, interval } for the next one and,
   * optionally, afterwards: { status, interval } for every later one (e.g. Pending, then Accepted,
   * as a CSMS does once it has provisioned a new station). Without `afterwards` every later one is
   * answered the same way. An interval left out keeps the current one.
   */
  ConfigureBootNotificationResponse: (params, { station }) => {
    const next = bootPolicyFrom(params, station.bootPolicy.interval, 'the setting');
    const afterwards =
      params.afterwards === undefined ? undefined : bootPolicyFrom(params.afterwards, station.bootPolicy.interval, 'afterwards');
    station.bootPolicy = next;
    station.bootPolicyAfterwards = afterwards;
    return describeBootPolicy(station);
  },

  /**
   * What the CSMS knows of the station's message limits, as an operator enters them from the
   * station's documentation or device model: { itemsPerMessage: { GetVariables, SetVariables,
   * GetReport } } (DeviceDataCtrlr.ItemsPerMessage). The CSMS never puts more items in one request.
   */
  ConfigureStationLimits: (params, { station }) => {
    const limits = params.itemsPerMessage;
    if (typeof limits !== 'object' || limits === null || Array.isArray(limits)) {
      throw new BadOperatorRequest('ConfigureStationLimits needs "itemsPerMessage": { GetVariables?, SetVariables?, GetReport? }');
    }
    for (const [message, value] of Object.entries(limits as Params)) {
      if (!(LIMITED_MESSAGES as readonly string[]).includes(message)) {
        throw new BadOperatorRequest(`itemsPerMessage.${message}: only ${LIMITED_MESSAGES.join(', ')} have an ItemsPerMessage limit`);
      }
      const items = Number(value);
      if (!Number.isInteger(items) || items < 1) throw new BadOperatorRequest(`itemsPerMessage.${message} must be an integer >= 1`);
      station.itemsPerMessage[message as (typeof LIMITED_MESSAGES)[number]] = items;
    }
    return { itemsPerMessage: { ...station.itemsPerMessage } };
  },
};
