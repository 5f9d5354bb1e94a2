// Firms and what people own: a few big honest contractors in the county seat, township builders,
// shops and cooperatives; bookkeeping agents whose business-centre address and phone dozens of
// unrelated firms register with; firms revoked and re-registered; public employees holding shares
// on the side; cars, flats and shop licences.
import { cents, type County } from "./county.ts";
import { EXPORT_DAY, ageOn, day, type Day } from "./dates.ts";
import type { Company, Person, Region } from "./model.ts";
import { ROAD_WORDS, firmName, firmRoot, type Trade } from "./names.ts";

export interface AgentSite {
  address: string;
  phone: string;
  bookkeeper: Person;
  firm: Company;
}

export interface FirmOptions {
  trade: Trade;
  size: Company["size"];
  owner: Person;
  registered: Day;
  region?: Region;
  address?: string;
  phone?: string;
  name?: string;
  /** Shareholders besides the owner (with shares); the owner keeps the rest. */
  partners?: [Person, number][];
  supervisor?: Person;
}

const BUILD_TRADES: readonly Trade[] = ["construction", "water", "labour"];

export class FirmBuilder {
  readonly agentSites: AgentSite[] = [];

  constructor(private readonly c: County) {}

  /** Adults who could own a firm on a day. */
  entrepreneurs(on: Day, region?: Region): Person[] {
    return this.c.persons.filter(
      (p) => !p.gone && (p.died === undefined || p.died > on + 400) && ageOn(p.born, on) >= 26 && ageOn(p.born, on) <= 62 && !p.publicEmployee && (!region || p.village.parent === region || p.village === region),
    );
  }

  landline(): string {
    const rng = this.c.rng;
    return `0${rng.int(730, 799)}-${rng.int(2, 8)}${rng.digits(6)}`;
  }

  streetAddress(place: string): string {
    const rng = this.c.rng;
    return `${place}${rng.pick(ROAD_WORDS)}${rng.int(1, 300)}号`;
  }

  /** A firm with its roles: legal representative and owner, partners, supervisor. */
  firm(o: FirmOptions): Company {
    const { c } = this;
    const rng = c.rng;
    const town = o.region?.level === "village" ? o.region.parent : o.region;
    const place = rng.chance(0.5) ? c.county.name : (town?.name ?? c.county.name);
    const co: Company = {
      id: c.ids.company(o.registered, o.trade === "coop"),
      name: o.name ?? firmName(rng, place.replace(/[县镇乡]$/, ""), o.trade),
      region: o.region,
      registered: o.registered,
      status: "active",
      address: o.address,
      phone: o.phone,
      trade: o.trade,
      size: o.size,
      builds: BUILD_TRADES.includes(o.trade),
    };
    if (rng.chance(0.88)) co.account = c.openAccount(co, "company", rng.pick(["农村信用合作联社", "中国农业银行", "中国建设银行", "村镇银行"]), o.registered + rng.int(3, 40));
    co.scope = scopeOf(o.trade);
    c.companies.push(co);
    const start = rng.chance(0.75) ? o.registered : undefined;
    const partnersShare = (o.partners ?? []).reduce((s, [, x]) => s + x, 0);
    c.roles.push({ person: o.owner, company: co, role: "legal_rep", start });
    c.roles.push({ person: o.owner, company: co, role: "shareholder", share: cents(1 - partnersShare), start });
    for (const [p, share] of o.partners ?? []) c.roles.push({ person: p, company: co, role: "shareholder", share: cents(share), start });
    if (o.supervisor) c.roles.push({ person: o.supervisor, company: co, role: "supervisor", start });
    return co;
  }

  /** Closes a firm (revoked or deregistered) and ends its roles. */
  close(co: Company, on: Day, status: "revoked" | "deregistered"): void {
    co.status = status;
    co.closed = on;
    for (const r of this.c.roles) if (r.company === co && r.end === undefined) r.end = on;
  }

  build(): void {
    const { c } = this;
    const { rng, profile } = c;
    const target = Math.round(profile.persons / rng.int(17, 23));
    // Bookkeeping agents at business centres in the county seat.
    for (let i = 0; i < profile.agents; i++) {
      const pool = this.entrepreneurs(day(2012, 1, 1)).filter((p) => !p.male);
      const bookkeeper = rng.pick(pool);
      const address = `${c.county.name}${rng.pick(ROAD_WORDS)}${rng.int(10, 199)}号${firmRoot(rng)}商务中心${rng.int(2, 9)}楼`;
      const phone = this.landline();
      const firm = this.firm({ trade: "bookkeeping", size: "micro", owner: bookkeeper, registered: day(rng.int(2008, 2015), rng.int(1, 12), rng.int(1, 28)), region: c.county, address, phone });
      this.agentSites.push({ address, phone, bookkeeper, firm });
    }
    // Big honest contractors.
    for (let i = 0; i < profile.bigFirms; i++) {
      const registered = day(rng.int(2002, 2013), rng.int(1, 12), rng.int(1, 28));
      const owner = rng.pick(this.entrepreneurs(registered).filter((p) => p.male && ageOn(p.born, registered) >= 32));
      this.firm(this.withFamily({ trade: rng.pick(["construction", "construction", "water"]), size: "big", owner, registered, region: c.county, address: this.streetAddress(c.county.name), phone: this.landline() }));
    }
    while (c.companies.length < target) {
      const registered = day(rng.int(2003, 2023), rng.int(1, 12), rng.int(1, 28));
      if (registered > EXPORT_DAY) continue;
      const town = rng.pick(c.townships);
      const owners = this.entrepreneurs(registered, town);
      if (owners.length === 0) continue;
      const owner = rng.pick(owners);
      const trade = rng.weighted<Trade>([["construction", 0.26], ["water", 0.06], ["labour", 0.08], ["supply", 0.1], ["trade", 0.24], ["agriculture", 0.1], ["coop", 0.16]]);
      const size = BUILD_TRADES.includes(trade) ? (rng.chance(0.18) ? "medium" : "small") : rng.chance(0.3) ? "small" : "micro";
      const site = rng.chance(0.35) ? rng.pick(this.agentSites) : undefined;
      const home = owner.household?.address;
      const address = site ? spaced(rng.chance(0.3), site.address) : rng.chance(0.45) && home ? home : this.streetAddress(town.name);
      const phone = site && rng.chance(0.6) ? site.phone : rng.chance(0.6) ? owner.phone : rng.chance(0.5) ? this.landline() : undefined;
      const co = this.firm(this.withFamily({ trade, size, owner, registered, region: rng.chance(0.8) ? (rng.chance(0.5) ? town : owner.village) : undefined, address, phone }));
      if (site && rng.chance(0.8)) c.roles.push({ person: site.bookkeeper, company: co, role: "agent", start: registered });
      if (trade === "coop") {
        const members = rng.sample(c.persons.filter((p) => p.village === owner.village && !p.gone && p !== owner && ageOn(p.born, registered) >= 25), rng.int(3, 7));
        for (const m of members) c.roles.push({ person: m, company: co, role: "shareholder", share: cents(rng.float(0.01, 0.06)), start: registered });
      }
      const closeDraw = rng.next();
      if (closeDraw < 0.11 && registered < day(2021, 1, 1)) {
        const on = registered + rng.int(400, 2500);
        if (on < EXPORT_DAY - 60) {
          this.close(co, on, closeDraw < 0.06 ? "revoked" : "deregistered");
          // Revoked firms are often registered again by the same person under a close name.
          if (closeDraw < 0.05 && on + 400 < EXPORT_DAY) {
            const again = this.firm(this.withFamily({ trade, size, owner, registered: on + rng.int(30, 400), region: co.region, address: co.address, phone: co.phone, name: co.name.replace(/有限公司$/, "有限责任公司").replace(/合作社$/, "联合社") }));
            again.scope = co.scope;
          }
        }
      }
    }
    this.sideBusinesses();
  }

  /** The owner's spouse or sibling as partner and supervisor, as family firms are. */
  withFamily(o: FirmOptions): FirmOptions {
    const rng = this.c.rng;
    const family = [o.owner.spouse, ...(o.owner.father?.children ?? [])].filter((p): p is Person => p !== undefined && p !== o.owner && !p.gone && (p.died === undefined || p.died > o.registered));
    if (family.length > 0 && rng.chance(0.55)) {
      const partner = rng.pick(family);
      o.partners = [[partner, cents(rng.float(0.1, 0.49))]];
      if (rng.chance(0.5)) o.supervisor = partner;
    }
    return o;
  }

  /** Teachers, doctors and clerks who hold a minority share in a firm. */
  private sideBusinesses(): void {
    const { c } = this;
    const rng = c.rng;
    const staff = c.persons.filter((p) => p.publicEmployee && !p.gone && p.died === undefined);
    const firms = c.companies.filter((x) => !x.builds && x.status === "active" && x.trade !== "bookkeeping");
    for (const p of rng.sample(staff, Math.min(staff.length, rng.int(6, 14)))) {
      const co = rng.pick(firms);
      c.roles.push({ person: p, company: co, role: "shareholder", share: cents(rng.float(0.1, 0.4)), start: co.registered + rng.int(0, 900) });
    }
  }
}

function scopeOf(trade: Trade): string {
  switch (trade) {
    case "construction":
      return "房屋建筑工程、市政公用工程、公路工程施工,土石方工程";
    case "water":
      return "水利水电工程、农田水利、河道治理,管道安装";
    case "labour":
      return "劳务分包、建筑劳务服务";
    case "supply":
      return "建材、水泥、砂石销售,机械设备租赁";
    case "trade":
      return "日用百货、农副产品、五金交电销售";
    case "agriculture":
      return "蔬菜种植、水果种植,畜禽养殖";
    case "coop":
      return "组织成员种植、养殖,农资采购,农产品销售";
    case "bookkeeping":
      return "代理记账、财务咨询,工商登记代理";
  }
}

/** The same address written with the space some clerks type (normalised away on import). */
function spaced(yes: boolean, address: string): string {
  return yes ? address.replace(/号/, "号 ") : address;
}

/** Cars, flats and shop licences of households and firms. */
export function buildAssets(c: County): void {
  const rng = c.rng;
  for (const h of c.households) {
    const adults = h.members.filter((m) => m.died === undefined && ageOn(m.born, EXPORT_DAY) >= 20 && ageOn(m.born, EXPORT_DAY) <= 70);
    if (adults.length === 0) continue;
    const owner = rng.pick(adults);
    const needy = h.members.some((m) => m.needy);
    if (rng.chance(needy ? 0.05 : 0.28)) {
      const reg = day(rng.int(2010, 2023), rng.int(1, 12), rng.int(1, 28));
      c.assets.push({ owner, kind: "vehicle", value: cents(rng.float(35_000, 220_000)), registered: reg, description: rng.pick(["小型轿车", "SUV", "小型普通客车", "轻型货车"]) });
    } else if (rng.chance(needy ? 0.12 : 0.1)) {
      c.assets.push({ owner, kind: "vehicle", value: cents(rng.float(1_800, 9_000)), registered: day(rng.int(2008, 2020), rng.int(1, 12), rng.int(1, 28)), description: rng.pick(["三轮摩托车", "二轮摩托车", "农用三轮车"]) });
    }
    if (!needy && rng.chance(0.08)) {
      c.assets.push({ owner, kind: "real_estate", value: cents(rng.float(180_000, 750_000)), registered: day(rng.int(2010, 2023), rng.int(1, 12), rng.int(1, 28)), description: `${c.county.name}${rng.pick(["城东", "城南", "滨江", "新区"])}小区商品房` });
    }
    if (!needy && rng.chance(0.04)) {
      c.assets.push({ owner, kind: "business_license", registered: day(rng.int(2008, 2023), rng.int(1, 12), rng.int(1, 28)), description: rng.pick(["个体工商户：小卖部", "个体工商户：农资店", "个体工商户：餐馆", "个体工商户：摩托车修理"]) });
    }
  }
  for (const co of c.companies) {
    if (co.builds && rng.chance(co.size === "big" ? 1 : 0.4)) {
      for (let i = 0; i < (co.size === "big" ? rng.int(2, 6) : 1); i++) {
        c.assets.push({ owner: co, kind: "vehicle", value: cents(rng.float(60_000, 600_000)), registered: Math.min(EXPORT_DAY - 10, co.registered + rng.int(30, 2000)), description: rng.pick(["挖掘机", "自卸货车", "混凝土搅拌车", "皮卡"]) });
      }
    }
  }
}
