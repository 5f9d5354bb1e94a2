// Write-back: communityId on member entities (batched UNWIND, only where it changed), removed from
// entities left without a community, one (:Community) per community, and a (:CommunityRun) record.
import { cypher, type Graph } from "../../graph/index.ts";
import { CommunityOptionError } from "./errors.ts";

export interface WriteOptions {
  runId: string;
  /** Members per write transaction. */
  batchSize: number;
  /** Write transactions at the same time. */
  concurrency: number;
  timeoutMs?: number;
}

export type WriteInput = Partial<Omit<WriteOptions, "runId">> & Pick<WriteOptions, "runId">;

export const DEFAULT_WRITE: Readonly<Omit<WriteOptions, "runId">> = { batchSize: 10_000, concurrency: 2 };

/** The assignment the previous run left in the graph. */
export interface PreviousAssignment {
  /** Entity id → communityId, for every entity that has one (persons and companies: only they get one). */
  members: ReadonlyMap<string, number>;
  /** The highest community id any run issued. */
  maxIssued: number;
}

export interface CommunityRecord {
  id: number;
  members: readonly string[];
  /** The community's share of the run's modularity, when the engine reports it. */
  modularity: number | null;
}

export interface WriteResult {
  /** Members whose communityId was set (it changed or was absent). */
  assigned: number;
  /** Members that already carried the right id and were not written. */
  unchanged: number;
  /** Entities whose communityId was removed. */
  cleared: number;
  communities: number;
  /** Community nodes deleted because this run did not produce them. */
  retired: number;
  seconds: number;
  /** Seconds by step: memberships set, memberships removed, Community nodes written and retired. */
  steps: { assign: number; clear: number; communities: number };
}

export function writeOptions(input: WriteInput): WriteOptions {
  const options = { ...DEFAULT_WRITE, ...input };
  if (!options.runId) throw new CommunityOptionError("runId must not be empty");
  for (const name of ["batchSize", "concurrency"] as const) {
    if (!Number.isSafeInteger(options[name]) || options[name] < 1) throw new CommunityOptionError(`${name} must be an integer ≥ 1, not ${options[name]}`);
  }
  return options;
}

/** The highest community id any run issued. */
export async function readMaxIssued(graph: Graph, timeoutMs?: number): Promise<number> {
  const [row] = await graph.read<{ maxIssued: number }>(cypher("communities/previous-max.cypher"), {}, { timeoutMs, metadata: { stage: "communities.previous" } });
  return row?.maxIssued ?? 0;
}

export async function readPrevious(graph: Graph, timeoutMs?: number): Promise<PreviousAssignment> {
  const [row] = await graph.read<{ ids: string[]; communityIds: number[]; maxIssued: number }>(
    cypher("communities/previous.cypher"),
    {},
    { timeoutMs, metadata: { stage: "communities.previous" } },
  );
  const members = new Map<string, number>();
  if (row) for (let i = 0; i < row.ids.length; i += 1) members.set(row.ids[i]!, row.communityIds[i]!);
  return { members, maxIssued: row?.maxIssued ?? 0 };
}

/**
 * Writes a run's communities. Order: the run record (with `maxIssued`, so no id is issued twice
 * even if the run stops half-way), memberships, removals, Community nodes, stale Community nodes,
 * then the run is marked done. Each batch is its own transaction: readers may see a mix of the
 * old and new assignment while the write-back runs, and a rerun repairs an interrupted one.
 */
export async function writeCommunities(
  graph: Graph,
  run: {
    communities: readonly CommunityRecord[];
    previous: ReadonlyMap<string, number>;
    /** A member's internal node id as the projection read it (then written by node id seek), if known. */
    internalId?: (key: string) => number | undefined;
    modularity: number;
    maxIssued: number;
    /** Extra properties for the (:CommunityRun) node (numbers and strings). */
    stats?: Record<string, unknown>;
  },
  input: WriteInput,
): Promise<WriteResult> {
  const options = writeOptions(input);
  const started = performance.now();
  const tx = (stage: string) => ({ timeoutMs: options.timeoutMs, metadata: { stage: `communities.${stage}`, runId: options.runId } });
  const base = { runId: options.runId, modularity: run.modularity };

  await graph.write(cypher("communities/run-start.cypher"), { ...base, maxIssued: run.maxIssued, stats: run.stats ?? {} }, tx("run"));

  const { batches, unchanged, members } = changedMemberships(run.communities, run.previous, options.batchSize);
  const assignStarted = performance.now();
  const assignQuery = cypher("communities/assign.cypher");
  const byNodeQuery = cypher("communities/assign-nodes.cypher");
  const byKey = async (groups: Group[]) => {
    const [row] = await graph.write<{ assigned: number }>(assignQuery, { groups }, tx("assign"));
    return row?.assigned ?? 0;
  };
  const assignedCounts = await pool(batches, options.concurrency, async (groups) => {
    const rows = run.internalId ? nodeRows(groups, run.internalId) : undefined;
    if (!rows) return byKey(groups);
    const [row] = await graph.write<{ assigned: number }>(byNodeQuery, { rows }, tx("assign"));
    // A node that is gone or now holds another entity: the whole batch again, by entity id.
    return (row?.assigned ?? 0) === rows.length ? rows.length : byKey(groups);
  });
  const assignSeconds = (performance.now() - assignStarted) / 1000;

  // Entities that had a community and are in none now (dissolved, or a singleton).
  const clearStarted = performance.now();
  const gone: string[] = [];
  for (const id of run.previous.keys()) if (!members.has(id)) gone.push(id);
  const clearQuery = cypher("communities/clear.cypher");
  const clearedCounts = await pool(chunks(gone, options.batchSize), options.concurrency, async (ids) => {
    const [row] = await graph.write<{ cleared: number }>(clearQuery, { ids }, tx("clear"));
    return row?.cleared ?? 0;
  });

  const clearSeconds = (performance.now() - clearStarted) / 1000;

  const communitiesStarted = performance.now();
  const upsertQuery = cypher("communities/upsert.cypher");
  const records = run.communities.map((c) => ({ id: c.id, size: c.members.length, modularity: c.modularity }));
  const perTx = Math.max(1, Math.floor(options.batchSize / 10));
  await pool(chunks(records, perTx), options.concurrency, (communities) =>
    graph.write(upsertQuery, { ...base, communities }, tx("upsert")),
  );
  const [retired] = await graph.write<{ retired: number }>(cypher("communities/retire.cypher"), base, tx("retire"));

  const result: WriteResult = {
    assigned: sum(assignedCounts),
    unchanged,
    cleared: sum(clearedCounts),
    communities: run.communities.length,
    retired: retired?.retired ?? 0,
    seconds: (performance.now() - started) / 1000,
    steps: { assign: assignSeconds, clear: clearSeconds, communities: (performance.now() - communitiesStarted) / 1000 },
  };
  await graph.write(
    cypher("communities/run-finish.cypher"),
    { runId: options.runId, stats: { assigned: result.assigned, cleared: result.cleared, retired: result.retired } },
    tx("run"),
  );
  return result;
}

type Group = { id: number; members: string[] };

/**
 * The memberships to write: members whose id changed or is new, grouped by community in batches
 * of at most `batchSize` members (a large community spans batches); and every member, to find
 * the entities that left all communities.
 */
function changedMemberships(
  communities: readonly CommunityRecord[],
  previous: ReadonlyMap<string, number>,
  batchSize: number,
): { batches: Group[][]; unchanged: number; members: Set<string> } {
  const batches: Group[][] = [];
  const members = new Set<string>();
  let batch: Group[] = [];
  let inBatch = 0;
  let unchanged = 0;
  for (const community of communities) {
    let group: Group | undefined;
    for (const m of community.members) {
      members.add(m);
      if (previous.get(m) === community.id) {
        unchanged += 1;
        continue;
      }
      if (!group) {
        group = { id: community.id, members: [] };
        batch.push(group);
      }
      group.members.push(m);
      inBatch += 1;
      if (inBatch >= batchSize) {
        batches.push(batch);
        batch = [];
        inBatch = 0;
        group = undefined;
      }
    }
  }
  if (inBatch > 0) batches.push(batch);
  return { batches, unchanged, members };
}

/** The batch as [node id, entity id, community id] rows, or undefined when a member's node id is unknown. */
function nodeRows(groups: readonly Group[], internalId: (key: string) => number | undefined): [number, string, number][] | undefined {
  const rows: [number, string, number][] = [];
  for (const g of groups) {
    for (const m of g.members) {
      const node = internalId(m);
      if (node === undefined) return undefined;
      rows.push([node, m, g.id]);
    }
  }
  return rows;
}

/** Runs `work` over the items with at most `concurrency` at a time; results in input order. */
async function pool<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      const i = next++;
      try {
        results[i] = await work(items[i]!);
      } catch (error) {
        failed = true; // the other workers finish their current item and stop
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}
