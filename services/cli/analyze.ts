// `npm run analyze`: flags, communities and risk scores over the database, with stage timings.
import { runAnalysis } from "../analytics/run.ts";
import { createLogger } from "../logger.ts";
import { progressBar, table } from "./progress.ts";
import { startRuntime } from "./runtime.ts";

const logger = createLogger("analyze");
const runtime = await startRuntime(logger);
let code = 0;
try {
  const bar = progressBar();
  const run = await runAnalysis(runtime.graph, { onProgress: (p) => bar.update(p.progress, p.detail ? `${p.stage}: ${p.detail}` : p.stage) });
  bar.done();
  const seconds = run.seconds ?? {};
  console.log(table([["stage", "seconds"], ...Object.entries(seconds).map(([stage, s]) => [stage, s.toFixed(2)]), ["total", Object.values(seconds).reduce((a, b) => a + b, 0).toFixed(2)]]));
  console.log(`\nRun ${run.id}: ${JSON.stringify(run.summary)}`);
} catch (error) {
  console.error(`analysis failed: ${(error as Error).message}`);
  code = 1;
} finally {
  await runtime.shutdown();
}
process.exit(code);
