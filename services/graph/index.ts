// The graph service: the only module that talks to the Neo4j driver.
export { Graph, addCounters, emptyCounters, type Connection, type Params, type Row, type RunOptions, type Statement, type WriteCounters } from "./client.ts";
export { toPlain, type PlainNode, type PlainPath, type PlainRelationship } from "./convert.ts";
export type { GraphEdgeT, GraphNodeT } from "./shapes.ts";
export { cypher, cypherWith, CypherSlotError, CYPHER_DIR, fillSlots, SlotValue, statements } from "./cypher.ts";
export { migrate, schemaVersion, type MigrationResult } from "./migrate.ts";
export { GraphUnavailableError } from "./errors.ts";
export {
  bindParameters,
  type Declares,
  checkParameter,
  defaultProblem,
  isIsoDate,
  ITEM_TYPES,
  type ItemType,
  PARAM_NAME,
  PARAM_TYPES,
  ParameterError,
  parameterFields,
  parameterSpec,
  type ParameterSpec,
  type ParameterSpecs,
  parameterSpecs,
  parametersSchema,
  type ParamSource,
  type ParamType,
  plainParameters,
  typedParams,
} from "./params.ts";
export { splitHeader, CypherHeaderError, type CypherFile } from "./header.ts";
export { emptyDatabase } from "./empty.ts";
export {
  explain,
  streamRead,
  CypherCompileError,
  QueryExecutionError,
  QueryTimeoutError,
  type Explained,
  type ExplainedOperator,
  type StreamedRecord,
  type StreamOptions,
  type StreamResult,
  type TextPosition,
} from "./readonly.ts";
