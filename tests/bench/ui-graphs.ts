// Seeded synthetic graphs for `npm run bench:ui`, in the API's node and tie shapes with positions:
// communities of about 30 nodes laid out in a grid of clusters, most ties inside a community, some
// across, a few parallel ties, as the county graph has them. The same seed gives the same graph.
import { Rng } from "../../seed/rng.ts";
import type { GraphEdge, GraphNode } from "../../ui/shared/api-types.ts";

/** A node as the API gives it, with a position. */
export type BenchNode = GraphNode & { x: number; y: number };
export type BenchEdge = GraphEdge;

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
const GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国";
const TYPES = ["person", "person", "person", "person", "company", "grant", "phone"] as const;
const RELS = [["KIN", "spouse"], ["ROLE_IN", "legal_rep"], ["HAS", "has"], ["PAID_TO", "paid_to"], ["TRANSFER", "transfer"]] as const;

export function benchGraph(nodes: number, edges: number, seed = 7): { nodes: BenchNode[]; edges: BenchEdge[] } {
  const rng = new Rng("bench-ui", nodes, edges, seed);
  const size = 30;
  const communities = Math.ceil(nodes / size);
  const side = Math.ceil(Math.sqrt(communities));
  const out: BenchNode[] = [];
  for (let i = 0; i < nodes; i++) {
    const c = Math.floor(i / size);
    const cx = (c % side) * 12;
    const cy = Math.floor(c / side) * 12;
    const type = TYPES[rng.int(0, TYPES.length - 1)]!;
    out.push({
      id: `B${i}`,
      type,
      name: type === "person" ? `${SURNAMES[rng.int(0, SURNAMES.length - 1)]}${GIVEN[rng.int(0, GIVEN.length - 1)]}${GIVEN[rng.int(0, GIVEN.length - 1)]}` : `${type}-${i}`,
      cadre: rng.chance(0.03),
      riskScore: type === "person" || type === "company" ? Math.round(rng.float(0, 100) ** 2 / 100) : null,
      riskGrade: null,
      communityId: c,
      year: type === "grant" ? rng.int(2016, 2021) : null,
      x: cx + rng.normal(0, 3),
      y: cy + rng.normal(0, 3),
    });
  }
  const ties: BenchEdge[] = [];
  for (let j = 0; j < edges; j++) {
    const a = rng.int(0, nodes - 1);
    const c = Math.floor(a / size);
    // Nine in ten ties stay inside the community; one in twenty repeats the previous pair (a parallel tie).
    const b = rng.chance(0.05) && ties.length > 0 ? Number(ties[ties.length - 1]!.target.slice(1)) : rng.chance(0.9) ? Math.min(nodes - 1, c * size + rng.int(0, size - 1)) : rng.int(0, nodes - 1);
    if (a === b) continue;
    const [type, label] = RELS[rng.int(0, RELS.length - 1)]!;
    ties.push({ id: `E${j}`, type, source: `B${a}`, target: `B${b}`, label, properties: type === "TRANSFER" ? { date: `${rng.int(2016, 2021)}-05-01` } : {} });
  }
  return { nodes: out, edges: ties };
}
