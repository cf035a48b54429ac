/**
 * Date shifting for synthetic bundles. A bundle tagged with SHIFT_TAG has its clinical dates written relative to
 * `Bundle.timestamp` (the "anchor"); on load the sandbox moves every full date by the whole days between the anchor
 * and today, so the data stay recent and every age stays what the bundle says (a 19-year-old remains 19).
 */
import type { Bundle } from "fhir/r4";

export const SANDBOX_SYSTEM = "https://spine-met-qol.example.org/sandbox";
export const SHIFT_TAG = {
  system: SANDBOX_SYSTEM,
  code: "shift-dates",
  display: "Dates are relative to Bundle.timestamp",
};

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(T[0-9:.]+(?:Z|[+-]\d{2}:\d{2}))?$/;
const DAY_MS = 86_400_000;

/** Whole UTC days from `from` (YYYY-MM-DD…) to `to`. */
export function daysBetween(from: string, to: Date): number {
  const m = DATE_RE.exec(from);
  if (!m) throw new Error(`not a date: ${from}`);
  const a = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const b = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  return Math.round((b - a) / DAY_MS);
}

/** Moves a FHIR date/dateTime/instant string by `days`; other strings are returned unchanged. */
export function shiftDateString(value: string, days: number): string {
  const m = DATE_RE.exec(value);
  if (!m || days === 0) return value;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + days * DAY_MS);
  const ymd = `${String(d.getUTCFullYear()).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
  return ymd + (m[4] ?? "");
}

function shiftDeep(value: unknown, days: number): unknown {
  if (typeof value === "string") return shiftDateString(value, days);
  if (Array.isArray(value)) return value.map((v) => shiftDeep(v, days));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // Identifiers, codes and references never carry clinical dates.
      out[k] = k === "identifier" || k === "reference" || k === "code" || k === "system" ? v : shiftDeep(v, days);
    }
    return out;
  }
  return value;
}

function isShiftable(bundle: Bundle): boolean {
  return Boolean(
    bundle.timestamp && bundle.meta?.tag?.some((t) => t.system === SHIFT_TAG.system && t.code === SHIFT_TAG.code),
  );
}

/** A copy of the bundle with its dates moved so that the anchor falls on `today`; untagged bundles are returned as they are. */
export function shiftBundle(bundle: Bundle, today: Date): { bundle: Bundle; days: number } {
  if (!isShiftable(bundle) || !bundle.timestamp) return { bundle, days: 0 };
  const days = daysBetween(bundle.timestamp, today);
  const entry = bundle.entry?.map((e) =>
    e.resource ? { ...e, resource: shiftDeep(e.resource, days) as typeof e.resource } : e,
  );
  return { bundle: { ...bundle, ...(entry ? { entry } : {}) }, days };
}
