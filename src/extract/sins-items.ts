/** The six SINS items from the evidence: location from the lesion levels on file, the rest from the app's SINS form. */
import type { Diagnostic } from "../report/types";
import {
  coreList,
  levelsParam,
  scoreMessage,
  sinsLocationClass,
  type CoreParam,
  type SinsAlignment,
  type SinsBoneLesion,
  type SinsCollapse,
  type SinsLevel,
  type SinsPain,
  type SinsPosterolateral,
  type SpinalLevel,
} from "../scores";
import { SPINAL_LEVELS } from "../scores/types";
import type { SinsAnswers } from "./types";
import { inLevelOrder } from "./fhir";
import { msg, refParam, regionTerm, valueTerm } from "./messages";
import { fromResolved, joinNotes, missing, type ItemPlan } from "./plan";
import { latestDay, questionnaireIsNewer, resolveLatest, type Claim } from "./resolve";
import type { PatientEvidence } from "./types";

type Diags = Diagnostic[];

function sinsClaims<K extends keyof SinsAnswers>(ev: PatientEvidence, key: K): Claim<NonNullable<SinsAnswers[K]>>[] {
  const out: Claim<NonNullable<SinsAnswers[K]>>[] = [];
  for (const q of ev.questionnaires) {
    const v = q.sins?.[key];
    if (v === undefined) continue;
    out.push({
      value: v,
      label: claimLabel(key, v),
      day: q.day,
      source: "questionnaire",
      preliminary: q.preliminary,
      provenance: q.provenance,
    });
  }
  return out;
}

/** A SINS answer as it reads in a note: the level, or the answer's term. */
function claimLabel(key: keyof SinsAnswers, v: unknown): CoreParam {
  switch (key) {
    case "pain":
    case "boneLesion":
    case "alignment":
    case "collapse":
    case "posterolateral":
      return valueTerm(key, String(v));
    default:
      return String(v);
  }
}

/** The item names of SINS conflicts, as the diagnostics write them ("SINS boneLesion": the answer's key). */
const CONFLICT_ITEM = {
  pain: "item.sins.pain",
  boneLesion: "item.sins.boneLesion-key",
  alignment: "item.sins.alignment",
  collapse: "item.sins.collapse",
  posterolateral: "item.sins.posterolateral",
} as const;

function conflictDiag(
  plan: ItemPlan<string>,
  item: "item.sins.location" | (typeof CONFLICT_ITEM)[keyof typeof CONFLICT_ITEM],
  diags: Diags,
): void {
  if (!plan.conflict) return;
  diags.push({
    severity: "warning",
    code: "conflict",
    message: msg("diag.conflict.item", { item: msg(item), context: plan.context[0] ?? "" }),
  });
}

export function sinsLocationPlan(ev: PatientEvidence, diags: Diags): ItemPlan<SinsLevel> {
  const lesions = ev.spinalLesions.filter((l) => l.levels.length > 0);
  const recordDay = latestDay(lesions.map((l) => l.date?.slice(0, 10) ?? null));
  const qr = resolveLatest(sinsClaims(ev, "location"));
  if (qr && questionnaireIsNewer(qr.day, recordDay)) {
    const plan = fromResolved(qr);
    conflictDiag(plan, "item.sins.location", diags);
    return plan;
  }
  const all = new Set<SpinalLevel>();
  for (const l of lesions) for (const level of l.levels) all.add(level);
  const coccyx = all.has("Coccyx");
  const levels = (
    coccyx ? SPINAL_LEVELS.filter((l) => all.has(l) && l !== "Coccyx") : inLevelOrder(all)
  ) as SinsLevel[];
  const coccyxNote = coccyx ? msg("context.sins.coccyx", { reason: scoreMessage("term.coccyx-not-scoreable") }) : null;
  if (coccyx) {
    diags.push({
      severity: "warning",
      code: "coccyx",
      message: msg("diag.coccyx", { reason: scoreMessage("term.coccyx-not-scoreable") }),
    });
  }
  if (levels.length === 0) {
    const regions = [...new Set(ev.spinalLesions.flatMap((l) => l.regions))];
    return missing([
      msg("context.sins.no-level"),
      coccyxNote,
      regions.length > 0
        ? msg("context.sins.region-only", { regions: coreList("comma", regions.map(regionTerm)) })
        : null,
    ]);
  }
  const scored = lesions.filter((l) => l.levels.some((x) => x !== "Coccyx"));
  const perLesionParam = coreList(
    "semicolon",
    scored.map((l) => msg("term.with-ref", { label: levelsParam(l.levels), ref: refParam(l.provenance.reference) })),
  );
  const classes = new Set(levels.map((l) => sinsLocationClass(l)));
  const pick =
    levels.length > 1 ? (classes.size > 1 ? msg("context.sins.pick-across-classes") : msg("context.sins.pick")) : null;
  const context = joinNotes(msg("context.sins.lesions", { lesions: perLesionParam }), pick, coccyxNote);
  return {
    candidates: levels,
    source: "record",
    confirmed: false,
    provenance: lesions.map((l) => l.provenance),
    suggestion: null,
    conflict: null,
    context,
    overridden: null,
  };
}

function sinsAnswerPlan<K extends "pain" | "boneLesion" | "alignment" | "collapse" | "posterolateral">(
  ev: PatientEvidence,
  key: K,
  diags: Diags,
): ItemPlan<NonNullable<SinsAnswers[K]>> {
  const r = resolveLatest(sinsClaims(ev, key));
  if (!r) return missing();
  const plan = fromResolved(r);
  conflictDiag(plan, CONFLICT_ITEM[key], diags);
  return plan;
}

/** sinsAnswerPlan of each answer item, as functions of (evidence, diagnostics): no closure per report. */
export const sinsPainPlan = (ev: PatientEvidence, diags: Diags): ItemPlan<SinsPain> =>
  sinsAnswerPlan(ev, "pain", diags);
export const sinsBoneLesionPlan = (ev: PatientEvidence, diags: Diags): ItemPlan<SinsBoneLesion> =>
  sinsAnswerPlan(ev, "boneLesion", diags);
export const sinsAlignmentPlan = (ev: PatientEvidence, diags: Diags): ItemPlan<SinsAlignment> =>
  sinsAnswerPlan(ev, "alignment", diags);
export const sinsCollapsePlan = (ev: PatientEvidence, diags: Diags): ItemPlan<SinsCollapse> =>
  sinsAnswerPlan(ev, "collapse", diags);
export const sinsPosterolateralPlan = (ev: PatientEvidence, diags: Diags): ItemPlan<SinsPosterolateral> =>
  sinsAnswerPlan(ev, "posterolateral", diags);
