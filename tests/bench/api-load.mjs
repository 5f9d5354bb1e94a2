// The API benchmark's load generator, run as its own process by tests/bench/api.bench.ts so that
// the load and the server never share an event loop. Reads a scenario as JSON (argv[2]), drives it
// with autocannon at a fixed overall rate over a rotating list of paths (and bodies), and prints
// one JSON line: latency percentiles of the 2xx responses from the raw samples (sub-millisecond),
// counts, rate. autocannon's own histogram is not used: it keeps whole milliseconds, and at a fixed
// rate its coordinated-omission correction takes 1/rate seconds for milliseconds, which fills the
// histogram with made-up short samples.
// Scenario: { url, method, headers, keys?: string[], paths: string[], bodies?: string[], rate?, seconds, connections }
// (no rate: each connection sends its next request when the previous one is answered).
import autocannon from "autocannon";

const scenario = JSON.parse(process.argv[2] ?? "{}");
const samples = [];
const statuses = {};
let next = 0;

const instance = autocannon({
  url: scenario.url,
  method: scenario.method,
  headers: scenario.headers,
  connections: scenario.connections,
  ...(scenario.rate ? { overallRate: scenario.rate } : {}),
  duration: scenario.seconds,
  timeout: 10,
  requests: [
    {
      setupRequest: (request) => {
        const i = next % scenario.paths.length;
        next += 1;
        // Several keys (scenario.keys): each request goes out with the next one, as many callers would.
        const headers = scenario.keys ? { ...request.headers, authorization: `Bearer ${scenario.keys[next % scenario.keys.length]}` } : request.headers;
        return { ...request, headers, path: scenario.paths[i], ...(scenario.bodies ? { body: scenario.bodies[i] } : {}) };
      },
    },
  ],
});
instance.on("response", (_client, status, _bytes, milliseconds) => {
  statuses[status] = (statuses[status] ?? 0) + 1;
  if (status >= 200 && status < 300) samples.push(milliseconds);
});
instance.on("done", (result) => {
  samples.sort((a, b) => a - b);
  const at = (q) => (samples.length === 0 ? null : samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]);
  const responses = Object.values(statuses).reduce((a, b) => a + b, 0);
  console.log(
    JSON.stringify({
      responses,
      ok: samples.length,
      statuses,
      errors: result.errors,
      timeouts: result.timeouts,
      seconds: result.duration,
      achievedRate: responses / result.duration,
      latency: {
        p50: at(0.5),
        p90: at(0.9),
        p99: at(0.99),
        max: samples.at(-1) ?? null,
        mean: samples.length === 0 ? null : samples.reduce((a, b) => a + b, 0) / samples.length,
      },
    }),
  );
});
