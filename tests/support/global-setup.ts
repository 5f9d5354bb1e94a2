// Picks the Neo4j for integration tests: NEO4J_URI, else testcontainers when Docker answers,
// else the local launcher on a test port with its own data folder. Never a mock.
import path from "node:path";
import type { TestProject } from "vitest/node";
import { config } from "../../services/config/index.ts";
import type { Connection } from "../../services/graph/index.ts";
import { resolveNeo4j } from "../../services/neo4j/connect.ts";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: Connection;
  }
}

async function fromDocker(): Promise<{ connection: Connection; stop: () => Promise<void> } | undefined> {
  try {
    const { Neo4jContainer } = await import("@testcontainers/neo4j");
    const container = await new Neo4jContainer("neo4j:5.26-community").withPassword("test-password").start();
    return {
      connection: { uri: container.getBoltUri(), user: "neo4j", password: "test-password", database: "neo4j" },
      stop: async () => void (await container.stop()),
    };
  } catch (error) {
    console.log(`[tests] no Docker engine (${(error as Error).message.split("\n")[0]}); using the local launcher`);
    return undefined;
  }
}

export default async function setup(project: TestProject) {
  const base = config();
  if (base.neo4jUri) {
    const target = await resolveNeo4j(base);
    project.provide("neo4j", target.connection);
    return;
  }
  const docker = await fromDocker();
  if (docker) {
    project.provide("neo4j", docker.connection);
    return docker.stop;
  }
  // A separate port and data folder, so tests never touch the demo database.
  const testConfig = { ...base, dataDir: path.join(base.dataDir, "test"), local: { ...base.local, port: base.local.port + 10 } };
  const target = await resolveNeo4j(testConfig, (line) => console.log(`[tests] ${line}`));
  project.provide("neo4j", target.connection);
  return () => target.release();
}
