import type { MessageInfoType } from '../../../schemas/ocpp201-messages';
import type { DeepPartial } from '../../../kernel/operator/contract';
import {
  BadOperatorRequest,
  type RequestBuilders,
  type ResponseObservers,
  mergeParams,
  requireParam,
} from '../../operator/builder-context';
import { DISPLAY_MESSAGES } from './state';

/**
 * The requests the operator has the CSMS send. Params are request fields; what the operator leaves
 * out the CSMS chooses: a message id it has not used for the station, priority NormalCycle, format
 * UTF8, a fresh requestId. The text to show is the operator's.
 */
export const requests: RequestBuilders = {
  SetDisplayMessage: (params, { station }) => {
    const asked = (params.message ?? {}) as DeepPartial<MessageInfoType>;
    if (asked.message?.content === undefined) {
      throw new BadOperatorRequest('SetDisplayMessage needs the parameter "message.message.content" (the text to show)');
    }
    const known = station.areaState.of(DISPLAY_MESSAGES);
    return mergeParams(
      { message: { id: known.nextMessageId(), priority: 'NormalCycle', message: { format: 'UTF8', content: '' } } },
      params,
    );
  },
  GetDisplayMessages: (params, { store }) => mergeParams({ requestId: store.nextRequestId() }, params),
  ClearDisplayMessage: (params) => mergeParams({ id: requireParam<number>(params, 'id', 'ClearDisplayMessage') }, params),
};

/** What the CSMS learns from the station's answers. */
export const responses: ResponseObservers = {
  SetDisplayMessage: ({ message }, { status }, { station }) => {
    const known = station.areaState.of(DISPLAY_MESSAGES);
    known.sent.push({ message, status });
    if (status === 'Accepted') known.held.set(message.id, message);
  },
  GetDisplayMessages: ({ requestId }, { status }, { station }) => {
    const report = station.areaState.of(DISPLAY_MESSAGES).report(requestId);
    report.status = status;
    // Unknown: the station holds no such message and sends no NotifyDisplayMessages.
    if (status !== 'Accepted') report.complete = true;
  },
  ClearDisplayMessage: ({ id }, _response, { station }) => {
    // Accepted: removed now; Unknown: the station did not hold it. Either way it holds it no longer.
    station.areaState.of(DISPLAY_MESSAGES).held.delete(id);
  },
};
