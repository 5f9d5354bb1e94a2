// Writing saved queries (analyst and admin keys): new from a template, edit as the next version,
// copy a built-in; a refusal is listed with its line and column and the caret put there. The text
// box is a plain textarea until the Cypher editor (CodeMirror) has loaded over it.
import { api, ApiError, type QuerySummary } from "../shared/api.ts";
import { $ } from "../shared/dom.ts";

/** A new query's starting text: the header every query needs and a bounded read. */
export const TEMPLATE = [
  "// title: Persons by name",
  "// title_zh: 按姓名查人员",
  "// description: Persons whose name contains the text given.",
  "// parameters:",
  '//   name: { type: string, required: true, max: 50, description: "part of the name" }',
  '//   limit: { type: integer, default: 100, min: 1, max: 1000, description: "most rows returned" }',
  "MATCH (p:Person)",
  "WHERE p.name CONTAINS $name",
  "RETURN p.id AS id, p.name AS name",
  "ORDER BY id",
  "LIMIT $limit",
].join("\n");

/** The query text being written: the textarea, or the code editor mounted over it. */
export interface TextBox {
  get(): string;
  set(text: string): void;
  focus(): void;
  /** Selects from (line, column), 1-based, to the end of that line. */
  selectFrom(line: number, column: number): void;
}

export function textareaBox(area: HTMLTextAreaElement): TextBox {
  return {
    get: () => area.value,
    set: (text) => {
      area.value = text;
    },
    focus: () => area.focus(),
    selectFrom(line, column) {
      const lines = area.value.split("\n");
      const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
      area.focus();
      area.setSelectionRange(offset, Math.min(offset + (lines[line - 1]?.length ?? 0) - column + 1, area.value.length));
    },
  };
}

export interface EditorHooks {
  box(): TextBox;
  say(text: string, error?: boolean): void;
  /** A 403: the key may not write; true when handled. */
  forbidden(e: ApiError): boolean;
  /** After a save: reload the list and open the saved query. */
  saved(name: string, version: number | null): Promise<void>;
}

/** The query being written: its name when it exists, and the version it starts from (0: new). */
let editing: { name?: string; baseVersion: number } | undefined;

function clearSaveProblem(): void {
  $("save-problem").textContent = "";
  $("refusals").replaceChildren();
}

/** Opens the editor: a new query (template), a copy of a built-in (no name), or the next version of a saved one. */
export async function openEditor(mode: "new" | "edit" | "copy", current: QuerySummary | undefined, hooks: EditorHooks): Promise<void> {
  const name = $<HTMLInputElement>("q-name");
  const text = hooks.box();
  clearSaveProblem();
  $<HTMLInputElement>("q-comment").value = "";
  if (mode === "new" || !current) {
    editing = { baseVersion: 0 };
    name.value = "";
    text.set(TEMPLATE);
  } else {
    let detail;
    try {
      detail = await api.query(current.name);
    } catch (e) {
      return hooks.say(e instanceof ApiError ? e.describe() : String(e), true);
    }
    // A header's name must match the name saved under: a copy drops the built-in's.
    editing = mode === "edit" ? { name: current.name, baseVersion: detail.version ?? 0 } : { baseVersion: 0 };
    name.value = mode === "edit" ? current.name : "";
    text.set(mode === "edit" ? detail.text : detail.text.replace(/^\/\/\s*name:.*\n/m, ""));
  }
  name.readOnly = editing.name !== undefined;
  $("editor-title").textContent =
    mode === "edit" ? `Edit ${editing.name ?? ""} (new version after ${editing.baseVersion}) · 编辑` : mode === "copy" ? `Copy of ${current?.name ?? ""} · 复制` : "New query · 新建查询";
  $("editor").hidden = false;
  if (editing.name) text.focus();
  else name.focus();
}

export function closeEditor(): void {
  editing = undefined;
  $("editor").hidden = true;
}

export async function saveQuery(hooks: EditorHooks): Promise<void> {
  if (!editing) return;
  const name = $<HTMLInputElement>("q-name").value.trim();
  clearSaveProblem();
  if (name === "") {
    $("save-problem").textContent = "Give the query a name · 请填写名称";
    return;
  }
  const comment = $<HTMLInputElement>("q-comment").value.trim();
  const body = { text: hooks.box().get(), baseVersion: editing.baseVersion, ...(comment ? { comment } : {}) };
  const button = $<HTMLButtonElement>("save");
  button.disabled = true;
  hooks.say("saving…");
  try {
    const saved = await api.saveQuery(name, body);
    closeEditor();
    await hooks.saved(saved.name, saved.version);
  } catch (e) {
    if (!(e instanceof ApiError)) return hooks.say(`the request failed: ${(e as Error).message}`, true);
    if (hooks.forbidden(e)) return;
    const p = e.problem;
    hooks.say("not saved · 未保存", true);
    $("save-problem").textContent = `${p.status ?? ""} ${p.title ?? ""}: ${p.detail ?? ""}`;
    $("refusals").replaceChildren(
      ...[
        ...(p.refusals ?? []).map((r) => (r.line !== undefined ? `line ${r.line}, column ${r.column ?? 1} (${r.rule}): ${r.message}` : `${r.rule}: ${r.message}`)),
        ...(p.errors ?? []).map((x) => `${x.field}: ${x.message}`),
      ].map((t) => Object.assign(document.createElement("li"), { textContent: t })),
    );
    const at = p.refusals?.find((r) => r.line !== undefined);
    if (at?.line !== undefined) hooks.box().selectFrom(at.line, at.column ?? 1);
  } finally {
    button.disabled = false;
  }
}
