/** QOL timepoints from Observations (timepoint "other", one per day) and from the app's QuestionnaireResponses. */
import type { Diagnostic, Eq5dValue, Provenance, QolConflict, QolTimepoint, QolTimepointKind } from "../report/types";
import { coreList, eq5d5lIndex, type FrankelGrade } from "../scores";
import { dayOf } from "./fhir";
import { addNote, conceptTerm, msg, provenanceNotes, refParam, withNotes, type ProvenanceNote } from "./messages";
import { pickNamed, withMore } from "./plan";
import type { Measurement, ObservationConcept, PatientEvidence, QuestionnaireFinding } from "./types";

type NumericField = "eqVas" | "painVas" | "painNrs" | "barthel" | "ecog" | "kps";

function emptyTimepoint(timepoint: QolTimepointKind, date: string | null, source: Provenance): QolTimepoint {
  return {
    timepoint,
    date,
    eq5d: null,
    eqVas: null,
    painVas: null,
    painNrs: null,
    barthel: null,
    ecog: null,
    frankel: null,
    kps: null,
    source,
  };
}

const FIELD: Record<ObservationConcept, NumericField | "frankel"> = {
  kps: "kps",
  ecog: "ecog",
  painNrs: "painNrs",
  painVas: "painVas",
  eqVas: "eqVas",
  barthel: "barthel",
  frankel: "frankel",
};

/** The row's source, noting the day's other resources (at most 10 named) and whether any is preliminary. */
function withNote(p: Provenance, others: string[], preliminary: boolean): Provenance {
  const notes: ProvenanceNote[] = [];
  if (others.length > 0) notes.push(provenanceNotes.also(others, 10));
  if (preliminary) notes.push(provenanceNotes.includesPreliminary());
  return withNotes(p, notes);
}

/**
 * A day with one measurement: what the general path below gives for it (no other references, no conflict),
 * without its sets and filters. Most days of a chart hold a single score, so this is the common case.
 */
function singleMeasurement(day: string, m: Measurement): QolTimepoint {
  const tp = emptyTimepoint("other", day || null, m.preliminary ? withNote(m.provenance, [], true) : m.provenance);
  const field = FIELD[m.concept];
  if (field === "frankel") tp.frankel = m.value as FrankelGrade;
  else if (typeof m.value === "number") tp[field] = m.value;
  return tp;
}

/** The most distinct values a same-day conflict lists (the rest counted). */
const CONFLICT_VALUES = 10;

/** A measure's different values on one day, ascending (numbers by value, grades alphabetically). */
function conflictOf(measure: QolConflict["measure"], values: readonly (number | string)[]): QolConflict {
  const sorted = [...values].sort((a, b) =>
    typeof a === "number" && typeof b === "number" ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
  );
  const kept = sorted.slice(0, CONFLICT_VALUES);
  return sorted.length > kept.length
    ? { measure, values: kept, valuesOmitted: sorted.length - kept.length }
    : { measure, values: kept };
}

function fromMeasurements(ms: Measurement[], diags: Diagnostic[]): QolTimepoint[] {
  // A day with one measurement (the usual case) holds it without a list.
  const byDay = new Map<string, Measurement | Measurement[]>();
  for (const m of ms) {
    const k = m.day ?? "";
    const held = byDay.get(k);
    if (held === undefined) byDay.set(k, m);
    else if (Array.isArray(held)) held.push(m);
    else byDay.set(k, [held, m]);
  }
  const out: QolTimepoint[] = [];
  for (const [day, held] of byDay) {
    if (!Array.isArray(held)) {
      out.push(singleMeasurement(day, held));
      continue;
    }
    const list = held;
    const first = list[0];
    if (!first) continue;
    const refs = [...new Set(list.map((m) => m.provenance.reference).filter((r): r is string => r !== null))];
    const tp = emptyTimepoint(
      "other",
      day || null,
      withNote(
        first.provenance,
        refs.filter((r) => r !== first.provenance.reference),
        list.some((m) => m.preliminary),
      ),
    );
    for (const concept of new Set(list.map((m) => m.concept))) {
      let own = list.filter((m) => m.concept === concept);
      if (own.some((m) => !m.preliminary)) own = own.filter((m) => !m.preliminary);
      const values = [...new Set(own.map((m) => m.value))];
      const field = FIELD[concept];
      if (values.length !== 1) {
        // Each distinct value once, then the newest others, at most NAMED_LIMIT; the rest counted.
        const { named, more } = pickNamed(own, (m) => m.value);
        const listed = withMore(named, more, (m) =>
          msg("term.value-in", { value: m.value, ref: refParam(m.provenance.reference) }),
        );
        diags.push({
          severity: "warning",
          code: "conflict",
          message: msg("diag.conflict.measurement", {
            concept: conceptTerm(concept),
            day: day || msg("term.unknown-date"),
            values: coreList("comma", listed),
          }),
        });
        (tp.conflicts ??= []).push(conflictOf(field, values));
        continue;
      }
      const v = values[0];
      if (field === "frankel") tp.frankel = v as FrankelGrade;
      else if (typeof v === "number") tp[field] = v;
    }
    out.push(tp);
  }
  return out;
}

function eq5dOf(q: QuestionnaireFinding, valueSetId: string, diags: Diagnostic[]): Eq5dValue | null {
  if (!q.eq5dProfile) return null;
  try {
    return { profile: q.eq5dProfile, index: eq5d5lIndex(q.eq5dProfile, valueSetId), valueSet: valueSetId };
  } catch {
    if (q.eq5dIndex !== undefined && q.eq5dValueSet) {
      diags.push({
        severity: "warning",
        code: "value-set",
        message: msg("diag.value-set.stored", { valueSet: valueSetId.slice(0, 60), stored: q.eq5dValueSet }),
        ...(q.provenance.reference != null ? { resource: q.provenance.reference } : {}),
      });
      return { profile: q.eq5dProfile, index: q.eq5dIndex, valueSet: q.eq5dValueSet };
    }
    diags.push({
      severity: "warning",
      code: "value-set",
      message: msg("diag.value-set.no-index", { valueSet: valueSetId.slice(0, 60), profile: q.eq5dProfile }),
    });
    return null;
  }
}

function fromQuestionnaires(qs: QuestionnaireFinding[], valueSetId: string, diags: Diagnostic[]): QolTimepoint[] {
  // One row per timepoint and day (rows keep the order of their first answer).
  const rows: QolTimepoint[] = [];
  const byDay: Record<QolTimepointKind, Map<string, QolTimepoint>> = {
    preop: new Map(),
    "1mo": new Map(),
    other: new Map(),
  };
  for (const q of qs) {
    const eq5d = eq5dOf(q, valueSetId, diags);
    const kps = q.tokuhashi?.kps;
    const values: Partial<QolTimepoint> = {};
    if (eq5d) values.eq5d = eq5d;
    if (q.eqVas !== undefined) values.eqVas = q.eqVas;
    if (q.painVas !== undefined) values.painVas = q.painVas;
    if (q.barthel !== undefined) values.barthel = q.barthel;
    if (q.ecog !== undefined) values.ecog = q.ecog;
    if (q.frankel !== undefined) values.frankel = q.frankel;
    if (kps !== undefined) values.kps = kps;
    if (Object.keys(values).length === 0) continue;
    const date = q.timepointDate;
    const day = dayOf(date) ?? "";
    let row = byDay[q.timepoint].get(day);
    if (row === undefined) {
      row = emptyTimepoint(q.timepoint, date, q.provenance);
      byDay[q.timepoint].set(day, row);
      rows.push(row);
    } else if (q.provenance.reference) {
      row.source = addNote(row.source, provenanceNotes.also([q.provenance.reference]));
    }
    Object.assign(row, values);
  }
  return rows;
}

const TIMEPOINT_ORDER: Readonly<Record<QolTimepointKind, number>> = { preop: 0, "1mo": 1, other: 2 };

/** Rows by date (undated last), then preop, 1 month, other. */
function byDate(a: QolTimepoint, b: QolTimepoint): number {
  const da = a.date ?? "";
  const db = b.date ?? "";
  if (da !== db) return da === "" ? 1 : db === "" ? -1 : da < db ? -1 : 1;
  return TIMEPOINT_ORDER[a.timepoint] - TIMEPOINT_ORDER[b.timepoint];
}

export function qolTimepoints(ev: PatientEvidence, valueSetId: string, diags: Diagnostic[]): QolTimepoint[] {
  const rows = fromMeasurements(ev.measurements, diags);
  if (ev.questionnaires.length > 0)
    for (const row of fromQuestionnaires(ev.questionnaires, valueSetId, diags)) rows.push(row);
  // A chart's days mostly come in order already: the (stable) sort would keep them as they are.
  for (let i = 1; i < rows.length; i++) {
    if (byDate(rows[i - 1] as QolTimepoint, rows[i] as QolTimepoint) > 0) return rows.sort(byDate);
  }
  return rows;
}
