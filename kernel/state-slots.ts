/**
 * State an area keeps for one owner (a station, a scenario), held by the owner itself so that it
 * ends with it: no module-level maps keyed by owners, and a new scenario starts with none of the
 * last one's state.
 */
export interface StateSlot<Owner, T> {
  readonly name: string;
  create(owner: Owner): T;
}

export function stateSlot<Owner, T>(name: string, create: (owner: Owner) => T): StateSlot<Owner, T> {
  return { name, create };
}

export class StateSlots<Owner> {
  private readonly values = new Map<StateSlot<Owner, unknown>, unknown>();

  constructor(private readonly owner: Owner) {}

  /** The slot's value for this owner, created on first use. */
  of<T>(slot: StateSlot<Owner, T>): T {
    if (!this.values.has(slot)) this.values.set(slot, slot.create(this.owner));
    return this.values.get(slot) as T;
  }

  /** The slot's value if it was ever created. */
  peek<T>(slot: StateSlot<Owner, T>): T | undefined {
    return this.values.get(slot) as T | undefined;
  }
}
