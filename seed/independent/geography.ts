// The county, its seat town with urban communities, and 8–20 townships of villages of very different
// sizes; some villages are clan villages where most households share one to three surnames.
import type { Region, World } from "./model.ts";
import { communityName, pickSurname, townshipNames, villageName } from "./names.ts";

export function buildGeography(world: World): void {
  const { style } = world;
  const rng = world.rng.fork("geography");
  const regionId = (code: string, level: string, n: number): string => {
    if (style.idStyle === "regional") {
      world.ids.claim(code);
      return code;
    }
    if (style.idStyle === "sequential") {
      const id = level === "county" ? "XIAN" : level === "township" ? `XZ${String(n).padStart(2, "0")}` : `CUN${String(n).padStart(4, "0")}`;
      world.ids.claim(id);
      return id;
    }
    return world.ids.next("r");
  };
  const add = (r: Omit<Region, "k">): Region => {
    const region = { ...r, k: world.regions.length };
    world.regions.push(region);
    return region;
  };
  const county = add({ id: regionId(style.areaCode, "county", 0), name: style.county, level: "county", township: 0, code: style.areaCode, urban: true, clan: false, surnames: [], remote: 0, size: 0 });
  county.township = county.k;
  const used = new Set<string>();
  let villageCount = 0;
  const townNames = ["城关镇", ...townshipNames(rng, style.townships)];
  townNames.forEach((name, t) => {
    const code = `${style.areaCode}${String(100 + t)}`;
    const seat = t === 0;
    const remote = seat ? 0 : rng.float(0.05, 1);
    const township = add({ id: regionId(code, "township", t + 1), name, level: "township", parent: county.k, township: 0, code, urban: seat, clan: false, surnames: [], remote, size: 0 });
    township.township = township.k;
    const n = seat ? style.seatCommunities : rng.int(style.villagesPerTownship[0], style.villagesPerTownship[1]);
    const local = new Set<string>();
    for (let v = 0; v < n; v++) {
      const vcode = `${code}${String(200 + v)}`;
      villageCount++;
      if (seat) {
        add({ id: regionId(vcode, "village", villageCount), name: communityName(rng, local), level: "village", parent: township.k, township: township.k, code: vcode, urban: true, clan: false, surnames: [], remote: 0, size: rng.logNormal(2.2, 0.35) });
        continue;
      }
      const clan = rng.chance(style.clanShare);
      const surnames: string[] = [];
      if (clan) {
        const k = rng.weighted([1, 2, 3], (_, i) => [3, 4, 2][i] ?? 0);
        while (surnames.length < k) {
          const s = pickSurname(rng);
          if (!surnames.includes(s)) surnames.push(s);
        }
      }
      // The first village of a township is its seat: bigger, closer, more firms.
      const isSeat = v === 0;
      add({
        id: regionId(vcode, "village", villageCount),
        name: villageName(rng, surnames, used),
        level: "village",
        parent: township.k,
        township: township.k,
        code: vcode,
        urban: false,
        clan,
        surnames,
        remote: Math.min(1, Math.max(0, remote + rng.normal(0, 0.15) - (isSeat ? 0.2 : 0))),
        size: rng.logNormal(isSeat ? 1.6 : 1, 0.6),
      });
    }
  });
}

export function villages(world: World): Region[] {
  return world.regions.filter((r) => r.level === "village");
}

export function townships(world: World): Region[] {
  return world.regions.filter((r) => r.level === "township");
}

export function countyRegion(world: World): Region {
  return world.regions[0] as Region;
}

/** Villages of a township. */
export function villagesOf(world: World, township: number): Region[] {
  return world.regions.filter((r) => r.level === "village" && r.township === township);
}
