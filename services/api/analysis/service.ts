// Starting and following analysis runs; flag parameters are checked against the catalogue first,
// so a typo is a 400 naming the field rather than a failed run.
import { loadFlags } from "../../analytics/flags/registry.ts";
import { flagParameters } from "../../analytics/flags/run.ts";
import { type FieldError, NotFoundError, ValidationError } from "../../errors.ts";
import { type Graph, ParameterError } from "../../graph/index.ts";
import type { AnalysisRun, AnalysisRunner } from "./runner.ts";

type Parameters = Record<string, Record<string, unknown>>;

/** Checks each flag's overrides as the run will (flagParameters); every failure names its field. */
export function checkParameters(parameters: Parameters): void {
  const flags = new Map(loadFlags().map((f) => [f.id, f]));
  const errors: FieldError[] = [];
  for (const [flagId, values] of Object.entries(parameters)) {
    const flag = flags.get(flagId);
    if (!flag) {
      errors.push({ field: `body.parameters.${flagId}`, message: `no flag ${flagId}` });
      continue;
    }
    try {
      flagParameters(flag, values, `body.parameters.${flagId}`);
    } catch (error) {
      if (!(error instanceof ParameterError)) throw error;
      errors.push(...error.errors);
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
