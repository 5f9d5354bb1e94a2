// `npm run serve`: the API over whatever the database already holds (no seed, no import). On a
// fresh database it creates the first admin API key and writes it to a 0600 file under DATA_DIR.
import { createLogger } from "../logger.ts";
import { onSignals, serveApi, startRuntime } from "./runtime.ts";

const logger = createLogger("serve");
const runtime = await startRuntime(logger);
const server = await serveApi(runtime, logger);
onSignals(async () => {
  await server.close();
  await runtime.shutdown();
}, logger);
