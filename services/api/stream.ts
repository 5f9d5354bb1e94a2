// Streamed answers (CSV, JSON Lines): writes that wait for the socket (back-pressure) and stop
// when the client leaves.
import type { Response } from "express";

/** Writes `chunk`; when the buffer is full, resolves once it drained or the client went away. */
export async function writeChunk(res: Response, chunk: string): Promise<void> {
  if (res.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
