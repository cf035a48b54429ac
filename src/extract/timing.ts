/**
 * Time: pre-operative scores use pre-operative evidence (docs/clinical-rules.md, "Time"; issue 12 items 1 and 8).
 *
 * The index surgery is the latest spinal surgery Procedure on file that took place and has a date
 * (./procedures.ts); failing any, the app's own 1-month answers mark that a surgery took place before them.
 * Every piece of dated evidence is then placed once, here:
 * - "pre": before the index surgery: the items (SINS, Tokuhashi) use it;
 * - "post": after it (a later Observation, any 1-month answer): follow-up, shown on the QOL course and named
 *   on the item it would have decided, never used for the item;
 * - "unclear": it cannot be placed with certainty (the same day without times, no date, a surgery without a
 *   date or of unknown status, a diagnosis recorded after the surgery, between the last pre-op answer and the
 *   first 1-month answer, a "pre-op" answer dated on or after a 1-month answer or after the surgery): the item
 *   widens to include it (a range) and says why.
 * `timedPlan` runs an item's own reader on the pre-operative evidence, and again with the unclear and with
 * all evidence only when there is some, so the item readers stay unaware of time.
 */
import type { Diagnostic, Provenance } from "../report/types";
import { coreList, keysOf, type CoreMessage, type CoreParam } from "../scores";
import { dayOf } from "./fhir";
import { msg, refParam, valueTerm, type ValueItem } from "./messages";
import { copyPlan, type ItemPlan } from "./plan";
import type { Measurement, PatientEvidence, QuestionnaireFinding, SurgeryFinding } from "./types";

type Timing = "pre" | "post" | "unclear";

type UnclearReason =
  | "same-day"
  | "undated"
  | "surgery-undated"
  | "surgery-status-unknown"
  | "condition-after"
  | "between"
  | "preop-contradiction";

interface PieceTiming {
  timing: Exclude<Timing, "pre">;
  reason: UnclearReason | null;
}

/** The evidence as each item may use it. */
export interface TimedEvidence {
  /** Pre-operative evidence only: what the items are built from. */
  pre: PatientEvidence;
  /** Pre-operative plus timing-unclear evidence; null when nothing is unclear. */
  withUnclear: PatientEvidence | null;
  /** Everything (follow-up included); null when nothing is follow-up. */
  all: PatientEvidence | null;
  /** The boundary as the notes name it ("the surgery of 2026-03-01 (Procedure/s1)"); null when there is none. */
  boundary: CoreParam | null;
  /** Every piece that is not pre-operative, by its Provenance. */
  pieces: Map<Provenance, PieceTiming>;
  /** The kinds (READS) of the timing-unclear pieces, OR-ed: an item that reads none of them is the same with them. */
  unclearKinds: number;
  /** The kinds (READS) of the follow-up pieces, OR-ed. */
  postKinds: number;
}

/**
 * The kinds of evidence an item's reader can name in its provenance, as bits. timedPlan re-runs an item on the
 * wider evidence only when a timing-unclear or follow-up piece of a kind it reads exists: a re-run that can name
 * no such piece changes nothing, and most items of most charts are in that case.
 */
export const READS = {
  spinalLesion: 1 << 0,
  extraspinalFocus: 1 << 1,
  visceral: 1 << 2,
  primary: 1 << 3,
  kps: 1 << 4,
  ecog: 1 << 5,
  frankel: 1 << 6,
  /** The app's own answers, by the item they decide (a Tokuhashi KPS decides general condition). */
  sins: {
    location: 1 << 7,
    pain: 1 << 8,
    boneLesion: 1 << 9,
    alignment: 1 << 10,
    collapse: 1 << 11,
    posterolateral: 1 << 12,
  },
  tokuhashi: {
    generalCondition: 1 << 13,
    extraspinalBoneMets: 1 << 15,
    vertebralBodyMets: 1 << 16,
    visceralMets: 1 << 17,
    primarySite: 1 << 18,
  },
  questionnaireEcog: 1 << 14,
  /** A Frankel answer (also the Tokuhashi palsy answer, read as one). */
  questionnaireFrankel: 1 << 19,
} as const;

const MEASUREMENT_KIND: Partial<Record<Measurement["concept"], number>> = {
  kps: READS.kps,
  ecog: READS.ecog,
  frankel: READS.frankel,
};

/** The kinds of one of the app's answers (every item it can decide). */
function questionnaireKinds(q: QuestionnaireFinding): number {
  let k = 0;
  for (const item of keysOf(READS.sins)) if (q.sins?.[item] !== undefined) k |= READS.sins[item];
  for (const item of keysOf(READS.tokuhashi)) if (q.tokuhashi?.[item] !== undefined) k |= READS.tokuhashi[item];
  if (q.tokuhashi?.kps !== undefined) k |= READS.tokuhashi.generalCondition;
  if (q.ecog !== undefined) k |= READS.questionnaireEcog;
  if (q.frankel !== undefined) k |= READS.questionnaireFrankel;
  return k;
}

// ------------------------------------------------------------------------------------------ dates

/** The first and last calendar day a FHIR date can denote ("2026" → 2026-01-01…2026-12-31). */
function dayRange(date: string): [string, string] {
  if (date.length >= 10) return [date.slice(0, 10), date.slice(0, 10)];
  if (date.length === 7) return [`${date}-01`, `${date}-31`];
  return [`${date.slice(0, 4)}-01-01`, `${date.slice(0, 4)}-12-31`];
}

function hasTime(date: string): boolean {
  return date.length > 10 && Number.isFinite(Date.parse(date));
}

/** Where `e` lies against `s`: before, after (or at the same instant), or not decidable (the same day without both times). */
function compareDates(e: string, s: string): "before" | "after" | "same-day" {
  if (hasTime(e) && hasTime(s)) return Date.parse(e) < Date.parse(s) ? "before" : "after";
  const [e0, e1] = dayRange(e);
  const [s0, s1] = dayRange(s);
  if (e1 < s0) return "before";
  if (e0 > s1) return "after";
  return "same-day";
}

/** The later of two FHIR dates by their first possible day (then as written). */
function later(a: string, b: string): boolean {
  const c = compareDates(a, b);
  if (c !== "same-day") return c === "after";
  return a > b;
}

// ------------------------------------------------------------------------------------------ the boundary

interface SurgeryBoundary {
  kind: "surgery";
  index: SurgeryFinding & { date: string };
  /** Surgeries that cannot be placed (no date), or may not have happened (status unknown). */
  doubtful: SurgeryFinding[];
}

interface QuestionnaireBoundary {
  kind: "questionnaires";
  /** The earliest 1-month answer with a date (null: none is dated). */
  firstOneMonth: QuestionnaireFinding | null;
  /** The latest non-contradicting pre-op answer's date. */
  lastPreop: string | null;
}

interface UndatedBoundary {
  kind: "undated";
  doubtful: SurgeryFinding[];
}

type Boundary = SurgeryBoundary | QuestionnaireBoundary | UndatedBoundary;

function qrDate(q: QuestionnaireFinding): string | null {
  return q.timepointDate ?? q.date;
}

function label(p: Provenance, date: string | null): CoreParam {
  if (!date) return refParam(p.reference);
  return msg("term.ref-dated", { ref: refParam(p.reference), day: date });
}

function surgeryPhrase(s: SurgeryFinding): CoreParam {
  if (s.date) return msg("time.boundary.surgery", { day: s.date, ref: refParam(s.provenance.reference) });
  return msg("time.boundary.surgery-undated", { ref: refParam(s.provenance.reference) });
}

/**
 * Finds the boundary and reports what decided it. `proceduresUnread`: the Procedure search failed, so only the
 * app's own answers can place evidence (said in a warning).
 */
function findBoundary(ev: PatientEvidence, proceduresUnread: boolean, diags: Diagnostic[]): Boundary | null {
  const surgeries = ev.surgeries ?? [];
  const certain = surgeries.filter((s) => s.status !== "unknown");
  let index: (SurgeryFinding & { date: string }) | null = null;
  for (const s of certain)
    if (s.date && (!index || later(s.date, index.date))) index = s as SurgeryFinding & { date: string };
  const doubtful = surgeries.filter((s) => s !== index && (s.date === null || s.status === "unknown"));
  for (const s of doubtful) {
    const ref = s.provenance.reference ?? "no id";
    if (s.date === null) {
      diags.push({
        severity: "warning",
        code: "surgery-undated",
        message: msg("diag.time.surgery-undated", { ref: refParam(s.provenance.reference) }),
        resource: ref,
      });
    } else {
      diags.push({
        severity: "warning",
        code: "surgery-status-unknown",
        message: msg("diag.time.surgery-status-unknown", { ref: refParam(s.provenance.reference), day: s.date }),
        resource: ref,
      });
    }
  }
  if (index) {
    const ref = index.provenance.reference ?? "no id";
    diags.push({
      severity: "info",
      code: "index-surgery",
      message: msg("diag.time.index-surgery", {
        display: index.display,
        day: index.date,
        ref: refParam(index.provenance.reference),
      }),
      resource: ref,
    });
    return { kind: "surgery", index, doubtful };
  }
  if (proceduresUnread) {
    diags.push({ severity: "warning", code: "procedures-unread", message: msg("diag.time.procedures-unread") });
  }
  if (doubtful.length > 0) return { kind: "undated", doubtful };
  const oneMonth = ev.questionnaires.filter((q) => q.timepoint === "1mo");
  if (oneMonth.length === 0) return null;
  let first: QuestionnaireFinding | null = null;
  for (const q of oneMonth) {
    const d = qrDate(q);
    if (d && (!first || later(qrDate(first) as string, d))) first = q;
  }
  let lastPreop: string | null = null;
  for (const q of ev.questionnaires) {
    const d = qrDate(q);
    if (q.timepoint !== "preop" || !d) continue;
    if (first && compareDates(d, qrDate(first) as string) !== "before") continue;
    if (!lastPreop || later(d, lastPreop)) lastPreop = d;
  }
  if (first) {
    const ref = first.provenance.reference ?? "no id";
    const day = qrDate(first) as string;
    diags.push({
      severity: "info",
      code: "one-month-boundary",
      message: msg("diag.time.one-month-boundary", { ref: refParam(first.provenance.reference), day }),
      resource: ref,
    });
  }
  return { kind: "questionnaires", firstOneMonth: first, lastPreop };
}

function boundaryPhrase(b: Boundary): CoreParam {
  switch (b.kind) {
    case "surgery":
      return surgeryPhrase(b.index);
    case "undated":
      return surgeryPhrase(b.doubtful[0] as SurgeryFinding);
    case "questionnaires": {
      const q = b.firstOneMonth;
      if (!q) return msg("time.boundary.unknown");
      return msg("time.boundary.one-month", { day: qrDate(q) as string, ref: refParam(q.provenance.reference) });
    }
  }
}

// ------------------------------------------------------------------------------------------ placing evidence

/** A dated measurement or "other" answer against the boundary. */
function placeDated(date: string | null, b: Boundary): PieceTiming | null {
  if (b.kind === "undated") return { timing: "unclear", reason: "surgery-undated" };
  if (date === null) return { timing: "unclear", reason: "undated" };
  if (b.kind === "questionnaires") {
    if (b.firstOneMonth && compareDates(date, qrDate(b.firstOneMonth) as string) !== "before")
      return { timing: "post", reason: null };
    if (b.lastPreop && compareDates(date, b.lastPreop) !== "after") return null;
    return { timing: "unclear", reason: b.firstOneMonth ? "between" : "surgery-undated" };
  }
  const c = compareDates(date, b.index.date);
  if (c === "after") return { timing: "post", reason: null };
  if (c === "same-day") return { timing: "unclear", reason: "same-day" };
  for (const d of b.doubtful) {
    if (d.date === null) return { timing: "unclear", reason: "surgery-undated" };
    if (compareDates(date, d.date) !== "before") return { timing: "unclear", reason: "surgery-status-unknown" };
  }
  return null;
}

/** A diagnosis: undated counts; dated after (or on the day of) the boundary it may describe the state before it. */
function placeCondition(date: string | null, b: Boundary): PieceTiming | null {
  if (date === null) return null;
  const t = placeDated(date, b);
  if (t === null) return null;
  return {
    timing: "unclear",
    reason:
      t.reason === "same-day"
        ? "same-day"
        : t.reason === "surgery-undated" || t.reason === "surgery-status-unknown"
          ? t.reason
          : "condition-after",
  };
}

/** One of the app's answers: its timepoint first, then its date (item 8: a "pre-op" answer that contradicts the dates). */
function placeQuestionnaire(
  q: QuestionnaireFinding,
  b: Boundary,
  ev: PatientEvidence,
  diags: Diagnostic[],
): PieceTiming | null {
  const date = qrDate(q);
  const ref = q.provenance.reference ?? "no id";
  if (q.timepoint === "1mo") {
    if (b.kind === "surgery" && date && compareDates(date, b.index.date) === "before") {
      const s = surgeryPhrase(b.index);
      diags.push({
        severity: "warning",
        code: "timepoint-contradiction",
        message: msg("diag.time.one-month-before-surgery", {
          ref: refParam(q.provenance.reference),
          day: date,
          surgery: s,
        }),
        resource: ref,
      });
    }
    return { timing: "post", reason: null };
  }
  if (q.timepoint === "preop") {
    if (date) {
      const oneMonth = ev.questionnaires
        .filter(
          (o) => o.timepoint === "1mo" && qrDate(o) !== null && compareDates(qrDate(o) as string, date) !== "after",
        )
        .sort((x, y) => (later(qrDate(x) as string, qrDate(y) as string) ? 1 : -1))[0];
      if (oneMonth) {
        const oDay = qrDate(oneMonth) as string;
        diags.push({
          severity: "warning",
          code: "timepoint-contradiction",
          message: msg("diag.time.preop-after-one-month", {
            ref: refParam(q.provenance.reference),
            day: date,
            other: refParam(oneMonth.provenance.reference),
            otherDay: oDay,
          }),
          resource: ref,
        });
        return { timing: "unclear", reason: "preop-contradiction" };
      }
      if (
        b.kind === "surgery" &&
        compareDates(date, b.index.date) === "after" &&
        dayRange(date)[0] > dayRange(b.index.date)[1]
      ) {
        const s = surgeryPhrase(b.index);
        diags.push({
          severity: "warning",
          code: "timepoint-contradiction",
          message: msg("diag.time.preop-after-surgery", {
            ref: refParam(q.provenance.reference),
            day: date,
            surgery: s,
          }),
          resource: ref,
        });
        return { timing: "unclear", reason: "preop-contradiction" };
      }
    }
    // The clinician's own statement: before surgery (also on the day of the surgery, and undated).
    return null;
  }
  return placeDated(date, b);
}

function keep<T extends { provenance: Provenance }>(
  list: readonly T[],
  pieces: Map<Provenance, PieceTiming>,
  allowUnclear: boolean,
): T[] {
  return list.filter((x) => {
    const t = pieces.get(x.provenance);
    return t === undefined || (allowUnclear && t.timing === "unclear");
  });
}

function subset(ev: PatientEvidence, pieces: Map<Provenance, PieceTiming>, allowUnclear: boolean): PatientEvidence {
  return {
    patientId: ev.patientId,
    patient: ev.patient,
    measurements: keep(ev.measurements, pieces, allowUnclear),
    spinalLesions: keep(ev.spinalLesions, pieces, allowUnclear),
    extraspinalFoci: keep(ev.extraspinalFoci, pieces, allowUnclear),
    unlocatedBoneMets: ev.unlocatedBoneMets,
    visceral: keep(ev.visceral, pieces, allowUnclear),
    primaries: keep(ev.primaries, pieces, allowUnclear),
    questionnaires: keep(ev.questionnaires, pieces, allowUnclear),
    surgeries: ev.surgeries ?? [],
    diagnostics: ev.diagnostics,
  };
}

/** Places every piece of evidence once (diagnostics for the boundary and for contradicting answers go to `diags`). */
export function classifyEvidence(
  ev: PatientEvidence,
  options: { proceduresUnread?: boolean },
  diags: Diagnostic[],
): TimedEvidence {
  const b = findBoundary(ev, options.proceduresUnread === true, diags);
  const pieces = new Map<Provenance, PieceTiming>();
  if (b === null)
    return { pre: ev, withUnclear: null, all: null, boundary: null, pieces, unclearKinds: 0, postKinds: 0 };
  let unclearKinds = 0;
  let postKinds = 0;
  // One piece may be several findings (a Condition that is a lesion and a possible organ): the same Provenance,
  // placed the same way; its kinds are those of every finding.
  const set = (p: Provenance, t: PieceTiming | null, kinds: number): void => {
    if (!t) return;
    pieces.set(p, t);
    if (t.timing === "unclear") unclearKinds |= kinds;
    else postKinds |= kinds;
  };
  for (const m of ev.measurements) set(m.provenance, placeDated(m.date, b), MEASUREMENT_KIND[m.concept] ?? 0);
  for (const q of ev.questionnaires) set(q.provenance, placeQuestionnaire(q, b, ev, diags), questionnaireKinds(q));
  for (const l of ev.spinalLesions) set(l.provenance, placeCondition(l.date, b), READS.spinalLesion);
  for (const f of ev.extraspinalFoci) set(f.provenance, placeCondition(f.date, b), READS.extraspinalFocus);
  for (const v of ev.visceral) set(v.provenance, placeCondition(v.date, b), READS.visceral);
  for (const p of ev.primaries) set(p.provenance, placeCondition(p.date, b), READS.primary);
  let unclear = false;
  let post = false;
  for (const t of pieces.values()) {
    if (t.timing === "unclear") unclear = true;
    else post = true;
  }
  return {
    pre: pieces.size === 0 ? ev : subset(ev, pieces, false),
    withUnclear: unclear ? subset(ev, pieces, true) : null,
    all: post ? ev : null,
    boundary: boundaryPhrase(b),
    pieces,
    unclearKinds,
    postKinds,
  };
}

// ------------------------------------------------------------------------------------------ items

function pieceParam(p: Provenance, t: PieceTiming): CoreParam {
  const l = label(p, dayOf(p.date));
  if (t.reason === null) return l;
  return msg("time.piece", { piece: l, reason: msg(`time.reason.${t.reason}`) });
}

function valuesParam<V extends string>(candidates: readonly V[], item: ValueItem | null): CoreParam {
  if (candidates.length === 0) return msg("time.values.unknown");
  return coreList(
    "or",
    candidates.map((v) => (item ? valueTerm(item, v) : v)),
  );
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v));
}

function addNote<V extends string>(plan: ItemPlan<V>, note: CoreMessage): ItemPlan<V> {
  const out = copyPlan(plan);
  out.context = [...plan.context, note];
  return out;
}

/** The plan widened by timing-unclear evidence: the range of both, unconfirmed, naming the unclear pieces too. */
function widened<V extends string>(
  plan: ItemPlan<V>,
  candidates: V[],
  wider: ItemPlan<V>,
  unclear: readonly Provenance[],
): ItemPlan<V> {
  const out = copyPlan(plan);
  out.candidates = candidates;
  out.confirmed = false;
  out.source = plan.source === "missing" ? wider.source : plan.source;
  out.provenance = [...plan.provenance, ...unclear];
  return out;
}

/**
 * An item built from pre-operative evidence only; timing-unclear evidence that would take part widens it to a
 * range, and follow-up evidence that would take part is named, not used.
 * `item`: the item's value terms for the notes (null: the values are quoted as they are, e.g. a level or a grade).
 */
export function timedPlan<V extends string>(
  build: (ev: PatientEvidence, diags: Diagnostic[]) => ItemPlan<V>,
  te: TimedEvidence,
  domain: readonly V[],
  item: ValueItem | null,
  diags: Diagnostic[],
  reads: number,
): ItemPlan<V> {
  let plan = build(te.pre, diags);
  const boundary = te.boundary;
  if (!boundary) return plan;
  const withUnclear = (te.unclearKinds & reads) !== 0 ? te.withUnclear : null;
  const all = (te.postKinds & reads) !== 0 ? te.all : null;
  if (!withUnclear && !all) return plan;
  const scratch: Diagnostic[] = [];
  if (withUnclear) {
    const known = new Set(plan.provenance);
    const wider = build(withUnclear, scratch);
    const unclear = wider.provenance.filter((p) => te.pieces.get(p)?.timing === "unclear" && !known.has(p));
    if (unclear.length > 0) {
      const all0 = plan.candidates.length > 0 ? plan.candidates : domain;
      const all1 = wider.candidates.length > 0 ? wider.candidates : domain;
      const union = domain.filter((v) => all0.includes(v) || all1.includes(v));
      const candidates = union.length === domain.length ? [] : union;
      const changed = !sameValues(plan.candidates, wider.candidates);
      const listed = unclear.map((p) => pieceParam(p, te.pieces.get(p) as PieceTiming));
      const values = valuesParam(wider.candidates, item);
      const note = msg(changed ? "context.time.unclear" : "context.time.unclear-same", {
        boundary,
        pieces: coreList("semicolon", listed),
        values,
      });
      plan = addNote(changed ? widened(plan, candidates, wider, unclear) : plan, note);
    }
  }
  if (all) {
    const everything = build(all, scratch);
    const post = everything.provenance.filter((p) => te.pieces.get(p)?.timing === "post");
    if (post.length > 0) {
      const listed = post.map((p) => pieceParam(p, te.pieces.get(p) as PieceTiming));
      const values = valuesParam(everything.candidates, item);
      plan = addNote(plan, msg("context.time.follow-up", { boundary, pieces: coreList("semicolon", listed), values }));
    }
  }
  return plan;
}
