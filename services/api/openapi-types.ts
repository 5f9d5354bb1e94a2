// TypeScript declarations from the OpenAPI document, for the browser pages' API client
// (ui/shared/api-types.ts is this module's output, checked to be current by a unit test and written
// by `npm run ui:types`). Covers what zod-to-openapi emits: $ref, type lists with null, enums,
// allOf/anyOf/oneOf, objects with required keys and records, arrays.

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema | Schema[];
  prefixItems?: Schema[];
  description?: string;
};

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

export interface OpenApiDoc {
  paths: Record<string, Partial<Record<string, Operation>>>;
  components?: { schemas?: Record<string, Schema> };
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (k: string) => (IDENT.test(k) ? k : JSON.stringify(k));

function union(parts: string[]): string {
  const unique = [...new Set(parts)];
  return unique.length === 0 ? "never" : unique.join(" | ");
}

/** The TypeScript type of one schema. */
export function typeOf(s: Schema | undefined, indent = ""): string {
  if (!s || Object.keys(s).filter((k) => k !== "description").length === 0) return "unknown";
  if (s.$ref) return s.$ref.split("/").pop()!;
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return union(s.enum.map((v) => (v === null ? "null" : JSON.stringify(v))));
  if (s.allOf) {
    // zod-to-openapi writes a nullable reference as allOf [ref, {type: [..., null]}].
    const nullable = s.allOf.some((p) => Array.isArray(p.type) && p.type.includes("null"));
    const parts = s.allOf.filter((p) => !(Array.isArray(p.type) && p.type.includes("null") && !p.properties)).map((p) => typeOf(p, indent));
    const joined = parts.length > 1 ? parts.map((p) => `(${p})`).join(" & ") : (parts[0] ?? "unknown");
    return nullable ? `${joined} | null` : joined;
  }
  if (s.anyOf || s.oneOf) return union((s.anyOf ?? s.oneOf)!.map((p) => typeOf(p, indent)));
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ["object"] : [];
  return union(types.map((t) => single(t, s, indent)));
}

function single(type: string, s: Schema, indent: string): string {
  switch (type) {
    case "string":
      return "string";
    case "number":
    case "integer":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "array": {
      if (s.prefixItems) return `[${s.prefixItems.map((p) => typeOf(p, indent)).join(", ")}]`;
      const item = typeOf(Array.isArray(s.items) ? s.items[0] : s.items, indent);
      return /^[A-Za-z0-9_]+$/.test(item) ? `${item}[]` : `(${item})[]`;
    }
    case "object": {
      const inner = `${indent}  `;
      const required = new Set(s.required ?? []);
      const lines = Object.entries(s.properties ?? {}).map(([k, v]) => `${inner}${key(k)}${required.has(k) ? "" : "?"}: ${typeOf(v, inner)};`);
      if (s.additionalProperties && typeof s.additionalProperties === "object") lines.push(`${inner}[key: string]: ${typeOf(s.additionalProperties, inner)};`);
      else if (lines.length === 0) return "Record<string, unknown>";
      return `{\n${lines.join("\n")}\n${indent}}`;
    }
    default:
      return "unknown";
  }
}

/** The whole module: one type per component schema, and per route its path, query, body and answer. */
export function typesFromOpenApi(doc: OpenApiDoc): string {
  const out = [
    "// Generated from GET /api/openapi.json by services/api/openapi-types.ts (`npm run ui:types`); do not edit.",
    "// A unit test fails when the API's schemas and this file differ.",
    "",
  ];
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    out.push(`export type ${name} = ${typeOf(schema)};`, "");
  }
  out.push("/** Every route as `METHOD /path`: its path and query parameters, JSON body and JSON answer. */", "export interface Routes {");
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op) continue;
      const params = (where: string) => {
        const list = (op.parameters ?? []).filter((p) => p.in === where);
        if (list.length === 0) return "Record<string, never>";
        return `{ ${list.map((p) => `${key(p.name)}${p.required ? "" : "?"}: ${typeOf(p.schema, "    ")}`).join("; ")} }`;
      };
      const body = op.requestBody?.content?.["application/json"]?.schema;
      const ok = Object.entries(op.responses ?? {}).find(([code]) => code.startsWith("2"))?.[1];
      const answer = ok?.content?.["application/json"]?.schema;
      out.push(
        `  ${JSON.stringify(`${method.toUpperCase()} ${path}`)}: {`,
        `    path: ${params("path")};`,
        `    query: ${params("query")};`,
        `    body: ${body ? typeOf(body, "    ") : "never"};`,
        `    response: ${answer ? typeOf(answer, "    ") : "unknown"};`,
        "  };",
      );
    }
  }
  out.push("}", "");
  return out.join("\n");
}
