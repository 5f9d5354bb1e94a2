// COLLUSION_RING: a community whose flagged members hold a cadre with a company or a beneficiary and
// enough active alerts hits, more confidently the more schemes converge on the cadre; a community
// without a flagged cadre, a cadre's family alone, too few alerts and an oversized community do not.
// In an oversized community (township-sized at county scale) a flagged cadre's circle on whom
// enough schemes converge hits on its own. A weak scheme alert makes nobody a member. Alerts of other flags are fixtures here, as the earlier
// flag stage would have written them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flagById } from "../../../services/analytics/flags/registry.ts";
import type { Graph } from "../../../services/graph/index.ts";
import { alertById, runAndRead } from "../../support/flags.ts";
import { connectTestGraph, emptyGraph } from "../../support/graph.ts";

let graph: Graph;
let n = 0;

/** Cypher for an alert of `flag` on `subjects`. */
function alert(flag: string, amount: number, subjects: string[], extra = "active: true", score = 0.5): string {
  const id = `A${++n}`;
  return `
    CREATE (${id}:Alert {id: '${flag}:${id}', flag: '${flag}', amount: ${amount}.0, score: ${score}, status: 'new', ${extra}})
    ${subjects.map((s) => `CREATE (${id})-[:ON]->(${s})`).join("\n")}`;
}

beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
  await graph.write(`
    // Community 1: a party secretary, his son's firm, a relative on the dibao list, and a bystander.
    CREATE (:Community {id: 1, size: 5})
    CREATE (k1:Entity:Person:Cadre {id: 'P1', name: '刘平', communityId: 1})
    CREATE (s1:Entity:Person {id: 'P2', name: '刘军', communityId: 1})
    CREATE (b1:Entity:Person {id: 'P3', name: '刘桂兰', communityId: 1})
    CREATE (x1:Entity:Person {id: 'P4', name: '张三', communityId: 1})
    CREATE (c1:Entity:Company {id: 'C1', name: '岚河县润丰建筑工程有限公司', communityId: 1})
    CREATE (k1)-[:KIN {relation: 'child'}]->(s1), (k1)-[:KIN {relation: 'sibling'}]->(b1)
    CREATE (s1)-[:ROLE_IN {role: 'legal_rep'}]->(c1)
    CREATE (:Entity:Grant {id: 'G1', paidAmount: 20000.0})-[:PAID_TO]->(b1)
    ${alert("SINGLE_BID", 500000, ["c1", "k1"])}
    ${alert("KIN_BENEFIT", 20000, ["k1", "b1"])}
    ${alert("TIP", 0, ["k1"])}
    ${alert("TIP", 0, ["x1"])}
    ${alert("KIN_CONTRACT", 900000, ["c1"], "active: false")}
    ${alert("HIDDEN_TIE", 700000, ["c1"], "active: true, status: 'dismissed'")}
    // Community 6: a village secretary on whom four schemes converge.
    CREATE (:Community {id: 6, size: 40})
    CREATE (k6:Entity:Person:Cadre {id: 'P61', name: '刘涛', communityId: 6})
    CREATE (w6:Entity:Person {id: 'P62', name: '王秀英', communityId: 6})
    CREATE (s6:Entity:Person {id: 'P63', name: '刘小军', communityId: 6})
    CREATE (c6:Entity:Company {id: 'C6', name: '岚河县泰和市政工程有限公司', communityId: 6})
    CREATE (v6:Entity:Company {id: 'C7', name: '山西恒泰装饰工程有限公司', communityId: 6})
    ${alert("KIN_CONTRACT", 800000, ["k6", "c6"])}
    ${alert("KICKBACK", 60000, ["c6", "w6"])}
    ${alert("BID_RIGGING", 800000, ["c6", "v6"])}
    ${alert("DIVERTED_PAYMENT", 30000, ["k6", "s6"])}
    ${alert("TIP", 0, ["k6"])}
    // A weak hit (a declared relative's grant) names his sister-in-law with him: she is no member.
    CREATE (l6:Entity:Person {id: 'P64', name: '王秀兰', communityId: 6})
    ${alert("KIN_BENEFIT", 0, ["k6", "l6"], "active: true", 0.1)}
    // Community 7: a company and beneficiaries with alerts, and a cadre who carries none.
    CREATE (:Community {id: 7, size: 30})
    CREATE (:Entity:Person:Cadre {id: 'P71', name: '李国强', communityId: 7})
    CREATE (b7:Entity:Person {id: 'P72', name: '李四', communityId: 7})
    CREATE (c7:Entity:Company {id: 'C8', name: '山西华泰劳务有限公司', communityId: 7})
    CREATE (:Entity:Grant {id: 'G7', paidAmount: 5000.0})-[:PAID_TO]->(b7)
    ${alert("SKIMMING", 2000, ["b7"])}
    ${alert("SINGLE_BID", 450000, ["c7"])}
    ${alert("SHELL_WINNER", 450000, ["c7"])}
    // Community 2: a company and villagers with many alerts, no cadre.
    CREATE (:Community {id: 2, size: 3})
    CREATE (p21:Entity:Person {id: 'P21', name: '何强', communityId: 2})
    CREATE (p22:Entity:Person {id: 'P22', name: '赵晓明', communityId: 2})
    CREATE (c2:Entity:Company {id: 'C2', name: '山西正阳水电安装工程有限公司', communityId: 2})
    CREATE (:Entity:Grant {id: 'G2', paidAmount: 5000.0})-[:PAID_TO]->(p21)
    ${alert("BID_RIGGING", 400000, ["c2"])}
    ${alert("BID_RIGGING", 300000, ["c2"])}
    ${alert("DECEASED_PAYEE", 5000, ["p21", "p22"])}
    // Community 3: a cadre's family, no company and no beneficiary.
    CREATE (:Community {id: 3, size: 2})
    CREATE (k3:Entity:Person:Cadre {id: 'P31', name: '王卫国', communityId: 3})
    CREATE (r3:Entity:Person {id: 'P32', name: '王丽', communityId: 3})
    ${alert("TIP", 0, ["k3"])}
    ${alert("PRIOR_CASE", 0, ["k3"])}
    ${alert("INELIGIBLE", 0, ["r3"])}
    // Community 4: a cadre and a company with two alerts only.
    CREATE (:Community {id: 4, size: 2})
    CREATE (k4:Entity:Person:Cadre {id: 'P41', name: '赵东东', communityId: 4})
    CREATE (c4:Entity:Company {id: 'C4', name: '山西鑫磊市政工程有限公司', communityId: 4})
    ${alert("KICKBACK", 10000, ["k4", "c4"])}
    ${alert("SHELL_WINNER", 150000, ["c4"])}
    // Community 5: a cadre and a company with three alerts, in a community of 5000.
    CREATE (:Community {id: 5, size: 5000})
    CREATE (k5:Entity:Person:Cadre {id: 'P51', name: '薛锦程', communityId: 5})
    CREATE (c5:Entity:Company {id: 'C5', name: '吕梁市东辰建筑工程有限公司', communityId: 5})
    ${alert("SPLIT_PURCHASE", 450000, ["k5", "c5"])}
    ${alert("DOMINANT_WINNER", 800000, ["c5"])}
    ${alert("TIP", 0, ["k5"])}
    // Community 8: a township of 5000 holding a village ring (the county-scale case): the
    // secretary's relative's firm wins his projects against a cover firm and pays his wife; his
    // sister is on the dibao list; a villager's grant goes to his son. Elsewhere in the township, a
    // cadre with a relative on the dibao list (two schemes) and a dominant company, unrelated.
    CREATE (:Community {id: 8, size: 5000})
    CREATE (k8:Entity:Person:Cadre {id: 'P81', name: '孙建华', communityId: 8})
    CREATE (r8:Entity:Person {id: 'P82', name: '孙建军', communityId: 8})
    CREATE (w8:Entity:Person {id: 'P83', name: '陈秀兰', communityId: 8})
    CREATE (d8:Entity:Person {id: 'P84', name: '孙秀梅', communityId: 8})
    CREATE (s8:Entity:Person {id: 'P85', name: '孙磊', communityId: 8})
    CREATE (v8:Entity:Person {id: 'P86', name: '周二', communityId: 8})
    CREATE (f8:Entity:Company {id: 'C81', name: '岚河县建华建筑工程有限公司', communityId: 8})
    CREATE (g8:Entity:Company {id: 'C82', name: '岚河县恒通土石方工程有限公司', communityId: 8})
    CREATE (k8)-[:KIN {relation: 'sibling'}]->(r8), (r8)-[:ROLE_IN {role: 'legal_rep'}]->(f8)
    CREATE (:Entity:Grant {id: 'G81', paidAmount: 6000.0})-[:PAID_TO]->(d8)
    CREATE (:Entity:Grant {id: 'G82', paidAmount: 8000.0})-[:PAID_TO]->(v8)
    ${alert("KIN_CONTRACT", 600000, ["k8", "f8", "r8"])}
    ${alert("BID_RIGGING", 600000, ["f8", "g8"])}
    ${alert("KICKBACK", 50000, ["f8", "w8"])}
    ${alert("KIN_BENEFIT", 6000, ["k8", "d8"])}
    ${alert("DIVERTED_PAYMENT", 8000, ["k8", "s8", "v8"])}
    CREATE (l8:Entity:Person {id: 'P87', name: '孙秀英', communityId: 8})
    ${alert("KIN_BENEFIT", 0, ["k8", "l8"], "active: true", 0.1)}
    CREATE (k9:Entity:Person:Cadre {id: 'P91', name: '吴志刚', communityId: 8})
    CREATE (b9:Entity:Person {id: 'P92', name: '吴小红', communityId: 8})
    CREATE (c9:Entity:Company {id: 'C91', name: '山西宏远建设有限公司', communityId: 8})
    CREATE (:Entity:Grant {id: 'G91', paidAmount: 4000.0})-[:PAID_TO]->(b9)
    ${alert("KIN_BENEFIT", 4000, ["k9", "b9"])}
    ${alert("SKIMMING", 500, ["b9"])}
    ${alert("TIP", 0, ["k9"])}
    ${alert("DOMINANT_WINNER", 900000, ["c9"])}`);
});
afterAll(async () => graph?.close());

describe("COLLUSION_RING", () => {
  it("runs after community detection", async () => {
    expect(flagById("COLLUSION_RING")?.stage).toBe("after_communities");
  });

  it("flags communities of a flagged cadre with flagged companies or beneficiaries and enough alerts", async () => {
    const alerts = await runAndRead(graph, "COLLUSION_RING");
    expect(alerts.map((a) => a.id)).toEqual(["COLLUSION_RING:1", "COLLUSION_RING:6", "COLLUSION_RING:8-P81"]);
    const [small, ring] = alerts;
    // Four active alerts (the inactive and the dismissed ones do not count); two schemes on the
    // cadre and those named with him, tips being leads. The bystander named in a tip is no subject.
    expect(small).toMatchObject({ subjects: ["C1", "P1", "P3"], confidence: 0.6, amount: 520000, grade: "huge" });
    // The community and its three members flagged by a scheme.
    expect(small!.evidenceNodes).toHaveLength(4);
    // Four schemes converge on the secretary through his firm and his son.
    expect(ring).toMatchObject({ subjects: ["C6", "C7", "P61", "P62", "P63"], confidence: 1, amount: 1690000 });
  });

  it("does not flag communities without a flagged cadre, a cadre's family alone, too few alerts or too large", async () => {
    const ids = (await runAndRead(graph, "COLLUSION_RING")).map((a) => a.id);
    for (const c of ["2", "3", "4", "5", "7", "8", "8-P91"]) expect(ids).not.toContain(`COLLUSION_RING:${c}`);
  });

  it("scores the circle of a flagged cadre in a community larger than maxSize", async () => {
    const alerts = await runAndRead(graph, "COLLUSION_RING");
    // Two alert hops from the secretary reach the cover firm (through his relative's firm) and his
    // wife; the other cadre, the dominant company and their alerts stay out of the ring.
    expect(alertById(alerts, "COLLUSION_RING:8-P81")).toMatchObject({
      subjects: ["C81", "C82", "P81", "P82", "P83", "P84", "P85", "P86"],
      confidence: 1,
      amount: 1264000,
      grade: "huge",
    });
    // The circle of the other cadre holds a beneficiary and three alerts, but only two schemes.
    const lowered = (await runAndRead(graph, "COLLUSION_RING", { circleMinSpread: 2 })).map((a) => a.id);
    expect(lowered).toContain("COLLUSION_RING:8-P91");
    expect(lowered).not.toContain("COLLUSION_RING:8");
  });

  it("honours the alert count and the size limit", async () => {
    const ids = (await runAndRead(graph, "COLLUSION_RING", { minAlerts: 2, maxSize: 10000 })).map((a) => a.id);
    // Community 8 is now small enough to be scored as a whole.
    expect(ids).toEqual(["COLLUSION_RING:1", "COLLUSION_RING:4", "COLLUSION_RING:5", "COLLUSION_RING:6", "COLLUSION_RING:8"]);
  });
});
