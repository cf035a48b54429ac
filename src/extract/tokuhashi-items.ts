/** The six Tokuhashi items from the evidence (DESIGN.md evidence rules). */
import type { Diagnostic, Provenance } from "../report/types";
import {
  describeLevels,
  extraspinalBoneMetsCandidates,
  kpsCategory,
  PRIMARY_SITES,
  vertebralBodyMetsCandidates,
  type ExtraspinalBoneMets,
  type FrankelGrade,
  type GeneralCondition,
  type PrimarySite,
  type SpinalLevel,
  type VertebralBodyMets,
  type VisceralMets,
} from "../scores";
import { SPINAL_LEVELS } from "../scores/types";
import { ecogSuggestion } from "./mappings";
import { fromResolved, joinContext, missing, type ItemPlan } from "./plan";
import { latestDay, questionnaireIsNewer, resolveLatest, type Claim } from "./resolve";
import type { PatientEvidence, QuestionnaireFinding, TokuhashiAnswers } from "./types";

type Diags = Diagnostic[];

function qrClaims<V extends string>(
  ev: PatientEvidence,
  pick: (q: QuestionnaireFinding) => V | undefined,
  label: (v: V) => string,
): Claim<V>[] {
  const out: Claim<V>[] = [];
  for (const q of ev.questionnaires) {
    const v = pick(q);
    if (v === undefined) continue;
    out.push({ value: v, label: label(v), day: q.day, source: "questionnaire", preliminary: q.preliminary, provenance: q.provenance });
  }
  return out;
}

function tok<K extends keyof TokuhashiAnswers>(key: K) {
  return (q: QuestionnaireFinding): TokuhashiAnswers[K] | undefined => q.tokuhashi?.[key];
}

function describe<V>(c: Claim<V>): string {
  return `${c.label} (${c.provenance.reference ?? "no id"})`;
}

function conflictDiag(plan: ItemPlan<string>, item: string, diags: Diags): void {
  if (plan.conflict) {
    diags.push({ severity: "warning", code: "conflict", message: `${item}: ${plan.context ?? "conflicting values"}` });
  }
}

/** The questionnaire's answer when it is at least as new as the record's evidence, else null. */
function newerQuestionnaire<V extends string>(claims: Claim<V>[], recordDay: string | null, item: string, diags: Diags): ItemPlan<V> | null {
  const r = resolveLatest(claims);
  if (!r || !questionnaireIsNewer(r.day, recordDay)) return null;
  const plan = fromResolved(r, describe);
  conflictDiag(plan, item, diags);
  return plan;
}

// ------------------------------------------------------------------------------ 1. general condition

export function generalConditionPlan(ev: PatientEvidence, diags: Diags): ItemPlan<GeneralCondition> {
  const claims: Claim<GeneralCondition>[] = [];
  for (const m of ev.measurements) {
    if (m.concept !== "kps" || typeof m.value !== "number") continue;
    claims.push({ value: kpsCategory(m.value), label: `KPS ${m.value}`, day: m.day, source: "record", preliminary: m.preliminary, provenance: m.provenance });
  }
  for (const q of ev.questionnaires) {
    const t = q.tokuhashi;
    if (!t) continue;
    if (t.kps !== undefined) {
      claims.push({ value: kpsCategory(t.kps), label: `KPS ${t.kps}`, day: q.day, source: "questionnaire", preliminary: q.preliminary, provenance: q.provenance });
    } else if (t.generalCondition) {
      claims.push({ value: t.generalCondition, label: `general condition ${t.generalCondition}`, day: q.day, source: "questionnaire", preliminary: q.preliminary, provenance: q.provenance });
    }
  }
  const r = resolveLatest(claims);
  if (r) {
    const plan = fromResolved(r, describe);
    conflictDiag(plan, "Tokuhashi general condition (KPS)", diags);
    return plan;
  }
  return ecogOnly(ev, diags);
}

/** Only ECOG on file: the item stays unknown; ECOG is shown as context with a labelled suggestion. */
function ecogOnly(ev: PatientEvidence, diags: Diags): ItemPlan<GeneralCondition> {
  const claims: Claim<number>[] = [];
  for (const m of ev.measurements) {
    if (m.concept === "ecog" && typeof m.value === "number") {
      claims.push({ value: m.value, label: `ECOG ${m.value}`, day: m.day, source: "record", preliminary: m.preliminary, provenance: m.provenance });
    }
  }
  for (const q of ev.questionnaires) {
    if (q.ecog !== undefined) {
      claims.push({ value: q.ecog, label: `ECOG ${q.ecog}`, day: q.day, source: "questionnaire", preliminary: q.preliminary, provenance: q.provenance });
    }
  }
  const r = resolveLatest(claims);
  const noKps = "No Karnofsky performance status (KPS) on file.";
  if (!r) return missing(noKps);
  const when = r.day ? ` on ${r.day}` : "";
  const refs = r.claims.map((c) => c.provenance.reference ?? "no id").join(", ");
  if (r.values.length > 1) {
    diags.push({ severity: "warning", code: "conflict", message: `ECOG: different values recorded${when}: ${r.claims.map(describe).join("; ")}` });
    return missing(`${noKps} Different ECOG values${when} (${r.claims.map(describe).join("; ")}); ECOG is not converted to KPS.`);
  }
  const ecog = r.values[0] ?? 0;
  const s = ecogSuggestion(ecog);
  const context = `${noKps} ECOG ${ecog}${when} (${refs}) is shown as context and not converted to KPS.`;
  if (s.category && s.kpsRange) {
    return missing(context, {
      value: s.category,
      reason: `ECOG ${ecog} corresponds to KPS ${s.kpsRange} (oBDS ECOG–Karnofsky correspondence), i.e. "${s.category}". A suggestion only: confirm or enter the KPS.`,
    });
  }
  return missing(
    joinContext(context, s.kpsRange ? `ECOG ${ecog} corresponds to KPS ${s.kpsRange}, which spans more than one category: enter the KPS.` : null),
  );
}

// ------------------------------------------------------------------------------ 2. extraspinal bone metastases

export function extraspinalPlan(ev: PatientEvidence, diags: Diags): ItemPlan<ExtraspinalBoneMets> {
  const sites = new Map<string, { display: string; provenance: Provenance; day: string | null }>();
  for (const f of ev.extraspinalFoci) if (!sites.has(f.site)) sites.set(f.site, { display: f.display, provenance: f.provenance, day: f.date?.slice(0, 10) ?? null });
  const recordDay = latestDay([...sites.values()].map((s) => s.day));
  const qr = newerQuestionnaire(qrClaims(ev, tok("extraspinalBoneMets"), (v) => `${v} foci`), recordDay, "Tokuhashi extraspinal bone metastases", diags);
  if (qr) return qr;
  const unlocated = ev.unlocatedBoneMets.length;
  const unlocatedNote =
    unlocated > 0 ? `${unlocated} bone metastasis record(s) without a coded body site are not counted (${ev.unlocatedBoneMets.map((p) => p.reference ?? "no id").join(", ")}).` : null;
  const count = sites.size;
  if (count === 0) {
    return missing(joinContext("No bone metastasis outside the spine on file.", unlocatedNote), {
      value: "0",
      reason: "No extraspinal bone metastasis is recorded; absence of a record is not proof of none: confirm.",
    });
  }
  const names = [...sites.values()].map((s) => s.display).join(", ");
  return {
    candidates: extraspinalBoneMetsCandidates(count, true),
    source: "record",
    confirmed: false,
    provenance: [...sites.values()].map((s) => s.provenance),
    suggestion: null,
    conflict: null,
    context: joinContext(`At least ${count} extraspinal bone metastasis site${count === 1 ? "" : "s"} on file (${names}): a lower bound until confirmed.`, unlocatedNote),
    overridden: null,
  };
}

// ------------------------------------------------------------------------------ 3. vertebral bodies

/** Distinct vertebrae (C1–S5) with a metastasis in the record, cranial to caudal. */
export function recordVertebrae(ev: PatientEvidence): SpinalLevel[] {
  const set = new Set<SpinalLevel>();
  for (const l of ev.spinalLesions) for (const level of l.levels) if (level !== "Coccyx" && level !== "Occiput") set.add(level);
  return SPINAL_LEVELS.filter((l) => set.has(l));
}

export function vertebralPlan(ev: PatientEvidence, diags: Diags): ItemPlan<VertebralBodyMets> {
  const vertebrae = recordVertebrae(ev);
  const withLevels = ev.spinalLesions.filter((l) => l.levels.some((x) => x !== "Coccyx"));
  const recordDay = latestDay(withLevels.map((l) => l.date?.slice(0, 10) ?? null));
  const qr = newerQuestionnaire(qrClaims(ev, tok("vertebralBodyMets"), (v) => `${v} vertebrae`), recordDay, "Tokuhashi vertebral bodies", diags);
  if (qr) return qr;
  const regionOnly = ev.spinalLesions.filter((l) => l.levels.length === 0);
  const regionNote = regionOnly.length > 0 ? `${regionOnly.length} spinal metastasis record(s) without a coded level.` : null;
  if (vertebrae.length === 0) return missing(joinContext("No vertebral level on file.", regionNote));
  return {
    candidates: vertebralBodyMetsCandidates(vertebrae.length, true),
    source: "record",
    confirmed: false,
    provenance: withLevels.map((l) => l.provenance),
    suggestion: null,
    conflict: null,
    context: joinContext(
      `At least ${vertebrae.length} vertebra${vertebrae.length === 1 ? "" : "e"} on file (${describeLevels(vertebrae)}): a lower bound until confirmed.`,
      regionNote,
    ),
    overridden: null,
  };
}

// ------------------------------------------------------------------------------ 4. major internal organs

export function visceralPlan(ev: PatientEvidence, diags: Diags): ItemPlan<VisceralMets> {
  const recordDay = latestDay(ev.visceral.map((v) => v.date?.slice(0, 10) ?? null));
  const qr = newerQuestionnaire(qrClaims(ev, tok("visceralMets"), (v) => v), recordDay, "Tokuhashi internal organ metastases", diags);
  if (qr) return qr;
  const certain = ev.visceral.filter((v) => v.certainty === "certain");
  const possible = ev.visceral.filter((v) => v.certainty === "possible");
  const list = (xs: typeof ev.visceral) => xs.map((v) => `${v.organ} (${v.provenance.reference ?? "no id"})`).join(", ");
  const possibleNote = possible.length > 0 ? `Also on file, possibly a major internal organ: ${list(possible)}.` : null;
  if (certain.length > 0) {
    return {
      candidates: ["unremovable", "removable"],
      source: "record",
      confirmed: false,
      provenance: [...certain, ...possible].map((v) => v.provenance),
      suggestion: null,
      conflict: null,
      context: joinContext(`Metastasis to a major internal organ on file: ${list(certain)}. Removable or not is the surgeon's judgement.`, possibleNote),
      overridden: null,
    };
  }
  if (possible.length > 0) {
    return {
      candidates: [],
      source: "record",
      confirmed: false,
      provenance: possible.map((v) => v.provenance),
      suggestion: null,
      conflict: null,
      context: `Metastasis on file that may or may not count as a major internal organ: ${list(possible)}. Please decide.`,
      overridden: null,
    };
  }
  return missing("No metastasis to a major internal organ on file.", {
    value: "none",
    reason: "No visceral metastasis is recorded; absence of a record is not proof of none: confirm.",
  });
}

// ------------------------------------------------------------------------------ 5. primary site

export function primaryPlan(ev: PatientEvidence, diags: Diags): ItemPlan<PrimarySite> {
  const related = new Set(ev.spinalLesions.map((l) => l.relatedPrimary).filter((x): x is string => x !== null));
  const linked = ev.primaries.filter((p) => related.has(p.reference));
  const used = linked.length > 0 ? linked : ev.primaries;
  const recordDay = latestDay(used.map((p) => p.date?.slice(0, 10) ?? null));
  const qr = newerQuestionnaire(qrClaims(ev, tok("primarySite"), (v) => v), recordDay, "Tokuhashi primary site", diags);
  if (qr) return qr;
  if (used.length === 0) return missing("No primary cancer on file.");
  const unknown = used.some((p) => p.candidates.length === 0);
  const candidates = unknown ? [] : PRIMARY_SITES.filter((s) => used.some((p) => p.candidates.includes(s)));
  const described = used
    .map((p) => `${p.provenance.display ?? p.provenance.code ?? "primary cancer"} (${p.reference}${p.candidates.length > 0 ? `: ${p.candidates.join(" or ")}` : ": category not derivable"})`)
    .join("; ");
  const notes = used.map((p) => p.note).filter((n): n is string => !!n);
  const linkedNote = linked.length > 0 && linked.length < ev.primaries.length ? "Primary linked from the spinal metastasis record." : null;
  const ask = unknown || candidates.length > 1 ? "Pick the primary-site category." : null;
  return {
    candidates,
    source: "record",
    confirmed: false,
    provenance: used.map((p) => p.provenance),
    suggestion: null,
    conflict: null,
    context: joinContext(`Primary cancer on file: ${described}.`, linkedNote, ...notes, ask),
    overridden: null,
  };
}

// ------------------------------------------------------------------------------ 6. palsy (Frankel)

export function palsyPlan(ev: PatientEvidence, diags: Diags): ItemPlan<FrankelGrade> {
  const claims: Claim<FrankelGrade>[] = [];
  for (const m of ev.measurements) {
    if (m.concept === "frankel" && typeof m.value === "string") {
      claims.push({ value: m.value, label: `Frankel ${m.value}`, day: m.day, source: "record", preliminary: m.preliminary, provenance: m.provenance });
    }
  }
  claims.push(...qrClaims(ev, (q) => q.frankel, (v) => `Frankel ${v}`));
  const r = resolveLatest(claims);
  if (!r) return missing("No Frankel grade on file.");
  const plan = fromResolved(r, describe);
  conflictDiag(plan, "Tokuhashi palsy (Frankel)", diags);
  return plan;
}
