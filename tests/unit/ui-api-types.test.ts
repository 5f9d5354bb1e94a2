// The browser pages' API types (ui/shared/api-types.ts) are the OpenAPI document's: regenerate them
// with `npm run ui:types` when this fails after a route's schemas changed.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import "../../services/api/app.ts";
import { openApiDocument } from "../../services/api/openapi.ts";
import { type OpenApiDoc, typeOf, typesFromOpenApi } from "../../services/api/openapi-types.ts";

describe("API types for the pages", () => {
  it("are current with the routes' schemas", () => {
    const generated = typesFromOpenApi(openApiDocument() as unknown as OpenApiDoc);
    expect(readFileSync(new URL("../../ui/shared/api-types.ts", import.meta.url), "utf8")).toBe(generated);
  });

  it("reads nullable references, enums, records and tuples", () => {
    expect(typeOf({ allOf: [{ $ref: "#/components/schemas/Grade" }, { type: ["string", "null"] }] })).toBe("Grade | null");
    expect(typeOf({ type: ["integer", "null"] })).toBe("number | null");
    expect(typeOf({ enum: ["a", "b"] })).toBe('"a" | "b"');
    expect(typeOf({ type: "object", additionalProperties: { type: "string" } })).toBe("{\n  [key: string]: string;\n}");
    expect(typeOf({ type: "array", prefixItems: [{ type: "number" }, { type: "string" }] })).toBe("[number, string]");
    expect(typeOf({ type: "array", items: { anyOf: [{ type: "string" }, { type: "number" }] } })).toBe("(string | number)[]");
    expect(typeOf({})).toBe("unknown");
  });
});
