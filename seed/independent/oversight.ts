// Villagers' tips and earlier disciplinary cases. Tips are noisy: they name some culprits, sometimes a
// victim or a bystander beside them, and some honest cadres out of spite or grievance. Earlier cases
// name a few of today's culprits and a few cadres who were cleared or only warned.
import { between, day, END, START, type Day } from "./dates.ts";
import type { Person, World } from "./model.ts";
import type { Rng } from "./rng.ts";

const CHANNELS = ["letter", "phone", "web", "visit"] as const;
const GRIEVANCES = ["反映村干部办事拖拉、态度粗暴", "反映低保评定不公开", "反映村里修路质量差", "反映征地补偿款发放慢", "反映村干部优亲厚友（无具体事实）", "反映村务不公开", "反映村干部违规操办宴席"];

function tipId(world: World): string {
  return world.ids.next("tip");
}

export function buildOversight(world: World): void {
  const rng = world.rng.fork("oversight");
  const byId = new Map<string, Person>(world.persons.map((p) => [p.id, p]));
  const addTip = (subjects: string[], received: Day, summary: string | undefined, r: Rng) => {
    world.tips.push({ id: tipId(world), received, channel: r.chance(0.85) ? r.pick(CHANNELS) : undefined, subjects, summary: r.chance(0.9) ? summary : undefined });
  };
  for (const s of world.schemes) {
    if (!rng.chance(world.style.tipRate)) continue;
    const people = s.culprits.filter((c) => byId.has(c.entity));
    const named = rng.sample(people.length > 0 ? people : s.culprits, rng.int(1, 2)).map((c) => c.entity);
    if (s.parties.length > 0 && rng.chance(0.3)) named.push(rng.pick(s.parties).entity);
    if (rng.chance(0.2)) {
      const bystander = rng.pick(world.persons.filter((p) => p.inData && !world.culpritIds.has(p.id)));
      named.push(bystander.id);
    }
    const received = Math.min(END + 120, between(rng, s.when + 30, s.when + 500));
    addTip([...new Set(named)], received, `反映${s.story}`, rng);
    if (rng.chance(0.25)) addTip([named[0] as string], received + rng.int(20, 200), `再次反映${s.story}`, rng);
  }
  // Spite: the honest cadres of the malicious_tip look-alikes, named again and again.
  for (const l of world.lookalikes.filter((x) => x.kind === "malicious_tip")) {
    const n = rng.int(2, 4);
    for (let i = 0; i < n; i++) addTip(l.entities, day(rng.int(2016, 2021), rng.int(1, 12), rng.int(1, 28)), rng.pick(["反映该干部贪污扶贫款", "举报该干部收受工程老板好处", "反映该干部给亲戚吃低保"]), rng);
  }
  // Ordinary grievances against cadres who did nothing wrong.
  const cadres = [...new Set(world.posts.map((p) => p.person))].map((k) => world.persons[k] as Person).filter((p) => !world.culpritIds.has(p.id));
  const grievances = Math.round(world.schemes.length * rng.float(0.2, 0.5));
  for (let i = 0; i < grievances && cadres.length > 0; i++) addTip([rng.pick(cadres).id], between(rng, START, END), rng.pick(GRIEVANCES), rng);
  // Earlier cases: some of today's culprits were warned before; some honest cadres were looked at and cleared.
  const culpritCadres = world.schemes.flatMap((s) => s.culprits.filter((c) => c.role.includes("cadre") || c.role === "official")).map((c) => c.entity);
  const n = rng.int(3, 8);
  for (let i = 0; i < n; i++) {
    const repeat = culpritCadres.length > 0 && rng.chance(0.4);
    const subject = repeat ? rng.pick(culpritCadres) : cadres.length > 0 ? rng.pick(cadres).id : undefined;
    if (!subject) continue;
    const opened = day(rng.int(2013, 2019), rng.int(1, 12), rng.int(1, 28));
    const outcome = repeat ? rng.pick(["warning", "serious_warning", "demerit"]) : rng.pick(["none", "none", "warning"]);
    world.cases.push({
      id: world.ids.next("case"),
      opened,
      closed: rng.chance(0.9) ? opened + rng.int(30, 300) : undefined,
      subjects: [subject],
      typology: repeat ? rng.pick(["优亲厚友", "虚报冒领", "违规发包工程", "截留挪用"]) : rng.pick(["违规操办婚丧喜庆", "工作作风", "信访件核查了结"]),
      field: repeat && rng.chance(0.7) ? rng.pick(["dibao", "infrastructure", "housing", "agriculture"] as const) : rng.chance(0.3) ? "other" : undefined,
      amount: repeat && rng.chance(0.6) ? rng.int(5, 200) * 100 : undefined,
      outcome,
    });
  }
}
