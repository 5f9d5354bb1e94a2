// Starts a worker thread on a TypeScript module. The thread registers tsx itself (ts-worker.mjs):
// the project runs TypeScript through tsx, and neither tsx's CLI hooks nor a test runner's transform
// reach a worker.
import { Worker } from "node:worker_threads";

const ENTRY = new URL("./ts-worker.mjs", import.meta.url);

export function tsWorker(module: URL, data: unknown): Worker {
  return new Worker(ENTRY, { workerData: { module: module.href, data } });
}
