import type {
  ComponentVariableType,
  GetReportRequest,
  GetVariableDataType,
  ReportBaseEnumType,
  SetVariableDataType,
} from '../../../schemas/ocpp201-messages';
import { expectRequestedMessage } from './handlers';
import { type RequestBuilders, batches, mergeParams, requireParam } from '../../operator/builder-context';

/**
 * Block B requests: device model reads and writes, reports, reset, network profile.
 * Reads, writes and custom reports never carry more items than the station's ItemsPerMessage the
 * CSMS knows of (B06.FR.05 and alike); more items make more requests.
 */
export const requests: RequestBuilders = {
  GetVariables: (params, { station }) => {
    const data = requireParam<GetVariableDataType[]>(params, 'getVariableData', 'GetVariables');
    return batches(data, station.itemsPerMessage.GetVariables).map((getVariableData) => ({ getVariableData }));
  },
  SetVariables: (params, { station }) => {
    const data = requireParam<SetVariableDataType[]>(params, 'setVariableData', 'SetVariables');
    return batches(data, station.itemsPerMessage.SetVariables).map((setVariableData) => ({ setVariableData }));
  },
  GetBaseReport: (params, { store, station }) => {
    const reportBase = requireParam<ReportBaseEnumType>(params, 'reportBase', 'GetBaseReport');
    const request = mergeParams({ requestId: store.nextRequestId(), reportBase }, params);
    expectRequestedMessage(station, 'NotifyReport');
    return request;
  },
  GetReport: (params, { store, station }) => {
    expectRequestedMessage(station, 'NotifyReport');
    const { componentVariable, requestId, ...rest } = params as Partial<GetReportRequest> & Record<string, unknown>;
    if (!componentVariable) return mergeParams({ requestId: requestId ?? store.nextRequestId() }, rest);
    // Each part is a request of its own, with its own requestId.
    return batches<ComponentVariableType>(componentVariable, station.itemsPerMessage.GetReport).map((part, index) =>
      mergeParams({ requestId: index === 0 && requestId !== undefined ? requestId : store.nextRequestId(), componentVariable: part }, rest),
    );
  },
  // An operator who just asks for a reset gets the immediate one, as a CSMS's reset button does.
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
};
