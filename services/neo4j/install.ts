// Fetches the Neo4j jars from Maven Central (once), compiles the tiny Java launcher into a jar, and
// records the classes a start loads in a class-data archive (class-archive.ts).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AppError } from "../errors.ts";
import { buildClassArchive, classArchiveTried } from "./class-archive.ts";
import { CLASSES_DIR, LAUNCHER_JAR, LIB_DIR, NEO4J_DIR } from "./paths.ts";

export { CLASSES_DIR, LIB_DIR, NEO4J_DIR } from "./paths.ts";
const STAMP = path.join(NEO4J_DIR, "target", "install.stamp");
const JAVA_SRC = path.join(NEO4J_DIR, "src", "main", "java", "county");

/** The launcher and the procedures it registers (every .java file of the county package), in name order. */
function javaSources(): string[] {
  return readdirSync(JAVA_SRC)
    .filter((f) => f.endsWith(".java"))
    .sort()
    .map((f) => path.join(JAVA_SRC, f));
}

export class Neo4jInstallError extends AppError {
  override name = "Neo4jInstallError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("unavailable", message, options);
  }
}

/** What the installed jars and classes were built from: the pom and the Java sources. */
function fingerprint(): string {
  const hash = createHash("sha256").update(readFileSync(path.join(NEO4J_DIR, "pom.xml")));
  for (const file of javaSources()) hash.update(path.basename(file)).update(readFileSync(file));
  return hash.digest("hex");
}

export function isInstalled(): boolean {
  return existsSync(STAMP) && readFileSync(STAMP, "utf8") === fingerprint() && existsSync(LAUNCHER_JAR) && classArchiveTried();
}

/**
 * Downloads the jars with Maven and compiles the launcher, unless already done for this pom.
 * `progress` receives short human-readable lines (Maven downloads are counted, not echoed).
 */
export async function ensureInstalled(progress: (line: string) => void = () => {}): Promise<void> {
  if (isInstalled()) return;
  if (existsSync(STAMP) && readFileSync(STAMP, "utf8") === fingerprint() && existsSync(LAUNCHER_JAR)) {
    await buildClassArchive(progress);
    return;
  }
  progress("Fetching Neo4j from Maven Central (first run only)…");
  let downloaded = 0;
  await run("mvn", ["-B", "-f", path.join(NEO4J_DIR, "pom.xml"), "dependency:copy-dependencies", `-DoutputDirectory=${LIB_DIR}`, "-DincludeScope=runtime"], (line) => {
    if (line.startsWith("Downloaded from")) {
      downloaded += 1;
      if (downloaded % 25 === 0) progress(`  ${downloaded} artifacts downloaded…`);
    } else if (/\[ERROR\]/.test(line)) progress(line);
  });
  const jars = readdirSync(LIB_DIR).filter((f) => f.endsWith(".jar"));
  if (!jars.some((j) => j.startsWith("neo4j-bolt-"))) throw new Neo4jInstallError(`Maven finished but ${LIB_DIR} holds no neo4j-bolt jar`);
  progress(`  ${jars.length} jars in services/neo4j/lib; compiling the launcher…`);
  mkdirSync(CLASSES_DIR, { recursive: true });
  await run("javac", ["--release", "17", "-cp", `${LIB_DIR}/*`, "-d", CLASSES_DIR, ...javaSources()], (line) => progress(line));
  await run("jar", ["cf", LAUNCHER_JAR, "-C", CLASSES_DIR, "."], (line) => progress(line));
  writeFileSync(STAMP, fingerprint());
  await buildClassArchive(progress);
}

export function run(command: string, args: string[], onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let tail: string[] = [];
    const feed = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split(/\r?\n/)) {
        if (!line) continue;
        tail = [...tail.slice(-30), line];
        onLine(line);
      }
    };
    child.stdout.on("data", feed);
    child.stderr.on("data", feed);
    child.on("error", (error) => reject(new Neo4jInstallError(`cannot run ${command}: ${error.message} (is it installed and on PATH?)`)));
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new Neo4jInstallError(`${command} ${args[0] ?? ""} failed with exit code ${code}:\n${tail.join("\n")}`));
    });
  });
}
