// The saved-query page: pick a query, fill a form generated from its parameters, see the rows as a
// table, export CSV. Talks to /api/v1/queries with the API key typed in (kept for the tab only).
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

const API = "/api/v1";
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const keyInput = $<HTMLInputElement>("api-key");
keyInput.value = sessionStorage.getItem("apiKey") ?? "";
let current: QuerySummary | undefined;

function headers(json = false): Record<string, string> {
  const h: Record<string, string> = { authorization: `Bearer ${keyInput.value.trim()}` };
  if (json) h["content-type"] = "application/json";
  return h;
}

async function problem(res: Response): Promise<string> {
  try {
    const p = (await res.json()) as { title?: string; detail?: string; errors?: { field: string; message: string }[]; refusals?: { message: string }[] };
    const extra = [...(p.errors ?? []).map((e) => `${e.field}: ${e.message}`), ...(p.refusals ?? []).map((r) => r.message)];
    return [`${res.status} ${p.title ?? ""}: ${p.detail ?? ""}`, ...extra].join("\n");
  } catch {
    return `${res.status} ${res.statusText}`;
  }
}

function say(text: string, error = false): void {
  const el = $("status");
  el.textContent = text;
  el.className = error ? "status error" : "status";
}

async function loadList(): Promise<void> {
  sessionStorage.setItem("apiKey", keyInput.value.trim());
  const res = await fetch(`${API}/queries`, { headers: headers() });
  if (!res.ok) return say(await problem(res), true);
  const { items } = (await res.json()) as { items: QuerySummary[] };
  const list = $("list");
  list.replaceChildren(
    ...items.map((q) => {
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = q.title_zh;
      const small = document.createElement("small");
      small.textContent = `${q.title}${q.source === "saved" ? " · saved" : ""}`;
      b.append(small);
      b.addEventListener("click", () => {
        for (const other of list.querySelectorAll("button")) other.removeAttribute("aria-current");
        b.setAttribute("aria-current", "true");
        select(q);
      });
      li.append(b);
      return li;
    }),
  );
  say(`${items.length} queries`);
}

function inputFor(name: string, p: Parameter): HTMLElement {
  const wrap = document.createElement("div");
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
  } else {
    input = document.createElement("input");
    input.type = p.type === "integer" || p.type === "number" ? "number" : p.type === "date" ? "date" : "text";
    if (p.type === "integer") input.step = "1";
    if (p.type === "number") input.step = "any";
    if (p.min !== undefined && p.type !== "list") input.min = String(p.min);
    if (p.max !== undefined && p.type !== "list") input.max = String(p.max);
    if (p.default !== undefined && p.default !== null) input.value = Array.isArray(p.default) ? p.default.join(",") : String(p.default);
    if (p.type === "list") input.placeholder = "a,b,c";
    input.required = p.required;
  }
  input.id = `p-${name}`;
  input.name = name;
  wrap.append(label, input);
  return wrap;
}

function select(q: QuerySummary): void {
  current = q;
  $("query").hidden = false;
  $("title").textContent = `${q.title_zh} · ${q.title}`;
  $("description").textContent = q.description;
  $("params").replaceChildren(...Object.entries(q.parameters).map(([name, p]) => inputFor(name, p)));
  $("result").replaceChildren();
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
    th.textContent = c;
    head.append(th);
  }
  const body = t.createTBody();
  for (const row of result.rows) {
    const tr = body.insertRow();
    for (const c of result.columns) tr.insertCell().textContent = cell(row[c]);
  }
  return t;
}

async function run(): Promise<void> {
  if (!current) return;
  say("running…");
  const res = await fetch(`${API}/queries/${current.name}/run`, { method: "POST", headers: headers(true), body: JSON.stringify({ params: values() }) });
  if (!res.ok) return say(await problem(res), true);
  const result = (await res.json()) as RunResult;
  $("result").replaceChildren(table(result));
  say(`${result.rowCount} rows${result.truncated ? " (truncated)" : ""} in ${Math.round(result.ms)} ms`);
}

async function exportCsv(): Promise<void> {
  if (!current) return;
  say("exporting…");
  const res = await fetch(`${API}/queries/${current.name}/export.csv`, { method: "POST", headers: headers(true), body: JSON.stringify({ params: values() }) });
  if (!res.ok) return say(await problem(res), true);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = `${current.name}.csv`;
  a.click();
  URL.revokeObjectURL(url);
  say("exported");
}

$("key").addEventListener("submit", (e) => {
  e.preventDefault();
  void loadList();
});
keyInput.addEventListener("change", () => void loadList());
$("run").addEventListener("click", () => void run());
$("csv").addEventListener("click", () => void exportCsv());
if (keyInput.value) void loadList();
