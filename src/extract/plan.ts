/** An item before scoring: its candidate values and where they came from; and applying a clinician entry. */
import type { Conflict, EvidenceSource, Provenance, ReportItem, Suggestion } from "../report/types";
import type { ItemScore } from "../scores/types";
import type { Claim, Resolved } from "./resolve";

export interface ItemPlan<V extends string> {
  /** [] = unknown (the item's whole domain). */
  candidates: V[];
  source: EvidenceSource;
  confirmed: boolean;
  provenance: Provenance[];
  suggestion: Suggestion<V> | null;
  conflict: Conflict<V> | null;
  context: string | null;
  overridden: ReportItem<V>["overridden"];
}

export function missing<V extends string>(context: string | null = null, suggestion: Suggestion<V> | null = null): ItemPlan<V> {
  return { candidates: [], source: "missing", confirmed: false, provenance: [], suggestion, conflict: null, context, overridden: null };
}

export function joinContext(...parts: (string | null | undefined)[]): string | null {
  const p = parts.filter((x): x is string => typeof x === "string" && x.length > 0);
  return p.length > 0 ? p.join(" ") : null;
}

/** A plan from resolved claims: one value → known; several → conflict, the item unknown until the clinician picks. */
export function fromResolved<V extends string>(r: Resolved<V>, describe: (c: Claim<V>) => string): ItemPlan<V> {
  const provenance = r.claims.map((c) => c.provenance);
  const preliminary = r.claims.some((c) => c.preliminary);
  const when = r.day ? ` on ${r.day}` : "";
  if (r.values.length > 1) {
    const options = r.values.map((value) => {
      const claim = r.claims.find((c) => c.value === value);
      return { value, provenance: claim ? claim.provenance : { reference: null, date: null, code: null } };
    });
    return {
      candidates: [],
      source: r.source,
      confirmed: false,
      provenance,
      suggestion: null,
      conflict: { options },
      context: `Different values recorded${when}: ${r.claims.map(describe).join("; ")}. Pick the right one.`,
      overridden: null,
    };
  }
  const labels = [...new Set(r.claims.map((c) => c.label))];
  const value = r.values[0];
  return {
    candidates: value === undefined ? [] : [value],
    source: r.source,
    confirmed: r.source === "questionnaire" && !preliminary,
    provenance,
    suggestion: null,
    conflict: null,
    context: joinContext(
      labels.length > 1 ? `${labels.join(" and ")} recorded${when} (same category).` : null,
      preliminary ? "Preliminary: not final." : null,
    ),
    overridden: null,
  };
}

/** A clinician entry replaces the candidates; what the record or questionnaire said stays in `overridden`. */
export function applyClinician<V extends string>(
  plan: ItemPlan<V>,
  entry: V | undefined | null,
  domain: readonly V[],
): ItemPlan<V> | "invalid" {
  if (entry === undefined || entry === null) return plan;
  if (!(domain as readonly string[]).includes(entry)) return "invalid";
  return {
    candidates: [entry],
    source: "clinician",
    confirmed: true,
    provenance: [{ reference: null, date: null, code: null, note: "entered by clinician" }],
    suggestion: null,
    conflict: null,
    context: plan.context,
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
  return {
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
}
