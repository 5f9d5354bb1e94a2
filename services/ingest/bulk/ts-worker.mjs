// Entry of a worker thread running a TypeScript module (see tsworker.ts): registers tsx in this
// thread, then loads the module named in workerData.module.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
