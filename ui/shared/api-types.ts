// Generated from GET /api/openapi.json by services/api/openapi-types.ts (`npm run ui:types`); do not edit.
// A unit test fails when the API's schemas and this file differ.

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: ({
    field: string;
    message: string;
  })[];
};

export type Grade = "discipline" | "relief_funds" | "large" | "huge" | "especially_huge";

export type GraphNode = {
  id: string;
  type: string;
  name: string;
  cadre: boolean;
  riskScore: number | null;
  riskGrade: string | null;
  communityId: number | null;
  year: number | null;
};

export type GraphEdge = {
  id: string;
  type: string;
  source: string;
  target: string;
  label: string;
  properties: {
    [key: string]: unknown;
  };
};

export type EntityRef = {
  id: string;
  type: string;
  name: string;
};

export type Evidence = {
  nodes: EntityRef[];
  relationships: ({
    id: string;
    type: string;
    source: string;
    target: string;
    label: string;
  })[];
};

export type Party = (EntityRef) & ({
  part: string;
});

export type Discount = {
  kind: string;
  factor: number;
  note: string;
  figures: {
    [key: string]: number | string | null;
  };
};

export type RiskHit = {
  flag: string;
  title: string;
  weight: number;
  confidence: number;
  score: number;
  amount: number;
  grade: Grade | null;
  summary: string | null;
  status: string;
  alertId: string;
  discount?: number;
  discounts?: Discount[];
  llr?: number;
  share?: number;
  group?: string | null;
  parties?: Party[];
  evidence: Evidence;
};

export type RiskGroup = {
  group: string;
  flag: string;
  alerts: number;
  llr: number;
  counted: number;
  strongest: string;
};

export type RiskExplanation = {
  id: string;
  type: string;
  name: string;
  score: number;
  grade: Grade | null;
  amount: number;
  hitCount: number;
  evidence?: number;
  logOdds?: number;
  groups?: RiskGroup[];
  hits: RiskHit[];
  asParty?: ({
    alertId: string;
    flag: string;
    part: string;
    summary: string | null;
    status: string;
  })[];
};

export type AnalysisRun = {
  id: string;
  status: "running" | "succeeded" | "failed";
  stage: string;
  progress: number;
  startedAt: string;
  finishedAt?: string | null;
  seconds?: {
    [key: string]: number;
  } | null;
  summary?: {
    [key: string]: unknown;
  } | null;
  error?: string | null;
};

export type Alert = {
  flag: string;
  title: string;
  weight: number;
  confidence: number;
  score: number;
  amount: number;
  grade: Grade | null;
  summary: string | null;
  status: "new" | "investigating" | "confirmed" | "dismissed";
  id: string;
  typology: string | null;
  active: boolean;
  runId: string | null;
  createdAt: string | null;
  triagedAt: string | null;
  group: string | null;
  discount: number | null;
  discounts: Discount[];
  llr: number | null;
  subjects: EntityRef[];
  parties: Party[];
};

export type AlertDetail = (Alert) & ({
  evidence: Evidence;
  history: ({
    status: "new" | "investigating" | "confirmed" | "dismissed";
    previous: string | null;
    note: string | null;
    by: string;
    byName: string | null;
    at: string;
  })[];
});

export type AuditEvent = {
  seq: number;
  id: string;
  at: string;
  keyId: string | null;
  keyName: string | null;
  role: string | null;
  method: string;
  route: string | null;
  path: string;
  params?: unknown;
  status: number;
  outcome: string;
  ms: number;
  ip: string | null;
  entities: string[];
  count: number | null;
  migrated?: boolean;
  prev: string;
  hash: string;
};

export type ApiKey = {
  id: string;
  name: string;
  role: "admin" | "investigator" | "analyst" | "consumer" | "auditor";
  createdAt: string;
  revokedAt: string | null;
};

export type Session = {
  keyId: string;
  name: string;
  role: "admin" | "investigator" | "analyst" | "consumer" | "auditor";
  csrfToken: string;
  expiresAt: string;
};

export type CommunitySummary = {
  id: number;
  name: string;
  size: number | null;
  modularity: number | null;
  persons: number | null;
  cadres: number | null;
  companies: number | null;
  score: number;
  amount: number;
  grade: Grade | null;
  hits: number;
  topMembers: ({
    id: string;
    type: string;
    name: string;
    riskScore: number | null;
  })[];
  flags: ({
    flag: string;
    count: number;
  })[];
};

export type CommunityDetail = {
  id: number;
  name: string;
  size: number | null;
  modularity: number | null;
  persons: number | null;
  cadres: number | null;
  companies: number | null;
  score: number;
  amount: number;
  grade: Grade | null;
  hits: number;
  memberCount: number;
  members: GraphNode[];
  subgraph: {
    nodes: GraphNode[];
    edges: GraphEdge[];
    truncated: boolean;
  };
  explanation: RiskHit[];
};

export type SearchHit = (GraphNode) & ({
  match: "id" | "identifier" | "name";
  score: number;
});

export type EntityDetail = {
  id: string;
  type: string;
  name: string;
  labels: string[];
  properties: {
    [key: string]: unknown;
  };
  relationships: ({
    type: string;
    out: number;
    in: number;
  })[];
  riskScore: number | null;
  riskGrade: string | null;
  riskAmount: number | null;
  riskHits: number | null;
  communityId: number | null;
  activeAlerts: number;
};

export type Neighbourhood = {
  root: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: ({
    id: string;
    more: number;
    nextOffset?: number;
  })[];
};

export type Health = {
  status: "ok" | "unavailable";
  neo4j?: "up" | "down";
};

export type Import = {
  id: string;
  status: string;
  source: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  progress: {
    stage: string;
    phase?: string;
    file: string;
    rows: number;
    totalRows?: number;
  } | null;
  rows: {
    read: number;
    valid: number;
    rejected: number;
  } | null;
  files: unknown[];
  errors: string[];
  errorCount: number;
  warnings: string[];
  nodesCreated: number | null;
  relationshipsCreated: number | null;
  seconds: number | null;
};

export type Path = {
  length: number;
  nodes: GraphNode[];
  relationships: GraphEdge[];
  steps: ({
    from: string;
    to: string;
    type: string;
    label: string;
    direction: "forward" | "backward";
  })[];
  text: string;
};

export type QueryRefusal = {
  rule: string;
  message: string;
  line?: number;
  column?: number;
};

export type QueryRefusedProblem = (Problem) & ({
  refusals?: QueryRefusal[];
});

export type QueryParameter = {
  type: "integer" | "number" | "string" | "boolean" | "date" | "list";
  required: boolean;
  default?: unknown;
  min?: number;
  max?: number;
  items?: string;
  values?: (string | number)[];
  description: string;
};

export type SavedQuerySummary = {
  name: string;
  title: string;
  title_zh: string;
  description: string;
  schemes: string[];
  graph: boolean;
  source: "builtin" | "saved";
  parameters: {
    [key: string]: QueryParameter;
  };
  version: number | null;
  author: string | null;
  updatedAt: string | null;
};

export type SavedQuery = (SavedQuerySummary) & ({
  text: string;
  cypher: string;
});

export type QueryRunResult = {
  name: string;
  version: number;
  columns: string[];
  rows: ({
    [key: string]: unknown;
  })[];
  graph: {
    nodes: GraphNode[];
    edges: GraphEdge[];
  };
  truncated: boolean;
  rowCount: number;
  ms: number;
};

export type RankedItem = {
  id: string;
  type: string;
  name: string;
  score: number;
  amount: number;
  grade: Grade | null;
};

export type BatchScore = {
  id: string;
  type: string;
  score: number;
  grade: Grade | null;
  amount: number;
};

export type GraphSchema = {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
};

/** Every route as `METHOD /path`: its path and query parameters, JSON body and JSON answer. */
export interface Routes {
  "POST /api/v1/analysis/runs": {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      parameters?: {
        [key: string]: {
          [key: string]: unknown;
        };
      };
    };
    response: {
      id: string;
    };
  };
  "GET /api/v1/analysis/runs/{id}": {
    path: { id: string };
    query: Record<string, never>;
    body: never;
    response: AnalysisRun;
  };
  "GET /api/v1/alerts": {
    path: Record<string, never>;
    query: { flag?: string; status?: "new" | "investigating" | "confirmed" | "dismissed"; active?: "true" | "false" | "all"; entity?: string; minScore?: number; limit?: number; cursor?: string };
    body: never;
    response: {
      items: Alert[];
      nextCursor: string | null;
    };
  };
  "GET /api/v1/alerts/{id}": {
    path: { id: string };
    query: Record<string, never>;
    body: never;
    response: AlertDetail;
  };
  "POST /api/v1/alerts/{id}/triage": {
    path: { id: string };
    query: Record<string, never>;
    body: {
      status: "new" | "investigating" | "confirmed" | "dismissed";
      note?: string;
    };
    response: AlertDetail;
  };
  "GET /api/v1/audit": {
    path: Record<string, never>;
    query: { from?: string; to?: string; actor?: string; entity?: string; route?: string; limit?: number; cursor?: string };
    body: never;
    response: {
      items: AuditEvent[];
      nextCursor: string | null;
    };
  };
  "GET /api/v1/audit/export.jsonl": {
    path: Record<string, never>;
    query: { from?: string; to?: string; actor?: string; entity?: string; route?: string };
    body: never;
    response: unknown;
  };
  "GET /api/v1/keys": {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      items: ApiKey[];
    };
  };
  "POST /api/v1/keys": {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      name: string;
      role: "admin" | "investigator" | "analyst" | "consumer" | "auditor";
    };
    response: (ApiKey) & ({
      key: string;
    });
  };
  "GET /api/v1/keys/me": {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      name: string;
      role: "admin" | "investigator" | "analyst" | "consumer" | "auditor";
    };
  };
  "DELETE /api/v1/keys/{id}": {
    path: { id: string };
    query: Record<string, never>;
    body: never;
    response: ApiKey;
  };
  "POST /api/v1/session": {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      key: string;
    };
    response: Session;
  };
  "GET /api/v1/session": {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: Session;
  };
  "DELETE /api/v1/session": {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      ended: true;
    };
  };
  "GET /api/v1/communities": {
    path: Record<string, never>;
    query: { minScore?: number; limit?: number; cursor?: string };
    body: never;
    response: {
      items: CommunitySummary[];
      nextCursor: string | null;
    };
  };
  "GET /api/v1/communities/{id}": {
    path: { id: string };
    query: Record<string, never>;
    body: never;
    response: CommunityDetail;
  };
  "GET /api/v1/entities": {
    path: Record<string, never>;
    query: { q: string; type?: "region" | "person" | "household" | "company" | "account" | "project" | "program" | "grant" | "asset" | "tip" | "case" | "phone" | "address"; limit?: number };
    body: never;
    response: {
      items: SearchHit[];
    };
  };
  "GET /api/v1/entities/{id}": {
    path: { id: string };
    query: Record<string, never>;
    body: never;
    response: EntityDetail;
  };
  "GET /api/v1/entities/{id}/neighbourhood": {
    path: { id: string };
    query: { depth?: number; types?: ("PART_OF" | "LIVES_IN" | "MEMBER_OF" | "IN" | "HEAD_OF" | "SPLIT_FROM" | "MOVED_TO" | "HOLDS_POST" | "KIN" | "REGISTERED_IN" | "ROLE_IN" | "HAS" | "APPROVED" | "AWARDED_TO" | "BID" | "UNDER" | "PAID_TO" | "PAID_INTO" | "TRANSFER" | "OWNS" | "CONCERNS" | "INVOLVES")[]; limit?: number; perNode?: number; offset?: number };
    body: never;
    response: Neighbourhood;
  };
  "POST /api/v1/subgraph": {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      ids: string[];
      types?: ("PART_OF" | "LIVES_IN" | "MEMBER_OF" | "IN" | "HEAD_OF" | "SPLIT_FROM" | "MOVED_TO" | "HOLDS_POST" | "KIN" | "REGISTERED_IN" | "ROLE_IN" | "HAS" | "APPROVED" | "AWARDED_TO" | "BID" | "UNDER" | "PAID_TO" | "PAID_INTO" | "TRANSFER" | "OWNS" | "CONCERNS" | "INVOLVES")[];
    };
    response: {
      nodes: GraphNode[];
      edges: GraphEdge[];
      missing: string[];
    };
  };
  "POST /api/v1/entities/{id}/unmask": {
    path: { id: string };
    query: Record<string, never>;
    body: {
      field: "idNumber" | "birthDate" | "phone" | "account";
      reason: string;
    };
    response: {
      id: string;
      field: string;
      value: string;
    };
  };
  "GET /health/live": {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: Health;
  };
  "GET /health/ready": {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: Health;
  };
  "POST /api/v1/imports": {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      path?: string;
      upload?: string;
      allowPartial?: boolean;
    };
    response: {
      id: string;
    };
  };
  "PUT /api/v1/imports/uploads/{upload}/{file}": {
    path: { upload: string; file: string };
    query: Record<string, never>;
    body: never;
    response: {
      upload: string;
      file: string;
      bytes: number;
      files: string[];
    };
  };
  "GET /api/v1/imports/{id}": {
    path: { id: string };
    query: Record<string, never>;
    body: never;
    response: Import;
  };
  "GET /api/v1/paths": {
    path: Record<string, never>;
    query: { from: string; to: string; maxHops?: number; types?: ("PART_OF" | "LIVES_IN" | "MEMBER_OF" | "IN" | "HEAD_OF" | "SPLIT_FROM" | "MOVED_TO" | "HOLDS_POST" | "KIN" | "REGISTERED_IN" | "ROLE_IN" | "HAS" | "APPROVED" | "AWARDED_TO" | "BID" | "UNDER" | "PAID_TO" | "PAID_INTO" | "TRANSFER" | "OWNS" | "CONCERNS" | "INVOLVES")[]; all?: boolean };
    body: never;
    response: {
      from: string;
      to: string;
      found: boolean;
      paths: Path[];
    };
  };
  "GET /api/v1/queries": {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      items: SavedQuerySummary[];
    };
  };
  "GET /api/v1/queries/{name}": {
    path: { name: string };
    query: { version?: number };
    body: never;
    response: SavedQuery;
  };
  "PUT /api/v1/queries/{name}": {
    path: { name: string };
    query: Record<string, never>;
    body: {
      text: string;
      baseVersion?: number;
      comment?: string;
    };
    response: (SavedQuery) & ({
      created: boolean;
    });
  };
  "DELETE /api/v1/queries/{name}": {
    path: { name: string };
    query: Record<string, never>;
    body: never;
    response: {
      name: string;
      version: number;
      deleted: true;
      deletedAt: string;
    };
  };
  "POST /api/v1/queries/{name}/run": {
    path: { name: string };
    query: Record<string, never>;
    body: {
      params?: {
        [key: string]: unknown;
      };
    };
    response: QueryRunResult;
  };
  "GET /api/v1/queries/{name}/versions": {
    path: { name: string };
    query: Record<string, never>;
    body: never;
    response: {
      items: ({
        version: number;
        author: string | null;
        authorName: string | null;
        at: string;
        comment: string | null;
        text: string;
        current: boolean;
      })[];
    };
  };
  "GET /api/v1/query-runs": {
    path: Record<string, never>;
    query: { query?: string; actor?: string; limit?: number };
    body: never;
    response: {
      items: ({
        id: string;
        at: string;
        keyId: string | null;
        keyName: string | null;
        role: string | null;
        query: string;
        version: number | null;
        source: string;
        params?: unknown;
        rows: number;
        truncated: boolean;
        ms: number;
        status: string;
        error: string | null;
        format: string;
      })[];
    };
  };
  "GET /api/v1/queries/{name}/export.csv": {
    path: { name: string };
    query: Record<string, never>;
    body: never;
    response: unknown;
  };
  "POST /api/v1/queries/{name}/export.csv": {
    path: { name: string };
    query: Record<string, never>;
    body: {
      params?: {
        [key: string]: unknown;
      };
    };
    response: unknown;
  };
  "GET /api/v1/entities/{id}/risk": {
    path: { id: string };
    query: Record<string, never>;
    body: never;
    response: RiskExplanation;
  };
  "GET /api/v1/risk/ranking": {
    path: Record<string, never>;
    query: { type?: "person" | "company" | "region" | "community"; region?: string; minScore?: number; flag?: string; limit?: number; cursor?: string };
    body: never;
    response: {
      items: RankedItem[];
      nextCursor: string | null;
    };
  };
  "POST /api/v1/risk/batch": {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      ids: string[];
    };
    response: {
      items: BatchScore[];
      missing: string[];
    };
  };
  "GET /api/v1/schema": {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: GraphSchema;
  };
}
