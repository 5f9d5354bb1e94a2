// The Cypher editor over the query textarea: Neo4j's CodeMirror 6 integration with highlighting,
// syntax errors marked inline as one types, and completion from the live schema (GET /schema:
// the model's labels, relationship types and property keys, and the query's $parameters). The
// textarea stays the form's value (kept in step both ways), so the page works without it.
import { createCypherEditor, type EditorApi } from "@neo4j-cypher/codemirror";
import "@neo4j-cypher/codemirror/css/cypher-codemirror.css";
import { api, session } from "../shared/api.ts";
import type { TextBox } from "./editor.ts";

/** `$name` parameters declared in a query file's header. */
export function headerParameters(text: string): string[] {
  const out = new Set<string>();
  let inParameters = false;
  for (const line of text.split("\n")) {
    if (!line.startsWith("//")) break;
    const body = line.slice(2);
    if (/^\s*parameters\s*:/.test(body)) inParameters = true;
    else if (/^\s?\S/.test(body)) inParameters = false;
    else if (inParameters) {
      const m = /^\s+([A-Za-z][A-Za-z0-9_]*)\s*:/.exec(body);
      if (m) out.add(m[1]!);
    }
  }
  return [...out];
}

export async function cypherBox(area: HTMLTextAreaElement): Promise<TextBox> {
  const host = document.createElement("div");
  host.className = "cypher-editor";
  host.id = "q-editor";
  area.after(host);
  // 1.0.3 answers { editor } although its declarations say the editor itself.
  const { editor } = createCypherEditor(host, { value: area.value, lint: true, autocomplete: true, lineNumbers: true, theme: "light", lineWrapping: true }) as unknown as { editor: EditorApi };
  area.hidden = true;
  let echo = false;
  // Asked for once a session is there (the page may load before it); a failure is asked again later.
  type Names = Awaited<ReturnType<typeof api.schema>>;
  let schema: Names | undefined;
  let asking = false;
  let shown = "";
  const refreshSchema = async (text: string) => {
    if (!schema && !asking && session.active()) {
      asking = true;
      schema = await api.schema().catch(() => undefined);
      asking = false;
    }
    // Setting the schema closes an open completion: only when something changed.
    const parameters = headerParameters(text);
    const key = `${schema ? "s" : "-"}${parameters.join(",")}`;
    if (key === shown) return;
    shown = key;
    editor.setSchema({ ...(schema ?? {}), parameters });
  };
  editor.onValueChanged((value: string) => {
    if (echo) return;
    area.value = value;
    void refreshSchema(value);
  });
  // The caret too, so the form's text box always says where the writer is.
  editor.onPositionChanged((p) => area.setSelectionRange(p.position, p.position));
  // Anything that sets the textarea (a test, a password manager, the page) reaches the editor.
  area.addEventListener("input", () => {
    echo = true;
    editor.setValue(area.value);
    echo = false;
    void refreshSchema(area.value);
  });
  await refreshSchema(area.value);
  return {
    get: () => area.value,
    set(text) {
      area.value = text;
      echo = true;
      editor.setValue(text);
      echo = false;
      void refreshSchema(text);
    },
    focus: () => editor.focus(),
    selectFrom(line, column) {
      editor.setPosition({ line, column });
      editor.focus();
    },
  };
}
