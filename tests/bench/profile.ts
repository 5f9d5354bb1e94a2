// Summarises a V8 CPU profile of the API server for the API benchmark: self time by part of the
// request path (Express, key check, audit, validation, the risk view, JSON, Node's HTTP, the
// Neo4j driver, GC), then the heaviest functions.
import { type Cell, markdownTable } from "./markdown.ts";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const PARTS: [string, RegExp][] = [
  ["Express (router, request and response helpers)", /node_modules\/(express|router|body-parser|finalhandler|send|serve-static|on-finished|content-type|type-is|accepts|negotiator|mime|qs|parseurl|path-to-regexp|depd|statuses|vary|etag|fresh|range-parser|encodeurl|escape-html|cookie)\//],
  ["API key check (services/api/auth)", /services\/api\/auth\//],
  ["audit (services/api/audit)", /services\/api\/audit\//],
  ["validation (zod)", /node_modules\/zod\//],
  ["risk view and service (services/api/risk)", /services\/api\/risk\//],
  ["route and error handling (services/api)", /services\/api\//],
  ["Neo4j driver", /node_modules\/neo4j-driver/],
  ["logging (pino)", /node_modules\/pino/],
  ["Node HTTP, sockets, streams", /^node:(_http|http|net|internal\/(http|streams|stream_base|timers|async_hooks|process)|events|stream|buffer)/],
  ["crypto", /^node:(internal\/)?crypto/],
];

function partOf(frame: ProfileNode["callFrame"]): string {
  if (frame.functionName === "(garbage collector)") return "garbage collection";
  if (frame.functionName === "(program)") return "V8 and native (program)";
  if (frame.functionName === "(idle)") return "(idle)";
  if (frame.url === "" && /stringify|parse/i.test(frame.functionName)) return "JSON";
  for (const [name, pattern] of PARTS) if (pattern.test(frame.url)) return name;
  return frame.url === "" ? "V8 builtins" : "other";
}

export function profileSummary(profile: CpuProfile, top = 12): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const parts = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    const part = partOf(frame);
    if (part === "(idle)") continue;
    busy += us;
    parts.set(part, (parts.get(part) ?? 0) + us);
    const name = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const wall = (profile.endTime - profile.startTime) / 1e6;
  const rows = (m: Map<string, number>, n: number): Cell[][] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => [k, (us / 1e6).toFixed(2), `${((100 * us) / busy).toFixed(1)} %`]);
  return [
    `profiled ${wall.toFixed(1)} s, of which the server was busy ${(busy / 1e6).toFixed(1)} s (${((100 * busy) / 1e6 / wall).toFixed(0)} % of one core)`,
    "",
    markdownTable(["part", "CPU s", "share of busy"], rows(parts, 20)),
    "",
    markdownTable(["function", "CPU s", "share of busy"], rows(functions, top)),
  ].join("\n");
}
