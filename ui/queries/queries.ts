// The saved-query page: pick a query, fill a form generated from its header (types, required,
// defaults, bounds, allowed values), run it and see the rows as a table with their count, time and
// a notice when the row cap cut them, or export CSV. Problems from the API are shown at the field
// they name. Analysts write their own queries in the editor (new, edit, copy a built-in), see why
// the API refused one (line:column), its versions, and delete it; built-ins are read-only. Talks
// to /api/v1/queries through a session: the API key typed in is sent once to log in (POST
// /api/v1/session) and not kept; the browser then holds an httpOnly cookie, and the page sends the
// session's CSRF token with every request. "Log out" ends the session.
interface Parameter {
  type: "integer" | "number" | "string" | "boolean" | "date" | "list";
  required: boolean;
  default?: unknown;
  min?: number;
  max?: number;
  items?: string;
  values?: (string | number)[];
  description: string;
}

interface QuerySummary {
  name: string;
  title: string;
  title_zh: string;
  description: string;
  source: "builtin" | "saved";
  parameters: Record<string, Parameter>;
  version: number | null;
  author: string | null;
  updatedAt: string | null;
}

interface Version {
  version: number;
  author: string | null;
  authorName: string | null;
  at: string;
  comment: string | null;
  current: boolean;
}

interface RunResult {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  rowCount: number;
  ms: number;
}

interface Problem {
  status?: number;
  title?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
  refusals?: { rule: string; message: string; line?: number; column?: number }[];
}

const API = "/api/v1";
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const keyInput = $<HTMLInputElement>("api-key");
/** The session's CSRF token (from log-in, or GET /session after a reload); undefined when logged out. */
let csrf: string | undefined;
let current: QuerySummary | undefined;
/** Whether this key's role may save and delete (GET /keys/me); cleared too if the API answers 403. */
let canWrite = false;
/** The query being written in the editor: its name when it exists, and the version it starts from (0: new). */
let editing: { name?: string; baseVersion: number } | undefined;
/** Bumped on every run or selection, so a late answer for an earlier one is ignored. */
let generation = 0;

function headers(json = false): Record<string, string> {
  const h: Record<string, string> = {};
  if (csrf) h["x-csrf-token"] = csrf;
  if (json) h["content-type"] = "application/json";
  return h;
}

/** Logs in with the key typed in (then forgets it): the cookie is set, the CSRF token kept in memory. */
async function logIn(): Promise<boolean> {
  const key = keyInput.value.trim();
  if (!key) return false;
  const res = await fetch(`${API}/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ key }) }).catch((error: unknown) => error as Error);
  if (res instanceof Error) {
    say(`the request failed: ${res.message}`, true);
    return false;
  }
  if (!res.ok) {
    say(problemText(await problemOf(res)), true);
    return false;
  }
  const session = (await res.json()) as { csrfToken: string; name: string; role: string };
  csrf = session.csrfToken;
  keyInput.value = "";
  showSession(session);
  return true;
}

/** After a reload: the session the cookie names, if it is still valid. */
async function resume(): Promise<boolean> {
  const res = await fetch(`${API}/session`).catch(() => undefined);
  if (!res?.ok) return false;
  const session = (await res.json()) as { csrfToken: string; name: string; role: string };
  csrf = session.csrfToken;
  showSession(session);
  return true;
}

async function logOut(): Promise<void> {
  await fetch(`${API}/session`, { method: "DELETE", headers: headers() }).catch(() => undefined);
  csrf = undefined;
  loadedKey = undefined;
  canWrite = false;
  current = undefined;
  $("list").replaceChildren();
  $("query").hidden = true;
  clearResult();
  showSession(undefined);
  showWriteControls();
  say("logged out · 已退出");
}

function showSession(session: { name: string; role: string } | undefined): void {
  $("who").textContent = session ? `${session.name} (${session.role})` : "";
  $("logout").hidden = session === undefined;
}

async function problemOf(res: Response): Promise<Problem> {
  try {
    return { status: res.status, ...((await res.json()) as Problem) };
  } catch {
    return { status: res.status, title: res.statusText };
  }
}

function problemText(p: Problem): string {
  const extra = [...(p.errors ?? []).map((e) => `${e.field}: ${e.message}`), ...(p.refusals ?? []).map((r) => r.message)];
  return [`${p.status ?? ""} ${p.title ?? ""}: ${p.detail ?? ""}`, ...extra].join("\n");
}

function say(text: string, error = false): void {
  const el = $("status");
  el.textContent = text;
  el.className = error ? "status error" : "status";
}

function clearResult(): void {
  $("result").replaceChildren();
  $("summary").textContent = "";
  $("truncated").hidden = true;
}

let loadedKey: string | undefined;

/** Loads the list for the key typed in (once per key: Enter fires both change and submit; a failure is retried). */
async function loadList(force = false): Promise<void> {
  if (keyInput.value.trim() && !(await logIn())) return;
  if (!csrf) return;
  const key = csrf;
  if (key === loadedKey && !force) return;
  loadedKey = key;
  const res = await fetch(`${API}/queries`, { headers: headers() }).catch((error: unknown) => error as Error);
  if (res instanceof Error || !res.ok) {
    loadedKey = undefined;
    canWrite = false;
    $("list").replaceChildren();
    showWriteControls();
    if (res instanceof Error) return say(`the request failed: ${res.message}`, true);
    return say(problemText(await problemOf(res)), true);
  }
  const queries = ((await res.json()) as { items: QuerySummary[] }).items;
  canWrite = await mayWrite();
  const list = $("list");
  list.replaceChildren(
    ...queries.map((q) => {
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button";
      b.dataset.query = q.name;
      b.textContent = q.title_zh;
      const small = document.createElement("small");
      small.textContent = `${q.title} · ${q.source === "saved" ? `saved · v${q.version ?? "?"}` : "built-in"}`;
      b.append(small);
      b.addEventListener("click", () => select(q));
      li.append(b);
      return li;
    }),
  );
  say(`${queries.length} queries`);
  showWriteControls();
  // A shared link (#query-name) opens that query.
  const wanted = queries.find((q) => q.name === decodeURIComponent(location.hash.slice(1)));
  if (wanted) select(wanted);
}

/** Asks the API who the key is: analysts and admins may save and delete queries. */
async function mayWrite(): Promise<boolean> {
  const res = await fetch(`${API}/keys/me`, { headers: headers() }).catch(() => undefined);
  if (!res?.ok) return false;
  const { role } = (await res.json()) as { role: string };
  return role === "analyst" || role === "admin";
}

/** What the header says about a parameter, in words: type, bounds, default, allowed values. */
function describe(p: Parameter): string {
  const type = p.type === "list" ? `list of ${p.items ?? "string"} (comma-separated)` : p.type;
  const parts = [type];
  const unit = p.type === "list" ? " items" : p.type === "string" ? " characters" : "";
  if (p.min !== undefined && p.max !== undefined) parts.push(`${p.min}–${p.max}${unit}`);
  else if (p.min !== undefined) parts.push(`≥ ${p.min}${unit}`);
  else if (p.max !== undefined) parts.push(`≤ ${p.max}${unit}`);
  if (p.values) parts.push(`one of ${p.values.join(", ")}`);
  parts.push(p.required ? "required" : p.default !== undefined && p.default !== null ? `default ${Array.isArray(p.default) ? p.default.join(",") : String(p.default)}` : "optional");
  return parts.join(" · ");
}

function inputFor(name: string, p: Parameter): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "field";
  const label = document.createElement("label");
  label.htmlFor = `p-${name}`;
  label.textContent = `${name}${p.required ? " *" : ""} `;
  const hint = document.createElement("small");
  hint.textContent = p.description;
  label.append(hint);
  let input: HTMLInputElement | HTMLSelectElement;
  if (p.type === "boolean") {
    input = document.createElement("select");
    for (const v of ["", "true", "false"]) input.append(new Option(v || "(default)", v));
    if (typeof p.default === "boolean") input.value = String(p.default);
  } else if (p.values && p.type !== "list") {
    input = document.createElement("select");
    for (const v of ["", ...p.values.map(String)]) input.append(new Option(v || "(default)", v));
    if (p.default !== undefined && p.default !== null) input.value = String(p.default);
  } else {
    input = document.createElement("input");
    input.type = p.type === "integer" || p.type === "number" ? "number" : p.type === "date" ? "date" : "text";
    if (p.type === "integer") input.step = "1";
    if (p.type === "number") input.step = "any";
    if (p.min !== undefined && (p.type === "integer" || p.type === "number")) input.min = String(p.min);
    if (p.max !== undefined && (p.type === "integer" || p.type === "number")) input.max = String(p.max);
    if (p.max !== undefined && p.type === "string") input.maxLength = p.max;
    if (p.default !== undefined && p.default !== null) input.value = Array.isArray(p.default) ? p.default.join(",") : String(p.default);
    if (p.type === "list") input.placeholder = p.values ? p.values.join(",") : "a,b,c";
  }
  input.required = p.required;
  input.id = `p-${name}`;
  input.name = name;
  input.dataset.type = p.type;
  const rule = document.createElement("small");
  rule.className = "rule";
  rule.id = `r-${name}`;
  rule.textContent = describe(p);
  const error = document.createElement("div");
  error.className = "field-error";
  error.id = `e-${name}`;
  error.setAttribute("role", "alert");
  input.setAttribute("aria-describedby", `r-${name} e-${name}`);
  wrap.append(label, input, rule, error);
  return wrap;
}

function select(q: QuerySummary): void {
  generation += 1;
  current = q;
  for (const b of $("list").querySelectorAll<HTMLButtonElement>("button")) {
    if (b.dataset.query === q.name) b.setAttribute("aria-current", "true");
    else b.removeAttribute("aria-current");
  }
  history.replaceState(null, "", `#${encodeURIComponent(q.name)}`);
  $("query").hidden = false;
  $("title").textContent = `${q.title_zh} · ${q.title}`;
  $("description").textContent = q.description;
  $("meta").textContent =
    q.source === "builtin" ? "Built-in · read-only · 内置（只读）" : `Saved · version ${q.version ?? "?"} · by ${q.author ?? "unknown"} · ${q.updatedAt ?? ""}`;
  $("fields").replaceChildren(...Object.entries(q.parameters).map(([name, p]) => inputFor(name, p)));
  $("history").hidden = true;
  $("editor").hidden = true;
  showWriteControls();
  clearResult();
  say("");
}

/** The form's values typed as the header declares; empty fields are left to the defaults. */
function values(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!current) return out;
  for (const [name, p] of Object.entries(current.parameters)) {
    const el = document.getElementById(`p-${name}`) as HTMLInputElement | HTMLSelectElement | null;
    const raw = el?.value.trim() ?? "";
    if (raw === "") continue;
    if (p.type === "integer" || p.type === "number") out[name] = Number(raw);
    else if (p.type === "boolean") out[name] = raw === "true";
    else if (p.type === "list") {
      const items = raw.split(",").map((s) => s.trim()).filter((s) => s !== "");
      out[name] = p.items === "integer" || p.items === "number" ? items.map(Number) : items;
    } else out[name] = raw;
  }
  return out;
}

/** Marks the fields a problem names (`body.params.fromYear: …`); the rest stays in the status line. */
function showFieldErrors(p: Problem): void {
  clearFieldErrors();
  for (const e of p.errors ?? []) {
    const name = /(?:^|\.)params\.([A-Za-z0-9]+)/.exec(e.field)?.[1];
    const input = name ? document.getElementById(`p-${name}`) : null;
    const slot = name ? document.getElementById(`e-${name}`) : null;
    if (!input || !slot) continue;
    input.setAttribute("aria-invalid", "true");
    slot.textContent = `${name}: ${e.message}`;
  }
}

function clearFieldErrors(): void {
  for (const el of $("params").querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  for (const el of $("params").querySelectorAll(".field-error")) el.textContent = "";
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cell).join("; ");
  if (typeof value === "object") {
    const v = value as { labels?: unknown; properties?: Record<string, unknown>; type?: string; nodes?: unknown[] };
    if (v.labels && v.properties) return String(v.properties.name ?? v.properties.id ?? "node");
    if (v.type && v.properties) return v.type;
    if (Array.isArray(v.nodes)) return `path of ${v.nodes.length} nodes`;
    return JSON.stringify(value);
  }
  return String(value);
}

function table(result: RunResult): HTMLTableElement {
  const t = document.createElement("table");
  const head = t.createTHead().insertRow();
  for (const c of result.columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c;
    head.append(th);
  }
  const body = t.createTBody();
  for (const row of result.rows) {
    const tr = body.insertRow();
    for (const c of result.columns) {
      const td = tr.insertCell();
      td.textContent = cell(row[c]);
      if (typeof row[c] === "number") td.className = "num";
    }
  }
  return t;
}

async function run(): Promise<void> {
  if (!current) return;
  const q = current;
  const mine = ++generation;
  const button = $<HTMLButtonElement>("run");
  button.disabled = true;
  clearFieldErrors();
  say("running…");
  try {
    const res = await fetch(`${API}/queries/${encodeURIComponent(q.name)}/run`, { method: "POST", headers: headers(true), body: JSON.stringify({ params: values() }) });
    if (mine !== generation) return;
    if (!res.ok) {
      const p = await problemOf(res);
      clearResult();
      showFieldErrors(p);
      return say(problemText(p), true);
    }
    const result = (await res.json()) as RunResult;
    $("result").replaceChildren(result.rowCount > 0 ? table(result) : Object.assign(document.createElement("p"), { className: "empty", textContent: "No rows · 无结果" }));
    $("summary").textContent = `${result.rowCount} ${result.rowCount === 1 ? "row" : "rows"} · ${Math.round(result.ms)} ms`;
    const notice = $("truncated");
    notice.hidden = !result.truncated;
    notice.textContent = result.truncated
      ? `Truncated: the result has more rows than the ${result.rowCount} shown (the row cap). Narrow the parameters, or export CSV for more. · 结果已截断`
      : "";
    say("");
  } catch (error) {
    if (mine === generation) say(`the request failed: ${(error as Error).message}`, true);
  } finally {
    if (mine === generation) button.disabled = false;
  }
}

async function exportCsv(): Promise<void> {
  if (!current) return;
  const q = current;
  clearFieldErrors();
  say("exporting…");
  const res = await fetch(`${API}/queries/${encodeURIComponent(q.name)}/export.csv`, { method: "POST", headers: headers(true), body: JSON.stringify({ params: values() }) });
  if (!res.ok) {
    const p = await problemOf(res);
    showFieldErrors(p);
    return say(problemText(p), true);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = `${q.name}.csv`;
  a.click();
  // Revoking at once can cancel the download before the browser has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  say(`exported ${q.name}.csv`);
}

/** A new query's starting text: the header every query needs and a bounded read. */
const TEMPLATE = [
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

/** Save, edit, copy and delete show only while the key may write; built-ins are never edited or deleted. */
function showWriteControls(): void {
  $("new").hidden = !canWrite || loadedKey === undefined;
  $("edit").hidden = !canWrite || current?.source !== "saved";
  $("delete").hidden = !canWrite || current?.source !== "saved";
  $("copy").hidden = !canWrite || current?.source !== "builtin";
  if (!canWrite) $("editor").hidden = true;
}

/** A 403 on a save or delete: say so and take the controls away for this key. */
function forbidden(p: Problem): boolean {
  if (p.status !== 403) return false;
  canWrite = false;
  showWriteControls();
  say("This API key's role may run queries but not save or delete them (analyst or admin keys only) · 当前密钥无权保存或删除查询", true);
  return true;
}

function clearSaveProblem(): void {
  $("save-problem").textContent = "";
  $("refusals").replaceChildren();
}

/** Opens the editor: a new query (template), a copy of a built-in (no name), or the next version of a saved one. */
async function openEditor(mode: "new" | "edit" | "copy"): Promise<void> {
  const name = $<HTMLInputElement>("q-name");
  const text = $<HTMLTextAreaElement>("q-text");
  clearSaveProblem();
  $<HTMLInputElement>("q-comment").value = "";
  if (mode === "new" || !current) {
    editing = { baseVersion: 0 };
    name.value = "";
    text.value = TEMPLATE;
  } else {
    const q = current;
    const res = await fetch(`${API}/queries/${encodeURIComponent(q.name)}`, { headers: headers() });
    if (!res.ok) return say(problemText(await problemOf(res)), true);
    const detail = (await res.json()) as QuerySummary & { text: string };
    // A header's name must match the name saved under: a copy drops the built-in's.
    editing = mode === "edit" ? { name: q.name, baseVersion: detail.version ?? 0 } : { baseVersion: 0 };
    name.value = mode === "edit" ? q.name : "";
    text.value = mode === "edit" ? detail.text : detail.text.replace(/^\/\/\s*name:.*\n/m, "");
  }
  name.readOnly = editing.name !== undefined;
  $("editor-title").textContent =
    mode === "edit" ? `Edit ${editing.name ?? ""} (new version after ${editing.baseVersion}) · 编辑` : mode === "copy" ? `Copy of ${current?.name ?? ""} · 复制` : "New query · 新建查询";
  $("editor").hidden = false;
  (editing.name ? text : name).focus();
}

/** Puts the caret at a refusal's line and column in the text, so the analyst sees where. */
function caretAt(line: number, column: number): void {
  const text = $<HTMLTextAreaElement>("q-text");
  const lines = text.value.split("\n");
  const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  text.focus();
  text.setSelectionRange(offset, Math.min(offset + (lines[line - 1]?.length ?? 0) - column + 1, text.value.length));
}

async function save(): Promise<void> {
  if (!editing) return;
  const name = $<HTMLInputElement>("q-name").value.trim();
  clearSaveProblem();
  if (name === "") {
    $("save-problem").textContent = "Give the query a name · 请填写名称";
    return;
  }
  const comment = $<HTMLInputElement>("q-comment").value.trim();
  const body = { text: $<HTMLTextAreaElement>("q-text").value, baseVersion: editing.baseVersion, ...(comment ? { comment } : {}) };
  const button = $<HTMLButtonElement>("save");
  button.disabled = true;
  say("saving…");
  try {
    const res = await fetch(`${API}/queries/${encodeURIComponent(name)}`, { method: "PUT", headers: headers(true), body: JSON.stringify(body) });
    if (!res.ok) {
      const p = await problemOf(res);
      if (forbidden(p)) return;
      say("not saved · 未保存", true);
      $("save-problem").textContent = `${p.status ?? ""} ${p.title ?? ""}: ${p.detail ?? ""}`;
      $("refusals").replaceChildren(
        ...[
          ...(p.refusals ?? []).map((r) => (r.line !== undefined ? `line ${r.line}, column ${r.column ?? 1} (${r.rule}): ${r.message}` : `${r.rule}: ${r.message}`)),
          ...(p.errors ?? []).map((e) => `${e.field}: ${e.message}`),
        ].map((t) => Object.assign(document.createElement("li"), { textContent: t })),
      );
      const at = p.refusals?.find((r) => r.line !== undefined);
      if (at?.line !== undefined) caretAt(at.line, at.column ?? 1);
      return;
    }
    const saved = (await res.json()) as QuerySummary & { created: boolean };
    editing = undefined;
    $("editor").hidden = true;
    // The reloaded list opens the query named in the hash.
    history.replaceState(null, "", `#${encodeURIComponent(saved.name)}`);
    await loadList(true);
    say(`saved ${saved.name} version ${saved.version ?? "?"} · 已保存`);
  } catch (error) {
    say(`the request failed: ${(error as Error).message}`, true);
  } finally {
    button.disabled = false;
  }
}

async function showHistory(): Promise<void> {
  if (!current) return;
  const res = await fetch(`${API}/queries/${encodeURIComponent(current.name)}/versions`, { headers: headers() });
  if (!res.ok) return say(problemText(await problemOf(res)), true);
  const items = ((await res.json()) as { items: Version[] }).items;
  $("versions").replaceChildren(
    ...items.map((v) => {
      const tr = document.createElement("tr");
      for (const text of [String(v.version), v.authorName ? `${v.authorName} (${v.author ?? ""})` : (v.author ?? ""), v.at, v.comment ?? "", v.current ? "current" : ""]) {
        tr.insertCell().textContent = text;
      }
      return tr;
    }),
  );
  $("history").hidden = false;
}

async function remove(): Promise<void> {
  if (!current || current.source !== "saved") return;
  const name = current.name;
  if (!confirm(`Delete the saved query ${name}? Its versions are kept. · 确定删除？`)) return;
  const res = await fetch(`${API}/queries/${encodeURIComponent(name)}`, { method: "DELETE", headers: headers() });
  if (!res.ok) {
    const p = await problemOf(res);
    if (!forbidden(p)) say(problemText(p), true);
    return;
  }
  current = undefined;
  $("query").hidden = true;
  clearResult();
  history.replaceState(null, "", location.pathname);
  await loadList(true);
  say(`deleted ${name} (its versions are kept) · 已删除`);
}

$("key").addEventListener("submit", (e) => {
  e.preventDefault();
  void loadList();
});
$("logout").addEventListener("click", () => void logOut());
$("params").addEventListener("submit", (e) => {
  e.preventDefault();
  void run();
});
$("csv").addEventListener("click", () => void exportCsv());
$("new").addEventListener("click", () => void openEditor("new"));
$("edit").addEventListener("click", () => void openEditor("edit"));
$("copy").addEventListener("click", () => void openEditor("copy"));
$("show-history").addEventListener("click", () => void showHistory());
$("delete").addEventListener("click", () => void remove());
$("cancel").addEventListener("click", () => {
  editing = undefined;
  $("editor").hidden = true;
});
$("edit-form").addEventListener("submit", (e) => {
  e.preventDefault();
  void save();
});
void resume().then((ok) => (ok ? loadList() : undefined));
