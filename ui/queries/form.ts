// A saved query's parameter form, generated from its header (types, required, defaults, bounds,
// allowed values), its values typed as the header says, and problems shown at the field they name.
// Used by the saved-query page and by the explorer's query panel (`prefix` keeps their ids apart).
import type { ProblemBody, QueryParameter } from "../shared/api.ts";

/** What the header says about a parameter, in words: type, bounds, default, allowed values. */
export function describeParameter(p: QueryParameter): string {
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

export function parameterField(name: string, p: QueryParameter, prefix = ""): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "field";
  const label = document.createElement("label");
  label.htmlFor = `${prefix}p-${name}`;
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
  input.id = `${prefix}p-${name}`;
  input.name = name;
  input.dataset.type = p.type;
  const rule = document.createElement("small");
  rule.className = "rule";
  rule.id = `${prefix}r-${name}`;
  rule.textContent = describeParameter(p);
  const error = document.createElement("div");
  error.className = "field-error";
  error.id = `${prefix}e-${name}`;
  error.setAttribute("role", "alert");
  input.setAttribute("aria-describedby", `${prefix}r-${name} ${prefix}e-${name}`);
  wrap.append(label, input, rule, error);
  return wrap;
}

/** The form's values typed as the header declares; empty fields are left to the defaults. */
export function parameterValues(parameters: Record<string, QueryParameter>, prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(parameters)) {
    const el = document.getElementById(`${prefix}p-${name}`) as HTMLInputElement | HTMLSelectElement | null;
    const raw = el?.value.trim() ?? "";
    if (raw === "") continue;
    if (p.type === "integer" || p.type === "number") out[name] = Number(raw);
    else if (p.type === "boolean") out[name] = raw === "true";
    else if (p.type === "list") {
      const items = raw
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");
      out[name] = p.items === "integer" || p.items === "number" ? items.map(Number) : items;
    } else out[name] = raw;
  }
  return out;
}

export function clearFieldErrors(form: HTMLElement): void {
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  for (const el of form.querySelectorAll(".field-error")) el.textContent = "";
}

/** Marks the fields a problem names (`body.params.fromYear: …`); the rest stays in the status line. */
export function showFieldErrors(form: HTMLElement, p: ProblemBody, prefix = ""): void {
  clearFieldErrors(form);
  for (const e of p.errors ?? []) {
    const name = /(?:^|\.)params\.([A-Za-z0-9]+)/.exec(e.field)?.[1];
    const input = name ? document.getElementById(`${prefix}p-${name}`) : null;
    const slot = name ? document.getElementById(`${prefix}e-${name}`) : null;
    if (!input || !slot) continue;
    input.setAttribute("aria-invalid", "true");
    slot.textContent = `${name}: ${e.message}`;
  }
}
