// The Neo4j Graph Data Science engine: projects the same ties into a GDS in-memory graph, runs
// gds.louvain there and streams the communities back. Needs the GDS plugin on the server.
import { cypher, cypherWith, type Graph, SlotValue, typedParams } from "../../graph/index.ts";
import { CommunityOptionError, GdsUnavailableError } from "./errors.ts";
import { louvainOptions } from "./louvain.ts";
import { projectionOptions, tieParams, withTies } from "./project.ts";
import type { CommunityEngine, Detection, EngineOptions } from "./types.ts";

/** What the server's GDS offers, from SHOW PROCEDURES / SHOW FUNCTIONS. */
export interface GdsCapabilities {
  procedures: string[];
  functions: string[];
  /** How the ties are projected: gds.graph.project.cypher ("legacy", GDS 2.x) or the Cypher aggregation (GDS 2.4+). */
  projection: "aggregation" | "legacy";
  /** The procedure that reports each community's share of the modularity, if any. */
  modularityProcedure: string | undefined;
}

const REQUIRED = ["gds.louvain.mutate", "gds.graph.nodeProperty.stream", "gds.graph.drop"];
const MODULARITY_PROCEDURES = ["gds.modularity.stream", "gds.beta.modularity.stream", "gds.alpha.modularity.stream"];

/** The `gds.*` procedures of the server (an empty list when the plugin is absent). */
export async function gdsProcedures(graph: Graph): Promise<string[]> {
  const [row] = await graph.read<{ names: string[] }>(cypher("communities/gds-procedures.cypher"));
  return row?.names ?? [];
}

/** Checks that GDS is installed with what the engine needs; throws GdsUnavailableError otherwise. */
export async function gdsCapabilities(graph: Graph): Promise<GdsCapabilities> {
  const procedures = await gdsProcedures(graph);
  if (procedures.length === 0) {
    throw new GdsUnavailableError(
      `the Neo4j server at ${graph.uri} has no Graph Data Science plugin (SHOW PROCEDURES lists no gds.* procedure): ` +
        `install GDS on the server, or use the in-process "graphology" engine`,
    );
  }
  const missing = REQUIRED.filter((p) => !procedures.includes(p));
  if (missing.length > 0) {
    throw new GdsUnavailableError(`the Graph Data Science plugin at ${graph.uri} lacks ${missing.join(", ")} (GDS 2.2 or later is needed)`, procedures);
  }
  const [row] = await graph.read<{ names: string[] }>(cypher("communities/gds-functions.cypher"));
  const functions = row?.names ?? [];
  // The Cypher aggregation (GDS 2.4+) where the server has it, else gds.graph.project.cypher: GDS parses
  // the latter's query with its own older Cypher parser (2.13 refuses the scoped CALL (a) { … }).
  let projection: GdsCapabilities["projection"];
  if (functions.includes("gds.graph.project")) projection = "aggregation";
  else if (procedures.includes("gds.graph.project.cypher")) projection = "legacy";
  else throw new GdsUnavailableError(`the Graph Data Science plugin at ${graph.uri} offers no Cypher projection`, procedures);
  return { procedures, functions, projection, modularityProcedure: MODULARITY_PROCEDURES.find((p) => procedures.includes(p)) };
}

/** GDS graph names allow letters, digits, `-` and `_` here; the run id is folded into that. */
export function gdsGraphName(runId: string): string {
  return `communities-${runId.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

export const gdsEngine: CommunityEngine = {
  id: "gds",
  async detect(graph: Graph, options: EngineOptions): Promise<Detection> {
    const projection = projectionOptions(options.projection);
    const louvain = louvainOptions(options.louvain);
    if (louvain.resolution !== 1) {
      throw new CommunityOptionError(`the GDS Louvain has no resolution parameter (asked for ${louvain.resolution}); use the "graphology" engine`);
    }
    const capabilities = await gdsCapabilities(graph);
    const graphName = gdsGraphName(options.runId);
    const run = { timeoutMs: options.timeoutMs, metadata: { stage: "communities.gds", runId: options.runId } };
    const notes: string[] = [];

    const readStarted = performance.now();
    let projected: { nodeCount: number; relationshipCount: number } | undefined;
    if (capabilities.projection === "aggregation") {
      [projected] = await graph.autoCommit(withTies(cypher("communities/gds-project.cypher")), { graphName, ...tieParams(projection) }, run);
    } else {
      [projected] = await graph.autoCommit(
        cypher("communities/gds-project-legacy.cypher"),
        {
          graphName,
          relationshipQuery: withTies(cypher("communities/gds-project-legacy-relationships.cypher")),
          parameters: tieParams(projection),
        },
        run,
      );
    }
    // GDS counts an undirected relationship (and a pair projected both ways) twice.
    const edges = Math.round(Number(projected?.relationshipCount ?? 0) / 2);
    const read = (performance.now() - readStarted) / 1000;

    try {
      const louvainStarted = performance.now();
      // One thread, so the result repeats (a seed, where a GDS offers one, needs it too); integers travel as Neo4j integers.
      const integers = { randomSeed: "integer", concurrency: "integer" } as const;
      let configuration: Record<string, unknown> = typedParams(
        { mutateProperty: "community", relationshipWeightProperty: "weight", consecutiveIds: true, randomSeed: louvain.seed, concurrency: 1 },
        integers,
      );
      let result: { modularity: number; communityCount: number }[];
      try {
        result = await graph.autoCommit(cypher("communities/gds-louvain.cypher"), { graphName, configuration }, run);
      } catch (error) {
        // GDS validates configuration keys: a version without a seeded Louvain refuses randomSeed.
        // Single-threaded, its Louvain visits nodes in a fixed order, so the result still repeats.
        if (!/randomSeed/.test((error as Error).message)) throw error;
        const { randomSeed: _seed, ...unseeded } = configuration;
        configuration = unseeded;
        notes.push("this GDS Louvain takes no randomSeed: ran single-threaded for a repeatable result");
        result = await graph.autoCommit(cypher("communities/gds-louvain.cypher"), { graphName, configuration }, run);
      }
      const modularity = Number(result[0]?.modularity ?? 0);
      const [streamed] = await graph.autoCommit<{ ids: string[]; nodes: number[]; communities: number[] }>(cypher("communities/gds-stream.cypher"), { graphName }, run);
      const byCommunity = new Map<number, string[]>();
      const ids = streamed?.ids ?? [];
      const numbers = streamed?.communities ?? [];
      for (let i = 0; i < ids.length; i += 1) {
        const c = numbers[i]!;
        const members = byCommunity.get(c);
        if (members) members.push(ids[i]!);
        else byCommunity.set(c, [ids[i]!]);
      }
      const shares = new Map<number, number>();
      if (capabilities.modularityProcedure) {
        const query = cypherWith("communities/gds-modularity.cypher", { PROCEDURE: SlotValue.oneOf(capabilities.modularityProcedure, MODULARITY_PROCEDURES) });
        try {
          const [row] = await graph.autoCommit<{ communities: number[]; modularities: number[] }>(query, { graphName }, run);
          row?.communities.forEach((c, i) => shares.set(c, row.modularities[i]!));
        } catch (error) {
          // Seen with GDS 2.13.9 on a second run over the same database (an index of -1 inside the procedure): the shares are optional.
          notes.push(`${capabilities.modularityProcedure} failed (${(error as Error).message.split("\n")[0]}): communities carry no modularity share`);
        }
      }
      const groups = [...byCommunity.entries()].map(([c, members]) => ({ c, members: members.sort() }));
      groups.sort((x, y) => y.members.length - x.members.length || (x.members[0]! < y.members[0]! ? -1 : 1));
      return {
        communities: groups.map((g) => g.members),
        modularity,
        contributions: groups.map((g) => shares.get(g.c) ?? null),
        nodes: ids.length,
        edges,
        seconds: { read, louvain: (performance.now() - louvainStarted) / 1000 },
        notes,
        internalId: nodeIdsOf(ids, streamed?.nodes ?? []),
      };
    } finally {
      await graph.autoCommit(cypher("communities/gds-drop.cypher"), { graphName }, run).catch(() => {});
    }
  },
};

/** Looks a member's internal node id up, building the map on first use. */
function nodeIdsOf(ids: readonly string[], nodes: readonly number[]): (key: string) => number | undefined {
  let index: Map<string, number> | undefined;
  return (key) => {
    index ??= new Map(ids.map((id, i) => [id, nodes[i]!]));
    return index.get(key);
  };
}
