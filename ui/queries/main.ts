// The saved-query page (/queries/): pick a query, fill the form generated from its header, run it
// and see the rows as a table with their count, time and a notice when the row cap cut them, or
// export CSV; problems are shown at the field they name. Analysts and admins also write queries
// (editor.ts), see a query's versions and delete it; built-ins are read-only. Every request goes
// through ui/shared/api.ts under a browser session: the API key typed in is sent once to log in and
// not kept; "Log out" ends the session.
import { api, ApiError, type QuerySummary, type QueryRun, session, type SessionInfo } from "../shared/api.ts";
import { $, saveFile } from "../shared/dom.ts";
import { closeEditor, type EditorHooks, openEditor, saveQuery, type TextBox, textareaBox } from "./editor.ts";
import { clearFieldErrors, parameterField, parameterValues, showFieldErrors } from "./form.ts";
import { resultTable } from "./table.ts";

const keyInput = $<HTMLInputElement>("api-key");
let current: QuerySummary | undefined;
/** Whether this key's role may save and delete (GET /keys/me); cleared too if the API answers 403. */
let canWrite = false;
/** Bumped on every run or selection, so a late answer for an earlier one is ignored. */
let generation = 0;
let loadedKey: string | undefined;
/** The key id of the session this page holds. */
let sessionKey: string | undefined;
let box: TextBox = textareaBox($<HTMLTextAreaElement>("q-text"));

function say(text: string, error = false): void {
  const el = $("status");
  el.textContent = text;
  el.className = error ? "status error" : "status";
}

const describe = (e: unknown) => (e instanceof ApiError ? (e.status === 0 ? `the request failed: ${e.problem.detail ?? ""}` : e.describe()) : `the request failed: ${(e as Error).message}`);

function clearResult(): void {
  $("result").replaceChildren();
  $("summary").textContent = "";
  $("truncated").hidden = true;
}

/** Logs in with the key typed in (then forgets it). */
async function logIn(): Promise<boolean> {
  try {
    showSession(await session.logIn(keyInput.value));
    keyInput.value = "";
    return true;
  } catch (e) {
    say(describe(e), true);
    return false;
  }
}

function showSession(info: SessionInfo | undefined): void {
  sessionKey = info?.keyId;
  $("who").textContent = info ? `${info.name} (${info.role})` : "";
  $("logout").hidden = info === undefined;
}

/** Everything of the last user off the page. */
function forget(): void {
  loadedKey = undefined;
  canWrite = false;
  current = undefined;
  $("list").replaceChildren();
  $("query").hidden = true;
  clearResult();
  showSession(undefined);
  showWriteControls();
}

async function logOut(): Promise<void> {
  try {
    await session.logOut();
  } catch {
    // The session is gone from this page either way.
  }
  forget();
  say("logged out · 已退出");
}

/** Loads the list for the session (once per session: Enter fires both change and submit; a failure is retried). */
async function loadList(force = false): Promise<void> {
  if (keyInput.value.trim() && !(await logIn())) return;
  const key = sessionKey;
  if (key === undefined || !session.active()) return;
  if (key === loadedKey && !force) return;
  loadedKey = key;
  let queries: QuerySummary[];
  try {
    queries = (await api.queries()).items;
  } catch (e) {
    loadedKey = undefined;
    canWrite = false;
    $("list").replaceChildren();
    showWriteControls();
    return say(describe(e), true);
  }
  canWrite = await mayWrite();
  $("list").replaceChildren(
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
  try {
    const { role } = await api.me();
    return role === "analyst" || role === "admin";
  } catch {
    return false;
  }
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
  $("fields").replaceChildren(...Object.entries(q.parameters).map(([name, p]) => parameterField(name, p)));
  $("history").hidden = true;
  $("editor").hidden = true;
  showWriteControls();
  clearResult();
  say("");
}

async function run(): Promise<void> {
  if (!current) return;
  const q = current;
  const mine = ++generation;
  const button = $<HTMLButtonElement>("run");
  button.disabled = true;
  clearFieldErrors($("params"));
  say("running…");
  try {
    const result: QueryRun = await api.runQuery(q.name, parameterValues(q.parameters));
    if (mine !== generation) return;
    $("result").replaceChildren(result.rowCount > 0 ? resultTable(result) : Object.assign(document.createElement("p"), { className: "empty", textContent: "No rows · 无结果" }));
    $("summary").textContent = `${result.rowCount} ${result.rowCount === 1 ? "row" : "rows"} · ${Math.round(result.ms)} ms`;
    const notice = $("truncated");
    notice.hidden = !result.truncated;
    notice.textContent = result.truncated
      ? `Truncated: the result has more rows than the ${result.rowCount} shown (the row cap). Narrow the parameters, or export CSV for more. · 结果已截断`
      : "";
    say("");
  } catch (e) {
    if (mine !== generation) return;
    clearResult();
    if (e instanceof ApiError) showFieldErrors($("params"), e.problem);
    say(describe(e), true);
  } finally {
    if (mine === generation) button.disabled = false;
  }
}

async function exportCsv(): Promise<void> {
  if (!current) return;
  const q = current;
  clearFieldErrors($("params"));
  say("exporting…");
  try {
    saveFile(await api.exportQuery(q.name, parameterValues(q.parameters)), `${q.name}.csv`);
    say(`exported ${q.name}.csv`);
  } catch (e) {
    if (e instanceof ApiError) showFieldErrors($("params"), e.problem);
    say(describe(e), true);
  }
}

/** Save, edit, copy and delete show only while the key may write; built-ins are never edited or deleted. */
function showWriteControls(): void {
  $("new").hidden = !canWrite || loadedKey === undefined;
  $("edit").hidden = !canWrite || current?.source !== "saved";
  $("delete").hidden = !canWrite || current?.source !== "saved";
  $("copy").hidden = !canWrite || current?.source !== "builtin";
  if (!canWrite) $("editor").hidden = true;
}

/** A 403 on a save or delete: say so and take the controls away for this key. */
function forbidden(e: ApiError): boolean {
  if (e.status !== 403) return false;
  canWrite = false;
  showWriteControls();
  say("This API key's role may run queries but not save or delete them (analyst or admin keys only) · 当前密钥无权保存或删除查询", true);
  return true;
}

const hooks: EditorHooks = {
  box: () => box,
  say,
  forbidden,
  async saved(name, version) {
    // The reloaded list opens the query named in the hash.
    history.replaceState(null, "", `#${encodeURIComponent(name)}`);
    await loadList(true);
    say(`saved ${name} version ${version ?? "?"} · 已保存`);
  },
};

async function showHistory(): Promise<void> {
  if (!current) return;
  try {
    const items = (await api.queryVersions(current.name)).items;
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
  } catch (e) {
    say(describe(e), true);
  }
}

async function remove(): Promise<void> {
  if (!current || current.source !== "saved") return;
  const name = current.name;
  if (!confirm(`Delete the saved query ${name}? Its versions are kept. · 确定删除？`)) return;
  try {
    await api.deleteQuery(name);
  } catch (e) {
    if (!(e instanceof ApiError) || !forbidden(e)) say(describe(e), true);
    return;
  }
  current = undefined;
  $("query").hidden = true;
  clearResult();
  history.replaceState(null, "", location.pathname);
  await loadList(true);
  say(`deleted ${name} (its versions are kept) · 已删除`);
}

/** Mounts the Cypher editor over the textarea once its module has loaded (it is large: loaded on demand). */
async function upgradeEditor(): Promise<void> {
  try {
    const { cypherBox } = await import("./cypher-editor.ts");
    box = await cypherBox($<HTMLTextAreaElement>("q-text"));
  } catch (e) {
    // The textarea still works.
    console.warn("Cypher editor unavailable", e);
  }
}

$("key").addEventListener("submit", (e) => {
  e.preventDefault();
  void loadList();
});
$("logout").addEventListener("click", () => void logOut());
session.onLoggedOut(() => {
  forget();
  say("the session ended: log in again · 会话已结束，请重新登录", true);
});
$("params").addEventListener("submit", (e) => {
  e.preventDefault();
  void run();
});
$("csv").addEventListener("click", () => void exportCsv());
$("new").addEventListener("click", () => void openEditor("new", current, hooks));
$("edit").addEventListener("click", () => void openEditor("edit", current, hooks));
$("copy").addEventListener("click", () => void openEditor("copy", current, hooks));
$("show-history").addEventListener("click", () => void showHistory());
$("delete").addEventListener("click", () => void remove());
$("cancel").addEventListener("click", () => closeEditor());
$("edit-form").addEventListener("submit", (e) => {
  e.preventDefault();
  void saveQuery(hooks);
});
void upgradeEditor();
void session.resume().then(
  (info) => {
    if (!info) return;
    showSession(info);
    return loadList();
  },
  (e: unknown) => say(describe(e), true),
);
