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
  /** Evidence left out of `provenance` beyond the newest PROVENANCE_LIMIT (ReportItem.provenanceOmitted). */
  provenanceOmitted?: number;
  suggestion: Suggestion<V> | null;
  conflict: Conflict<V> | null;
  /** The context sentences (ReportItem.context); [] when none. */
  context: CoreMessage[];
  overridden: Exclude<ReportItem<V>["overridden"], undefined>;
  /** The deciding evidence is older than the configured window (ReportItem.stale). */
  stale?: ReportItem<V>["stale"];
}

/**
 * A copy of a plan, field by field: what `{ ...plan }` gives (its optional fields only when set), without the
 * object spread, which is slow in V8 and ran for most items of a report.
 */
export function copyPlan<V extends string>(plan: ItemPlan<V>): ItemPlan<V> {
  const copy: ItemPlan<V> = {
    candidates: plan.candidates,
    source: plan.source,
    confirmed: plan.confirmed,
    provenance: plan.provenance,
    suggestion: plan.suggestion,
    conflict: plan.conflict,
    context: plan.context,
    overridden: plan.overridden,
  };
  if (plan.provenanceOmitted !== undefined) copy.provenanceOmitted = plan.provenanceOmitted;
  if (plan.stale !== undefined) copy.stale = plan.stale;
  return copy;
}

/**
 * Pieces of evidence kept per item (ReportItem.provenance): the newest; how many more there were is counted
 * (ReportItem.provenanceOmitted). A chart with a million tied values would otherwise list them all.
 */
const PROVENANCE_LIMIT = 20;

/** Claims or references named in one item's note or diagnostic at most; the rest are counted ("12 more"). */
export const NAMED_LIMIT = 20;

/** The newest `limit` pieces of evidence (by date, undated last; in their order when all fit) and how many were left out. */
export function newestProvenance(
  list: readonly Provenance[],
  limit = PROVENANCE_LIMIT,
): { provenance: Provenance[]; omitted: number } {
  if (list.length <= limit) return { provenance: list as Provenance[], omitted: 0 };
  const order = list.map((p, i) => i);
  order.sort((a, b) => {
    const da = list[a]?.date ?? null;
    const db = list[b]?.date ?? null;
    if (da === db) return a - b;
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? 1 : -1;
  });
  const kept = order.slice(0, limit).sort((a, b) => a - b);
  return { provenance: kept.map((i) => list[i] as Provenance), omitted: list.length - limit };
}

/** The newest `limit` claims (as newestProvenance orders them), for notes that name each. */
function newestClaims<C extends { provenance: Provenance }>(
  claims: readonly C[],
  limit = NAMED_LIMIT,
): { named: C[]; more: number } {
  if (claims.length <= limit) return { named: claims as C[], more: 0 };
  const kept = new Set(
    newestProvenance(
      claims.map((c) => c.provenance),
      limit,
    ).provenance,
  );
  const named: C[] = [];
  for (const c of claims) if (kept.has(c.provenance) && named.length < limit) named.push(c);
  return { named, more: claims.length - named.length };
}

/** The items a note names, and "N more" after them when `more` > 0. */
export function withMore<T>(items: readonly T[], more: number, param: (x: T) => CoreParam): CoreParam[] {
  const params = items.map(param);
  if (more > 0) params.push(msg("term.more", { n: more }));
  return params;
}

/** The context sentences of an item (absent ones left out). */
export function joinNotes(...notes: (CoreMessage | null | undefined)[]): CoreMessage[] {
  const out: CoreMessage[] = [];
  for (let i = 0; i < notes.length; i++) {
    const n = notes[i];
    if (n) out.push(n);
  }
  return out;
}

export function missing<V extends string>(
  notes: (CoreMessage | null | undefined)[] = [],
  suggestion: Suggestion<V> | null = null,
): ItemPlan<V> {
  return {
    candidates: [],
    source: "missing",
    confirmed: false,
    provenance: [],
    suggestion,
    conflict: null,
    context: joinNotes(...notes),
    overridden: null,
  };
}

/** A suggestion and why ("suggestion.*"). */
export function suggest<V extends string>(value: V, reason: CoreMessage): Suggestion<V> {
  return { value, reason };
}

/** "KPS 60 (Observation/1)": a claim with its resource, for conflict notes. */
function describeClaim(c: Claim<unknown>): CoreParam {
  return msg("term.with-ref", { label: c.label, ref: refParam(c.provenance.reference) });
}

/** A claim's label as a key: the same words give the same key. */
function labelKey(label: CoreParam): string {
  return typeof label === "string" ? label : JSON.stringify(label);
}

/** A plan from resolved claims: one value → known; several → conflict, the item unknown until the clinician picks. */
export function fromResolved<V extends string>(r: Resolved<V>): ItemPlan<V> {
  const { provenance, omitted } = newestProvenance(r.claims.map((c) => c.provenance));
  const preliminary = r.claims.some((c) => c.preliminary);
  if (r.values.length > 1) {
    const options = r.values.map((value) => {
      const claim = r.claims.find((c) => c.value === value);
      return { value, provenance: claim ? claim.provenance : { reference: null, date: null, code: null } };
    });
    const plan: ItemPlan<V> = {
      candidates: [],
      source: r.source,
      confirmed: false,
      provenance,
      suggestion: null,
      conflict: { options },
      context: [conflictNote(r)],
      overridden: null,
    };
    if (omitted > 0) plan.provenanceOmitted = omitted;
    return plan;
  }
  const labels = new Map<string, CoreParam>();
  if (r.claims.length > 1) {
    for (const c of r.claims) {
      const key = labelKey(c.label);
      if (!labels.has(key)) labels.set(key, c.label);
    }
  }
  const value = r.values[0];
  const context = joinNotes(
    labels.size > 1
      ? msg("context.same-category", { labels: coreList("and", [...labels.values()]), when: onDay(r.day) })
      : null,
    preliminary ? msg("context.preliminary") : null,
  );
  const plan: ItemPlan<V> = {
    candidates: value === undefined ? [] : [value],
    source: r.source,
    confirmed: r.source === "questionnaire" && !preliminary,
    provenance,
    suggestion: null,
    conflict: null,
    context,
    overridden: null,
  };
  if (omitted > 0) plan.provenanceOmitted = omitted;
  return plan;
}

/** "Different values recorded on …: …. Pick the right one." */
function conflictNote<V>(r: Resolved<V>): CoreMessage {
  return msg("context.conflict", { when: onDay(r.day), claims: coreList("semicolon", namedClaims(r.claims)) });
}

/**
 * The claims of a note, each with its resource ("KPS 60 (Observation/1)"): one per distinct value first, then the
 * newest, at most NAMED_LIMIT; the rest counted ("12 more").
 */
export function namedClaims(claims: readonly Claim<unknown>[]): CoreParam[] {
  const { named, more } = pickNamed(claims, (c) => c.value);
  return withMore(named, more, describeClaim);
}

/**
 * What a note names of a long list of values: the first of each distinct value, then the newest others, at most
 * `limit` in all (more when there are more distinct values), in their order; and how many were left out.
 */
export function pickNamed<T extends { provenance: Provenance }>(
  items: readonly T[],
  valueOf: (x: T) => unknown,
  limit = NAMED_LIMIT,
): { named: T[]; more: number } {
  if (items.length <= limit) return { named: items as T[], more: 0 };
  const firstOfValue = new Set<T>();
  const values = new Set<unknown>();
  for (const x of items) {
    const v = valueOf(x);
    if (values.has(v)) continue;
    values.add(v);
    firstOfValue.add(x);
  }
  const others = newestClaims(
    items.filter((x) => !firstOfValue.has(x)),
    Math.max(0, limit - firstOfValue.size),
  ).named;
  const keep = new Set([...firstOfValue, ...others]);
  const named = items.filter((x) => keep.has(x));
  return { named, more: items.length - named.length };
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
    provenance: [{ reference: null, date: null, code: null, note: provenanceNotes.clinician() }],
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
            ...(plan.provenanceOmitted ? { provenanceOmitted: plan.provenanceOmitted } : {}),
          },
  };
}

/** The ReportItem: the score of the candidates plus where they came from. (No object spread: it is slow in V8.) */
export function toReportItem<V extends string>(score: ItemScore<V>, plan: ItemPlan<V>): ReportItem<V> {
  // Every item's evidence is capped here too, whichever reader built the list.
  const capped = newestProvenance(plan.provenance);
  const omitted = (plan.provenanceOmitted ?? 0) + capped.omitted;
  const item: ReportItem<V> = {
    points: score.points,
    min: score.min,
    max: score.max,
    value: score.value,
    candidates: score.candidates,
    source: plan.source,
    confirmed: plan.confirmed,
    provenance: capped.provenance,
    suggestion: plan.suggestion,
    conflict: plan.conflict,
    context: plan.context.length > 0 ? plan.context : null,
    overridden: plan.overridden,
  };
  if (omitted > 0) item.provenanceOmitted = omitted;
  if (plan.stale) item.stale = plan.stale;
  return item;
}
