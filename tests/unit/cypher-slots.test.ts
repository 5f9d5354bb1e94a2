// The one way a value reaches a Cypher template's {{SLOT}}: from a fixed list, a bounded integer or
// the cypher/ folder, every slot filled and every value used.
import { describe, expect, it } from "vitest";
import { cypherWith, fillSlots, SlotValue } from "../../services/graph/index.ts";

const slotError = (message: RegExp) => expect.objectContaining({ name: "CypherSlotError", kind: "internal", message: expect.stringMatching(message) });

describe("template slots", () => {
  it("fills every slot, each as often as it appears, and leaves comment lines alone", () => {
    const text = fillSlots("// {{MODE}} is set below\nMATCH p = {{MODE}} (a)-[*1..{{HOPS}}]-(b)\nRETURN {{HOPS}}", {
      MODE: SlotValue.oneOf("SHORTEST 1", ["SHORTEST 1", "ALL SHORTEST"]),
      HOPS: SlotValue.integer(4, 1, 10),
    });
    expect(text).toBe("// {{MODE}} is set below\nMATCH p = SHORTEST 1 (a)-[*1..4]-(b)\nRETURN 4");
  });

  it("splices Cypher text verbatim, `$` patterns included", () => {
    expect(fillSlots("CALL {\n  {{BODY}}\n}", { BODY: SlotValue.cypher("RETURN $x + '$&' AS y") })).toBe("CALL {\n  RETURN $x + '$&' AS y\n}");
  });

  it("refuses a slot without a value, a value without a slot, and values off their list", () => {
    expect(() => fillSlots("RETURN {{A}}", {}, "cypher/x.cypher")).toThrow(slotError(/^cypher\/x\.cypher: no value for \{\{A\}\}$/));
    expect(() => fillSlots("// {{A}} only in a comment\nRETURN 1", { A: SlotValue.integer(1, 1, 1) })).toThrow(slotError(/has no \{\{A\}\} slot/));
    expect(() => SlotValue.oneOf("SHORTEST 1 (a) DETACH DELETE a //", ["SHORTEST 1", "ALL SHORTEST"])).toThrow(slotError(/is not one of SHORTEST 1, ALL SHORTEST/));
    expect(() => SlotValue.integer(11, 1, 10)).toThrow(slotError(/11 is not an integer within 1–10/));
    expect(() => SlotValue.integer(2.5, 1, 10)).toThrow(slotError(/2.5 is not an integer/));
  });

  it("fills the four templates of cypher/ that have slots", () => {
    const flag = cypherWith("analysis/alerts-write.cypher", { FLAG: SlotValue.cypher("RETURN 1 AS key") });
    expect(flag).toContain("CALL {\n  RETURN 1 AS key\n}");
    const paths = cypherWith("api/paths.cypher", { MODE: SlotValue.oneOf("ALL SHORTEST", ["ALL SHORTEST"]), MAX_HOPS: SlotValue.integer(3, 1, 10) });
    expect(paths).toContain("MATCH p = ALL SHORTEST (a) (");
    expect(paths).toContain("){1,3} (b)");
    expect(cypherWith("communities/gds-modularity.cypher", { PROCEDURE: SlotValue.oneOf("gds.modularity.stream", ["gds.modularity.stream"]) })).toContain("CALL gds.modularity.stream($graphName");
    expect(() => cypherWith("communities/gds-project.cypher", {})).toThrow(slotError(/^cypher\/communities\/gds-project\.cypher: no value for \{\{TIES\}\}$/));
  });
});
