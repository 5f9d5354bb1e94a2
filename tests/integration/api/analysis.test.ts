// Analysis runs over HTTP: an admin starts a run (202 + Location) and anyone exploring follows it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetRun } from "../../../services/api/analysis/router.ts";
import { type Harness, isProblem, startApi } from "../../support/api.ts";

let api: Harness;
beforeAll(async () => {
  // A risk view that only this process's run can make stale within the test: the finished run must.
  api = await startApi({ config: { riskRefreshMs: 3_600_000 } });
});
afterAll(async () => api?.close());

describe("analysis runs", () => {
  it("starts a run in the background and reports its progress until it ends", async () => {
    // A score no run computes, in the view before the run starts.
    await api.graph.write("MATCH (e:Entity {id: 'P1'}) SET e.riskScore = 1.23");
    await api.app.risk.ready();
    const viewed = api.app.risk.stats().fromView;
    expect((await api.get("/api/v1/entities/P1/risk", "consumer")).body.score).toBe(1.23);
    expect(api.app.risk.stats().fromView).toBe(viewed + 1);
    const started = await api.call("POST", "/api/v1/analysis/runs", { as: "admin", body: {} });
    expect(started.status).toBe(202);
    expect(started.body.id).toEqual(expect.any(String));
    expect(started.headers.get("location")).toBe(`/api/v1/analysis/runs/${started.body.id}`);

    let run: Record<string, unknown> = {};
    for (let i = 0; i < 600; i++) {
      const r = await api.get(started.headers.get("location") as string, "investigator");
      expect(r.status).toBe(200);
      expect(GetRun.response.safeParse(r.body).success).toBe(true);
      run = r.body;
      if (run.status !== "running") break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(run.error ?? null, "the run's error").toBeNull();
    expect(run).toMatchObject({ id: started.body.id, status: "succeeded", progress: 1 });
    expect(run.seconds).toEqual(expect.objectContaining({ scores: expect.any(Number) }));
    // The community stage's own split, for the analysis benchmark.
    const stages = (run.summary as { communityStages?: { total: number; louvain: number } } | undefined)?.communityStages;
    expect(stages).toEqual({ read: expect.any(Number), louvain: expect.any(Number), write: expect.any(Number), total: expect.any(Number), nodes: expect.any(Number), edges: expect.any(Number) });
    expect(stages!.total).toBeGreaterThanOrEqual(stages!.louvain);
    // The finished run made the view stale at once: P1's answer is the run's score, not the one the view held.
    const [stored] = await api.graph.read<{ score: number }>("MATCH (e:Entity {id: 'P1'}) RETURN coalesce(e.riskScore, 0.0) AS score");
    expect(stored!.score).not.toBe(1.23);
    expect((await api.get("/api/v1/entities/P1/risk", "consumer")).body.score).toBe(stored!.score);
    // A whole analysis of the test county: about 30 s on an idle machine, over 120 s on a loaded one.
  }, 600_000);

  it("checks flag parameters before starting: 400 naming the field", async () => {
    const unknownFlag = await api.call("POST", "/api/v1/analysis/runs", { as: "admin", body: { parameters: { NO_SUCH_FLAG: { x: 1 } } } });
    expect(isProblem(unknownFlag, 400)).toBe(true);
    expect(unknownFlag.body.errors[0].field).toBe("body.parameters.NO_SUCH_FLAG");
    const unknownParam = await api.call("POST", "/api/v1/analysis/runs", { as: "admin", body: { parameters: { DECEASED_PAYEE: { graceDayz: 3 } } } });
    expect(unknownParam.body.errors[0].field).toBe("body.parameters.DECEASED_PAYEE.graceDayz");
    const badType = await api.call("POST", "/api/v1/analysis/runs", { as: "admin", body: { parameters: { DECEASED_PAYEE: { graceDays: "soon" } } } });
    expect(badType.body.errors[0].field).toBe("body.parameters.DECEASED_PAYEE.graceDays");
    const shape = await api.call("POST", "/api/v1/analysis/runs", { as: "admin", body: { parameters: [1] } });
    expect(shape.body.errors[0].field).toBe("body.parameters");
  });

  it("answers 404 for an unknown run, 403 when a non-admin starts one", async () => {
    expect(isProblem(await api.get("/api/v1/analysis/runs/run-nope"), 404)).toBe(true);
    expect(isProblem(await api.call("POST", "/api/v1/analysis/runs", { as: "investigator", body: {} }), 403)).toBe(true);
    expect(isProblem(await api.get("/api/v1/analysis/runs/run-nope", "consumer"), 403)).toBe(true);
    expect(isProblem(await api.call("POST", "/api/v1/analysis/runs", { as: null, body: {} }), 401)).toBe(true);
  });

  it("answers 409 while another run is going", async () => {
    await api.graph.write("CREATE (:AnalysisRun {id: 'run-busy', status: 'running', stage: 'flags', progress: 0.1, startedAt: datetime()})");
    try {
      const r = await api.call("POST", "/api/v1/analysis/runs", { as: "admin", body: {} });
      expect(isProblem(r, 409)).toBe(true);
    } finally {
      await api.graph.write("MATCH (r:AnalysisRun {id: 'run-busy'}) DELETE r");
    }
  });
});
