// `npm run db:start|db:stop|db:reset|db:status`: manages the local Neo4j server in the background.
import { createInterface } from "node:readline/promises";
import { config } from "../config/index.ts";
import { ensureInstalled } from "../neo4j/install.ts";
import { localPaths, runningServer, startLocal, stopLocal, wipeLocal } from "../neo4j/local.ts";

const cfg = config();
const [command, ...flags] = process.argv.slice(2);
const say = (line: string) => console.log(line);

async function confirm(question: string): Promise<boolean> {
  if (flags.includes("--yes") || flags.includes("-y")) return true;
  if (!process.stdin.isTTY) {
    console.error("Refusing to reset without confirmation: pass --yes when not running in a terminal.");
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

function externalNotice(): boolean {
  if (!cfg.neo4jUri) return false;
  say(`NEO4J_URI is set (${cfg.neo4jUri}): the local server is not used, so there is nothing to ${command}.`);
  return true;
}

async function main(): Promise<number> {
  const paths = localPaths(cfg.dataDir);
  switch (command) {
    case "start": {
      if (externalNotice()) return 0;
      await ensureInstalled(say);
      const server = await startLocal({ dataDir: cfg.dataDir, ...cfg.local, password: cfg.neo4jPassword });
      say(server.started ? `Neo4j started (pid ${server.pid}).` : `Neo4j is already running (pid ${server.pid}).`);
      say(`  URI:      ${server.uri}`);
      say(`  user:     neo4j`);
      say(cfg.neo4jPassword ? "  password: the NEO4J_PASSWORD you configured" : `  password: in ${server.passwordFile}`);
      say(`  database: ${cfg.neo4jDatabase}`);
      say(`  log:      ${paths.log}`);
      say("Stop it with `npm run db:stop`.");
      return 0;
    }
    case "stop": {
      if (externalNotice()) return 0;
      say((await stopLocal(cfg.dataDir)) ? "Neo4j stopped." : "Neo4j was not running.");
      return 0;
    }
    case "status": {
      if (externalNotice()) return 0;
      const server = runningServer(cfg.dataDir);
      say(server ? `Neo4j running (pid ${server.pid}) at ${server.uri}` : "Neo4j is not running.");
      return server ? 0 : 3;
    }
    case "reset": {
      if (externalNotice()) return 0;
      if (!(await confirm(`Delete every node and relationship of the local database in ${paths.home}?`))) return 1;
      const wasRunning = await stopLocal(cfg.dataDir);
      wipeLocal(cfg.dataDir);
      say("Local database emptied.");
      if (wasRunning) {
        await startLocal({ dataDir: cfg.dataDir, ...cfg.local, password: cfg.neo4jPassword });
        say("Neo4j restarted on the empty database.");
      }
      return 0;
    }
    default:
      console.error("usage: npm run db:start | db:stop | db:status | db:reset [-- --yes]");
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`${error.name}: ${error.message}`);
    process.exit(1);
  },
);
