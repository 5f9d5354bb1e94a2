// Opaque keyset cursors: the sort key of the last item of a page, as base64url JSON.
import { z } from "./openapi.ts";

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** A query parameter holding a cursor, decoded and checked against `shape` (400 `query.cursor` when not). */
export function cursorParam<T extends z.ZodType>(shape: T) {
  return z
    .string()
    .max(2000)
    .transform((text, ctx): z.output<T> => {
      try {
        const decoded = shape.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
        if (decoded.success) return decoded.data;
      } catch {
        // not base64url JSON: reported below
      }
      ctx.addIssue({ code: "custom", message: "invalid cursor (pass the nextCursor of the previous page unchanged)" });
      return z.NEVER;
    })
    .openapi({ type: "string", description: "nextCursor of the previous page (opaque)" });
}

/** Splits a page of `limit + 1` rows into the page and the cursor of the next one. */
export function page<T>(rows: T[], limit: number, keyOf: (row: T) => readonly (string | number)[]): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(keyOf(items[items.length - 1] as T)) };
}
