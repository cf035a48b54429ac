/**
 * Reading the CLI's input: FHIR Bundles (searchset, collection, transaction, …), single resources, NDJSON files,
 * or a folder of them. Input is read in two passes so that large files are never held as one parsed tree:
 * pass 1 finds each resource (a Bundle entry or an NDJSON line) and the patient it belongs to, keeping only its
 * offsets in the text; pass 2 (`materialize`) parses one patient's resources when that patient is scored.
 *
 * Unreadable input throws InputError naming the file and the problem. Messages never quote the file's content,
 * which may hold patient data.
 *
 * A folder is walked with lstat: symbolic links to folders are never followed (so a link loop cannot recur),
 * a link to a file is read only when it resolves to a regular file, a file reached twice is read once, and
 * named pipes, sockets and devices are never opened. Every file is opened non-blocking and checked with fstat
 * before a byte is read, and read at most `maxFileBytes` (by its size, and again while reading: a file may
 * grow, and /proc files say 0). Whatever is left out is listed in `PatientInput.skipped` (path and reason);
 * the rest is read. Named as the input itself, such a file is an InputError instead.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from "node:fs";
import { extname, join } from "node:path";
import { patientOf } from "../extract";
import { isObject, type Json } from "../extract/fhir";
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

/** A file or folder of a folder left out, and why (one line on the CLI's stderr). */
interface Skip {
  path: string;
  reason: string;
}

/** Why a file of a folder is left out; named as the input itself, it becomes an InputError. */
class SkipError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "SkipError";
  }
}

export interface LoadOptions {
  /** Bytes read from one file at most (by its size and while reading); default DEFAULT_MAX_FILE_BYTES. */
  maxFileBytes?: number;
}

/** 512 MiB: a larger file is left out (`--max-file-bytes` to change it). */
export const DEFAULT_MAX_FILE_BYTES = 512 * 1024 * 1024;

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
  /** What a folder held that was not read (in the order of the paths), each with the reason. */
  skipped: Skip[];
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
    case "ELOOP":
      return "a symbolic link loop";
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
  /** While a file is read: how to take back what it added, should it be left out half-way. */
  private undo: {
    lengths: Map<Item[], number>;
    created: [Map<string, Item[]>, string][];
    aliases: Map<string, string | undefined>;
  } | null = null;

  private push(map: Map<string, Item[]>, key: string, item: Item): void {
    const list = map.get(key);
    if (list) {
      if (this.undo && !this.undo.lengths.has(list)) this.undo.lengths.set(list, list.length);
      list.push(item);
    } else {
      map.set(key, [item]);
      this.undo?.created.push([map, key]);
    }
  }

  private setAlias(fullUrl: string, to: string): void {
    if (this.undo && !this.undo.aliases.has(fullUrl)) this.undo.aliases.set(fullUrl, this.alias.get(fullUrl));
    this.alias.set(fullUrl, to);
  }

  /** Starts a file: what it adds can be taken back until `commit`. */
  begin(): void {
    this.undo = { lengths: new Map(), created: [], aliases: new Map() };
  }

  commit(): void {
    this.undo = null;
  }

  /** Takes back everything added since `begin` (a file left out part-way through). */
  rollback(): void {
    const undo = this.undo;
    if (undo === null) return;
    for (const [list, length] of undo.lengths) list.length = length;
    for (const [map, key] of undo.created) map.delete(key);
    for (const [url, before] of undo.aliases) {
      if (before === undefined) this.alias.delete(url);
      else this.alias.set(url, before);
    }
    this.begin();
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
    const type = resource.resourceType;
    if (typeof type === "string" && typeof entry.fullUrl === "string") {
      const uuid = /^urn:uuid:([A-Za-z0-9\-.]{1,64})$/.exec(entry.fullUrl)?.[1];
      if (typeof resource.id !== "string" && uuid) {
        id = uuid;
        resource = { ...resource, id };
      }
      // Only urn: fullUrls need an alias: an absolute URL already ends in Type/id.
      if (typeof resource.id === "string" && entry.fullUrl.startsWith("urn:")) {
        this.setAlias(entry.fullUrl, `${type}/${resource.id}`);
      }
    }
    this.add(resource, makeItem(resource, id));
  }

  finish(skipped: Skip[] = []): PatientInput {
    this.undo = null;
    for (const [ref, items] of this.pending) {
      const to = this.alias.get(ref);
      const pid = to ? patientOf({ resourceType: "Observation", subject: { reference: to } }) : null;
      if (pid !== null) for (const item of items) this.push(this.patients, pid, item);
    }
    return { patients: this.patients, alias: this.alias, skipped };
  }
}

/** Pass 1 over the file or folder at `path`. */
export function loadInput(path: string, options: LoadOptions = {}): PatientInput {
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const c = new Collector();
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    throw new InputError(path, systemProblem(e));
  }
  if (!stat.isDirectory()) {
    // Named as the input: read even without a known extension, but never a pipe or a device.
    try {
      if (!stat.isFile()) throw new SkipError(notRegular(stat));
      loadFile(path, c, max);
    } catch (e) {
      if (e instanceof SkipError) throw new InputError(path, e.reason);
      throw e;
    }
    return c.finish();
  }
  const skipped: { rel: string; skip: Skip }[] = [];
  const skip = (rel: string, path: string, reason: string): void => {
    skipped.push({ rel, skip: { path, reason } });
  };
  const files = walk(path, skip);
  // A file reached twice (through a link, or two links) is read once: under its own name when it is in the folder.
  const owner = new Map<string, string>();
  const real = new Map<string, string>();
  for (const f of [...files.filter((x) => !x.link), ...files.filter((x) => x.link)]) {
    try {
      const r = realpathSync(f.path);
      real.set(f.path, r);
      if (!owner.has(r)) owner.set(r, f.path);
    } catch (e) {
      skip(f.rel, f.path, systemProblem(e));
    }
  }
  for (const f of files) {
    const r = real.get(f.path);
    if (r === undefined) continue;
    const first = owner.get(r);
    if (first !== f.path) {
      skip(f.rel, f.path, `the same file as ${first ?? r}`);
      continue;
    }
    c.begin();
    try {
      loadFile(f.path, c, max);
      c.commit();
    } catch (e) {
      if (!(e instanceof SkipError)) throw e;
      c.rollback();
      c.commit();
      skip(f.rel, f.path, e.reason);
    }
  }
  skipped.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return c.finish(skipped.map((s) => s.skip));
}

function notRegular(stat: Stats): string {
  if (stat.isFIFO()) return "not a regular file (a named pipe)";
  if (stat.isSocket()) return "not a regular file (a socket)";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "not a regular file (a device)";
  return "not a regular file";
}

interface FoundFile {
  /** Path relative to the folder (the order files are read in). */
  rel: string;
  path: string;
  /** Reached through a symbolic link. */
  link: boolean;
}

/**
 * The input files of a folder and its subfolders, sorted by relative path. lstat decides: a real folder is
 * entered (each real path once), a link to a folder never is; a link to a file counts when it resolves to a
 * regular file; pipes, sockets and devices with an input extension are reported, never opened.
 */
function walk(root: string, skip: (rel: string, path: string, reason: string) => void): FoundFile[] {
  const out: FoundFile[] = [];
  const entered = new Set<string>();
  const visit = (dir: string, rel: string): void => {
    let names: string[];
    try {
      const real = realpathSync(dir);
      if (entered.has(real)) {
        skip(rel, dir, "a folder already read");
        return;
      }
      entered.add(real);
      names = readdirSync(dir, { encoding: "utf8" });
    } catch (e) {
      if (rel === "") throw new InputError(dir, systemProblem(e));
      skip(rel, dir, systemProblem(e));
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const r = rel === "" ? name : join(rel, name);
      const input = FILE_EXTENSIONS.has(extname(name).toLowerCase());
      let st: Stats;
      try {
        st = lstatSync(path);
      } catch (e) {
        if (input) skip(r, path, systemProblem(e));
        continue;
      }
      if (st.isDirectory()) {
        visit(path, r);
        continue;
      }
      if (st.isSymbolicLink()) {
        let target: Stats;
        try {
          target = statSync(path);
        } catch (e) {
          const code = isObject(e) ? e.code : undefined;
          if (input || code === "ELOOP") skip(r, path, code === "ENOENT" ? "a broken symbolic link" : systemProblem(e));
          continue;
        }
        if (target.isDirectory()) skip(r, path, "a symbolic link to a folder (not followed)");
        else if (!input) continue;
        else if (!target.isFile()) skip(r, path, notRegular(target));
        else out.push({ rel: r, path, link: true });
        continue;
      }
      if (!input) continue;
      if (!st.isFile()) skip(r, path, notRegular(st));
      else out.push({ rel: r, path, link: false });
    }
  };
  visit(root, "");
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/**
 * Opens a file for reading without blocking (a named pipe would wait for a writer) and checks with fstat, on
 * the descriptor itself, that it is a regular file: the path may have changed since it was listed.
 */
function openRegular(file: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new InputError(file, systemProblem(e));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new SkipError(notRegular(st));
    return { fd, size: st.size };
  } catch (e) {
    closeSync(fd);
    if (e instanceof SkipError) throw e;
    throw new InputError(file, systemProblem(e));
  }
}

function overLimit(size: number, max: number): string {
  return `${size} bytes, over the limit of ${max} bytes (--max-file-bytes)`;
}

/** The file's chunks, in order, each with its offset; an empty file gives none. More than `max` bytes: a SkipError. */
function* chunks(fd: number, file: string, max: number): Generator<[Buffer, number]> {
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
    if (offset + n > max) throw new SkipError(`more than the limit of ${max} bytes while reading (--max-file-bytes)`);
    yield [buf.subarray(0, n), offset];
    offset += n;
  }
}

/** The whole file (at most `max` bytes). */
function readAll(fd: number, file: string, max: number): Buffer {
  const parts: Buffer[] = [];
  for (const [chunk] of chunks(fd, file, max)) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

function loadFile(file: string, c: Collector, max: number): void {
  const { fd, size } = openRegular(file);
  try {
    if (size > max) throw new SkipError(overLimit(size, max));
    const ext = extname(file).toLowerCase();
    if (ext === ".ndjson" || ext === ".jsonl") return loadNdjson(fd, file, c, max);
    if (size > LAZY_BYTES) {
      c.begin();
      if (loadLargeBundle(fd, file, c, max)) return;
      c.rollback(); // what the scanner found before it gave up is read again below
    }
    const bytes = readAll(fd, file, max);
    const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const text = bytes.toString("utf8", from);
    if (text.trim().length === 0) throw new InputError(file, "empty file");
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      // Several JSON objects on separate lines: NDJSON under another extension.
      if (/^\s*\{/.test(text) && /\}\s*\n\s*\{/.test(text)) return loadNdjson(fd, file, c, max);
      throw new InputError(file, `not valid JSON${jsonPosition(text, e)}`);
    }
    loadDocument(file, parsed, c);
  } finally {
    closeSync(fd);
  }
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
function loadLargeBundle(fd: number, file: string, c: Collector, max: number): boolean {
  const found: [Buffer, number, number][] = [];
  const scanner = new BundleScanner((bytes, start, end) => found.push([bytes, start, end]));
  let first = true;
  for (const [chunk, offset] of chunks(fd, file, max)) {
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
function loadNdjson(fd: number, file: string, c: Collector, max: number): void {
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
  for (const [chunk, offset] of chunks(fd, file, max)) {
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
  return [...eachResource(items, alias)];
}

/**
 * Pass 2 one resource at a time: each is parsed when asked for and can be let go right after (extraction keeps
 * what it reads, not the resource), so a patient with a million Observations is never held parsed whole.
 */
export function* eachResource(items: readonly Item[], alias: ReadonlyMap<string, string>): Generator<unknown> {
  const fds = new Map<string, number>();
  try {
    for (const item of items) yield materializeOne(item, alias, fds);
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
}

function readSpan(span: Span, fds: Map<string, number>): string {
  let fd = fds.get(span.file);
  if (fd === undefined) {
    try {
      fd = openRegular(span.file).fd;
    } catch (e) {
      throw e instanceof SkipError ? new InputError(span.file, e.reason) : e;
    }
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
export function readResources(path: string, options: LoadOptions = {}): unknown[] {
  const input = loadInput(path, options);
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
