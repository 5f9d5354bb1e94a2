// Saved queries: the catalogue (built-ins in cypher/saved, analysts' queries in Neo4j), the
// read-only guard, parameter binding, the runner (rows, graph, CSV) and the run record.
export {
  BuiltinQueryError,
  CatalogueError,
  loadBuiltins,
  QueryCatalogue,
  QueryNotFoundError,
  SAVED_DIR,
  type SaveOptions,
  VersionConflictError,
} from "./catalogue.ts";
export { cellText, csvField, csvHeader, csvRow } from "./csv.ts";
export {
  type DefinitionIssue,
  isIsoDate,
  parseQuery,
  PARAM_TYPES,
  QUERY_NAME,
  type QueryDefinition,
  QueryDefinitionError,
  type QueryHeader,
  type QueryParameter,
  queryHeader,
  usedParameters,
} from "./definition.ts";
// Parameters follow the one model of services/graph/params.ts (shared with detectors and analysis runs).
export { bindParameters, parametersSchema, plainParameters, ParameterError, type ParamSource } from "../graph/index.ts";
export {
  type CsvSink,
  exportCsv,
  GraphCollector,
  type QueryGraph,
  RUN_DEFAULTS,
  runQuery,
  type RunResult,
  type RunSettings,
} from "./runner.ts";
export {
  ALLOWED_PROCEDURES,
  assertReadOnly,
  describeRefusal,
  planCheck,
  type Refusal,
  type RefusalRule,
  QueryRefusedError,
  staticCheck,
} from "./safety.ts";
export { QueryOwnershipError, type QueryRunRecord, SavedQueryStore, type StoredQuery, type StoredVersion } from "./store.ts";
export { type Token, tokenize, TokenizeError } from "./tokenizer.ts";
