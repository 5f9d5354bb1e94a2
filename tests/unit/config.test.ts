// Configuration rules live in the config schema: an external Neo4j needs its password at parse
// time, not when the first connection fails.
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../services/config/index.ts";

describe("config", () => {
  it("refuses NEO4J_URI without NEO4J_PASSWORD, naming the variable", () => {
    expect(() => parseConfig({ NEO4J_URI: "neo4j+s://x.databases.neo4j.io" })).toThrow("invalid environment: NEO4J_PASSWORD: required when NEO4J_URI is set");
  });

  it("hands an external server's whole connection on, and none for the local server", () => {
    expect(parseConfig({ NEO4J_URI: "bolt://db:7687", NEO4J_PASSWORD: "s3cret", NEO4J_DATABASE: "county" }).external).toEqual({
      uri: "bolt://db:7687",
      user: "neo4j",
      password: "s3cret",
      database: "county",
    });
    expect(parseConfig({ NEO4J_PASSWORD: "s3cret" }).external).toBeUndefined();
  });
});
