// What the registers say about each person of a township: identity numbers, phones (old people often
// give a child's) and home addresses, written the way people write them.
import type { Rng } from "./rng.ts";
import { W0, W1, ageOn } from "./dates.ts";
import { writeAddress, writePhone } from "./contacts.ts";
import type { Household } from "./model.ts";
import type { TownshipState } from "./world.ts";

/** Identity numbers, phones and addresses as written on the registers. */
export function describePersons(tw: TownshipState, rng: Rng): void {
  for (const h of tw.households) if (h.emitted) h.addressText = writeAddress(h.address, rng, 0.1);
  for (const p of tw.emitted) {
    p.idNumber = tw.run.idNumbers.next(p.codeIndex, p.birth, p.gender);
    const age = ageOn(p.birth, Math.min(W1, p.death));
    const prob = age < 14 ? 0 : age < 60 ? 0.97 : age < 75 ? 0.75 : 0.4;
    if (rng.chance(prob)) {
      p.phone = tw.run.phones.mobile(rng);
      p.phoneText = writePhone(p.phone, rng);
    }
    p.addressText = writeAddress((p.hh as Household).address, rng, 0.2);
  }
  // Old people without a phone of their own give a son's or daughter's number.
  for (const p of tw.emitted) {
    if (p.phone !== "" || ageOn(p.birth, W0) < 60 || !rng.chance(0.5)) continue;
    const child = p.children.find((c) => c.emitted && c.phone !== "");
    if (child !== undefined) {
      p.phone = child.phone;
      p.phoneText = writePhone(child.phone, rng, 0.5);
    }
  }
}
