// Fetches the Neo4j jars from Maven Central (once) and compiles the tiny Java launcher.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AppError } from "../errors.ts";

export const NEO4J_DIR = path.dirname(fileURLToPath(import.meta.url));
export const LIB_DIR = path.join(NEO4J_DIR, "lib");
export const CLASSES_DIR = path.join(NEO4J_DIR, "target", "classes");
const STAMP = path.join(NEO4J_DIR, "target", "install.stamp");
const JAVA_SRC = path.join(NEO4J_DIR, "src", "main", "java", "county");

/** The launcher and the procedures it registers (every .java file of the county package), in name order. */
function javaSources(): string[] {
  return readdirSync(JAVA_SRC)
    .filter((f) => f.endsWith(".java"))
    .sort()
    .map((f) => path.join(JAVA_SRC, f));
}

/** Neo4j Graph Data Science's jars (optional, NEO4J_LOCAL_GDS=1): the local server's plugins folder. */
export const GDS_DIR = path.join(NEO4J_DIR, "gds", "lib");
const GDS_POM = path.join(NEO4J_DIR, "gds", "pom.xml");
const GDS_SRC = path.join(NEO4J_DIR, "gds", "src");
const GDS_WIRING = path.join(GDS_SRC, "county", "gds", "OpenGdsWiring.java");
const GDS_STAMP = path.join(NEO4J_DIR, "target", "gds.stamp");

/** What the GDS add-on was built from: its pom and the wiring extension. */
function gdsFingerprint(): string {
  return createHash("sha256").update(readFileSync(GDS_POM)).update(readFileSync(GDS_WIRING)).digest("hex");
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
  return existsSync(STAMP) && readFileSync(STAMP, "utf8") === fingerprint();
}

/**
 * Downloads the jars with Maven and compiles the launcher, unless already done for this pom.
 * `progress` receives short human-readable lines (Maven downloads are counted, not echoed).
 */
export async function ensureInstalled(progress: (line: string) => void = () => {}): Promise<void> {
  if (isInstalled()) return;
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
  writeFileSync(STAMP, fingerprint());
}

export function isGdsInstalled(): boolean {
  return existsSync(GDS_STAMP) && readFileSync(GDS_STAMP, "utf8") === gdsFingerprint();
}

/**
 * Fetches Graph Data Science (services/neo4j/gds/pom.xml) into services/neo4j/gds/lib, once, and
 * keeps only the jars Neo4j's own lib folder lacks (the shared ones resolve to Neo4j's versions),
 * so one copy of each class is on the server's classpath; then builds the extension that wires its
 * procedures (services/neo4j/gds/src) into a jar beside them.
 */
export async function ensureGdsInstalled(progress: (line: string) => void = () => {}): Promise<void> {
  await ensureInstalled(progress);
  if (isGdsInstalled()) return;
  progress("Fetching Neo4j Graph Data Science 2.13 from Maven Central (NEO4J_LOCAL_GDS=1; first run only)…");
  rmSync(GDS_DIR, { recursive: true, force: true });
  await run("mvn", ["-B", "-f", GDS_POM, "dependency:copy-dependencies", `-DoutputDirectory=${GDS_DIR}`, "-DincludeScope=runtime"], (line) => {
    if (/\[ERROR\]/.test(line)) progress(line);
  });
  const neo4j = new Set(readdirSync(LIB_DIR));
  let kept = 0;
  for (const jar of readdirSync(GDS_DIR)) {
    if (neo4j.has(jar)) rmSync(path.join(GDS_DIR, jar));
    else kept += 1;
  }
  if (!readdirSync(GDS_DIR).some((j) => j.startsWith("proc-community-"))) throw new Neo4jInstallError(`Maven finished but ${GDS_DIR} holds no proc-community jar`);
  progress(`  ${kept} Graph Data Science jars in services/neo4j/gds/lib; building the extension that wires them in…`);
  const classes = path.join(NEO4J_DIR, "target", "gds-classes");
  rmSync(classes, { recursive: true, force: true });
  mkdirSync(classes, { recursive: true });
  await run("javac", ["--release", "17", "-proc:none", "-cp", `${LIB_DIR}/*${path.delimiter}${GDS_DIR}/*`, "-d", classes, GDS_WIRING], (line) => progress(line));
  await run("jar", ["--create", "--file", path.join(GDS_DIR, "county-gds-wiring.jar"), "-C", classes, ".", "-C", GDS_SRC, "META-INF"], (line) => progress(line));
  mkdirSync(path.dirname(GDS_STAMP), { recursive: true });
  writeFileSync(GDS_STAMP, gdsFingerprint());
}

function run(command: string, args: string[], onLine: (line: string) => void): Promise<void> {
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
