import { Graph } from "./services/graph/index.ts";
const g = await Graph.connect({ uri: process.env.NEO4J_URI!, user: "neo4j", password: process.env.NEO4J_PASSWORD!, database: "neo4j" });
for (let i = 0; i < 5; i++) {
  let t = performance.now();
  await g.write("RETURN 1");
  const a = performance.now() - t; t = performance.now();
  await g.writeCounted([{ query: "UNWIND $rows AS row MERGE (r:Entity {id: row.region_id}) SET r:Region, r.name = row.name", params: { rows: [{ region_id: "R1", name: "东镇" }] } }]);
  const b = performance.now() - t; t = performance.now();
  await g.writeCounted([{ query: "UNWIND $rows AS row MERGE (r:Entity {id: row.region_id}) SET r:Region, r.name = row.name", params: { rows: [{ region_id: "R1", name: "东镇" }] } }], { timeoutMs: 600000, metadata: { a: 1 } });
  console.log(a.toFixed(1), b.toFixed(1), (performance.now() - t).toFixed(1));
}
await g.close();
