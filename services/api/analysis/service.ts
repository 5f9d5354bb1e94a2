// Starting and following analysis runs; flag parameters are checked against the catalogue first,
// so a typo is a 400 naming the field rather than a failed run.
import { loadFlags } from "../../analytics/flags/registry.ts";
import type { Graph } from "../../graph/index.ts";
import { NotFoundError, ValidationError } from "../../errors.ts";
import type { AnalysisRun, AnalysisRunner } from "./runner.ts";

type Parameters = Record<string, Record<string, unknown>>;

const TYPE_CHECKS: Record<string, (v: unknown) => boolean> = {
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === "number" && Number.isFinite(v),
  string: (v) => typeof v === "string",
  boolean: (v) => typeof v === "boolean",
  date: (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v),
  list: (v) => Array.isArray(v),
};

export function checkParameters(parameters: Parameters): void {
  const flags = new Map(loadFlags().map((f) => [f.id, f]));
  const errors: { field: string; message: string }[] = [];
  for (const [flagId, values] of Object.entries(parameters)) {
    const flag = flags.get(flagId);
    if (!flag) {
      errors.push({ field: `body.parameters.${flagId}`, message: `no flag ${flagId}` });
      continue;
    }
    for (const [name, value] of Object.entries(values)) {
      const spec = flag.parameters[name];
      const field = `body.parameters.${flagId}.${name}`;
      if (!spec) errors.push({ field, message: `${flagId} has no parameter ${name}` });
      else if (!TYPE_CHECKS[spec.type]?.(value)) errors.push({ field, message: `expected ${spec.type}` });
      else if (typeof value === "number" && ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max))) {
        errors.push({ field, message: `must be within ${spec.min ?? "-∞"}–${spec.max ?? "∞"}` });
      }
    }
  }
  if (errors.length > 0) throw new ValidationError(errors);
}

export class AnalysisService {
  constructor(
    private readonly graph: Graph,
    private readonly runner: AnalysisRunner,
  ) {}

  async start(parameters: Parameters): Promise<{ id: string }> {
    checkParameters(parameters);
    // A run already going is an AnalysisBusyError (kind busy): the error middleware answers 409.
    return this.runner.start(this.graph, { parameters });
  }

  async get(id: string): Promise<AnalysisRun> {
    const run = await this.runner.get(this.graph, id);
    if (!run) throw new NotFoundError(`no analysis run ${id}`);
    return run;
  }
}
