// Typed errors of community detection, in the services' one error model (services/errors.ts).
import { AppError } from "../../errors.ts";

/** An option out of range or unknown (a tie kind, a weight, a page size, an engine option). */
export class CommunityOptionError extends AppError {
  override name = "CommunityOptionError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("invalid", message, options);
  }
}

/** The projection cannot be read: a malformed page, or a graph too large for the in-process engine. */
export class CommunityProjectionError extends AppError {
  override name = "CommunityProjectionError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("invalid", message, options);
  }
}

/** No engine of that name is registered. */
export class UnknownCommunityEngineError extends AppError {
  override name = "UnknownCommunityEngineError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("invalid", message, options);
  }
}

/** The Neo4j server has no Graph Data Science plugin (no `gds.*` procedures), or lacks one we need. */
export class GdsUnavailableError extends AppError {
  override name = "GdsUnavailableError";
  constructor(
    message: string,
    /** The `gds.*` procedures the server offers (empty when the plugin is absent). */
    readonly procedures: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super("unavailable", message, options);
  }
}
