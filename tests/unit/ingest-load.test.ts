// The writer's batching without a database: a stand-in for the graph client records the batches, so
// that the order of phases, the writers in flight and the fallback after a deadlock can be checked.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Graph, Statement } from "../../services/graph/index.ts";
import { FILE_BY_NAME } from "../../services/ingest/files.ts";
import { loadBundle } from "../../services/ingest/load.ts";
import { SpillWriter } from "../../services/ingest/spill.ts";
import type { BundleSource, Validation } from "../../services/ingest/validate.ts";

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function source(name: string, rows: number, batchSize: number): Promise<BundleSource> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ingest-load-"));
  temps.push(dir);
  const spill = new SpillWriter(path.join(dir, `${name}.json`), batchSize);
  for (let i = 0; i < rows; i++) await spill.add({ n: i });
  await spill.close();
  return { spec: FILE_BY_NAME.get(name)!, path: "", size: 0, spill: spill.path, file: `${name}.csv`, format: "csv", read: rows, valid: rows, rejected: 0 };
}

function fakeGraph(fail: (call: number) => boolean) {
  const calls: { file: string; rows: number; concurrent: number }[] = [];
  let running = 0;
  let call = 0;
  const graph = {
    async writeCounted(statements: Statement[], options: { metadata?: Record<string, unknown> }) {
      const n = call++;
      running++;
      calls.push({ file: String(options.metadata?.file), rows: (statements[0]?.params?.rows as unknown[]).length, concurrent: running });
      await new Promise((r) => setTimeout(r, 5));
      running--;
      if (fail(n)) throw Object.assign(new Error("deadlock"), { code: "Neo.TransientError.Transaction.DeadlockDetected" });
      return { nodesCreated: 1, nodesDeleted: 0, relationshipsCreated: 2, relationshipsDeleted: 0, propertiesSet: 0, labelsAdded: 0 };
    },
  };
  return { graph: graph as unknown as Graph, calls };
}

function validation(sources: BundleSource[]): Validation {
  return { sources, errors: [], errorCount: 0, warnings: [], seconds: 0, keep: (_s, rows) => rows };
}

describe("loadBundle", () => {
  it("writes node batches of every file first, then relationship batches, two at a time", async () => {
    const sources = [await source("persons", 25, 10), await source("kinship", 7, 10)];
    const { graph, calls } = fakeGraph(() => false);
    const result = await loadBundle(graph, validation(sources));
    expect(calls.map((c) => `${c.file}:${c.rows}`)).toEqual(["persons.csv:10", "persons.csv:10", "persons.csv:5", "persons.csv:10", "persons.csv:10", "persons.csv:5", "kinship.csv:7"]);
    expect(Math.max(...calls.map((c) => c.concurrent))).toBe(2);
    expect(result.counters.nodesCreated).toBe(7);
    expect(result.phases.nodes.rows).toBe(25);
    expect(result.phases.relationships.rows).toBe(32);
  });

  it("writes a batch that still deadlocks again alone and goes on with one writer", async () => {
    const sources = [await source("kinship", 40, 10)];
    const { graph, calls } = fakeGraph((n) => n === 1);
    const result = await loadBundle(graph, validation(sources));
    expect(result.phases.relationships.rows).toBe(40);
    expect(result.counters.relationshipsCreated).toBe(8);
    expect(calls).toHaveLength(5);
    // Batches 0 and 1 run together and 1 fails; its second attempt and the last batch run alone.
    expect(calls[1]?.concurrent).toBe(2);
    expect(calls.slice(-2).map((c) => c.concurrent)).toEqual([1, 1]);
  });

  it("fails on other errors after letting the batches in flight settle", async () => {
    const sources = [await source("kinship", 40, 10)];
    const { graph } = fakeGraph((n) => n === 2);
    const fatal = { ...graph, writeCounted: async (s: Statement[], o: { metadata?: Record<string, unknown> }) => {
      const r = await graph.writeCounted(s, o as never).catch((e: Error) => {
        throw Object.assign(e, { code: "Neo.ClientError.Schema.ConstraintValidationFailed" });
      });
      return r;
    } } as unknown as Graph;
    await expect(loadBundle(fatal, validation(sources))).rejects.toMatchObject({ code: "Neo.ClientError.Schema.ConstraintValidationFailed" });
  });
});
