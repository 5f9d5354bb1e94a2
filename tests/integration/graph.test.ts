// The graph layer against a real Neo4j: migrations, value conversion, CSV file access refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher, type Graph, migrate } from "../../services/graph/index.ts";
import { connectTestGraph, emptyGraph } from "../support/graph.ts";

let graph: Graph;
beforeAll(async () => {
  graph = await connectTestGraph();
  await emptyGraph(graph);
});
afterAll(async () => graph?.close());

describe("graph", () => {
  it("applies the schema once and records its version", async () => {
    const again = await migrate(graph);
    expect(again.applied).toBe(false);
    // Exactly the constraints cypher/schema.cypher declares.
    const declared = [...cypher("schema.cypher").matchAll(/^CREATE CONSTRAINT (\w+)/gm)].map((m) => m[1]).sort();
    expect(declared).toContain("entity_id");
    const constraints = await graph.read<{ name: string }>("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name");
    expect(constraints.map((c) => c.name)).toEqual(declared);
    const records = await graph.read("MATCH (m:SchemaMigration {version: $version}) RETURN m.checksum AS checksum", { version: again.version });
    expect(records).toHaveLength(1);
  });

  it("converts integers, dates, nodes, relationships and paths to plain values", async () => {
    await graph.write("CREATE (:Entity:Person {id: 'conv-a', born: date('1970-01-02'), n: 7})-[:KIN {relation: 'spouse', since: 2001}]->(:Entity:Person {id: 'conv-b'})");
    const [row] = await graph.read(
      `MATCH p = (a:Entity {id: 'conv-a'})-[r:KIN]->(b:Entity {id: 'conv-b'})
       RETURN 42 AS small, 9007199254740993 AS big, date('2020-02-29') AS day, {a: [1, 2]} AS map,
              a AS node, r AS rel, p AS path, elementId(a) AS aId, elementId(b) AS bId, elementId(r) AS rId`,
    );
    const { aId, bId, rId } = row as { aId: string; bId: string; rId: string };
    const a = { elementId: aId, labels: ["Entity", "Person"], properties: { id: "conv-a", born: "1970-01-02", n: 7 } };
    const b = { elementId: bId, labels: ["Entity", "Person"], properties: { id: "conv-b" } };
    const r = { elementId: rId, type: "KIN", start: aId, end: bId, properties: { relation: "spouse", since: 2001 } };
    const sortLabels = (n: { labels: string[] }) => ({ ...n, labels: [...n.labels].sort() });
    const { node, path, ...rest } = row as { node: typeof a; path: { nodes: (typeof a)[]; relationships: (typeof r)[] } } & Record<string, unknown>;
    expect(rest).toEqual({ small: 42, big: "9007199254740993", day: "2020-02-29", map: { a: [1, 2] }, rel: r, aId, bId, rId });
    expect(sortLabels(node)).toEqual(a);
    expect({ nodes: path.nodes.map(sortLabels), relationships: path.relationships }).toEqual({ nodes: [a, b], relationships: [r] });
  });

  it("refuses to read local files with LOAD CSV", async () => {
    await expect(graph.read("LOAD CSV FROM 'file:///etc/hostname' AS line RETURN line")).rejects.toThrow(/file|URL|allowed/i);
  });

  it("rejects a duplicate entity id", async () => {
    await graph.write("CREATE (:Entity:Person {id: 'dup-1'})");
    await expect(graph.write("CREATE (:Entity:Company {id: 'dup-1'})")).rejects.toThrow(/already exists|constraint/i);
  });
});
