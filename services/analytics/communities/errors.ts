// Typed errors of community detection; the API maps them to HTTP problems by name.

/** An option out of range or unknown (a tie kind, a weight, a page size, an engine option). */
export class CommunityOptionError extends Error {
  override name = "CommunityOptionError";
}

/** The projection cannot be read: a malformed page, or a graph too large for the in-process engine. */
export class CommunityProjectionError extends Error {
  override name = "CommunityProjectionError";
}

/** No engine of that name is registered. */
export class UnknownCommunityEngineError extends Error {
  override name = "UnknownCommunityEngineError";
}

/** The Neo4j server has no Graph Data Science plugin (no `gds.*` procedures), or lacks one we need. */
export class GdsUnavailableError extends Error {
  override name = "GdsUnavailableError";
  constructor(
    message: string,
    /** The `gds.*` procedures the server offers (empty when the plugin is absent). */
    readonly procedures: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
