// Lint rules: typescript-eslint recommended over the whole server side and tests, and the layers of
// docs/ARCHITECTURE.md kept by import-x/no-restricted-paths (each import resolved to its file).
import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

/**
 * Which part of the code may import which: every part not listed is off limits. The picture in
 * docs/ARCHITECTURE.md is drawn from this table; change both together.
 */
export const LAYERS = {
  "services/errors.ts": [],
  "services/config": ["services/errors.ts"],
  "services/logger.ts": ["services/config"],
  // Only the graph layer talks to the driver.
  "services/graph": ["services/errors.ts", "neo4j-driver"],
  // The service's own records on disk (saved queries, keys, audit): files only.
  "services/store": ["services/errors.ts"],
  "services/neo4j": ["services/errors.ts", "services/config", "services/graph"],
  "services/ingest": ["services/errors.ts", "services/graph"],
  "services/queries": ["services/errors.ts", "services/graph", "services/store"],
  "services/analytics": ["services/errors.ts", "services/graph", "services/ingest"],
  "services/api": ["services/errors.ts", "services/config", "services/logger.ts", "services/graph", "services/store", "services/ingest", "services/queries", "services/analytics"],
  // Entry points wire everything together.
  "services/cli": ["services/errors.ts", "services/config", "services/logger.ts", "services/graph", "services/store", "services/neo4j", "services/ingest", "services/queries", "services/analytics", "services/api", "seed"],
  // The generator writes bundles to the import contract; it shares only the contract's enumerations.
  seed: ["services/ingest/schemas/enums.ts"],
  // Browser pages talk to the API over HTTP.
  ui: [],
};

/** Where each part lives (the driver is a package). */
const PATHS = { ...Object.fromEntries(Object.keys(LAYERS).map((p) => [p, `./${p}`])), "neo4j-driver": "./node_modules/neo4j-driver" };

/**
 * Zones for import-x/no-restricted-paths: one per layer and part it may not import, so that the
 * message says who may (`services/analytics may not import services/api: only services/cli may`).
 */
function layerZones() {
  return Object.entries(LAYERS).flatMap(([layer, allowed]) =>
    Object.keys(PATHS)
      .filter((part) => part !== layer && !allowed.includes(part))
      .map((part) => {
        const users = Object.keys(LAYERS).filter((l) => LAYERS[l].includes(part));
        // An allowed file inside a forbidden part (seed: the contract's enumerations) is an exception.
        const except = allowed.filter((a) => a.startsWith(`${part}/`)).map((a) => `./${a.slice(part.length + 1)}`);
        return {
          target: PATHS[layer],
          from: PATHS[part],
          ...(except.length > 0 ? { except } : {}),
          message: `${layer} may not import ${part}${except.length > 0 ? ` beyond ${allowed.join(", ")}` : ""}: ${users.length > 0 ? `only ${users.join(", ")} may` : "nothing may"} (docs/ARCHITECTURE.md).`,
        };
      }),
  );
}

/** Rules inside the API: routers stand alone, repositories return plain shapes (services/api/shapes.ts). */
const API_ZONES = [
  {
    target: "./services/api/*/router.ts",
    from: ["./services/api/*/router.ts"],
    message: "a router may not import another router: move what they share to services/api/schemas.ts (docs/ARCHITECTURE.md).",
  },
  {
    target: "./services/api/*/repository.ts",
    from: ["./services/api/schemas.ts", "./services/api/openapi.ts", "./services/api/route.ts", "./services/api/validate.ts", "./node_modules/zod", "./node_modules/express"],
    message: "a repository may not import HTTP schemas or Express: it returns the plain shapes of services/api/shapes.ts (docs/ARCHITECTURE.md).",
  },
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "services/neo4j/target/**",
      "services/neo4j/lib/**",
      "services/neo4j/gds/lib/**",
      ".data/**",
      "ui/dist/**",
      "coverage/**",
      "scratch/**",
      // Deliberate violations: tests/unit/lint-layers.test.ts lints them and expects the rule to fire.
      "tests/fixtures/lint/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-constant-condition": ["error", { checkLoops: false }],
    },
  },
  {
    plugins: { "import-x": importX },
    settings: { "import-x/resolver-next": [createNodeResolver()] },
    rules: {
      "import-x/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones: [...layerZones(), ...API_ZONES] }],
    },
  },
);
