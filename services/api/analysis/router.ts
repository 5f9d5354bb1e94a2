// Analysis runs: flags → communities → scores, started by an admin and followed by id.
import { Router } from "express";
import type { Graph } from "../../graph/index.ts";
import { registry, z } from "../openapi.ts";
import { API_PREFIX, endpoint, mount } from "../route.ts";
import { IdParams } from "../schemas.ts";
import type { AnalysisRunner } from "./runner.ts";
import { AnalysisService } from "./service.ts";

const AnalysisRunSchema = registry.register(
  "AnalysisRun",
  z.object({
    id: z.string(),
    status: z.enum(["running", "succeeded", "failed"]),
    stage: z.string(),
    progress: z.number().min(0).max(1),
    startedAt: z.string(),
    finishedAt: z.string().nullish(),
    seconds: z.record(z.string(), z.number()).nullish().openapi({ description: "seconds per stage (flag:<ID>, communities, scores)" }),
    summary: z.record(z.string(), z.unknown()).nullish(),
    error: z.string().nullish(),
  }),
);

export const StartRun = endpoint({
  method: "post",
  path: "/analysis/runs",
  roles: ["admin"],
  tags: ["analysis"],
  summary: "Start an analysis run (flags, communities, scores) in the background",
  body: z.object({
    parameters: z
      .record(z.string(), z.record(z.string(), z.unknown()))
      .default({})
      .openapi({ description: "flag parameter overrides by flag id then parameter name, e.g. {\"SKIMMING\": {\"tolerance\": 0.05}}" }),
  }),
  response: z.object({ id: z.string() }),
  status: 202,
  headers: { Location: { description: "the run's URL", schema: { type: "string" } } },
  problems: [409],
});

export const GetRun = endpoint({
  method: "get",
  path: "/analysis/runs/:id",
  roles: ["admin", "investigator", "analyst"],
  tags: ["analysis"],
  summary: "An analysis run's status, stage and progress",
  params: IdParams,
  response: AnalysisRunSchema,
  problems: [404],
});

export function analysisRouter(graph: Graph, runner: AnalysisRunner): Router {
  const service = new AnalysisService(graph, runner);
  const router = Router();
  mount(router, StartRun, async ({ body, res }) => {
    const run = await service.start(body.parameters);
    res.location(`${API_PREFIX}/analysis/runs/${encodeURIComponent(run.id)}`);
    return { id: run.id };
  });
  mount(router, GetRun, ({ params }) => service.get(params.id));
  return router;
}
