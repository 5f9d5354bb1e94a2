// The saved-query page: pick a query, fill a form generated from its header (types, required,
// defaults, bounds, allowed values), run it and see the rows as a table with their count, time and
// a notice when the row cap cut them, or export CSV. Problems from the API are shown at the field
// they name. Talks to /api/v1/queries with the API key typed in (kept for the tab only).
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
  refusals?: { message: string }[];
}

const API = "/api/v1";
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const keyInput = $<HTMLInputElement>("api-key");
keyInput.value = sessionStorage.getItem("apiKey") ?? "";
let current: QuerySummary | undefined;
/** Bumped on every run or selection, so a late answer for an earlier one is ignored. */
let generation = 0;

function headers(json = false): Record<string, string> {
  const h: Record<string, string> = { authorization: `Bearer ${keyInput.value.trim()}` };
  if (json) h["content-type"] = "application/json";
  return h;
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
async function loadList(): Promise<void> {
  const key = keyInput.value.trim();
  if (key === loadedKey) return;
  loadedKey = key;
  sessionStorage.setItem("apiKey", key);
  const res = await fetch(`${API}/queries`, { headers: headers() }).catch((error: unknown) => error as Error);
  if (res instanceof Error || !res.ok) {
    loadedKey = undefined;
    $("list").replaceChildren();
    if (res instanceof Error) return say(`the request failed: ${res.message}`, true);
    return say(problemText(await problemOf(res)), true);
  }
  const queries = ((await res.json()) as { items: QuerySummary[] }).items;
  const list = $("list");
  list.replaceChildren(
    ...queries.map((q) => {
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button";
      b.dataset.query = q.name;
      b.textContent = q.title_zh;
      const small = document.createElement("small");
      small.textContent = `${q.title}${q.source === "saved" ? " · saved" : ""}`;
      b.append(small);
      b.addEventListener("click", () => select(q));
      li.append(b);
      return li;
    }),
  );
  say(`${queries.length} queries`);
  // A shared link (#query-name) opens that query.
  const wanted = queries.find((q) => q.name === decodeURIComponent(location.hash.slice(1)));
  if (wanted) select(wanted);
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
  $("fields").replaceChildren(...Object.entries(q.parameters).map(([name, p]) => inputFor(name, p)));
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

$("key").addEventListener("submit", (e) => {
  e.preventDefault();
  void loadList();
});
keyInput.addEventListener("change", () => void loadList());
$("params").addEventListener("submit", (e) => {
  e.preventDefault();
  void run();
});
$("csv").addEventListener("click", () => void exportCsv());
if (keyInput.value) void loadList();
