// Typed errors raised by the graph layer; the API maps them to HTTP problems by name.
export class GraphUnavailableError extends Error {
  override name = "GraphUnavailableError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
