/** An item before scoring: its candidate values and where they came from; and applying a clinician entry. */
import type { Conflict, EvidenceSource, Provenance, ReportItem, Suggestion } from "../report/types";
import { coreList, type CoreMessage, type CoreParam } from "../scores";
import type { ItemScore } from "../scores/types";
import { msg, onDay, provenanceNotes, refParam } from "./messages";
import type { Claim, Resolved } from "./resolve";

export interface ItemPlan<V extends string> {
  /** [] = unknown (the item's whole domain). */
  candidates: V[];
  source: EvidenceSource;
  confirmed: boolean;
  provenance: Provenance[];
  suggestion: Suggestion<V> | null;
  conflict: Conflict<V> | null;
  /** The context sentences joined by a space (ReportItem.context). */
  context: string | null;
  /** The same sentences in machine-readable form (ReportItem.contextCodes). */
  contextCodes: CoreMessage[];
  overridden: ReportItem<V>["overridden"];
}

/** One sentence of an item's context: its English text and its machine-readable form. */
export interface Note {
  text: string;
  code: CoreMessage;
}

export function note(text: string, code: CoreMessage): Note {
  return { text, code };
}

/** The context of an item from its sentences (absent ones left out). */
export function joinNotes(...notes: (Note | null | undefined)[]): { context: string | null; contextCodes: CoreMessage[] } {
  const texts: string[] = [];
  const codes: CoreMessage[] = [];
  for (const n of notes) {
    if (!n || n.text.length === 0) continue;
    texts.push(n.text);
    codes.push(n.code);
  }
  return { context: texts.length > 0 ? texts.join(" ") : null, contextCodes: codes };
}

export function missing<V extends string>(notes: (Note | null | undefined)[] = [], suggestion: Suggestion<V> | null = null): ItemPlan<V> {
  const { context, contextCodes } = joinNotes(...notes);
  return { candidates: [], source: "missing", confirmed: false, provenance: [], suggestion, conflict: null, context, contextCodes, overridden: null };
}

/** A suggestion with its reason in English and in machine-readable form. */
export function suggest<V extends string>(value: V, reason: string, code: CoreMessage): Suggestion<V> {
  const s: Suggestion<V> = { value, reason, reasonCode: code.code };
  if (code.params !== undefined) s.params = code.params;
  return s;
}

/** "KPS 60 (Observation/1)": a claim with its resource, for conflict notes. */
export function describeClaim(c: Claim<unknown>): string {
  return `${c.label} (${c.provenance.reference ?? "no id"})`;
}

export function describeClaimParam(c: Claim<unknown>): CoreParam {
  return msg("term.with-ref", { label: c.labelParam, ref: refParam(c.provenance.reference) });
}

/** A plan from resolved claims: one value → known; several → conflict, the item unknown until the clinician picks. */
export function fromResolved<V extends string>(r: Resolved<V>): ItemPlan<V> {
  const provenance = r.claims.map((c) => c.provenance);
  const preliminary = r.claims.some((c) => c.preliminary);
  const when = r.day ? ` on ${r.day}` : "";
  if (r.values.length > 1) {
    const options = r.values.map((value) => {
      const claim = r.claims.find((c) => c.value === value);
      return { value, provenance: claim ? claim.provenance : { reference: null, date: null, code: null } };
    });
    const { context, contextCodes } = joinNotes(conflictNote(r));
    return { candidates: [], source: r.source, confirmed: false, provenance, suggestion: null, conflict: { options }, context, contextCodes, overridden: null };
  }
  const labels = new Map<string, CoreParam>();
  for (const c of r.claims) if (!labels.has(c.label)) labels.set(c.label, c.labelParam);
  const value = r.values[0];
  const { context, contextCodes } = joinNotes(
    labels.size > 1
      ? note(
          `${[...labels.keys()].join(" and ")} recorded${when} (same category).`,
          msg("context.same-category", { labels: coreList("and", [...labels.values()]), when: onDay(r.day) }),
        )
      : null,
    preliminary ? note("Preliminary: not final.", msg("context.preliminary")) : null,
  );
  return {
    candidates: value === undefined ? [] : [value],
    source: r.source,
    confirmed: r.source === "questionnaire" && !preliminary,
    provenance,
    suggestion: null,
    conflict: null,
    context,
    contextCodes,
    overridden: null,
  };
}

/** "Different values recorded on …: …. Pick the right one." */
export function conflictNote<V>(r: Resolved<V>): Note {
  const when = r.day ? ` on ${r.day}` : "";
  return note(
    `Different values recorded${when}: ${r.claims.map(describeClaim).join("; ")}. Pick the right one.`,
    msg("context.conflict", { when: onDay(r.day), claims: coreList("semicolon", r.claims.map(describeClaimParam)) }),
  );
}

/** A clinician entry replaces the candidates; what the record or questionnaire said stays in `overridden`. */
export function applyClinician<V extends string>(
  plan: ItemPlan<V>,
  entry: V | undefined | null,
  domain: readonly V[],
): ItemPlan<V> | "invalid" {
  if (entry === undefined || entry === null) return plan;
  if (!(domain as readonly string[]).includes(entry)) return "invalid";
  const clinicianNote = provenanceNotes.clinician();
  return {
    candidates: [entry],
    source: "clinician",
    confirmed: true,
    provenance: [{ reference: null, date: null, code: null, note: clinicianNote.text, noteCode: clinicianNote.code }],
    suggestion: null,
    conflict: null,
    context: plan.context,
    contextCodes: plan.contextCodes,
    overridden:
      plan.source === "missing"
        ? null
        : {
            candidates: plan.candidates.length > 0 ? [...plan.candidates] : [...domain],
            source: plan.source,
            provenance: plan.provenance,
          },
  };
}

/** The ReportItem: the score of the candidates plus where they came from. (No object spread: it is slow in V8.) */
export function toReportItem<V extends string>(score: ItemScore<V>, plan: ItemPlan<V>): ReportItem<V> {
  const item: ReportItem<V> = {
    points: score.points,
    min: score.min,
    max: score.max,
    value: score.value,
    candidates: score.candidates,
    source: plan.source,
    confirmed: plan.confirmed,
    provenance: plan.provenance,
    suggestion: plan.suggestion,
    conflict: plan.conflict,
    context: plan.context,
    overridden: plan.overridden,
  };
  if (plan.contextCodes.length > 0) item.contextCodes = plan.contextCodes;
  return item;
}
