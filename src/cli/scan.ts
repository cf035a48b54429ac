/**
 * A streaming scanner for the elements of a Bundle's top-level "entry" array: fed the file chunk by chunk, it
 * hands over each entry's bytes and absolute offsets, and keeps the rest of the document (the "header") to be
 * checked at the end. A large Bundle is thus never held whole in memory. It works on UTF-8 bytes: every
 * structural character of JSON is ASCII and no byte of a multi-byte character is below 0x80.
 */

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export type EntryHandler = (bytes: Buffer, start: number, end: number) => void;

export class BundleScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Key bytes of a depth-1 string (short keys only), and whether it may be a key. */
  private key: number[] = [];
  private keyCandidate = false;
  private pendingKey: string | null = null;
  private lastKey: string | null = null;
  private inEntries = false;
  private started = false;
  private done = false;
  private failed = false;
  private elemStart = -1;
  private elemParts: Buffer[] = [];
  private lastNonWs = -1;
  private header: Buffer[] = [];
  private headerFrom = 0;
  /** header[0 .. splitAt) precede the entry array, header[splitAt ..] follow it. */
  private splitAt = -1;
  arrayStart = -1;
  arrayEnd = -1;

  constructor(private readonly onEntry: EntryHandler) {}

  /** Feeds the next chunk (`offset` = its position in the file). False once the input is not understood. */
  push(chunk: Buffer, offset: number): boolean {
    if (this.failed) return false;
    const n = chunk.length;
    this.headerFrom = 0;
    for (let i = 0; i < n; i++) {
      const c = chunk[i] ?? 0;
      const at = offset + i;
      if (this.done) {
        if (!isWs(c)) return this.fail();
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) {
          this.inString = false;
          if (this.keyCandidate) this.pendingKey = this.key.length <= 16 ? String.fromCharCode(...this.key) : "";
          this.keyCandidate = false;
        } else if (this.keyCandidate && this.key.length <= 16) this.key.push(c);
        if (this.inEntries && this.depth >= 2) this.lastNonWs = at;
        continue;
      }
      if (isWs(c)) continue;
      if (!this.started) {
        if (c !== 123) return this.fail();
        this.started = true;
      }
      if (this.inEntries && this.depth === 2) {
        if (c === 44 || c === 93) {
          if (this.elemStart >= 0) this.emit(chunk, offset);
          else if (c === 44) return this.fail();
          if (c === 93) {
            this.inEntries = false;
            this.arrayEnd = at + 1;
            this.headerFrom = i + 1;
            this.depth--;
            continue;
          }
          continue;
        }
        if (this.elemStart < 0) {
          this.elemStart = at;
          this.elemParts = [];
        }
      }
      if (this.inEntries && this.depth >= 2) this.lastNonWs = at;
      if (c === 34) {
        this.inString = true;
        this.keyCandidate = this.depth === 1;
        this.key = [];
        continue;
      }
      if (c === 58) {
        if (this.depth === 1) this.lastKey = this.pendingKey;
        this.pendingKey = null;
        continue;
      }
      this.pendingKey = null;
      if (c === 123 || c === 91) {
        if (this.depth === 1 && c === 91 && this.lastKey === "entry" && this.arrayStart < 0) {
          this.inEntries = true;
          this.arrayStart = at;
          this.header.push(Buffer.from(chunk.subarray(this.headerFrom, i)));
          this.splitAt = this.header.length;
          this.depth++;
          this.lastKey = null;
          continue;
        }
        if (this.depth === 1) this.lastKey = null;
        this.depth++;
      } else if (c === 125 || c === 93) {
        this.depth--;
        if (this.depth < 0) return this.fail();
        if (this.depth === 0) this.done = true;
      } else if (c === 44) {
        if (this.depth === 1) this.lastKey = null;
      } else if (this.depth === 1) this.lastKey = null;
    }
    if (this.inEntries && this.elemStart >= 0) {
      const from = Math.max(0, this.elemStart - offset);
      this.elemParts.push(Buffer.from(chunk.subarray(from)));
    }
    if (!this.inEntries) this.header.push(Buffer.from(chunk.subarray(this.headerFrom)));
    return true;
  }

  private emit(chunk: Buffer, offset: number): void {
    const end = this.lastNonWs + 1;
    const from = Math.max(0, this.elemStart - offset);
    const tail = chunk.subarray(from, Math.max(from, end - offset));
    const bytes = this.elemParts.length > 0 ? Buffer.concat([...this.elemParts, tail]) : tail;
    this.onEntry(bytes.subarray(0, end - this.elemStart), this.elemStart, end);
    this.elemStart = -1;
    this.elemParts = [];
  }

  private fail(): false {
    this.failed = true;
    return false;
  }

  /** The document without its entries ("entry": []), when the whole input was a plain object with an entry array. */
  finish(): string | null {
    if (this.failed || !this.done || this.inString || this.arrayStart < 0 || this.arrayEnd < 0) return null;
    const parts = this.header;
    return `${Buffer.concat(parts.slice(0, this.splitAt)).toString("utf8")}[]${Buffer.concat(parts.slice(this.splitAt)).toString("utf8")}`;
  }
}
