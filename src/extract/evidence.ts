/** extractEvidence: one patient's resources → PatientEvidence (typed, with Provenance and Diagnostics). */
import { readCondition } from "./conditions";
import { ReadContext } from "./context";
import { isObject, labelParam, type Json } from "./fhir";
import { looksLikePatient } from "./guards";
import { readObservation } from "./observations";
import { readProcedure } from "./procedures";
import { readQuestionnaireResponse } from "./questionnaires";
import { checkedResource, patientSchema, REASON, type PatientData } from "./schemas";
import { msg } from "./messages";
import type { CoreParam } from "../scores";
import type { PatientEvidence, PatientFacts } from "./types";

/**
 * Reads every resource about the patient. Never throws: a value that is not a resource, or a resource whose
 * used fields are malformed, is skipped with a Diagnostic naming it, the path and the reason.
 */
export function extractEvidence(resources: Iterable<unknown>, patientId: string): PatientEvidence {
  const ctx = new ReadContext(patientId);
  const evidence: PatientEvidence = {
    patientId,
    patient: { found: false, birthDate: null, sex: null, name: null, mrn: null },
    measurements: [],
    spinalLesions: [],
    extraspinalFoci: [],
    unlocatedBoneMets: [],
    visceral: [],
    primaries: [],
    questionnaires: [],
    surgeries: [],
    diagnostics: ctx.diagnostics,
  };
  // Any iterable but a string: the CLI hands over one resource at a time, parsed only then, so that a long
  // chart is never held parsed whole.
  const list: Iterable<unknown> = isResourceList(resources) ? resources : [];
  let i = -1;
  for (const raw of list) {
    i++;
    try {
      readOne(raw, i, ctx, evidence);
    } catch {
      // Defensive: a reader must never stop the report. Reaching this is a bug; the resource is named.
      ctx.report("error", "internal", msg("diag.internal", { entry: entryParam(raw, i) }));
    }
  }
  if (!evidence.patient.found) {
    ctx.report("warning", "patient-not-found", msg("diag.patient-not-found"));
  }
  return evidence;
}

function isResourceList(x: unknown): x is Iterable<unknown> {
  return (
    Array.isArray(x) ||
    (typeof x === "object" &&
      x !== null &&
      typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function")
  );
}

function entryParam(raw: unknown, index: number): CoreParam {
  if (isObject(raw) && typeof raw.resourceType === "string") return labelParam(raw.resourceType, raw.id);
  return msg("term.entry", { n: index + 1 });
}

const RESOURCE_TYPE_RE = /^[A-Z][A-Za-z]{1,63}$/;

/** The resource types read, each with its reader and where its finding goes; other types are left alone. */
const READERS = new Map<string, (raw: Json, ctx: ReadContext, ev: PatientEvidence) => void>([
  ["Observation", (raw, ctx, ev) => push(ev.measurements, readObservation(raw, ctx))],
  ["Condition", readCondition],
  ["QuestionnaireResponse", (raw, ctx, ev) => push(ev.questionnaires, readQuestionnaireResponse(raw, ctx))],
  ["Patient", readPatient],
  ["Procedure", readSurgery],
]);

function push<T>(list: T[], finding: T | null): void {
  if (finding) list.push(finding);
}

/** A spinal surgery Procedure; the list of surgeries exists only once one is on file. */
function readSurgery(raw: Json, ctx: ReadContext, ev: PatientEvidence): void {
  const surgery = readProcedure(raw, ctx);
  if (surgery) (ev.surgeries ??= []).push(surgery);
}

function readOne(raw: unknown, index: number, ctx: ReadContext, ev: PatientEvidence): void {
  if (!isObject(raw)) {
    const kind = raw === null ? "null" : Array.isArray(raw) ? "an array" : typeof raw;
    ctx.report("warning", "invalid-resource", msg("diag.invalid-resource.not-object", { n: index + 1, kind }));
    return;
  }
  const type = raw.resourceType;
  if (typeof type !== "string") {
    reportNoType(index, ctx);
    return;
  }
  // The types read are matched first: they are well-formed by definition, so only other types meet the regex.
  const read = READERS.get(type);
  if (read) read(raw, ctx, ev);
  else if (!RESOURCE_TYPE_RE.test(type)) reportNoType(index, ctx);
}

function reportNoType(index: number, ctx: ReadContext): void {
  ctx.report("warning", "invalid-resource", msg("diag.invalid-resource.no-type", { n: index + 1 }));
}

function readPatient(raw: Json, ctx: ReadContext, ev: PatientEvidence): void {
  if (raw.id !== ev.patientId) {
    if (typeof raw.id !== "string" && raw.id !== undefined)
      ctx.invalid("Patient", undefined, REASON.expected("id", "string"));
    return;
  }
  const patient = checkedResource("Patient", raw, looksLikePatient, patientSchema, ctx);
  if (patient) ev.patient = patientFacts(patient);
}

const MRN = "MR";

/** `[...given, family].join(" ").trim()`, without the list. */
function givenAndFamily(given: readonly string[] | undefined, family: string): string {
  return (given === undefined || given.length === 0 ? family : `${given.join(" ")} ${family}`).trim();
}

function patientFacts(p: PatientData): PatientFacts {
  const name = p.name?.[0];
  const nameText = name ? (name.text ?? givenAndFamily(name.given, name.family ?? "")) : "";
  const mrn =
    p.identifier === undefined
      ? null
      : (p.identifier.find((i) => i.type?.coding?.some((c) => c.code === MRN))?.value ?? null);
  return {
    found: true,
    birthDate: p.birthDate ?? null,
    sex: p.gender ?? null,
    name: nameText ? nameText.slice(0, 200) : null,
    mrn: mrn ? mrn.slice(0, 100) : null,
  };
}
