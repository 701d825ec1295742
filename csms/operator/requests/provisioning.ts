import type { GetVariableDataType, SetVariableDataType } from '../../../schemas/ocpp201-messages';
import { type RequestBuilders, batches, mergeParams, requireParam } from '../builder-context';

/** Block B requests: device model reads and writes, reports, reset, network profile, triggers. */
export const provisioningRequests: RequestBuilders = {
  GetVariables: (params, { station }) => {
    const data = requireParam<GetVariableDataType[]>(params, 'getVariableData', 'GetVariables');
    return batches(data, station.itemsPerMessage.GetVariables).map((getVariableData) => ({ getVariableData }));
  },
  SetVariables: (params, { station }) => {
    const data = requireParam<SetVariableDataType[]>(params, 'setVariableData', 'SetVariables');
    return batches(data, station.itemsPerMessage.SetVariables).map((setVariableData) => ({ setVariableData }));
  },
  GetBaseReport: (params, { store }) =>
    mergeParams({ requestId: store.nextRequestId(), reportBase: requireParam(params, 'reportBase', 'GetBaseReport') }, params),
  GetReport: (params, { store }) => mergeParams({ requestId: store.nextRequestId() }, params),
  Reset: (params) => mergeParams({ type: 'Immediate' as const }, params),
  SetNetworkProfile: (params, { config, endpoints }) =>
    mergeParams(
      {
        configurationSlot: config.CONFIGURED_CONFIGURATION_SLOT,
        connectionData: {
          ocppVersion: 'OCPP20' as const,
          ocppTransport: 'JSON' as const,
          // The embedded CSMS listens on a free port; the configured URL names a user's CSMS.
          ocppCsmsUrl: config.mode === 'embedded' ? endpoints.wss : config.CONFIGURED_OCPP_CSMS_URL,
          messageTimeout: config.CONFIGURED_MESSAGE_TIMEOUT,
          securityProfile: config.CONFIGURED_SECURITY_PROFILE,
          ocppInterface: config.CONFIGURED_OCPP_INTERFACE,
        },
      },
      params,
    ),
  TriggerMessage: (params) => mergeParams({ requestedMessage: requireParam(params, 'requestedMessage', 'TriggerMessage') }, params),
  ChangeAvailability: (params) =>
    mergeParams({ operationalStatus: requireParam(params, 'operationalStatus', 'ChangeAvailability') }, params),
};
