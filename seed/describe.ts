// What the registers say about each person of a township: identity numbers, phones (old people often
// give a child's) and home addresses, written the way people write them.
import type { Rng } from "./rng.ts";
import { W0, W1, ageOn } from "./dates.ts";
import { writeAddress, writePhone } from "./contacts.ts";
import type { Household, Person } from "./model.ts";
import { writeIdNumber } from "./idnumber.ts";
import type { TownshipState } from "./world.ts";

/**
 * Identity numbers, phones, addresses and names as written on the registers, as messy as the county's
 * style says: blanks where a clerk left a field empty, spaces, dashes and full-width digits the
 * importer normalises, a surname written with its variant character.
 */
export function describePersons(tw: TownshipState, rng: Rng): void {
  const noise = tw.style.noise;
  for (const h of tw.households) if (h.emitted) h.addressText = writeAddress(h.address, rng, noise.address / 2);
  for (const p of tw.emitted) {
    const id = tw.run.idNumbers.next(p.codeIndex, p.birth, p.gender);
    p.idNumber = rng.chance(noise.idMissing) ? "" : writeIdNumber(id, rng, noise.idTyped);
    const age = ageOn(p.birth, Math.min(W1, p.death));
    const prob = (age < 14 ? 0 : age < 60 ? 0.97 : age < 75 ? 0.75 : 0.4) * (1 - noise.phoneMissing);
    if (rng.chance(prob)) {
      p.phone = tw.run.phones.mobile(rng);
      p.phoneText = writePhone(p.phone, rng, noise.phone);
    }
    p.addressText = rng.chance(noise.addressMissing) ? "" : writeAddress((p.hh as Household).address, rng, noise.address);
    p.nameText = writeName(p, rng, noise.names);
  }
  // Old people without a phone of their own give a son's or daughter's number.
  for (const p of tw.emitted) {
    if (p.phone !== "" || ageOn(p.birth, W0) < 60 || !rng.chance(0.5)) continue;
    const child = p.children.find((c) => c.emitted && c.phone !== "");
    if (child !== undefined) {
      p.phone = child.phone;
      p.phoneText = writePhone(child.phone, rng, Math.min(1, noise.phone * 1.5));
    }
  }
}

/** Surnames with a variant character that registers mix up (阎 is often written 闫). */
const VARIANTS: Record<string, string> = { 阎: "闫", 闫: "阎", 付: "傅", 傅: "付" };

/** A person's name as a register writes it: usually as is, sometimes a variant surname or a space. */
function writeName(p: Person, rng: Rng, share: number): string {
  const variant = VARIANTS[p.surname];
  if (variant !== undefined && rng.chance(Math.min(1, share * 6))) return variant + p.given;
  if (!rng.chance(share)) return "";
  return p.surname + (rng.chance(0.6) ? " " : "\u3000") + p.given;
}
