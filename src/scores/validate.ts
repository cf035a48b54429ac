/**
 * Entry checks shared by the calculators. Malformed arguments are refused here, at the entry, with a
 * ScoreInputError naming the field; nothing is coerced ("5" is not 5, "Lytic" is not "lytic").
 */
import { ScoreInputError } from "./types";

/** A short, bounded rendering of a refused value for the error message. */
export function describeValue(x: unknown): string {
  let s: string;
  if (typeof x === "string") s = JSON.stringify(x);
  else if (typeof x === "number" || typeof x === "boolean" || typeof x === "bigint") s = String(x);
  else if (x === null) s = "null";
  else if (x === undefined) s = "undefined";
  else if (Array.isArray(x)) s = "a list";
  else if (typeof x === "object") s = "an object";
  else s = `a ${typeof x}`;
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** A plain object (not null, not a list). */
export function requireRecord(field: string, x: unknown): Record<string, unknown> {
  if (typeof x !== "object" || x === null || Array.isArray(x)) {
    throw new ScoreInputError(field, `expected an object, got ${describeValue(x)}`);
  }
  return x as Record<string, unknown>;
}

/** Refuses keys that are not fields of the input (a misspelt "locaton" would otherwise be silently unknown). */
export function refuseUnknownKeys(field: string, obj: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      throw new ScoreInputError(key, `not a field of ${field} (expected one of: ${allowed.join(", ")})`);
    }
  }
}

/**
 * Candidates of one item: undefined / null / [] = unknown (returned as []); a value or a list of values of
 * the domain = those values, without duplicates, in domain order. `refuse` may give a specific message for
 * a value that looks plausible but is not scoreable (e.g. the coccyx as a SINS location).
 */
export function parseCandidates<V extends string>(
  field: string,
  raw: unknown,
  domain: readonly V[],
  refuse?: (value: string) => string | null,
): V[] {
  if (raw === undefined || raw === null) return [];
  const list: readonly unknown[] = Array.isArray(raw) ? raw : typeof raw === "string" ? [raw] : [raw];
  if (!Array.isArray(raw) && typeof raw !== "string") {
    throw new ScoreInputError(field, `expected a value, a list of values or nothing; got ${describeValue(raw)}`);
  }
  const seen = new Set<V>();
  for (const v of list) {
    if (typeof v === "string") {
      const special = refuse?.(v);
      if (special) throw new ScoreInputError(field, special);
      if ((domain as readonly string[]).includes(v)) {
        seen.add(v as V);
        continue;
      }
    }
    throw new ScoreInputError(field, `unknown value ${describeValue(v)} (expected one of: ${domain.join(", ")})`);
  }
  // None or one value (nearly every item of a report): already in domain order, no need to walk the domain.
  if (seen.size <= 1) return [...seen];
  return domain.filter((v) => seen.has(v));
}

/** An integer in [min, max]. */
export function requireInteger(field: string, x: unknown, min: number, max: number): number {
  if (typeof x !== "number" || !Number.isInteger(x) || x < min || x > max) {
    throw new ScoreInputError(field, `expected an integer from ${min} to ${max}, got ${describeValue(x)}`);
  }
  return x;
}

/** A finite number in [min, max]. */
export function requireNumber(field: string, x: unknown, min: number, max: number): number {
  if (typeof x !== "number" || !Number.isFinite(x) || x < min || x > max) {
    throw new ScoreInputError(field, `expected a number from ${min} to ${max}, got ${describeValue(x)}`);
  }
  return x;
}

/** A boolean. */
export function requireBoolean(field: string, x: unknown): boolean {
  if (typeof x !== "boolean") throw new ScoreInputError(field, `expected true or false, got ${describeValue(x)}`);
  return x;
}
