// `npm start`: installs dependencies when needed, bundles the pages when a source changed, then
// runs the demo (services/cli/demo.ts).
import { spawn } from "node:child_process";
import { ensureUiBuilt } from "./build-ui.mjs";
import { ensureDependencies } from "./ensure-deps.mjs";

ensureDependencies();
ensureUiBuilt();
const child = spawn("node_modules/.bin/tsx", ["services/cli/demo.ts", ...process.argv.slice(2)], { stdio: "inherit" });
// Ctrl-C reaches the whole process group; the demo shuts down itself, this one just waits.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
