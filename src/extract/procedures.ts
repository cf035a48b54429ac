/**
 * Spinal surgery Procedures read as evidence of the index surgery (docs/clinical-rules.md, "Time"). Only
 * Procedures whose code is in the spinal surgery table (./procedure-codes.ts) are read; any other Procedure is
 * left alone. Never throws: a malformed Procedure is skipped with a diagnostic.
 */
import type { ReadContext } from "./context";
import { codeKey, isObject, provenance, rawCodings, resourceName, type Json } from "./fhir";
import { msg } from "./messages";
import { REASON } from "./schemas";
import { spinalSurgeryCode } from "./procedure-codes";
import type { SurgeryFinding } from "./types";

/** Statuses of a surgery that began (or may have: unknown). */
const TOOK_PLACE = new Set<SurgeryFinding["status"]>(["completed", "in-progress", "on-hold", "stopped", "unknown"]);
/** Statuses of a surgery that did not take place: planned, not done, or recorded in error. */
const NOT_DONE = new Set(["preparation", "not-done", "entered-in-error"]);

/** FHIR date / dateTime (partial dates allowed; a time needs a zone). */
const DATE_RE =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d{1,9})?)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/;

function isFhirDate(x: unknown): x is string {
  return typeof x === "string" && x.length <= 40 && DATE_RE.test(x);
}

/** Reads one Procedure; null when it is no spinal surgery, did not take place, belongs to someone else or is malformed. */
export function readProcedure(raw: Json, ctx: ReadContext): SurgeryFinding | null {
  const codings = rawCodings(raw.code);
  if (codings === "malformed") {
    ctx.invalid("Procedure", raw.id, REASON.codeableConcept("code"));
    return null;
  }
  let matched: { system: string; code: string; display: string } | null = null;
  for (const c of codings) {
    const hit = spinalSurgeryCode(c.system, c.code);
    if (hit) {
      matched = { system: hit.system, code: hit.code, display: hit.display };
      break;
    }
  }
  if (!matched) return null;
  const id = typeof raw.id === "string" ? raw.id : undefined;
  if (raw.id !== undefined && id === undefined) {
    ctx.invalid("Procedure", undefined, REASON.expected("id", "string"));
    return null;
  }
  const subject = isObject(raw.subject) ? raw.subject : undefined;
  if (raw.subject !== undefined && subject === undefined) {
    ctx.invalid("Procedure", id, REASON.expected("subject", "Reference"));
    return null;
  }
  if (!ctx.belongs("Procedure", id, subject)) return null;
  const name = resourceName("Procedure", id);
  const status = raw.status;
  if (typeof status !== "string") {
    ctx.invalid("Procedure", id, REASON.expected("status", "code"));
    return null;
  }
  if (NOT_DONE.has(status) || !TOOK_PLACE.has(status as SurgeryFinding["status"])) {
    const shown = status.slice(0, 40);
    ctx.report(
      "info",
      "ignored-status",
      msg("diag.ignored-status.procedure", { label: name.param, status: shown }),
      name.text,
    );
    return null;
  }
  const period = isObject(raw.performedPeriod) ? raw.performedPeriod : null;
  const candidates = [raw.performedDateTime, period?.start, period?.end];
  let date: string | null = null;
  for (const d of candidates) {
    if (d === undefined) continue;
    if (!isFhirDate(d)) {
      ctx.invalid("Procedure", id, REASON.expected("performed[x]", "date"));
      return null;
    }
    date ??= d;
  }
  const recordDisplay = (() => {
    const cc = raw.code as Json;
    // The record's own name of the surgery first (code.text), then the matched coding's display.
    if (typeof cc.text === "string" && cc.text.trim()) return cc.text.slice(0, 200);
    const list = Array.isArray(cc.coding) ? cc.coding : [];
    for (const c of list) {
      if (isObject(c) && c.code === matched.code && typeof c.display === "string" && c.display.trim())
        return c.display.slice(0, 200);
    }
    return null;
  })();
  const display = recordDisplay ?? matched.display;
  return {
    status: status as SurgeryFinding["status"],
    date,
    display,
    provenance: provenance(name.reference, date, codeKey(matched.system, matched.code), {
      display,
    }),
  };
}
