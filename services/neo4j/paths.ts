// Where the local Neo4j's jars, the launcher and its class-data archive live.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const NEO4J_DIR = path.dirname(fileURLToPath(import.meta.url));
export const LIB_DIR = path.join(NEO4J_DIR, "lib");
export const CLASSES_DIR = path.join(NEO4J_DIR, "target", "classes");
/** The launcher's classes as a jar: a class-data archive only accepts jars on the class path. */
export const LAUNCHER_JAR = path.join(NEO4J_DIR, "target", "launcher.jar");
export const CLASS_ARCHIVE = path.join(NEO4J_DIR, "target", "launcher.jsa");

/** The launcher's class path (the class-data archive is valid for exactly this one). */
export function launcherClasspath(): string {
  return `${LAUNCHER_JAR}${path.delimiter}${LIB_DIR}/*`;
}
