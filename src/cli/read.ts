/**
 * Reading the CLI's input: FHIR Bundles (searchset, collection, transaction, …), single resources, NDJSON files,
 * or a folder of them. Input is read in two passes so that large files are never held as one parsed tree:
 * pass 1 finds each resource (a Bundle entry or an NDJSON line) and the patient it belongs to, keeping only its
 * offsets in the text; pass 2 (`materialize`) parses one patient's resources when that patient is scored.
 *
 * Unreadable input throws InputError naming the file and the problem. Messages never quote the file's content,
 * which may hold patient data.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { patientOf } from "../extract";
import { BundleScanner } from "./scan";

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
/** Bundles larger than this are read entry by entry, in chunks of CHUNK bytes. */
const LAZY_BYTES = 4 * 1024 * 1024;
const CHUNK = 1024 * 1024;

/** A resource left in its file: a Bundle entry ({ fullUrl, resource }) or an NDJSON line (the resource). */
class Span {
  constructor(
    readonly file: string,
    readonly start: number,
    readonly end: number,
    readonly kind: "entry" | "resource",
    /** Id given to a resource that only has a urn:uuid fullUrl. */
    readonly id: string | null,
  ) {}
}

type Item = Span | Json;

export interface PatientInput {
  /** Each patient's resources (in pass-1 form), in the order patients were first seen. */
  patients: Map<string, Item[]>;
  /** Bundle fullUrls → "Type/id", for references inside transaction Bundles. */
  alias: Map<string, string>;
}

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

function lineAt(text: string | Buffer, pos: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < pos; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** " (line 3)" from a JSON.parse error, without quoting the text. */
function jsonPosition(text: string | Buffer, e: unknown, offset = 0): string {
  const m = e instanceof Error ? /position (\d+)/.exec(e.message) : null;
  return m ? ` (line ${lineAt(text, offset + Number(m[1]))})` : "";
}



class Collector {
  readonly patients = new Map<string, Item[]>();
  readonly alias = new Map<string, string>();
  /** Resources whose subject is a urn:uuid not yet seen: resolved after pass 1. */
  private readonly pending = new Map<string, Item[]>();

  private push(map: Map<string, Item[]>, key: string, item: Item): void {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }

  add(resource: Json, item: Item): void {
    const pid = patientOf(resource, this.alias);
    if (pid !== null) {
      this.push(this.patients, pid, item);
      return;
    }
    for (const field of ["subject", "patient"]) {
      const ref = resource[field];
      if (isObject(ref) && typeof ref.reference === "string" && ref.reference.startsWith("urn:")) {
        this.push(this.pending, ref.reference, item);
        return;
      }
    }
  }

  /** A Bundle entry: its resource, with an id from a urn:uuid fullUrl when it has none. */
  entry(entry: unknown, makeItem: (resource: Json, id: string | null) => Item): void {
    if (!isObject(entry) || !isObject(entry.resource)) return;
    let resource = entry.resource;
    let id: string | null = null;
    if (typeof resource.resourceType === "string" && typeof entry.fullUrl === "string") {
      const uuid = /^urn:uuid:([A-Za-z0-9\-.]{1,64})$/.exec(entry.fullUrl)?.[1];
      if (typeof resource.id !== "string" && uuid) {
        id = uuid;
        resource = { ...resource, id };
      }
      // Only urn: fullUrls need an alias: an absolute URL already ends in Type/id.
      if (typeof resource.id === "string" && entry.fullUrl.startsWith("urn:")) {
        this.alias.set(entry.fullUrl, `${resource.resourceType}/${resource.id}`);
      }
    }
    this.add(resource, makeItem(resource, id));
  }

  finish(): PatientInput {
    for (const [ref, items] of this.pending) {
      const to = this.alias.get(ref);
      const pid = to ? patientOf({ resourceType: "Observation", subject: { reference: to } }) : null;
      if (pid !== null) for (const item of items) this.push(this.patients, pid, item);
    }
    return { patients: this.patients, alias: this.alias };
  }
}

/** Pass 1 over the file or folder at `path`. */
export function loadInput(path: string): PatientInput {
  const c = new Collector();
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    throw new InputError(path, systemProblem(e));
  }
  if (!stat.isDirectory()) {
    loadFile(path, c);
    return c.finish();
  }
  let names: string[];
  try {
    names = readdirSync(path, { recursive: true, encoding: "utf8" });
  } catch (e) {
    throw new InputError(path, systemProblem(e));
  }
  for (const name of names.filter((n) => FILE_EXTENSIONS.has(extname(n).toLowerCase())).sort()) {
    const file = join(path, name);
    try {
      if (statSync(file).isDirectory()) continue;
    } catch (e) {
      throw new InputError(file, systemProblem(e));
    }
    loadFile(file, c);
  }
  return c.finish();
}

/** The file's chunks, in order, each with its offset; an empty file gives none. */
function* chunks(file: string): Generator<[Buffer, number]> {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    throw new InputError(file, systemProblem(e));
  }
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let offset = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buf, 0, CHUNK, offset);
      } catch (e) {
        throw new InputError(file, systemProblem(e));
      }
      if (n === 0) return;
      yield [buf.subarray(0, n), offset];
      offset += n;
    }
  } finally {
    closeSync(fd);
  }
}

function loadFile(file: string, c: Collector): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new InputError(file, systemProblem(e));
  }
  const ext = extname(file).toLowerCase();
  if (ext === ".ndjson" || ext === ".jsonl") return loadNdjson(file, c);
  if (size > LAZY_BYTES && loadLargeBundle(file, c)) return;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError(file, systemProblem(e));
  }
  const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = bytes.toString("utf8", from);
  if (text.trim().length === 0) throw new InputError(file, "empty file");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    // Several JSON objects on separate lines: NDJSON under another extension.
    if (/^\s*\{/.test(text) && /\}\s*\n\s*\{/.test(text)) return loadNdjson(file, c);
    throw new InputError(file, `not valid JSON${jsonPosition(text, e)}`);
  }
  loadDocument(file, parsed, c);
}

function loadDocument(file: string, doc: unknown, c: Collector, line?: number): void {
  const where = line === undefined ? "" : `line ${line}: `;
  if (!isObject(doc) || typeof doc.resourceType !== "string") {
    throw new InputError(file, `${where}not a FHIR resource or Bundle (no resourceType)`);
  }
  if (doc.resourceType !== "Bundle") {
    c.add(doc, doc);
    return;
  }
  const entries = doc.entry;
  if (entries === undefined) return;
  if (!Array.isArray(entries)) throw new InputError(file, `${where}Bundle.entry is not a list`);
  for (const e of entries) c.entry(e, (resource) => resource);
}

/**
 * A large Bundle, entry by entry, streamed in chunks: only each entry's offsets are kept. False when the file is
 * not a plain Bundle object with an entry array (it is then parsed whole, which also names any syntax error).
 */
function loadLargeBundle(file: string, c: Collector): boolean {
  const found: [Buffer, number, number][] = [];
  const scanner = new BundleScanner((bytes, start, end) => found.push([bytes, start, end]));
  let first = true;
  for (const [chunk, offset] of chunks(file)) {
    let data = chunk;
    let at = offset;
    if (first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      data = chunk.subarray(3);
      at = 3;
    }
    first = false;
    if (!scanner.push(data, at)) return false;
    for (const [bytes, start, end] of found) {
      let entry: unknown;
      try {
        entry = JSON.parse(bytes.toString("utf8"));
      } catch {
        return false;
      }
      c.entry(entry, (_resource, id) => new Span(file, start, end, "entry", id));
    }
    found.length = 0;
  }
  const header = scanner.finish();
  if (header === null) return false;
  try {
    const doc = JSON.parse(header) as unknown;
    return isObject(doc) && doc.resourceType === "Bundle";
  } catch {
    return false;
  }
}

function isSpaceByte(b: number | undefined): boolean {
  return b === 32 || b === 10 || b === 13 || b === 9;
}

/** NDJSON, streamed line by line: only each line's offsets are kept. */
function loadNdjson(file: string, c: Collector): void {
  let line = 0;
  let carry: Buffer | null = null;
  let carryAt = 0;
  const handle = (bytes: Buffer, start: number) => {
    line++;
    let s = 0;
    let e = bytes.length;
    while (s < e && isSpaceByte(bytes[s])) s++;
    while (e > s && isSpaceByte(bytes[e - 1])) e--;
    if (line === 1 && bytes[s] === 0xef && bytes[s + 1] === 0xbb && bytes[s + 2] === 0xbf) s += 3;
    if (s === e) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString("utf8", s, e));
    } catch {
      throw new InputError(file, `line ${line} is not valid JSON`);
    }
    if (isObject(parsed) && parsed.resourceType !== "Bundle" && typeof parsed.resourceType === "string") {
      c.add(parsed, new Span(file, start + s, start + e, "resource", null));
    } else loadDocument(file, parsed, c, line);
  };
  for (const [chunk, offset] of chunks(file)) {
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl >= 0; nl = chunk.indexOf(10, from)) {
      if (carry) {
        handle(Buffer.concat([carry, chunk.subarray(0, nl)]), carryAt);
        carry = null;
      } else handle(chunk.subarray(from, nl), offset + from);
      from = nl + 1;
    }
    if (from < chunk.length) {
      const rest = Buffer.from(chunk.subarray(from));
      if (carry) carry = Buffer.concat([carry, rest]);
      else {
        carry = rest;
        carryAt = offset + from;
      }
    }
  }
  if (carry) handle(carry, carryAt);
}

/** Pass 2: one patient's resources, parsed, with Bundle references to urn:uuid fullUrls rewritten to "Type/id". */
export function materialize(items: readonly Item[], alias: ReadonlyMap<string, string>): unknown[] {
  const out: unknown[] = [];
  const fds = new Map<string, number>();
  try {
    for (const item of items) out.push(materializeOne(item, alias, fds));
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
  return out;
}

function readSpan(span: Span, fds: Map<string, number>): string {
  let fd = fds.get(span.file);
  if (fd === undefined) {
    fd = openSync(span.file, "r");
    fds.set(span.file, fd);
  }
  const buf = Buffer.allocUnsafe(span.end - span.start);
  let got = 0;
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, span.start + got);
    if (n === 0) break;
    got += n;
  }
  return buf.toString("utf8", 0, got);
}

function materializeOne(item: Item, alias: ReadonlyMap<string, string>, fds: Map<string, number>): unknown {
  {
    let r: unknown = item;
    if (item instanceof Span) {
      const parsed = JSON.parse(readSpan(item, fds)) as unknown;
      r = item.kind === "entry" && isObject(parsed) ? parsed.resource : parsed;
      if (item.id !== null && isObject(r)) r = { ...r, id: item.id };
    }
    return isObject(r) && alias.size > 0 ? rewrite(r, alias) : r;
  }
}

/** Every resource of the input, parsed (small inputs and tests). */
export function readResources(path: string): unknown[] {
  const input = loadInput(path);
  return [...input.patients.values()].flatMap((items) => materialize(items, input.alias));
}

function rewriteRef(ref: unknown, alias: ReadonlyMap<string, string>): unknown {
  if (!isObject(ref) || typeof ref.reference !== "string") return ref;
  const to = alias.get(ref.reference);
  return to ? { ...ref, reference: to } : ref;
}

function rewrite(r: Json, alias: ReadonlyMap<string, string>): Json {
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
