/**
 * The display messages a station holds (O01–O06): each as the CSMS set it (id, priority, state,
 * message format, language and content, start and end time, transaction), replaced by a new one of
 * the same id, removed on request, after its end time, or when its transaction ends. A message is
 * kept from the moment it is accepted, but shown only from its start time on, only in its state and
 * by priority; GetDisplayMessages reports what is kept, whether it shows yet or not.
 */
import type {
  ClearMessageStatusEnumType,
  DisplayMessageStatusEnumType,
  GetDisplayMessagesRequest,
  MessageFormatEnumType,
  MessageInfoType,
  MessagePriorityEnumType,
  MessageStateEnumType,
  NotifyDisplayMessagesRequest,
} from '../../../../schemas/ocpp201-messages';

/** What the station can show, from its DisplayMessageCtrlr variables. */
export interface DisplayCapabilities {
  formats: readonly MessageFormatEnumType[];
  priorities: readonly MessagePriorityEnumType[];
  states: readonly MessageStateEnumType[];
  /** How many messages it can keep (DisplayMessageCtrlr.DisplayMessages maxLimit). */
  capacity: number;
}

/** What the store needs of the station around it. */
export interface DisplayEnvironment {
  /** Station time. */
  now(): Date;
  /** True while the station runs a transaction of this id (started, not ended). */
  transactionRunning(transactionId: string): boolean;
}

export type DisplayFilter = Pick<GetDisplayMessagesRequest, 'id' | 'priority' | 'state'>;

/** AlwaysFront before InFront before NormalCycle (MessagePriorityEnumType). */
const PRIORITY_ORDER: readonly MessagePriorityEnumType[] = ['AlwaysFront', 'InFront', 'NormalCycle'];

/** Messages per NotifyDisplayMessagesRequest: more make the CSMS assemble a report from parts (tbc). */
export const MESSAGES_PER_NOTIFY = 4;

export class DisplayMessageStore {
  private readonly messages = new Map<number, MessageInfoType>();

  constructor(private readonly environment: DisplayEnvironment) {}

  /** O01/O02/O06: the answer to a SetDisplayMessageRequest; on Accepted the message is kept (replacing one of its id). */
  set(message: MessageInfoType, capabilities: DisplayCapabilities): DisplayMessageStatusEnumType {
    this.prune();
    if (!capabilities.formats.includes(message.message.format)) return 'NotSupportedMessageFormat';
    if (!capabilities.priorities.includes(message.priority)) return 'NotSupportedPriority';
    if (message.state !== undefined && !capabilities.states.includes(message.state)) return 'NotSupportedState';
    if (message.transactionId !== undefined && !this.environment.transactionRunning(message.transactionId)) return 'UnknownTransaction';
    // A replacement takes the place of the message it replaces; a new one needs room.
    if (!this.messages.has(message.id) && this.messages.size >= capabilities.capacity) return 'Rejected';
    this.messages.set(message.id, structuredClone(message));
    this.prune();
    return 'Accepted';
  }

  /** O03/O04: the kept messages that match every criterion given, in id order. */
  select(filter: DisplayFilter): MessageInfoType[] {
    this.prune();
    return [...this.messages.values()]
      .filter((message) => filter.id === undefined || filter.id.includes(message.id))
      .filter((message) => filter.priority === undefined || message.priority === filter.priority)
      .filter((message) => filter.state === undefined || message.state === filter.state)
      .sort((a, b) => a.id - b.id)
      .map((message) => structuredClone(message));
  }

  /** O05: removes a kept message. */
  clear(id: number): ClearMessageStatusEnumType {
    this.prune();
    return this.messages.delete(id) ? 'Accepted' : 'Unknown';
  }

  /** What the display shows now, in a station state: started messages of that state (or of none), by priority. */
  shown(state: MessageStateEnumType): MessageInfoType[] {
    this.prune();
    const now = this.environment.now().getTime();
    return [...this.messages.values()]
      .filter((message) => message.startDateTime === undefined || Date.parse(message.startDateTime) <= now)
      .filter((message) => message.state === undefined || message.state === state)
      .sort((a, b) => PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority) || a.id - b.id)
      .map((message) => structuredClone(message));
  }

  /** How many messages are kept now (DisplayMessageCtrlr.DisplayMessages). */
  get size(): number {
    this.prune();
    return this.messages.size;
  }

  /**
   * Drops what the station no longer keeps: messages past their end time ("after this date/time
   * this message SHALL be removed") and messages of a transaction that has ended (O02).
   */
  prune(): void {
    const now = this.environment.now().getTime();
    for (const [id, message] of this.messages) {
      const expired = message.endDateTime !== undefined && Date.parse(message.endDateTime) <= now;
      const orphaned = message.transactionId !== undefined && !this.environment.transactionRunning(message.transactionId);
      if (expired || orphaned) this.messages.delete(id);
    }
  }
}

/** The NotifyDisplayMessagesRequests that report `messages` for one GetDisplayMessagesRequest, in order (tbc on all but the last). */
export function notifyDisplayMessagesParts(
  requestId: number,
  messages: readonly MessageInfoType[],
  perPart: number = MESSAGES_PER_NOTIFY,
): NotifyDisplayMessagesRequest[] {
  const parts: MessageInfoType[][] = [];
  for (let start = 0; start < messages.length; start += perPart) parts.push(messages.slice(start, start + perPart));
  return parts.map((part, index) => ({
    requestId,
    messageInfo: part,
    ...(index < parts.length - 1 ? { tbc: true } : {}),
  }));
}
