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
  /** The context sentences joined by a space (ReportItem.context). */
  context: string | null;
  /** The same sentences in machine-readable form (ReportItem.contextCodes). */
  contextCodes: CoreMessage[];
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
    contextCodes: plan.contextCodes,
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
export function newestProvenance(list: readonly Provenance[], limit = PROVENANCE_LIMIT): { provenance: Provenance[]; omitted: number } {
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
function newestClaims<C extends { provenance: Provenance }>(claims: readonly C[], limit = NAMED_LIMIT): { named: C[]; more: number } {
  if (claims.length <= limit) return { named: claims as C[], more: 0 };
  const kept = new Set(newestProvenance(claims.map((c) => c.provenance), limit).provenance);
  const named: C[] = [];
  for (const c of claims) if (kept.has(c.provenance) && named.length < limit) named.push(c);
  return { named, more: claims.length - named.length };
}

/** The items a note names, each as English and as a message item, and "N more" after them when `more` > 0. */
export function withMore<T>(items: readonly T[], more: number, text: (x: T) => string, param: (x: T) => CoreParam): { texts: string[]; params: CoreParam[] } {
  const texts = items.map(text);
  const params = items.map(param);
  if (more > 0) {
    texts.push(`${more} more`);
    params.push(msg("term.more", { n: more }));
  }
  return { texts, params };
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
  // The sentences joined by a space as they come (no list of texts to join: most items have one or two).
  let context: string | null = null;
  const codes: CoreMessage[] = [];
  for (let i = 0; i < notes.length; i++) {
    const n = notes[i];
    if (!n || n.text.length === 0) continue;
    context = context === null ? n.text : `${context} ${n.text}`;
    codes.push(n.code);
  }
  return { context, contextCodes: codes };
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
function describeClaim(c: Claim<unknown>): string {
  return `${c.label} (${c.provenance.reference ?? "no id"})`;
}

function describeClaimParam(c: Claim<unknown>): CoreParam {
  return msg("term.with-ref", { label: c.labelParam, ref: refParam(c.provenance.reference) });
}

/** A plan from resolved claims: one value → known; several → conflict, the item unknown until the clinician picks. */
export function fromResolved<V extends string>(r: Resolved<V>): ItemPlan<V> {
  const { provenance, omitted } = newestProvenance(r.claims.map((c) => c.provenance));
  const preliminary = r.claims.some((c) => c.preliminary);
  const when = r.day ? ` on ${r.day}` : "";
  if (r.values.length > 1) {
    const options = r.values.map((value) => {
      const claim = r.claims.find((c) => c.value === value);
      return { value, provenance: claim ? claim.provenance : { reference: null, date: null, code: null } };
    });
    const { context, contextCodes } = joinNotes(conflictNote(r));
    const plan: ItemPlan<V> = { candidates: [], source: r.source, confirmed: false, provenance, suggestion: null, conflict: { options }, context, contextCodes, overridden: null };
    if (omitted > 0) plan.provenanceOmitted = omitted;
    return plan;
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
  const plan: ItemPlan<V> = {
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
  if (omitted > 0) plan.provenanceOmitted = omitted;
  return plan;
}

/** "Different values recorded on …: …. Pick the right one." */
function conflictNote<V>(r: Resolved<V>): Note {
  const when = r.day ? ` on ${r.day}` : "";
  const { texts, params } = namedClaims(r.claims);
  return note(
    `Different values recorded${when}: ${texts.join("; ")}. Pick the right one.`,
    msg("context.conflict", { when: onDay(r.day), claims: coreList("semicolon", params) }),
  );
}

/**
 * The claims of a note, each with its resource ("KPS 60 (Observation/1)"): one per distinct value first, then the
 * newest, at most NAMED_LIMIT; the rest counted ("12 more").
 */
export function namedClaims(claims: readonly Claim<unknown>[]): { texts: string[]; params: CoreParam[] } {
  const { named, more } = pickNamed(claims, (c) => c.value);
  return withMore(named, more, describeClaim, describeClaimParam);
}

/**
 * What a note names of a long list of values: the first of each distinct value, then the newest others, at most
 * `limit` in all (more when there are more distinct values), in their order; and how many were left out.
 */
export function pickNamed<T extends { provenance: Provenance }>(items: readonly T[], valueOf: (x: T) => unknown, limit = NAMED_LIMIT): { named: T[]; more: number } {
  if (items.length <= limit) return { named: items as T[], more: 0 };
  const firstOfValue = new Set<T>();
  const values = new Set<unknown>();
  for (const x of items) {
    const v = valueOf(x);
    if (values.has(v)) continue;
    values.add(v);
    firstOfValue.add(x);
  }
  const others = newestClaims(items.filter((x) => !firstOfValue.has(x)), Math.max(0, limit - firstOfValue.size)).named;
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
    context: plan.context,
    overridden: plan.overridden,
  };
  if (omitted > 0) item.provenanceOmitted = omitted;
  if (plan.contextCodes.length > 0) item.contextCodes = plan.contextCodes;
  if (plan.stale) item.stale = plan.stale;
  return item;
}
