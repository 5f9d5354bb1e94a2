// Entity search, detail (identity numbers masked for every role but investigator) and capped
// neighbourhoods that say how many ties of a very connected node were left out.
import { normaliseAccount, normaliseIdNumber, normalisePhone } from "../../ingest/normalise.ts";
import { type Actor, maskIdNumber, seesIdentityNumbers } from "../auth/roles.ts";
import { NotFoundError } from "../../errors.ts";
import { nodeRef } from "../nodes.ts";
import type { GraphEdgeT, GraphNodeT } from "../shapes.ts";
import { type EntityRepository, type EntityRow, type SearchHit } from "./repository.ts";

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes every Lucene query-syntax character of user text. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, "\\$&");
}

/**
 * The full-text query for a name fragment: the fragment as a phrase (CJK bigrams in order, so 建国
 * finds 张建国), or as a single word also a prefix; one or two characters also match inside a
 * token (华 finds 李华). Null when the text holds no letter or digit.
 */
export function nameQuery(q: string): string | null {
  const text = q.replace(/[\s\u3000]+/g, " ").trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return null;
  const phrase = `"${escapeLucene(text)}"`;
  if (text.includes(" ")) return phrase;
  const word = escapeLucene(text.toLowerCase());
  return [...text].length <= 2 ? `${phrase} OR *${word}*` : `${phrase} OR ${word}*`;
}

function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

function label(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

export interface Neighbourhood {
  root: string;
  nodes: GraphNodeT[];
  edges: GraphEdgeT[];
  truncated: { id: string; more: number }[];
}

export class EntityService {
  constructor(private readonly repo: EntityRepository) {}

  search(q: string, type: string | undefined, limit: number): Promise<SearchHit[]> {
    const text = q.trim();
    return this.repo.search({
      q: text,
      account: attempt(() => normaliseAccount(text)),
      idNumber: attempt(() => normaliseIdNumber(text)) ?? text.toUpperCase(),
      phone: text.startsWith("phone:") ? text.slice(6) : attempt(() => normalisePhone(text)),
      address: text.startsWith("address:") ? text.slice(8) : text,
      lucene: nameQuery(text),
      label: type ? label(type) : null,
      limit,
    });
  }

  async get(id: string, actor: Actor): Promise<EntityRow> {
    const entity = await this.repo.get(nodeRef(id));
    if (!entity) throw new NotFoundError(`no entity ${id}`);
    const idNumber = entity.properties.idNumber;
    if (typeof idNumber === "string" && !seesIdentityNumbers(actor.role)) {
      entity.properties = { ...entity.properties, idNumber: maskIdNumber(idNumber) };
    }
    return entity;
  }

  /**
   * Breadth-first rings up to `depth`: each expanded node contributes at most `perNode`
   * neighbours (riskiest first) and the whole answer at most `limit` nodes; `truncated` says, for
   * each expanded node, how many of its ties are not in the answer.
   */
  async neighbourhood(id: string, opts: { depth: number; types: string[] | null; limit: number; perNode: number }): Promise<Neighbourhood> {
    const root = (await this.repo.resolve([id])).get(id);
    if (!root) throw new NotFoundError(`no entity ${id}`);
    const rootNode = (await this.repo.nodes([root])).get(root);
    if (!rootNode) throw new NotFoundError(`no entity ${id}`);
    const nodes = new Map<string, GraphNodeT>([[root, rootNode]]);
    const totals = new Map<string, number>();
    let frontier = [root];
    for (let level = 0; level < opts.depth && frontier.length > 0 && nodes.size < opts.limit; level++) {
      const rings = await this.repo.expand(frontier, opts.types, Math.min(opts.perNode, opts.limit));
      const order = new Map(frontier.map((f, i) => [f, i]));
      rings.sort((a, b) => (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0));
      const next: string[] = [];
      for (const ring of rings) {
        totals.set(ring.from, ring.total);
        for (const n of ring.neighbours) {
          if (nodes.has(n.elementId)) continue;
          if (nodes.size >= opts.limit) break;
          nodes.set(n.elementId, n.node);
          next.push(n.elementId);
        }
      }
      frontier = next;
    }
    const edges = await this.repo.edgesAmong([...nodes.keys()], opts.types, opts.limit * 10);
    const shown = new Map<string, number>();
    for (const e of edges) {
      shown.set(e.source, (shown.get(e.source) ?? 0) + 1);
      if (e.target !== e.source) shown.set(e.target, (shown.get(e.target) ?? 0) + 1);
    }
    const truncated: { id: string; more: number }[] = [];
    for (const [elementId, total] of totals) {
      const key = nodes.get(elementId)?.id;
      if (key === undefined) continue;
      const more = total - (shown.get(key) ?? 0);
      if (more > 0) truncated.push({ id: key, more });
    }
    return { root: rootNode.id, nodes: [...nodes.values()], edges, truncated };
  }
}
