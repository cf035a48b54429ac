/** Small, total helpers over raw FHIR JSON (unknown input): nothing here throws. */
import type { Diagnostic, DiagnosticSeverity, Provenance } from "../report/types";
import type { CoreMessage, CoreParam } from "../scores";
import { SPINAL_LEVELS, type SpinalLevel } from "../scores/types";
import { msg, type ProvenanceNote } from "./messages";

export type Json = Record<string, unknown>;

export function isObject(x: unknown): x is Json {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

const MAX_LABEL = 80;

/** "Observation/123" for messages and Provenance; long ids are cut so that a huge string cannot flood a report. */
export function resourceLabel(type: string, id: unknown): string {
  const t = type.length > 40 ? `${type.slice(0, 40)}…` : type;
  if (typeof id !== "string" || id.length === 0) return `${t} (no id)`;
  return `${t}/${id.length > MAX_LABEL ? `${id.slice(0, MAX_LABEL)}…` : id}`;
}

/** resourceLabel as a message parameter: the label, or "Type (no id)" as a phrase. */
export function labelParam(type: string, id: unknown): CoreParam {
  if (typeof id === "string" && id.length > 0) return resourceLabel(type, id);
  const label = resourceLabel(type, id);
  return msg("term.resource-no-id", { type: label.slice(0, label.length - " (no id)".length) });
}

/** The reference for Provenance: "Type/id", or null when the resource has no id. */
export function resourceReference(type: string, id: string | undefined): string | null {
  return id ? `${type}/${id}` : null;
}

/** How messages and Provenance name one resource: its label, the label as a message parameter, its reference. */
export interface ResourceName {
  text: string;
  param: CoreParam;
  reference: string | null;
}

export function resourceName(type: string, id: string | undefined): ResourceName {
  return { text: resourceLabel(type, id), param: labelParam(type, id), reference: resourceReference(type, id) };
}

/** A Diagnostic: its stable code and its message ({ code, params } of CORE_MESSAGE_CODES). */
export function diagnostic(
  severity: DiagnosticSeverity,
  code: string,
  message: CoreMessage,
  resource?: string,
): Diagnostic {
  return resource === undefined ? { severity, code, message } : { severity, code, message, resource };
}

/** FHIR resource ids: [A-Za-z0-9\-.]{1,64}. */
const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * The Patient id a reference points to: "Patient/123", "http://x/fhir/Patient/123", "Patient/123/_history/2".
 * Null for anything else (another resource type, a contained or logical reference).
 */
export function patientIdOf(reference: string): string | null {
  if (reference.length > 4096) return null;
  // Fast path for the common relative form "Patient/123" (no other slash): the same answer as the regex.
  if (reference.startsWith("Patient/") && reference.indexOf("/", 8) < 0) {
    const id = reference.slice(8);
    return ID_RE.test(id) ? id : null;
  }
  const m = /(?:^|\/)Patient\/([^/]+)(?:\/_history\/[^/]*)?$/.exec(reference);
  const id = m?.[1];
  return id !== undefined && ID_RE.test(id) ? id : null;
}

/** The subject (or patient) reference string of a raw resource, if any. */
export function subjectReference(resource: Json): string | null {
  // Two named reads rather than a loop over the field names: this runs on every resource of a Bundle, and a
  // property read by a variable key cannot use V8's per-site property caches.
  const subject = resource.subject;
  if (isObject(subject) && typeof subject.reference === "string") return subject.reference;
  const patient = resource.patient;
  if (isObject(patient) && typeof patient.reference === "string") return patient.reference;
  return null;
}

/** The calendar day (YYYY-MM-DD, as written) of a FHIR date, or the partial date itself ("2024", "2024-05"). */
export function dayOf(date: string | null | undefined): string | null {
  if (!date) return null;
  return date.length >= 10 ? date.slice(0, 10) : date;
}

/** "system|code" for Provenance. */
export function codeKey(system: string | undefined, code: string | undefined): string | null {
  if (!code) return null;
  return system ? `${system}|${code}` : code;
}

export function provenance(
  reference: string | null,
  date: string | null,
  code: string | null,
  extra: { display?: string | null; author?: string | null; note?: ProvenanceNote | null } = {},
): Provenance {
  const p: Provenance = { reference, date, code };
  if (extra.display) p.display = extra.display;
  if (extra.author) p.author = extra.author;
  if (extra.note) p.note = extra.note;
  return p;
}

/**
 * Raw codings of a CodeableConcept-shaped value, for a cheap relevance check before full validation.
 * "malformed" when the value is present but not a CodeableConcept.
 */
export function rawCodings(cc: unknown): { system: string; code: string }[] | "malformed" {
  if (cc === undefined) return [];
  if (!isObject(cc)) return "malformed";
  const coding = cc.coding;
  if (coding === undefined) return [];
  if (!Array.isArray(coding)) return "malformed";
  const out: { system: string; code: string }[] = [];
  for (const c of coding) {
    if (!isObject(c)) return "malformed";
    const { system, code } = c;
    if ((system !== undefined && typeof system !== "string") || (code !== undefined && typeof code !== "string")) {
      return "malformed";
    }
    if (typeof system === "string" && typeof code === "string" && code.length <= 256 && system.length <= 1024) {
      out.push({ system, code });
    }
  }
  return out;
}

/** The levels of a set, cranial to caudal; none or one (the usual case) without a walk of the 31 levels. */
export function inLevelOrder(set: ReadonlySet<SpinalLevel>): SpinalLevel[] {
  if (set.size <= 1) return [...set];
  return SPINAL_LEVELS.filter((l) => set.has(l));
}
