// Villagers' tips and earlier disciplinary cases. Tips name innocents about as often as culprits
// (feuds, envy of a busy contractor, a cadre who refused someone aid); many earlier cases closed
// with no finding; some culprits had a warning years before; some innocents did too.
import type { County, Entity } from "./county.ts";
import { EXPORT_DAY, day, yearOf } from "./dates.ts";
import type { Field, Outcome, Person, TipChannel } from "./model.ts";
import { isPerson } from "./model.ts";

const TIP_TEXT: Record<string, string[]> = {
  grant: [
    "反映{name}在低保评定中优亲厚友，\n把不符合条件的亲戚评上了低保，请组织调查。",
    "举报{name}：危房改造补助没有足额发放,群众意见很大。",
    "村里有人已经去世多年还在领补贴，{name}知情不报。",
    "{name}家里有车有房还吃低保，\n希望纪委核实。",
  ],
  contract: [
    "反映{name}插手村里工程项目，工程都给了自己人干,\"一事一议\"没有公示。",
    "举报{name}：村道硬化工程质量差，承包老板和村干部关系不一般。",
    "{name}承接的工程价格明显偏高，\n怀疑有利益输送。",
  ],
  feud: [
    "{name}在宅基地纠纷中偏袒一方，请上级主持公道。",
    "反映{name}工作作风粗暴，群众办事难。",
    "{name}的工程队占了我家的地，\n至今没有补偿。",
  ],
};

function fill(text: string, e: Entity): string {
  return text.replaceAll("{name}", e.name);
}

export function buildOversight(c: County): void {
  const { rng } = c;
  const culprits = [...c.culprits];
  const innocentCadres = c.posts.map((p) => p.person).filter((p) => !c.culprits.has(p) && !p.gone);
  const contractors = c.roles.filter((r) => r.role === "legal_rep" && r.company.builds && !c.culprits.has(r.person)).map((r) => r.person);
  const lookalikeEntities = c.lookalikes.map((l) => l.entity);
  const channels: TipChannel[] = ["letter", "phone", "web", "visit"];
  const nTips = Math.round(c.living.length / rng.int(140, 200));
  const tip = (subjects: Entity[], about: "grant" | "contract" | "feud", on = day(rng.int(2017, 2023), rng.int(1, 12), rng.int(1, 28))) => {
    if (on > EXPORT_DAY) return;
    const first = subjects[0] as Entity;
    c.tips.push({
      id: c.ids.tip(yearOf(on)),
      received: on,
      channel: rng.chance(0.85) ? rng.pick(channels) : undefined,
      subjects,
      summary: rng.chance(0.8) ? fill(rng.pick(TIP_TEXT[about] as string[]), first) : undefined,
    });
  };
  for (let i = 0; i < nTips; i++) {
    const aboutCulprit = rng.chance(0.42) && culprits.length > 0;
    if (aboutCulprit) {
      const e = rng.pick(culprits);
      const label = c.labels.find((l) => l.entity === e);
      const about = label && ["KIN_CONTRACT", "SINGLE_BID", "SPLIT_PURCHASE", "BID_RIGGING", "DOMINANT_WINNER", "SHELL_WINNER", "KICKBACK"].includes(label.typology) ? "contract" : "grant";
      const subjects: Entity[] = [e];
      if (rng.chance(0.25)) subjects.push(rng.pick(innocentCadres));
      tip(subjects, about);
    } else {
      const pool: Entity[] = rng.chance(0.5) ? innocentCadres : rng.chance(0.5) ? contractors : lookalikeEntities.length > 0 ? lookalikeEntities : innocentCadres;
      if (pool.length === 0) continue;
      const e = rng.pick(pool);
      tip([e], isPerson(e) && c.isCadre(e) ? rng.pick(["grant", "feud", "contract"] as const) : rng.pick(["contract", "feud"] as const));
    }
  }
  // A couple of innocents named again and again by a feuding neighbour.
  for (let i = 0; i < rng.int(2, 3); i++) {
    const e = rng.pick(innocentCadres.filter((p) => !c.involved.has(p)));
    if (!e) continue;
    for (let j = 0; j < rng.int(2, 4); j++) tip([e], rng.pick(["grant", "feud"] as const));
    const id = c.newLookalike();
    c.lookalike(id, "named_in_tips_innocent", e);
  }
  // Earlier cases.
  const nCases = rng.int(15, 35);
  const typologies: [string, Field][] = [
    ["优亲厚友", "dibao"],
    ["违规发包工程", "infrastructure"],
    ["违反中央八项规定精神", "other"],
    ["虚报冒领", "dibao"],
    ["截留挪用", "housing"],
    ["履职不力", "other"],
  ];
  const outcomesFound: Outcome[] = ["warning", "warning", "serious_warning", "demerit"];
  const cleared: Person[] = [];
  for (let i = 0; i < nCases; i++) {
    const draw = rng.next();
    const opened = day(rng.int(2014, 2023), rng.int(1, 12), rng.int(1, 28));
    if (opened > EXPORT_DAY - 30) continue;
    const closed = opened + rng.int(40, 300);
    const [typology, field] = rng.pick(typologies);
    let subjects: Entity[];
    let outcome: Outcome | undefined;
    if (draw < 0.25 && culprits.length > 0) {
      subjects = [rng.pick(culprits.filter(isPerson).length > 0 ? culprits.filter(isPerson) : culprits)];
      outcome = rng.pick(outcomesFound);
    } else if (draw < 0.75) {
      const e = rng.pick(innocentCadres);
      subjects = [e];
      outcome = "none";
      if (!c.involved.has(e)) cleared.push(e);
    } else {
      subjects = [rng.pick(innocentCadres)];
      outcome = rng.pick(["warning", "none"] as const);
    }
    const open = closed > EXPORT_DAY || rng.chance(0.06);
    c.cases.push({
      id: c.ids.case(yearOf(opened)),
      opened,
      closed: open ? undefined : Math.min(closed, EXPORT_DAY - 1),
      subjects,
      typology: rng.chance(0.8) ? typology : undefined,
      field: rng.chance(0.7) ? field : undefined,
      amount: rng.chance(0.5) ? Math.round(rng.float(2_000, 80_000)) : undefined,
      outcome: open ? undefined : outcome,
    });
  }
  for (const e of rng.sample([...new Set(cleared)], 2)) {
    const id = c.newLookalike();
    c.lookalike(id, "prior_case_cleared", e);
  }
}
