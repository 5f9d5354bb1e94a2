// Typed errors raised by the graph layer, in the services' one error model (services/errors.ts).
import { AppError } from "../errors.ts";

export class GraphUnavailableError extends AppError {
  override name = "GraphUnavailableError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("unavailable", message, options);
  }

  /** The driver's message names hosts and ports: clients only learn that the database is down. */
  override get detail(): string {
    return "the graph database is unavailable";
  }
}
