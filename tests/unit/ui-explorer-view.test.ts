// How the explorer draws and shares a view, without a browser: the node and edge reducers (colour
// modes, size by risk, filters, hover, highlight, merged parallel ties), the URL state, and the
// GEXF and CSV exports of what the filters let through.
import { describe, expect, it } from "vitest";
import { toCsv, toGexf } from "../../ui/explorer/export.ts";
import { createGraph, markTruncation, mergePiece, pairKey } from "../../ui/explorer/graph.ts";
import { edgeReducer, nodeReducer, reducerContext } from "../../ui/explorer/reducers.ts";
import { INITIAL_STATE, type State, update } from "../../ui/explorer/state.ts";
import { communityColour, FADED_NODE, GRADE_COLOURS, HIGHLIGHT_EDGE, nodeSize, relColour, TYPE_COLOURS } from "../../ui/explorer/style.ts";
import { describeFields, formatValue } from "../../ui/explorer/explain.ts";
import { EMPTY_VIEW, fromHash, toHash, type UrlView } from "../../ui/explorer/url.ts";
import { edge, node } from "../support/ui-graph.ts";

function fixture() {
  const g = createGraph();
  mergePiece(g, {
    nodes: [
      node("P1", { name: "王军", cadre: true, riskScore: 81, riskGrade: "huge", communityId: 3 }),
      node("P2", { name: "李华", riskScore: 10, communityId: 3 }),
      node("C1", { type: "company", name: "恒达建筑", riskScore: 40, communityId: 5 }),
      node("phone:1380", { type: "phone", name: "1380" }),
    ],
    edges: [
      edge("k", "P1", "P2", "KIN", { label: "spouse", properties: { relation: "spouse" } }),
      edge("h", "P1", "phone:1380", "HAS"),
      edge("h2", "P2", "phone:1380", "HAS"),
      edge("r", "P2", "C1", "ROLE_IN", { label: "legal_rep", properties: { from: "2017-01-01", to: "2018-12-31" } }),
      edge("a", "C1", "P2", "TRANSFER", { label: "transfer", properties: { date: "2020-03-01" } }),
    ],
  });
  return g;
}

const draw = (g: ReturnType<typeof fixture>, s: State) => {
  const ctx = reducerContext(s, g);
  return {
    node: (id: string) => nodeReducer(ctx, id, g.getNodeAttributes(id)),
    edge: (a: string, b: string) => edgeReducer(ctx, pairKey(a, b), g.getEdgeAttributes(pairKey(a, b))),
  };
};

describe("reducers", () => {
  it("colour by type, community or risk grade, and size by risk score", () => {
    const g = fixture();
    expect(draw(g, INITIAL_STATE).node("C1")).toMatchObject({ color: TYPE_COLOURS.company, size: nodeSize(40), label: "恒达建筑", hidden: false });
    expect(draw(g, update(INITIAL_STATE, { type: "colourBy", by: "community" })).node("P1").color).toBe(communityColour(3));
    expect(draw(g, update(INITIAL_STATE, { type: "colourBy", by: "risk" })).node("P1").color).toBe(GRADE_COLOURS.huge);
    expect(nodeSize(81)).toBeGreaterThan(nodeSize(10));
  });

  it("shows N more in the label", () => {
    const g = fixture();
    markTruncation(g, "P1", [{ id: "P1", more: 12, nextOffset: 50 }]);
    expect(draw(g, INITIAL_STATE).node("P1").label).toBe("王军 (+12)");
  });

  it("draws parallel ties as one edge naming each, coloured by the first type", () => {
    const g = fixture();
    const e = draw(g, INITIAL_STATE).edge("P2", "C1");
    expect(e.label).toBe("legal_rep · transfer");
    expect(e.color).toBe(relColour("ROLE_IN"));
    // Ties run both ways: no arrow.
    expect(e.type).toBe("line");
    expect(draw(g, INITIAL_STATE).edge("P1", "P2")).toMatchObject({ label: "spouse", type: "arrow" });
  });

  it("hides what the filters leave out, without touching the model", () => {
    const g = fixture();
    let s = update(INITIAL_STATE, { type: "toggleType", entityType: "phone" });
    expect(draw(g, s).node("phone:1380").hidden).toBe(true);
    expect(draw(g, s).edge("P1", "phone:1380").hidden).toBe(true);
    s = update(INITIAL_STATE, { type: "years", from: 2019, to: 2021 });
    expect(draw(g, s).edge("P2", "C1").label).toBe("transfer");
    s = update(s, { type: "toggleRel", rel: "TRANSFER" });
    expect(draw(g, s).edge("P2", "C1").hidden).toBe(true);
    s = update(INITIAL_STATE, { type: "minRisk", value: 50 });
    expect([draw(g, s).node("P1").hidden, draw(g, s).node("P2").hidden, draw(g, s).node("phone:1380").hidden]).toEqual([false, true, false]);
    expect(draw(g, s).edge("P1", "P2").hidden).toBe(true);
    expect(g.order).toBe(4);
  });

  it("on hover, fades all but the node and its neighbours and hides the other ties", () => {
    const g = fixture();
    const d = draw(g, update(INITIAL_STATE, { type: "hover", node: "C1" }));
    expect(d.node("C1")).toMatchObject({ highlighted: true, forceLabel: true });
    expect(d.node("P2").color).toBe(TYPE_COLOURS.person);
    expect(d.node("P1")).toMatchObject({ color: FADED_NODE, label: "" });
    expect(d.edge("P2", "C1").hidden).toBe(false);
    expect(d.edge("P1", "P2").hidden).toBe(true);
  });

  it("draws a highlight (evidence, path) strong and fades the rest", () => {
    const g = fixture();
    const d = draw(g, update(INITIAL_STATE, { type: "highlight", highlight: { label: "hit", kind: "evidence", nodes: ["P1", "P2"], ties: ["k"] } }));
    expect(d.node("P1")).toMatchObject({ highlighted: true, forceLabel: true });
    expect(d.node("C1")).toMatchObject({ color: FADED_NODE, label: "" });
    expect(d.edge("P1", "P2").color).toBe(HIGHLIGHT_EDGE);
    expect(d.edge("P2", "C1").label).toBe("");
  });
});

describe("URL state", () => {
  const view: UrlView = {
    nodes: ["P1", "address:河口村1号,2", "phone:1380"],
    focus: "P1",
    selected: "address:河口村1号,2",
    colourBy: "risk",
    filters: { hiddenTypes: ["grant", "phone"], hiddenRels: ["LIVES_IN"], minRisk: 25, years: [2017, 2020] },
    camera: { x: 0.5, y: 0.25, ratio: 0.8 },
  };

  it("round-trips a view through the hash", () => {
    expect(fromHash(toHash(view))).toEqual(view);
    expect(toHash(EMPTY_VIEW)).toBe("");
    expect(fromHash("")).toEqual(EMPTY_VIEW);
  });

  it("drops what is unknown or out of range", () => {
    const v = fromHash("#n=P1,%E0%A4%A,,P1&c=rainbow&xt=person,alien&xr=KIN,EVIL&r=500&y=2010-2030&cam=1,2");
    expect(v).toEqual({ ...EMPTY_VIEW, nodes: ["P1"], filters: { ...EMPTY_VIEW.filters, hiddenTypes: ["person"], hiddenRels: ["KIN"] } });
  });
});

describe("exports", () => {
  it("writes GEXF with every visible tie as an edge, escaped, with positions and colours", () => {
    const g = fixture();
    g.mergeNodeAttributes("P2", { label: 'A<&>"', data: { ...g.getNodeAttribute("P2", "data"), name: 'A<&>"' } });
    const s = update(INITIAL_STATE, { type: "toggleType", entityType: "phone" });
    const xml = toGexf(g, s, new Date("2024-01-02T00:00:00Z"));
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(xml.match(/<node /g)).toHaveLength(3);
    expect(xml.match(/<edge /g)).toHaveLength(3);
    expect(xml).toContain('label="A&lt;&amp;&gt;&quot;"');
    expect(xml).not.toContain("phone:1380");
    expect(xml).toContain('<viz:color r="59" g="111" b="212"/>');
    expect(xml).toContain('lastmodifieddate="2024-01-02"');
  });

  it("writes CSV of nodes and edges with a byte-order mark, quoting and no formulas", () => {
    const g = fixture();
    mergePiece(g, { nodes: [node("X", { name: '=cmd|"x",1' })], edges: [] });
    const { nodes, edges } = toCsv(g, INITIAL_STATE);
    expect(nodes.startsWith("\ufeffid,name,type,cadre,riskScore")).toBe(true);
    expect(nodes).toContain('\r\nP1,王军,person,true,81,huge,3,,0,0\r\n');
    expect(nodes).toContain(`X,"'=cmd|""x"",1",person`);
    expect(edges.split("\r\n").filter(Boolean)).toHaveLength(6);
    expect(edges).toContain('r,P2,C1,ROLE_IN,legal_rep,"{""from"":""2017-01-01"",""to"":""2018-12-31""}"');
  });
});

describe("fields of an explanation the panel has no fixed place for", () => {
  const hit = {
    alertId: "A1",
    flag: "KIN_CONTRACT",
    score: 0.42,
    group: "KIN_CONTRACT:P1|R2",
    llr: 2.34567,
    discounts: [{ kind: "identifier_degree", factor: 0.5, note: "shared by 12", figures: { degree: 12, median: 2 } }],
    parties: [{ id: "P9", type: "person", name: "赵六", part: "competitor" }],
    emptyList: [],
  };
  const zh = { field: (k: string) => ({ parties: "相关方", factor: "系数" })[k] ?? k, term: (v: string) => ({ competitor: "竞争投标人", identifier_degree: "标识共用度" })[v] ?? v };

  it("reads entity references as links with their part, records as a table, the rest as text", () => {
    const fields = describeFields(hit, new Set(["alertId", "flag", "score"]), zh);
    expect(fields.map((f) => [f.key, f.kind])).toEqual([
      ["group", "text"],
      ["llr", "text"],
      ["discounts", "table"],
      ["parties", "refs"],
    ]);
    expect(fields[1]).toMatchObject({ text: "2.346" });
    expect(fields[2]).toMatchObject({ columns: ["kind", "factor", "note", "figures"], rows: [["identifier_degree", 0.5, "shared by 12", { degree: 12, median: 2 }]] });
    expect(fields[3]).toMatchObject({ refs: [{ id: "P9", name: "赵六", note: "竞争投标人" }] });
  });

  it("words enumerated values and records, and leaves free text alone", () => {
    expect(formatValue("identifier_degree", zh)).toBe("标识共用度");
    expect(formatValue("shared by 12", zh)).toBe("shared by 12");
    expect(formatValue({ degree: 12, factor: 0.33333 }, zh)).toBe("degree: 12, 系数: 0.333");
    expect(formatValue(null)).toBe("—");
    expect(formatValue({ id: "P9", type: "person", name: "赵六", part: "competitor" }, zh)).toBe("赵六 (part: 竞争投标人)");
  });
});
