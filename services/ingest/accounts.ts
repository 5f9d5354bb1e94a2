// The account check: an account number that persons, companies or grants name (and that need not be
// listed in accounts.csv) must not be the id of something else — a person, a region, a transfer.
import type { IdRegistry } from "./ids.ts";
import { own } from "./ids.ts";

/** Where a rejected mention is: the row's registry slot, the number and what it names instead. */
export type MentionProblem = (slot: number, reason: string) => void;

export class AccountMentions {
  /** Account number → the registry slots of the rows naming it. */
  private readonly slots = new Map<string, number[]>();

  /** Notes that the row in `slot` names account `number`. */
  add(number: string, slot: number): void {
    const list = this.slots.get(number);
    if (list) list.push(slot);
    else this.slots.set(own(number), [slot]);
  }

  /**
   * Once every id is registered: rejects (invalidates) each row naming a number that is the id of
   * something other than an account, telling `problem` why.
   */
  check(ids: IdRegistry, problem: MentionProblem): void {
    for (const [number, slots] of this.slots) {
      const kind = ids.kindOf(number);
      if (kind === undefined || kind === "account") continue;
      for (const slot of slots) {
        ids.invalidate(slot);
        problem(slot, `account number ${number} is the id of ${kind === "transfer" ? "a transfer" : `another ${kind}`}`);
      }
    }
    this.slots.clear();
  }
}
