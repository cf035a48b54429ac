/**
 * Reading the CLI's input: a FHIR Bundle (searchset, collection, transaction, …), a single resource, an NDJSON
 * file, or a folder of them. Unreadable input throws InputError naming the file and the problem (no content:
 * a message never quotes the file, which may hold patient data).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";

export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "InputError";
  }
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === "object" && x !== null && !Array.isArray(x);

const FILE_EXTENSIONS = new Set([".json", ".ndjson", ".jsonl"]);

function systemProblem(e: unknown): string {
  const code = isObject(e) && typeof e.code === "string" ? e.code : "";
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    default:
      return code ? `cannot be read (${code})` : "cannot be read";
  }
}

/** Every resource in the file or folder at `path`, in file order (folders: files sorted by name). */
export function readResources(path: string): unknown[] {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    throw new InputError(path, systemProblem(e));
  }
  if (!stat.isDirectory()) return readFile(path);
  let names: string[];
  try {
    names = readdirSync(path, { recursive: true, encoding: "utf8" });
  } catch (e) {
    throw new InputError(path, systemProblem(e));
  }
  const files = names.filter((n) => FILE_EXTENSIONS.has(extname(n).toLowerCase())).sort();
  const out: unknown[] = [];
  for (const name of files) {
    const file = join(path, name);
    try {
      if (statSync(file).isDirectory()) continue;
    } catch (e) {
      throw new InputError(file, systemProblem(e));
    }
    for (const r of readFile(file)) out.push(r);
  }
  return out;
}

function readFile(file: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new InputError(file, systemProblem(e));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const ext = extname(file).toLowerCase();
  if (ext === ".ndjson" || ext === ".jsonl") return parseNdjson(file, text);
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new InputError(file, "empty file");
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (e) {
    // Several JSON objects on separate lines: NDJSON under another extension.
    if (trimmed.startsWith("{") && /\}\s*\n\s*\{/.test(trimmed)) return parseNdjson(file, text);
    throw new InputError(file, `not valid JSON${jsonPosition(trimmed, e)}`);
  }
  return resourcesOf(file, parsed);
}

/** " (line 3)" from a JSON.parse error, without quoting the text. */
function jsonPosition(text: string, e: unknown): string {
  const m = e instanceof Error ? /position (\d+)/.exec(e.message) : null;
  if (!m) return "";
  const pos = Number(m[1]);
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return ` (line ${line})`;
}

function parseNdjson(file: string, text: string): unknown[] {
  const out: unknown[] = [];
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(start, end).trim();
    start = end + 1;
    if (raw.length === 0) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new InputError(file, `line ${line} is not valid JSON`);
    }
    for (const r of resourcesOf(file, parsed, line)) out.push(r);
  }
  return out;
}

/** The resources of a parsed document: a Bundle's entries (urn:uuid references resolved) or one resource. */
function resourcesOf(file: string, doc: unknown, line?: number): unknown[] {
  const where = line === undefined ? "" : `line ${line}: `;
  if (!isObject(doc) || typeof doc.resourceType !== "string") {
    throw new InputError(file, `${where}not a FHIR resource or Bundle (no resourceType)`);
  }
  if (doc.resourceType !== "Bundle") return [doc];
  const entries = doc.entry;
  if (entries === undefined) return [];
  if (!Array.isArray(entries)) throw new InputError(file, `${where}Bundle.entry is not a list`);
  return bundleResources(entries);
}

/**
 * Entry resources, with references to urn:uuid / absolute fullUrls (transaction bundles) rewritten to
 * "Type/id" in the fields extraction reads, and ids given to resources that only have a urn:uuid fullUrl.
 */
function bundleResources(entries: unknown[]): unknown[] {
  const alias = new Map<string, string>();
  const out: unknown[] = [];
  for (const e of entries) {
    if (!isObject(e)) {
      out.push(e);
      continue;
    }
    let r = e.resource;
    if (isObject(r) && typeof r.resourceType === "string" && typeof e.fullUrl === "string") {
      const uuid = /^urn:uuid:([A-Za-z0-9\-.]{1,64})$/.exec(e.fullUrl)?.[1];
      if (typeof r.id !== "string" && uuid) r = { ...r, id: uuid };
      if (isObject(r) && typeof r.id === "string") alias.set(e.fullUrl, `${String(r.resourceType)}/${r.id}`);
    }
    if (r !== undefined) out.push(r);
  }
  if (alias.size === 0) return out;
  return out.map((r) => (isObject(r) ? rewrite(r, alias) : r));
}

function rewriteRef(ref: unknown, alias: Map<string, string>): unknown {
  if (!isObject(ref) || typeof ref.reference !== "string") return ref;
  const to = alias.get(ref.reference);
  return to ? { ...ref, reference: to } : ref;
}

function rewrite(r: Json, alias: Map<string, string>): Json {
  let copy: Json | null = null;
  for (const field of ["subject", "patient"]) {
    const next = rewriteRef(r[field], alias);
    if (next !== r[field]) {
      copy ??= { ...r };
      copy[field] = next;
    }
  }
  if (Array.isArray(r.extension)) {
    let changed = false;
    const ext = r.extension.map((x: unknown) => {
      if (!isObject(x) || !isObject(x.valueReference)) return x;
      const next = rewriteRef(x.valueReference, alias);
      if (next === x.valueReference) return x;
      changed = true;
      return { ...x, valueReference: next };
    });
    if (changed) {
      copy ??= { ...r };
      copy.extension = ext;
    }
  }
  return copy ?? r;
}
