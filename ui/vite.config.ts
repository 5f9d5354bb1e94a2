// Bundles the browser pages (`npm run build:ui`, run by `npm start` and `npm test`): the explorer
// at / and the saved-query page at /queries/, into ui/dist, which the API serves as static files.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  logLevel: "warn",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // The Cypher editor is loaded on demand; its parser alone is larger than the default warning.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { explorer: `${root}index.html`, queries: `${root}queries/index.html` },
      // A busy machine makes every plugin look slow; the build's own timing line is enough.
      checks: { pluginTimings: false },
    },
  },
});
