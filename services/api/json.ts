// Parameters stored as JSON text (audit events, saved-query runs) back to values for API answers.

/** The value of `text`, or `text` itself when it is not JSON (as when it was cut to a length). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
