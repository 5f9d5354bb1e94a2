// `npm run serve`: the API over whatever the database already holds (no seed, no import).
import { listen } from "../api/server.ts";
import { config } from "../config/index.ts";
import { createLogger } from "../logger.ts";
import { onSignals, startRuntime } from "./runtime.ts";

const logger = createLogger("serve");
const runtime = await startRuntime(logger);
const server = await listen(config(), runtime.graph, logger);
logger.info(`API listening on ${server.url} (health: ${server.url}/health/ready)`);
onSignals(async () => {
  await server.close();
  await runtime.shutdown();
}, logger);
