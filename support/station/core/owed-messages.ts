/**
 * What the station owes the CSMS after it answered a request: the StatusNotifications after a
 * ChangeAvailability, the NotifyReport parts after a GetBaseReport, the message asked for by a
 * TriggerMessage, the FirmwareStatusNotifications of an update. An area's answer records the debt
 * with the reason; the scenario's explicit step then sends it, so that the Gherkin still shows every
 * message the OCTT numbers, and the payload is the station model's, not a hand-written copy.
 */
import type { RequestOf, StationToCsmsAction } from '../../../kernel/ocpp/actions';

export interface OwedMessage<A extends StationToCsmsAction = StationToCsmsAction> {
  action: A;
  /** Built when it is sent, so that timestamps and readings are those of that moment. */
  build: () => RequestOf<A>;
  /** Why the station owes it, e.g. "ChangeAvailability of EVSE 1 accepted". */
  because: string;
}

export class OwedMessages {
  private readonly list: OwedMessage[] = [];

  owe<A extends StationToCsmsAction>(action: A, build: () => RequestOf<A>, because: string): void {
    this.list.push({ action, build, because } as unknown as OwedMessage);
  }

  /** Takes the owed messages of one action (all of them when none is named), oldest first. */
  take(action?: StationToCsmsAction): OwedMessage[] {
    const taken = this.list.filter((owed) => action === undefined || owed.action === action);
    for (const owed of taken) this.list.splice(this.list.indexOf(owed), 1);
    return taken;
  }

  outstanding(): readonly OwedMessage[] {
    return this.list;
  }

  describe(): string {
    return this.list.length === 0 ? 'nothing' : this.list.map((owed) => `${owed.action}Request (${owed.because})`).join(', ');
  }
}
