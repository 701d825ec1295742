/**
 * What the station can show, read from its DisplayMessageCtrlr variables, and the changes a
 * scenario makes to them ("the charging station does not support …"). A SetDisplayMessage answer
 * follows from these values, never from the test case.
 */
import type { MessageFormatEnumType, MessagePriorityEnumType, MessageStateEnumType } from '../../../../schemas/ocpp201-messages';
import type { DeviceModel } from '../../core/device-model';
import type { DisplayCapabilities } from './message-store';

export const DISPLAY_CONTROLLER = 'DisplayMessageCtrlr';

/** The DisplayMessageCtrlr member lists a SetDisplayMessageRequest is checked against. */
export type SupportList = 'SupportedFormats' | 'SupportedPriorities' | 'SupportedStates';

export const ALL_STATES: readonly MessageStateEnumType[] = ['Charging', 'Faulted', 'Idle', 'Unavailable'];

function members<T extends string>(model: DeviceModel, list: SupportList): T[] {
  const value = model.value(DISPLAY_CONTROLLER, list) ?? '';
  return value.split(',').filter((member) => member !== '') as T[];
}

/** How many messages the station can keep: the maxLimit of DisplayMessageCtrlr.DisplayMessages. */
export function displayCapacity(model: DeviceModel): number {
  return model.find({ name: DISPLAY_CONTROLLER }, { name: 'DisplayMessages' })?.maxLimit ?? 0;
}

export function displayCapabilities(model: DeviceModel): DisplayCapabilities {
  return {
    formats: members<MessageFormatEnumType>(model, 'SupportedFormats'),
    priorities: members<MessagePriorityEnumType>(model, 'SupportedPriorities'),
    states: members<MessageStateEnumType>(model, 'SupportedStates'),
    capacity: displayCapacity(model),
  };
}

/** Takes one value out of a support list: the station's display cannot show it. */
export function withdrawSupport(model: DeviceModel, list: SupportList, value: string): void {
  const remaining = members(model, list).filter((member) => member !== value);
  model.setValue(DISPLAY_CONTROLLER, list, remaining.join(','));
}

/** Sets how many messages the station can keep (DisplayMessageCtrlr.DisplayMessages maxLimit). */
export function limitCapacity(model: DeviceModel, capacity: number): void {
  const definition = model.find({ name: DISPLAY_CONTROLLER }, { name: 'DisplayMessages' });
  if (!definition) throw new Error(`the station has no ${DISPLAY_CONTROLLER}.DisplayMessages variable`);
  model.define({ ...definition, maxLimit: capacity });
}
