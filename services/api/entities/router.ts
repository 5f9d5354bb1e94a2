// Entities: search by id or name, detail, and capped neighbourhoods for the explorer.
import { Router } from "express";
import type { Graph } from "../../graph/index.ts";
import type { IdentifierVault } from "../../store/index.ts";
import { EXPLORERS, seesIdentityNumbers } from "../auth/roles.ts";
import { RateLimiter, TooManyRequestsError } from "../hardening.ts";
import { registry, z } from "../openapi.ts";
import { endpoint, mount } from "../route.ts";
import { GraphEdge, GraphNode, IdParams, NodeType, RelTypes, limitParam } from "../schemas.ts";
import { EntityRepository } from "./repository.ts";
import { EntityService, UNMASKABLE, type Unmaskable } from "./service.ts";

const SearchHit = registry.register(
  "SearchHit",
  GraphNode.extend({
    match: z.enum(["id", "identifier", "name"]).openapi({ description: "id: the entity id; identifier: identity number, phone, account or address; name: full-text" }),
    score: z.number(),
  }),
);

const EntityDetail = registry.register(
  "EntityDetail",
  z.object({
    id: z.string(),
    type: z.string(),
    name: z.string(),
    labels: z.array(z.string()),
    properties: z.record(z.string(), z.unknown()).openapi({ description: "stored properties; identity number, birth date (birthYear stays), phone and account are vault tokens (`idn_…`, `dob_…`, `tel_…`, `acct_…`) for every role: POST …/unmask reveals one" }),
    relationships: z.array(z.object({ type: z.string(), out: z.number().int(), in: z.number().int() })),
    riskScore: z.number().nullable(),
    riskGrade: z.string().nullable(),
    riskAmount: z.number().nullable(),
    riskHits: z.number().int().nullable(),
    communityId: z.number().int().nullable(),
    activeAlerts: z.number().int(),
  }),
);

const NeighbourhoodSchema = registry.register(
  "Neighbourhood",
  z.object({
    root: z.string(),
    nodes: z.array(GraphNode),
    edges: z.array(GraphEdge),
    truncated: z
      .array(
        z.object({
          id: z.string(),
          more: z.number().int(),
          nextOffset: z.number().int().optional().openapi({ description: "the root only: pass as `offset` (with depth 1) for the next page of its ties" }),
        }),
      )
      .openapi({ description: "expanded nodes with more ties than shown: `more` of them are left out" }),
  }),
);

export const SearchEntities = endpoint({
  method: "get",
  path: "/entities",
  roles: EXPLORERS,
  tags: ["entities"],
  summary: "Search entities by id, identity number, phone, account or (partial) name",
  description: "A search by a full identifier (8 or more digits) from a role other than investigator is limited per key (IDENTIFIER_SEARCHES_PER_MINUTE, 10 a minute unless configured; 429 with Retry-After beyond).",
  query: z.object({
    q: z.string().trim().min(1).max(200).openapi({ description: "an id or a name fragment (建国 finds 张建国)" }),
    type: NodeType.optional(),
    limit: limitParam(20, 100),
  }),
  response: z.object({ items: z.array(SearchHit) }),
});

export const GetEntity = endpoint({
  method: "get",
  path: "/entities/:id",
  roles: EXPLORERS,
  tags: ["entities"],
  summary: "An entity with its properties and relationship counts",
  params: IdParams,
  response: EntityDetail,
  problems: [404],
});

export const GetNeighbourhood = endpoint({
  method: "get",
  path: "/entities/:id/neighbourhood",
  roles: EXPLORERS,
  tags: ["entities"],
  summary: "The nodes and ties around an entity, capped per node with “N more”",
  params: IdParams,
  query: z.object({
    depth: z.coerce.number().int().min(1).max(3).default(1).openapi({ type: "integer", minimum: 1, maximum: 3, default: 1 }),
    types: RelTypes.optional(),
    limit: limitParam(200, 1000).openapi({ description: "most nodes in the answer" }),
    perNode: limitParam(50, 500).openapi({ description: "most neighbours taken from one node (riskiest first)" }),
    offset: z.coerce
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .default(0)
      .openapi({ type: "integer", minimum: 0, default: 0, description: "skip this many of the root's ties (riskiest first): the page after `nextOffset`; with depth 1 only" }),
  }).refine((q) => q.offset === 0 || q.depth === 1, { message: "offset pages through the root's ties: use it with depth 1", path: ["offset"] }),
  response: NeighbourhoodSchema,
  problems: [404],
});

export const GetSubgraph = endpoint({
  method: "post",
  path: "/subgraph",
  roles: EXPLORERS,
  tags: ["entities"],
  summary: "Given entities and every tie among them (the explorer reopening a saved view)",
  description: "Unknown ids are listed in `missing`, not refused. At most 20,000 ties.",
  body: z.object({
    ids: z.array(z.string().min(1).max(500)).min(1).max(2000).openapi({ description: "entity ids, `phone:<number>`, `address:<text>`" }),
    types: RelTypes.optional(),
  }),
  response: z.object({ nodes: z.array(GraphNode), edges: z.array(GraphEdge), missing: z.array(z.string()) }),
});

export const UnmaskEntity = endpoint({
  method: "post",
  path: "/entities/:id/unmask",
  roles: ["investigator"],
  tags: ["entities"],
  summary: "The clear value of one identifier of one entity, for a stated reason (audited, never cached)",
  description:
    "Identity numbers, exact birth dates, phones and bank accounts are held in the graph as keyed tokens; their clear values are in the identifier vault, outside the graph. " +
    "`field`: `idNumber` or `birthDate` of a person, `phone` of a phone node (`phone:tel_…`), `account` of an account. The request and its reason are one audit record; the answer carries `Cache-Control: no-store`. " +
    "At most 30 a minute per key (429 with Retry-After beyond).",
  params: IdParams,
  body: z.object({
    field: z.enum(Object.keys(UNMASKABLE) as [Unmaskable, ...Unmaskable[]]),
    reason: z.string().trim().min(5).max(500).openapi({ description: "why the clear value is needed (case number, task): kept in the audit trail" }),
  }),
  response: z.object({ id: z.string(), field: z.string(), value: z.string() }),
  problems: [404, 429],
});

/** Unmaskings per key: a person at work, not a script walking the county. */
const UNMASKINGS = { perSecond: 30 / 60, burst: 30 };

/** Text that names one person or account exactly: an identity number, a phone or an account number (8+ digits). */
export function looksLikeIdentifier(q: string): boolean {
  return /^[\s\d+()\-xX\uff10-\uff19]{8,}$/.test(q.trim()) && (q.match(/[\d\uff10-\uff19]/g) ?? []).length >= 8;
}

/**
 * A search by a full identifier from a role without clearance confirms a guessed number (finding 2
 * of issue 11): such searches are audited like every request and limited per key
 * (IDENTIFIER_SEARCHES_PER_MINUTE, 429 with Retry-After beyond).
 */
export function entitiesRouter(graph: Graph, vault: IdentifierVault, identifierLimit: { perSecond: number; burst: number }): Router {
  const service = new EntityService(new EntityRepository(graph), vault);
  const identifierSearches = new RateLimiter(identifierLimit);
  const unmaskings = new RateLimiter(UNMASKINGS);
  const router = Router();
  mount(router, SearchEntities, async ({ query, actor, res }) => {
    if (!seesIdentityNumbers(actor.role) && looksLikeIdentifier(query.q)) {
      const verdict = identifierSearches.take(actor.keyId);
      if (!verdict.ok) {
        res.setHeader("Retry-After", String(verdict.retryAfterS));
        throw new TooManyRequestsError(verdict.retryAfterS);
      }
    }
    return { items: await service.search(query.q, query.type, query.limit) };
  });
  mount(router, GetEntity, ({ params, actor }) => service.get(params.id, actor));
  mount(router, GetNeighbourhood, ({ params, query }) =>
    service.neighbourhood(params.id, { depth: query.depth, types: query.types ?? null, limit: query.limit, perNode: query.perNode, offset: query.offset }),
  );
  mount(router, UnmaskEntity, ({ params, body, actor, res }) => {
    const verdict = unmaskings.take(actor.keyId);
    if (!verdict.ok) {
      res.setHeader("Retry-After", String(verdict.retryAfterS));
      throw new TooManyRequestsError(verdict.retryAfterS);
    }
    return service.unmask(params.id, body.field);
  });
  mount(router, GetSubgraph, ({ body }) => service.subgraph(body.ids, body.types ?? null, 20_000));
  return router;
}
