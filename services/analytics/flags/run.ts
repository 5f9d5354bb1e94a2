// Runs detectors: each flag query is wrapped by cypher/analysis/alerts-write.cypher and its hits
// stored as Alerts; alerts the run no longer finds are retired.
import { bindParameters, cypher, cypherWith, type Graph, SlotValue } from "../../graph/index.ts";
import { gradeParams } from "../grades.ts";
import type { FlagDefinition } from "./definition.ts";

export interface FlagRunOptions {
  runId: string;
  /** Overrides of flag parameters, by flag id then parameter name. */
  parameters?: Record<string, Record<string, unknown>>;
  /** Values learned from the county, by baseline name: they replace the defaults of parameters that
   *  name them (`learned:` in the header), not explicit overrides. */
  learned?: Record<string, unknown>;
  timeoutMs?: number;
}

export interface FlagRunResult {
  flag: string;
  hits: number;
  seconds: number;
}

/**
 * The flag's parameters: its defaults (replaced by the run's learned county baselines where the
 * header names one) with the overrides merged over them, checked against the flag's declarations
 * (unknown names, types, bounds) like a saved query's; ParameterError names each failure under `field`.
 */
export function flagParameters(
  flag: FlagDefinition,
  overrides: Record<string, unknown> = {},
  field = `parameters.${flag.id}`,
  learned: Record<string, unknown> = {},
): Record<string, unknown> {
  const fromData: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(flag.parameters)) {
    if (spec.learned !== undefined && learned[spec.learned] !== undefined && !(name in overrides)) fromData[name] = learned[spec.learned];
  }
  return bindParameters(flag, { ...fromData, ...overrides }, "json", field);
}

export async function runFlag(graph: Graph, flag: FlagDefinition, options: FlagRunOptions): Promise<FlagRunResult> {
  const started = performance.now();
  const query = cypherWith("analysis/alerts-write.cypher", { FLAG: SlotValue.cypher(flag.cypher) });
  const params = {
    ...flagParameters(flag, options.parameters?.[flag.id], undefined, options.learned),
    flagId: flag.id,
    typology: flag.typology,
    weight: flag.weight,
    runId: options.runId,
    grades: gradeParams(),
  };
  const [row] = await graph.write<{ hits: number }>(query, params, { timeoutMs: options.timeoutMs, metadata: { flag: flag.id } });
  await graph.write(cypher("analysis/alerts-retire.cypher"), { flagId: flag.id, runId: options.runId });
  return { flag: flag.id, hits: row?.hits ?? 0, seconds: (performance.now() - started) / 1000 };
}
