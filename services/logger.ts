// The process logger (pino, JSON lines on stdout).
import { pino, type Logger } from "pino";
import { config } from "./config/index.ts";

export function createLogger(name: string): Logger {
  return pino({ name, level: config().logLevel });
}
