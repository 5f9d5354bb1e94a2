// Entity search, detail, capped neighbourhoods that say how many ties of a very connected node were
// left out, and the unmasking of one identifier. The graph holds identity numbers, birth dates, phones
// and accounts as vault tokens (services/store/vault.ts): a search by a full identifier looks for its
// token; the clear value comes from the vault alone, one field of one entity at a time.
import { normaliseAccount, normaliseIdNumber, normalisePhone } from "../../ingest/normalise.ts";
import { isToken, TOKEN_PREFIXES, type IdentifierVault, type TokenKind } from "../../store/index.ts";
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
  truncated: { id: string; more: number; nextOffset?: number }[];
}

/** The identifiers one can unmask, and the property of the node that holds each one's token. */
export const UNMASKABLE = { idNumber: "idNumber", birthDate: "birthDate", phone: "value", account: "id" } as const satisfies Record<TokenKind, string>;
export type Unmaskable = keyof typeof UNMASKABLE;

export class EntityService {
  constructor(
    private readonly repo: EntityRepository,
    private readonly vault: IdentifierVault,
  ) {}

  /** The token of a clear value (a token given as it is stays itself); null when none. */
  private token(kind: TokenKind, clear: string | null): string | null {
    if (clear === null) return null;
    return isToken(clear) ? clear : this.vault.token(kind, clear);
  }

  search(q: string, type: string | undefined, limit: number): Promise<SearchHit[]> {
    const text = q.trim();
    return this.repo.search({
      q: text,
      account: this.token("account", attempt(() => normaliseAccount(text))),
      idNumber: this.token("idNumber", attempt(() => normaliseIdNumber(text)) ?? text.toUpperCase()),
      phone: this.token("phone", text.startsWith("phone:") ? text.slice(6) : attempt(() => normalisePhone(text))),
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
    // A clear number (a graph imported before sealing) is still masked for roles without clearance.
    if (typeof idNumber === "string" && !isToken(idNumber) && !seesIdentityNumbers(actor.role)) {
      entity.properties = { ...entity.properties, idNumber: maskIdNumber(idNumber) };
    }
    return entity;
  }

  /**
   * The clear value of one identifier of one entity, read from the vault (the caller audits the
   * request with its reason). NotFoundError when the entity holds no such identifier.
   */
  async unmask(id: string, field: Unmaskable): Promise<{ id: string; field: Unmaskable; value: string }> {
    const entity = await this.repo.get(nodeRef(id));
    if (!entity) throw new NotFoundError(`no entity ${id}`);
    const token = entity.properties[UNMASKABLE[field]];
    if (!isToken(token) || !token.startsWith(`${TOKEN_PREFIXES[field]}_`)) throw new NotFoundError(`${id} holds no sealed ${field}`);
    const value = await this.vault.reveal(token);
    if (value === undefined) throw new NotFoundError(`${id}: the vault holds no value for its ${field} (imported under another key?)`);
    return { id, field, value };
  }

  /**
   * Breadth-first rings up to `depth`: each expanded node contributes at most `perNode`
   * neighbours (riskiest first) and the whole answer at most `limit` nodes; `truncated` says, for
   * each expanded node, how many of its ties are not in the answer. `offset` pages through the
   * root's ties in that order ("N more"): it skips that many, and the root's entry gives the
   * `nextOffset` to ask for next and `more` as the ties after this page.
   */
  async neighbourhood(id: string, opts: { depth: number; types: string[] | null; limit: number; perNode: number; offset?: number }): Promise<Neighbourhood> {
    const root = (await this.repo.resolve([id])).get(id);
    if (!root) throw new NotFoundError(`no entity ${id}`);
    const rootNode = (await this.repo.nodes([root])).get(root);
    if (!rootNode) throw new NotFoundError(`no entity ${id}`);
    const nodes = new Map<string, GraphNodeT>([[root, rootNode]]);
    const totals = new Map<string, number>();
    const offset = opts.offset ?? 0;
    /** Ties of the root read so far, counting the skipped ones (where the next page starts). */
    let rootRead = offset;
    let frontier = [root];
    for (let level = 0; level < opts.depth && frontier.length > 0 && nodes.size < opts.limit; level++) {
      const rings = await this.repo.expand(frontier, opts.types, Math.min(opts.perNode, opts.limit), level === 0 ? offset : 0);
      const order = new Map(frontier.map((f, i) => [f, i]));
      rings.sort((a, b) => (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0));
      const next: string[] = [];
      for (const ring of rings) {
        totals.set(ring.from, ring.total);
        let read = 0;
        for (const n of ring.neighbours) {
          if (!nodes.has(n.elementId)) {
            if (nodes.size >= opts.limit) break;
            nodes.set(n.elementId, n.node);
            next.push(n.elementId);
          }
          read += 1;
        }
        if (level === 0) rootRead += read;
      }
      frontier = next;
    }
    const edges = await this.repo.edgesAmong([...nodes.keys()], opts.types, opts.limit * 10);
    const shown = new Map<string, number>();
    for (const e of edges) {
      shown.set(e.source, (shown.get(e.source) ?? 0) + 1);
      if (e.target !== e.source) shown.set(e.target, (shown.get(e.target) ?? 0) + 1);
    }
    const truncated: Neighbourhood["truncated"] = [];
    for (const [elementId, total] of totals) {
      const key = nodes.get(elementId)?.id;
      if (key === undefined) continue;
      if (elementId === root) {
        // The root's ties come in pages: those after this page are the ones left to show.
        const more = offset > 0 ? total - rootRead : total - (shown.get(key) ?? 0);
        if (more > 0) truncated.push(rootRead < total ? { id: key, more, nextOffset: rootRead } : { id: key, more });
        continue;
      }
      const more = total - (shown.get(key) ?? 0);
      if (more > 0) truncated.push({ id: key, more });
    }
    return { root: rootNode.id, nodes: [...nodes.values()], edges, truncated };
  }

  /** The given nodes (in the order asked) and every tie among them: a saved view reopened. */
  async subgraph(ids: string[], types: string[] | null, edgeLimit: number): Promise<{ nodes: GraphNodeT[]; edges: GraphEdgeT[]; missing: string[] }> {
    const unique = [...new Set(ids)];
    const elementIds = await this.repo.resolve(unique);
    const nodes = await this.repo.nodes([...elementIds.values()]);
    const found = unique.flatMap((id) => {
      const node = nodes.get(elementIds.get(id) ?? "");
      return node ? [node] : [];
    });
    const edges = elementIds.size > 1 ? await this.repo.edgesAmong([...elementIds.values()], types, edgeLimit) : [];
    return { nodes: found, edges, missing: unique.filter((id) => !elementIds.has(id)) };
  }
}
