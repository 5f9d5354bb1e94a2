// Pure helpers of the API: Lucene escaping and name queries, cursors, masking, path text, redaction.
import { describe, expect, it } from "vitest";
import { redact } from "../../services/api/audit/middleware.ts";
import { maskIdNumber } from "../../services/api/auth/roles.ts";
import { cursorParam, encodeCursor } from "../../services/api/cursor.ts";
import { escapeLucene, nameQuery } from "../../services/api/entities/service.ts";
import { z } from "../../services/api/openapi.ts";
import { describePath } from "../../services/api/paths/service.ts";

describe("full-text queries", () => {
  it("escapes every Lucene operator", () => {
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^"i"~j*k?l:m\\n/o')).toBe('a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^\\"i\\"\\~j\\*k\\?l\\:m\\\\n\\/o');
  });

  it("searches a fragment as a phrase, a word also as a prefix, short text also inside tokens", () => {
    expect(nameQuery("张建国")).toBe('"张建国" OR 张建国*');
    expect(nameQuery("华")).toBe('"华" OR *华*');
    expect(nameQuery("Hengda Co")).toBe('"Hengda Co"');
    expect(nameQuery("  *** ")).toBeNull();
    expect(nameQuery("a*")).toBe('"a\\*" OR *a\\**');
  });
});

describe("cursors", () => {
  const param = cursorParam(z.tuple([z.number(), z.string()]));
  it("round-trips and refuses anything else", () => {
    expect(param.parse(encodeCursor([92.5, "P1"]))).toEqual([92.5, "P1"]);
    expect(param.safeParse("nope").success).toBe(false);
    expect(param.safeParse(encodeCursor(["x", 1])).success).toBe(false);
  });
});

describe("identity numbers", () => {
  it("keeps four characters at each end", () => {
    expect(maskIdNumber("14010219800101123X")).toBe("1401**********123X");
  });
});

describe("path text", () => {
  it("reads each tie in the path's direction", () => {
    const node = (id: string, name: string) => ({ id, name, type: "person", cadre: false, riskScore: null, riskGrade: null, communityId: null, year: null });
    const edge = (source: string, target: string, label: string) => ({ id: `${source}-${target}`, type: "T", source, target, label, properties: {} });
    const answer = describePath({ nodes: [node("a", "王军"), node("b", "李华"), node("c", "恒达建筑")], relationships: [edge("a", "b", "spouse"), edge("c", "b", "employee")] });
    expect(answer.text).toBe("王军 —spouse→ 李华 ←employee— 恒达建筑");
    expect(answer.steps.map((s) => s.direction)).toEqual(["forward", "backward"]);
  });
});

describe("audit redaction", () => {
  it("hides secret-looking keys", () => {
    expect(redact({ query: { token: "t", q: "王" } })).toEqual({ query: { token: "[redacted]", q: "王" } });
  });
});
