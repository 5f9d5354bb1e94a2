// `npm run import -- <folder> [--allow-partial] [--online] [--batch-size N]`: validates a bundle and
// writes it to Neo4j, printing progress on stderr, a summary on stdout, and every error as
// `file:line: column: reason`. Into an empty local database (no store yet, server stopped) it goes
// through Neo4j's offline importer unless --online; otherwise the online loader writes it into the
// configured database (the local server started for the occasion).
import { pino } from "pino";
import { config } from "../config/index.ts";
import { IdentifierVault } from "../store/index.ts";
import { Graph, migrate } from "../graph/index.ts";
import { BundleRejectedError, ImportFailedError, importBundle, type ImportReport } from "../ingest/index.ts";
import { summary } from "../ingest/progress.ts";
import { formatLogLine, StatusLine } from "../logger.ts";
import { resolveNeo4j, type Neo4jTarget } from "../neo4j/connect.ts";
import { importProgress } from "./progress.ts";
import { canImportOffline, type Runtime, startRuntimeWithImport } from "./runtime.ts";

const USAGE = "usage: npm run import -- <folder> [--allow-partial] [--online] [--batch-size N]";

interface Args {
  folder: string;
  allowPartial: boolean;
  /** Use the online loader even when the local database is empty. */
  online: boolean;
  batchSize?: number;
}

export function parseArgs(argv: string[]): Args {
  let folder: string | undefined;
  let allowPartial = false;
  let online = false;
  let batchSize: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--allow-partial") allowPartial = true;
    else if (arg === "--online") online = true;
    else if (arg === "--batch-size" || arg.startsWith("--batch-size=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
      batchSize = Number(value);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`--batch-size wants a positive integer, got ${value ?? "nothing"}`);
    } else if (arg === "-h" || arg === "--help") throw new Error(USAGE);
    else if (arg.startsWith("-")) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else if (folder === undefined) folder = arg;
    else throw new Error(`one folder only\n${USAGE}`);
  }
  if (folder === undefined) throw new Error(USAGE);
  return { folder, allowPartial, online, batchSize };
}

function printProblems(report: ImportReport): void {
  for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`);
  for (const e of report.errors) process.stderr.write(`${e}\n`);
  if (report.errorCount > report.errors.length) process.stderr.write(`… and ${report.errorCount - report.errors.length} more errors (${report.errorCount} in all)\n`);
}

/** On SIGINT/SIGTERM: run `stop`, exit. Returns a function removing the hooks. */
function onSignals(stop: () => Promise<void>): () => void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\n${signal}: stopping\n`);
    void stop().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const cfg = config();
  // Progress and notes on stderr (a live line on a terminal), the summary alone on stdout.
  const status = new StatusLine(process.stderr);
  const logger = pino({ level: "info" }, { write: (line: string) => status.print(formatLogLine(line, status.tty)) });
  const progress = importProgress(logger, { status });
  let target: Neo4jTarget | undefined;
  let runtime: Runtime | undefined;
  let graph: Graph | undefined;
  const removeHooks = onSignals(async () => {
    await graph?.close().catch(() => {});
    await runtime?.shutdown().catch(() => {});
    await target?.release();
  });
  try {
    let report: ImportReport;
    if (!args.online && canImportOffline(cfg)) {
      logger.info("the local database is empty: loading the bundle with Neo4j's offline importer");
      const loaded = await startRuntimeWithImport(logger, args.folder, { allowPartial: args.allowPartial, onProgress: progress.update });
      runtime = loaded;
      report = loaded.report;
    } else {
      target = await resolveNeo4j(cfg, (line) => logger.info(line));
      graph = await Graph.connect(target.connection);
      await migrate(graph);
      report = await importBundle(graph, args.folder, { allowPartial: args.allowPartial, batchSize: args.batchSize, onProgress: progress.update, vault: IdentifierVault.open(config().vaultDir) });
    }
    progress.end();
    printProblems(report);
    process.stdout.write(`${summary(report)}\n`);
    return 0;
  } catch (error) {
    progress.end();
    if (error instanceof BundleRejectedError || error instanceof ImportFailedError) {
      printProblems(error.report);
      process.stdout.write(`${summary(error.report)}\n`);
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`import failed: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  } finally {
    removeHooks();
    await graph?.close();
    await runtime?.shutdown();
    await target?.release();
  }
}

process.exitCode = await main();
