/** The six Tokuhashi items from the evidence (evidence rules: docs/clinical-rules.md). */
import {
  DEFAULT_EVIDENCE_MAX_AGE_DAYS,
  type Diagnostic,
  type EvidenceMaxAgeDays,
  type Provenance,
  type ReportOptions,
} from "../report/types";
import {
  coreList,
  coreTerm,
  extraspinalBoneMetsCandidates,
  GENERAL_CONDITIONS,
  kpsCategory,
  levelsParam,
  PRIMARY_SITES,
  vertebralBodyMetsCandidates,
  type CoreMessage,
  type CoreParam,
  type ExtraspinalBoneMets,
  type FrankelGrade,
  type GeneralCondition,
  type PrimarySite,
  type SpinalLevel,
  type TokuhashiValues,
  type VertebralBodyMets,
  type VisceralMets,
} from "../scores";
import { inLevelOrder } from "./fhir";
import { ecogBands } from "./mappings";
import { msg, onDay, refParam, valueTerm, type CoreMessageCode, type ValueItem } from "./messages";
import {
  copyPlan,
  fromResolved,
  joinNotes,
  missing,
  NAMED_LIMIT,
  namedClaims,
  newestProvenance,
  suggest,
  withMore,
  type ItemPlan,
} from "./plan";
import { latestDay, questionnaireIsNewer, resolveLatest, type Claim, type Resolved } from "./resolve";
import type { Measurement, PatientEvidence, QuestionnaireFinding, TokuhashiAnswers, VisceralFinding } from "./types";

type Diags = Diagnostic[];

/** A claim of a value from a measurement or one of the app's answers (each has its day, status and provenance). */
function claimFrom<V>(
  from: { day: string | null; preliminary: boolean; provenance: Provenance },
  source: Claim<V>["source"],
  value: V,
  label: CoreParam,
): Claim<V> {
  return { value, label, day: from.day, source, preliminary: from.preliminary, provenance: from.provenance };
}

function qrClaims<V extends string>(
  ev: PatientEvidence,
  pick: (q: QuestionnaireFinding) => V | undefined,
  label: (v: V) => CoreParam,
): Claim<V>[] {
  const out: Claim<V>[] = [];
  for (const q of ev.questionnaires) {
    const v = pick(q);
    if (v === undefined) continue;
    out.push(claimFrom(q, "questionnaire", v, label(v)));
  }
  return out;
}

/** An item's name as the conflict diagnostics write it. */
type ItemName = CoreMessageCode;

const ITEM = {
  generalCondition: "item.tokuhashi.generalCondition-kps",
  extraspinalBoneMets: "item.tokuhashi.extraspinalBoneMets",
  vertebralBodyMets: "item.tokuhashi.vertebralBodyMets",
  visceralMets: "item.tokuhashi.visceralMets",
  primarySite: "item.tokuhashi.primarySite",
  palsy: "item.tokuhashi.palsy-frankel",
} as const satisfies Record<Exclude<keyof TokuhashiAnswers, "kps">, ItemName>;

function conflictDiag(plan: ItemPlan<string>, item: ItemName, diags: Diags): void {
  if (plan.conflict) {
    diags.push({
      severity: "warning",
      code: "conflict",
      message: msg("diag.conflict.item", { item: msg(item), context: plan.context[0] ?? "" }),
    });
  }
}

/**
 * The app's answer to `item` when it is at least as new as the record's evidence (of `recordDay`), else null. Its
 * claim names the value's term, inside the message `claim` when given (the two counts: foci, vertebrae).
 */
function newerAnswer<K extends keyof typeof ITEM & ValueItem>(
  ev: PatientEvidence,
  item: K,
  claim: "claim.foci" | "claim.vertebrae" | null,
  recordDay: string | null,
  diags: Diags,
): ItemPlan<TokuhashiValues[K]> | null {
  const label = (v: string) => (claim ? msg(claim, { value: valueTerm(item, v) }) : valueTerm(item, v));
  const pick = (q: QuestionnaireFinding): TokuhashiValues[K] | undefined => {
    const answers: Partial<TokuhashiValues> | undefined = q.tokuhashi;
    return answers?.[item];
  };
  const r = resolveLatest(qrClaims(ev, pick, label));
  if (!r || !questionnaireIsNewer(r.day, recordDay)) return null;
  const plan = fromResolved(r);
  conflictDiag(plan, ITEM[item], diags);
  return plan;
}

// ------------------------------------------------------------------------------ 1. general condition

/** How old evidence may be before its item is marked stale (ReportOptions.evidenceMaxAgeDays), and "today". */
export interface Recency {
  now: Date;
  maxAgeDays: EvidenceMaxAgeDays;
}

/** The recency of a report's options: its "today" and the windows, defaults filled in. */
export function recencyOf(options: Pick<ReportOptions, "now" | "evidenceMaxAgeDays">): Recency {
  const o = options.evidenceMaxAgeDays;
  return {
    now: options.now,
    maxAgeDays: {
      performanceStatus: o?.performanceStatus ?? DEFAULT_EVIDENCE_MAX_AGE_DAYS.performanceStatus,
      palsy: o?.palsy ?? DEFAULT_EVIDENCE_MAX_AGE_DAYS.palsy,
    },
  };
}

/**
 * The claims below are built for the latest day only: resolveLatest keeps no other (its `latestDay` over every
 * claim's day, undated ones counting only when none is dated), and a long chart holds thousands of values whose
 * labels would be built for nothing. `newer` is the same comparison as latestDay's: `day` strictly after `latest`
 * (undated evidence is never newer; dated beats undated).
 */
function newer(day: string | null, latest: string | null): boolean {
  return day !== null && (latest === null || day > latest);
}

function kpsClaims(ev: PatientEvidence): Claim<GeneralCondition>[] {
  let latest: string | null = null;
  for (const m of ev.measurements) {
    if (m.concept !== "kps" || typeof m.value !== "number") continue;
    kpsCategory(m.value); // every value is checked, as when every claim was built
    if (newer(m.day, latest)) latest = m.day;
  }
  for (const q of ev.questionnaires) {
    const t = q.tokuhashi;
    if (!t) continue;
    if (t.kps !== undefined) kpsCategory(t.kps);
    else if (!t.generalCondition) continue;
    if (newer(q.day, latest)) latest = q.day;
  }
  const claims: Claim<GeneralCondition>[] = [];
  for (const m of ev.measurements) {
    if (m.concept !== "kps" || typeof m.value !== "number" || m.day !== latest) continue;
    claims.push(claimFrom(m, "record", kpsCategory(m.value), msg("claim.kps", { value: m.value })));
  }
  for (const q of ev.questionnaires) {
    const t = q.tokuhashi;
    if (!t || q.day !== latest) continue;
    if (t.kps !== undefined) {
      claims.push(claimFrom(q, "questionnaire", kpsCategory(t.kps), msg("claim.kps", { value: t.kps })));
    } else if (t.generalCondition) {
      claims.push(
        claimFrom(
          q,
          "questionnaire",
          t.generalCondition,
          msg("claim.general-condition", { value: valueTerm("generalCondition", t.generalCondition) }),
        ),
      );
    }
  }
  return claims;
}

/**
 * The latest day's claims of a value the record measures and the app's forms ask (ECOG, Frankel): `recorded` and
 * `answered` give the value a measurement or an answer holds, undefined when it holds none.
 */
function latestClaims<V>(
  ev: PatientEvidence,
  recorded: (m: Measurement) => V | undefined,
  answered: (q: QuestionnaireFinding) => V | undefined,
  label: (v: V) => CoreParam,
): Claim<V>[] {
  let latest: string | null = null;
  for (const m of ev.measurements) if (recorded(m) !== undefined && newer(m.day, latest)) latest = m.day;
  for (const q of ev.questionnaires) if (answered(q) !== undefined && newer(q.day, latest)) latest = q.day;
  const claims: Claim<V>[] = [];
  for (const m of ev.measurements) {
    const v = recorded(m);
    if (v === undefined || m.day !== latest) continue;
    claims.push(claimFrom(m, "record", v, label(v)));
  }
  for (const q of ev.questionnaires) {
    const v = answered(q);
    if (v === undefined || q.day !== latest) continue;
    claims.push(claimFrom(q, "questionnaire", v, label(v)));
  }
  return claims;
}

function ecogClaims(ev: PatientEvidence): Claim<number>[] {
  return latestClaims(
    ev,
    (m) => (m.concept === "ecog" && typeof m.value === "number" ? m.value : undefined),
    (q) => q.ecog,
    (v) => msg("claim.ecog", { value: v }),
  );
}

/** "KPS 10–20 (oBDS), KPS 10–30 (Ma et al. 2010), …": what each table gives for an ECOG grade. */
function rangesOf(ecog: number): { categories: readonly GeneralCondition[]; param: CoreParam } | null {
  const { ranges, categories } = ecogBands(ecog);
  if (ranges.length === 0) return null;
  const kps = (r: { min: number; max: number }) => (r.min === r.max ? String(r.min) : `${r.min}–${r.max}`);
  return {
    categories,
    param: coreList(
      "comma",
      ranges.map((r) => msg("term.kps-by-table", { kps: kps(r), table: r.table })),
    ),
  };
}

/** "poor or moderate": categories as the notes name them. */
function categoriesOf(categories: readonly GeneralCondition[]): CoreParam {
  return coreList(
    "or",
    categories.map((c) => valueTerm("generalCondition", c)),
  );
}

/**
 * The general condition (Karnofsky, Tokuhashi 2005): the newest performance status decides. A KPS as new as or newer
 * than the newest ECOG is the value, the ECOG shown beside it; an ECOG newer than the KPS makes the item the range
 * from the KPS's band to every band the ECOG allows (ecogBands), naming both; ECOG alone is a suggestion only.
 */
export function generalConditionPlan(ev: PatientEvidence, diags: Diags, recency?: Recency): ItemPlan<GeneralCondition> {
  const r = resolveLatest(kpsClaims(ev));
  const e = resolveLatest(ecogClaims(ev));
  if (!r) return ecogOnly(e, diags);
  const plan = fromResolved(r);
  conflictDiag(plan, ITEM.generalCondition, diags);
  if (!e) return withStale(plan, r.day, recency, "performanceStatus");
  const ecog = namedClaims(e.claims);
  if (!newer(e.day, r.day)) {
    const also = msg("context.ecog-also", { ecog: coreList("semicolon", ecog), when: onDay(e.day) });
    return withStale(appendNotes(plan, [also]), r.day, recency, "performanceStatus");
  }
  // The ECOG is newer: the range from the KPS's band(s) to every band the ECOG value(s) allow.
  const kpsCats = new Set<GeneralCondition>(r.values);
  let unknown = false;
  const tableNotes: CoreMessage[] = [];
  for (const v of e.values) {
    const t = rangesOf(v);
    if (!t) {
      unknown = true;
      continue;
    }
    for (const c of t.categories) kpsCats.add(c);
    tableNotes.push(msg("context.ecog-tables", { ecog: v, ranges: t.param }));
  }
  const idx = [...kpsCats].map((c) => GENERAL_CONDITIONS.indexOf(c));
  const candidates = unknown ? [] : GENERAL_CONDITIONS.slice(Math.min(...idx), Math.max(...idx) + 1);
  const kps = namedClaims(r.claims);
  const cats = categoriesOf(candidates.length > 0 ? candidates : GENERAL_CONDITIONS);
  const older = msg("context.kps-older-than-ecog", {
    kps: coreList("semicolon", kps),
    kpsWhen: onDay(r.day),
    ecog: coreList("semicolon", ecog),
    ecogWhen: onDay(e.day),
    categories: cats,
  });
  const context = joinNotes(older, ...tableNotes);
  const provenance = newestProvenance([...e.claims, ...r.claims].map((c) => c.provenance));
  const ranged: ItemPlan<GeneralCondition> = {
    candidates,
    source: r.source,
    confirmed: false,
    provenance: provenance.provenance,
    suggestion: null,
    conflict: null,
    context,
    overridden: null,
  };
  if (provenance.omitted > 0) ranged.provenanceOmitted = provenance.omitted;
  return withStale(ranged, e.day, recency, "performanceStatus");
}

/**
 * The general condition's evidence with what each piece gave (Provenance.claim: "KPS 50", "ECOG 2", "general
 * condition moderate"), so that the view can say "KPS 50 → moderate" where the item shows the band (issue 14
 * item 6). Applied to the item's final plan (after timedPlan, which tells pieces apart by identity): the pieces
 * are copied, since the evidence is shared with the other items and the QOL course.
 */
export function withPerformanceClaims(
  plan: ItemPlan<GeneralCondition>,
  ev: PatientEvidence,
): ItemPlan<GeneralCondition> {
  const options = plan.conflict?.options;
  if (plan.provenance.length === 0 && options === undefined) return plan;
  const pieces = new Set<Provenance>(plan.provenance);
  for (const o of options ?? []) pieces.add(o.provenance);
  const claims = new Map<Provenance, CoreMessage>();
  for (const m of ev.measurements) {
    if ((m.concept !== "kps" && m.concept !== "ecog") || typeof m.value !== "number" || !pieces.has(m.provenance))
      continue;
    claims.set(m.provenance, msg(m.concept === "kps" ? "claim.kps" : "claim.ecog", { value: m.value }));
  }
  for (const q of ev.questionnaires) {
    if (!pieces.has(q.provenance) || claims.has(q.provenance)) continue;
    const t = q.tokuhashi;
    if (t?.kps !== undefined) claims.set(q.provenance, msg("claim.kps", { value: t.kps }));
    else if (t?.generalCondition)
      claims.set(
        q.provenance,
        msg("claim.general-condition", { value: valueTerm("generalCondition", t.generalCondition) }),
      );
    else if (q.ecog !== undefined) claims.set(q.provenance, msg("claim.ecog", { value: q.ecog }));
  }
  if (claims.size === 0) return plan;
  const withClaim = (p: Provenance): Provenance => {
    const claim = claims.get(p);
    if (claim === undefined) return p;
    const out = Object.assign({}, p);
    out.claim = claim;
    return out;
  };
  const out = copyPlan(plan);
  out.provenance = plan.provenance.map(withClaim);
  if (options !== undefined)
    out.conflict = { options: options.map((o) => ({ value: o.value, provenance: withClaim(o.provenance) })) };
  return out;
}

/** The plan with more context sentences after its own. */
function appendNotes<V extends string>(plan: ItemPlan<V>, notes: readonly CoreMessage[]): ItemPlan<V> {
  const out = copyPlan(plan);
  out.context = [...plan.context, ...notes];
  return out;
}

/** The digit at `i` (0–9), or -1 when it is not an ASCII digit. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** The UTC time of YYYY-MM-DD read by hand (what /^(\d{4})-(\d{2})-(\d{2})$/ accepts), or null. */
function dayUtc(day: string): number | null {
  if (day.length !== 10 || day.charCodeAt(4) !== 45 || day.charCodeAt(7) !== 45) return null;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = digitAt(day, i);
    if (d < 0) return null;
    y = y * 10 + d;
  }
  const m1 = digitAt(day, 5);
  const m2 = digitAt(day, 6);
  const d1 = digitAt(day, 8);
  const d2 = digitAt(day, 9);
  if (m1 < 0 || m2 < 0 || d1 < 0 || d2 < 0) return null;
  return Date.UTC(y, m1 * 10 + m2 - 1, d1 * 10 + d2);
}

/** Whole days from `day` (YYYY-MM-DD) to `now`'s UTC date; null when the day cannot be read. */
export function daysSince(day: string, now: Date): number | null {
  const then = dayUtc(day);
  if (then === null || Number.isNaN(now.getTime())) return null;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((today - then) / 86_400_000);
}

/**
 * Marks the item stale (ReportItem.stale) when the evidence that decides it is older than the window: a marking,
 * the value is kept and the view shows its age. Undated evidence and clinician entries are not marked.
 */
function withStale<V extends string>(
  plan: ItemPlan<V>,
  day: string | null,
  recency: Recency | undefined,
  kind: keyof EvidenceMaxAgeDays,
): ItemPlan<V> {
  if (!recency || day === null || plan.source === "missing") return plan;
  const maxDays = recency.maxAgeDays[kind];
  const days = daysSince(day, recency.now);
  if (days === null || days <= maxDays) return plan;
  const out = copyPlan(plan);
  out.stale = { days, date: day, maxDays };
  return out;
}

/** Only ECOG on file: the item stays unknown; ECOG is shown as context, with a labelled suggestion when every table agrees. */
function ecogOnly(r: Resolved<number> | null, diags: Diags): ItemPlan<GeneralCondition> {
  const noKps = msg("context.no-kps");
  if (!r) return missing([noKps]);
  // The resources named: the newest NAMED_LIMIT, the rest counted ("12 more").
  const newest = newestProvenance(
    r.claims.map((c) => c.provenance),
    NAMED_LIMIT,
  );
  const refList = withMore(newest.provenance, newest.omitted, (p) => refParam(p.reference));
  if (r.values.length > 1) {
    const claimsParam = coreList("semicolon", namedClaims(r.claims));
    diags.push({
      severity: "warning",
      code: "conflict",
      message: msg("diag.conflict.ecog", { when: onDay(r.day), claims: claimsParam }),
    });
    return missing([noKps, msg("context.ecog-conflict", { when: onDay(r.day), claims: claimsParam })]);
  }
  const ecog = r.values[0] ?? 0;
  const t = rangesOf(ecog);
  const shown = msg("context.ecog", {
    ecog,
    when: r.day ? msg("term.dated", { day: r.day }) : "",
    refs: coreList("comma", refList),
  });
  if (!t || t.categories.length === 0) return missing([noKps, shown]);
  const [only] = t.categories;
  if (t.categories.length === 1 && only) {
    return missing(
      [noKps, shown],
      suggest(only, msg("suggestion.ecog-kps", { ecog, kps: t.param, category: valueTerm("generalCondition", only) })),
    );
  }
  const cats = categoriesOf(t.categories);
  return missing([noKps, shown, msg("context.ecog-spans", { ecog, kps: t.param, categories: cats })]);
}

// ------------------------------------------------------------------------------ 2. extraspinal bone metastases

export function extraspinalPlan(ev: PatientEvidence, diags: Diags): ItemPlan<ExtraspinalBoneMets> {
  const sites = new Map<string, { display: string; provenance: Provenance; day: string | null }>();
  for (const f of ev.extraspinalFoci)
    if (!sites.has(f.site))
      sites.set(f.site, { display: f.display, provenance: f.provenance, day: f.date?.slice(0, 10) ?? null });
  const recordDay = latestDay([...sites.values()].map((s) => s.day));
  const qr = newerAnswer(ev, "extraspinalBoneMets", "claim.foci", recordDay, diags);
  if (qr) return qr;
  const unlocated = ev.unlocatedBoneMets.length;
  const unlocatedNote =
    unlocated > 0
      ? msg("context.extraspinal.unlocated", {
          count: unlocated,
          refs: coreList(
            "comma",
            ev.unlocatedBoneMets.map((p) => refParam(p.reference)),
          ),
        })
      : null;
  const count = sites.size;
  if (count === 0) {
    return missing([msg("context.extraspinal.none"), unlocatedNote], suggest("0", msg("suggestion.extraspinal-none")));
  }
  // The body sites as the record names them: the record's own words, quoted as written in every language.
  const displays = [...sites.values()].map((s) => s.display);
  const context = joinNotes(
    msg(count === 1 ? "context.extraspinal.at-least-one" : "context.extraspinal.at-least", {
      count,
      sites: coreList("comma", displays),
    }),
    unlocatedNote,
  );
  return {
    candidates: extraspinalBoneMetsCandidates(count, true),
    source: "record",
    confirmed: false,
    provenance: [...sites.values()].map((s) => s.provenance),
    suggestion: null,
    conflict: null,
    context,
    overridden: null,
  };
}

// ------------------------------------------------------------------------------ 3. vertebral bodies

/** Distinct vertebrae (C1–S5) with a metastasis in the record, cranial to caudal. */
function recordVertebrae(ev: PatientEvidence): SpinalLevel[] {
  const set = new Set<SpinalLevel>();
  for (const l of ev.spinalLesions)
    for (const level of l.levels) if (level !== "Coccyx" && level !== "Occiput") set.add(level);
  return inLevelOrder(set);
}

export function vertebralPlan(ev: PatientEvidence, diags: Diags): ItemPlan<VertebralBodyMets> {
  const vertebrae = recordVertebrae(ev);
  const withLevels = ev.spinalLesions.filter((l) => l.levels.some((x) => x !== "Coccyx"));
  const recordDay = latestDay(withLevels.map((l) => l.date?.slice(0, 10) ?? null));
  const qr = newerAnswer(ev, "vertebralBodyMets", "claim.vertebrae", recordDay, diags);
  if (qr) return qr;
  const regionOnly = ev.spinalLesions.filter((l) => l.levels.length === 0);
  const regionNote = regionOnly.length > 0 ? msg("context.vertebrae.region-only", { count: regionOnly.length }) : null;
  if (vertebrae.length === 0) return missing([msg("context.vertebrae.none"), regionNote]);
  const n = vertebrae.length;
  const context = joinNotes(
    msg(n === 1 ? "context.vertebrae.at-least-one" : "context.vertebrae.at-least", {
      count: n,
      levels: levelsParam(vertebrae),
    }),
    regionNote,
  );
  return {
    candidates: vertebralBodyMetsCandidates(n, true),
    source: "record",
    confirmed: false,
    provenance: withLevels.map((l) => l.provenance),
    suggestion: null,
    conflict: null,
    context,
    overridden: null,
  };
}

// ------------------------------------------------------------------------------ 4. major internal organs

export function visceralPlan(ev: PatientEvidence, diags: Diags): ItemPlan<VisceralMets> {
  const recordDay = latestDay(ev.visceral.map((v) => v.date?.slice(0, 10) ?? null));
  const qr = newerAnswer(ev, "visceralMets", null, recordDay, diags);
  if (qr) return qr;
  const certain = ev.visceral.filter((v) => v.certainty === "certain");
  const possible = ev.visceral.filter((v) => v.certainty === "possible");
  const listParam = (xs: typeof ev.visceral) => coreList("comma", xs.map(organParam));
  const possibleNote =
    possible.length > 0 ? msg("context.visceral.also-possible", { organs: listParam(possible) }) : null;
  if (certain.length > 0) {
    const context = joinNotes(msg("context.visceral.certain", { organs: listParam(certain) }), possibleNote);
    return {
      candidates: ["unremovable", "removable"],
      source: "record",
      confirmed: false,
      provenance: [...certain, ...possible].map((v) => v.provenance),
      suggestion: null,
      conflict: null,
      context,
      overridden: null,
    };
  }
  if (possible.length > 0) {
    const context = joinNotes(msg("context.visceral.possible", { organs: listParam(possible) }));
    return {
      candidates: [],
      source: "record",
      confirmed: false,
      provenance: possible.map((v) => v.provenance),
      suggestion: null,
      conflict: null,
      context,
      overridden: null,
    };
  }
  return missing([msg("context.visceral.none")], suggest("none", msg("suggestion.visceral-none")));
}

/**
 * "liver (Condition/7)": the mapping's organ as a term (translated), the record's body site as written (the
 * record's own words are quoted, never translated), or the "site not coded" message.
 */
function organParam(v: VisceralFinding): CoreParam {
  const label =
    v.organFrom === "mapping" ? coreTerm(v.organ) : v.organFrom === "not-coded" ? msg("term.site-not-coded") : v.organ;
  return msg("term.with-ref", { label, ref: refParam(v.provenance.reference) });
}

// ------------------------------------------------------------------------------ 5. primary site

export function primaryPlan(ev: PatientEvidence, diags: Diags): ItemPlan<PrimarySite> {
  const related = new Set(ev.spinalLesions.map((l) => l.relatedPrimary).filter((x): x is string => x !== null));
  const linked = ev.primaries.filter((p) => related.has(p.reference));
  const used = linked.length > 0 ? linked : ev.primaries;
  const recordDay = latestDay(used.map((p) => p.date?.slice(0, 10) ?? null));
  const qr = newerAnswer(ev, "primarySite", null, recordDay, diags);
  if (qr) return qr;
  if (used.length === 0) return missing([msg("context.primary.none")]);
  const unknown = used.some((p) => p.candidates.length === 0);
  const only = used.length === 1 ? used[0] : undefined;
  // One primary with one category (the usual case): that category, without a walk of the 17.
  const candidates = unknown
    ? []
    : only && only.candidates.length === 1
      ? [...only.candidates]
      : PRIMARY_SITES.filter((s) => used.some((p) => p.candidates.includes(s)));
  const describedParam = coreList(
    "semicolon",
    used.map((p) => {
      // The coding's display from the record is quoted as written; the mapping's display (when the record gave
      // none) is a term of the mapping data, translated.
      const display = p.provenance.display;
      const name = display
        ? p.displayFromMapping
          ? coreTerm(display)
          : display
        : (p.provenance.code ?? msg("term.primary-cancer"));
      if (p.unmapped) return msg("term.primary-unmapped", { name, code: p.provenance.code ?? "", ref: p.reference });
      return p.candidates.length > 0
        ? msg("term.primary-categories", {
            name,
            ref: p.reference,
            categories: coreList(
              "or",
              p.candidates.map((c) => valueTerm("primarySite", c)),
            ),
          })
        : msg("term.primary-not-derivable", { name, ref: p.reference });
    }),
  );
  const mappingNotes = used
    .map((p) => p.note)
    .filter((n): n is string => !!n)
    .map((n) => msg("context.primary.mapping-note", { note: coreTerm(n) }));
  const linkedNote = linked.length > 0 && linked.length < ev.primaries.length ? msg("context.primary.linked") : null;
  const inactive = used.filter((p) => p.inactiveStatus);
  const inactiveNote =
    inactive.length > 0
      ? msg("context.primary.inactive", {
          statuses: coreList(
            "comma",
            inactive.map((p) => msg("term.with-ref", { label: p.inactiveStatus ?? "", ref: p.reference })),
          ),
        })
      : null;
  const ask = unknown || candidates.length > 1 ? msg("context.primary.pick") : null;
  const context = joinNotes(
    msg("context.primary.on-file", { primaries: describedParam }),
    linkedNote,
    inactiveNote,
    ...mappingNotes,
    ask,
  );
  return {
    candidates,
    source: "record",
    confirmed: false,
    provenance: used.map((p) => p.provenance),
    suggestion: null,
    conflict: null,
    context,
    overridden: null,
  };
}

// ------------------------------------------------------------------------------ 6. palsy (Frankel)

export function palsyPlan(ev: PatientEvidence, diags: Diags, recency?: Recency): ItemPlan<FrankelGrade> {
  const claims = latestClaims<FrankelGrade>(
    ev,
    (m) => (m.concept === "frankel" && typeof m.value === "string" ? m.value : undefined),
    (q) => q.frankel,
    (v) => msg("claim.frankel", { value: v }),
  );
  const r = resolveLatest(claims);
  if (!r) return missing([msg("context.palsy.none")]);
  const plan = fromResolved(r);
  conflictDiag(plan, ITEM.palsy, diags);
  return withStale(plan, r.day, recency, "palsy");
}
