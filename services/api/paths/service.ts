// Shortest paths between two entities, told as readable steps: 王军 —spouse→ 李华 —legal_rep→ 恒达建筑.
import { AppError, NotFoundError, ValidationError } from "../../errors.ts";
import type { EntityRepository } from "../entities/repository.ts";
import type { RelType } from "../schemas.ts";
import type { GraphEdgeT, GraphNodeT } from "../shapes.ts";
import type { PathRepository, RawPath } from "./repository.ts";

/** Ties that mean something between two people or firms; region, program and post ties are left out by default. */
export const DEFAULT_PATH_TYPES: RelType[] = [
  "KIN", "ROLE_IN", "HAS", "APPROVED", "AWARDED_TO", "BID", "PAID_TO", "PAID_INTO", "TRANSFER", "MEMBER_OF", "HEAD_OF", "OWNS", "MOVED_TO",
];

export interface Step {
  from: string;
  to: string;
  type: string;
  label: string;
  direction: "forward" | "backward";
}

export interface PathAnswer {
  length: number;
  nodes: GraphNodeT[];
  relationships: GraphEdgeT[];
  steps: Step[];
  text: string;
}

export function describePath(path: RawPath): PathAnswer {
  const steps: Step[] = [];
  let text = path.nodes[0]?.name ?? "";
  path.relationships.forEach((rel, i) => {
    const here = path.nodes[i];
    const there = path.nodes[i + 1];
    if (!here || !there) return;
    const forward = rel.source === here.id;
    steps.push({ from: here.id, to: there.id, type: rel.type, label: rel.label, direction: forward ? "forward" : "backward" });
    text += forward ? ` —${rel.label}→ ${there.name}` : ` ←${rel.label}— ${there.name}`;
  });
  return { length: path.relationships.length, nodes: path.nodes, relationships: path.relationships, steps, text };
}

function isTimeout(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return /TransactionTimedOut|Terminated/i.test(e.code ?? "") || /timed? ?out/i.test(e.message ?? "");
}

export interface PathOptions {
  maxHops: number;
  types: RelType[] | undefined;
  all: boolean;
}

export class PathService {
  constructor(
    private readonly entities: EntityRepository,
    private readonly paths: PathRepository,
    private readonly settings = { maxOwners: 20, limit: 25, timeoutMs: 10_000 },
  ) {}

  async between(from: string, to: string, opts: PathOptions): Promise<{ from: string; to: string; found: boolean; paths: PathAnswer[] }> {
    if (from === to) throw new ValidationError([{ field: "query.to", message: "must differ from query.from" }]);
    const ids = await this.entities.resolve([from, to]);
    const a = ids.get(from);
    const b = ids.get(to);
    if (!a) throw new NotFoundError(`no entity ${from}`);
    if (!b) throw new NotFoundError(`no entity ${to}`);
    let raw: RawPath[];
    try {
      raw = await this.paths.shortest({
        from: a,
        to: b,
        types: opts.types ?? DEFAULT_PATH_TYPES,
        maxHops: opts.maxHops,
        all: opts.all,
        maxOwners: this.settings.maxOwners,
        limit: opts.all ? this.settings.limit : 1,
        timeoutMs: this.settings.timeoutMs,
      });
    } catch (error) {
      if (isTimeout(error)) {
        throw new AppError("timeout", `the path search took longer than ${this.settings.timeoutMs / 1000} s; lower maxHops or name fewer types`);
      }
      throw error;
    }
    const paths = raw.map(describePath);
    return { from, to, found: paths.length > 0, paths };
  }
}
