// Banks, account numbers and phone numbers: unique, bank-shaped, owned by a person or a firm.
import type { Day } from "./dates.ts";
import type { Account, Owner, World } from "./model.ts";
import type { Rng } from "./rng.ts";

interface Bank {
  key: string;
  /** How clerks write the bank's name. */
  names: readonly string[];
  cardPrefix: readonly string[];
  cardLength: number;
  /** Weight in villages and in the town. */
  rural: number;
  urban: number;
}

const BANKS: readonly Bank[] = [
  { key: "rcc", names: ["农商银行", "农村商业银行", "农村信用社", "RCB", "rcb", "农信社"], cardPrefix: ["623190", "621521", "622128"], cardLength: 19, rural: 8, urban: 3 },
  { key: "psbc", names: ["中国邮政储蓄银行", "邮储银行", "邮政储蓄", "PSBC", "psbc", "Psbc"], cardPrefix: ["621799", "622188", "621098"], cardLength: 19, rural: 5, urban: 2 },
  { key: "abc", names: ["中国农业银行", "农业银行", "农行", "ABC", "abc", "Agricultural Bank of China"], cardPrefix: ["622848", "622845", "623052"], cardLength: 19, rural: 4, urban: 3 },
  { key: "ccb", names: ["中国建设银行", "建设银行", "建行", "CCB", "ccb"], cardPrefix: ["621700", "622700", "436742"], cardLength: 19, rural: 1, urban: 3 },
  { key: "icbc", names: ["中国工商银行", "工商银行", "工行", "ICBC", "Icbc"], cardPrefix: ["622202", "621226", "621723"], cardLength: 19, rural: 0.5, urban: 3 },
  { key: "vb", names: ["村镇银行", "村镇银行股份有限公司", "VB"], cardPrefix: ["623163", "622478"], cardLength: 16, rural: 1, urban: 0.5 },
];

export function pickBank(rng: Rng, urban: boolean): Bank {
  return rng.weighted(BANKS, (b) => (urban ? b.urban : b.rural));
}

export function bankName(rng: Rng, key: string, noise: number): string {
  const bank = BANKS.find((b) => b.key === key) ?? (BANKS[0] as Bank);
  return rng.chance(1 - noise) ? (bank.names[0] as string) : rng.pick(bank.names);
}

export function newAccount(world: World, rng: Rng, owner: Owner, opts: { urban?: boolean; opened?: Day; bank?: string; company?: boolean } = {}): Account {
  const bank = opts.bank ? (BANKS.find((b) => b.key === opts.bank) ?? pickBank(rng, opts.urban ?? false)) : pickBank(rng, opts.urban ?? false);
  let number: string;
  for (;;) {
    number = opts.company ? `${rng.int(1, 9)}${rng.digits(rng.pick([14, 16, 17, 19]))}` : `${rng.pick(bank.cardPrefix)}${rng.digits(bank.cardLength - 6)}`;
    if (world.ids.claim(number)) break;
  }
  const account: Account = { k: world.accounts.length, number, owner, bank: bank.key, opened: opts.opened, unlisted: false };
  world.accounts.push(account);
  return account;
}

const usedPhones = new WeakMap<World, Set<string>>();

export function newMobile(world: World, rng: Rng): string {
  let used = usedPhones.get(world);
  if (!used) {
    used = new Set();
    usedPhones.set(world, used);
  }
  for (;;) {
    const phone = `1${rng.pick(["3", "5", "8", "8", "7", "9"])}${rng.digits(9)}`;
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}

export function newLandline(world: World, rng: Rng): string {
  let used = usedPhones.get(world);
  if (!used) {
    used = new Set();
    usedPhones.set(world, used);
  }
  const area = `0${world.style.areaCode.slice(0, 3)}`;
  for (;;) {
    const phone = `${area}${rng.int(2, 8)}${rng.digits(6)}`;
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}
