// `npm run serve`: the API over whatever the database already holds (no seed, no import). On a
// fresh database it creates the first admin API key and writes it to a 0600 file under DATA_DIR.
import { bootstrapKeyFile, ensureBootstrapKey } from "../api/auth/keys.ts";
import { listen } from "../api/server.ts";
import { config } from "../config/index.ts";
import { createLogger } from "../logger.ts";
import { onSignals, startRuntime } from "./runtime.ts";

const logger = createLogger("serve");
const runtime = await startRuntime(logger);
await ensureBootstrapKey(runtime.graph, bootstrapKeyFile(config().dataDir), (line) => logger.info(line));
const server = await listen(config(), runtime.graph, logger);
logger.info(`API listening on ${server.url} (health: ${server.url}/health/ready, spec: ${server.url}/api/openapi.json)`);
onSignals(async () => {
  await server.close();
  await runtime.shutdown();
}, logger);
