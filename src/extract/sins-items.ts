/** The six SINS items from the evidence: location from the lesion levels on file, the rest from the app's SINS form. */
import type { Diagnostic } from "../report/types";
import { COCCYX_NOT_SCOREABLE, describeLevels, sinsLocationClass, type SinsLevel, type SpinalLevel } from "../scores";
import { SPINAL_LEVELS } from "../scores/types";
import type { SinsAnswers } from "./types";
import { fromResolved, joinContext, missing, type ItemPlan } from "./plan";
import { latestDay, questionnaireIsNewer, resolveLatest, type Claim } from "./resolve";
import type { PatientEvidence } from "./types";

type Diags = Diagnostic[];

function sinsClaims<K extends keyof SinsAnswers>(ev: PatientEvidence, key: K): Claim<NonNullable<SinsAnswers[K]>>[] {
  const out: Claim<NonNullable<SinsAnswers[K]>>[] = [];
  for (const q of ev.questionnaires) {
    const v = q.sins?.[key];
    if (v === undefined) continue;
    out.push({ value: v as NonNullable<SinsAnswers[K]>, label: String(v), day: q.day, source: "questionnaire", preliminary: q.preliminary, provenance: q.provenance });
  }
  return out;
}

const describe = (c: Claim<unknown>) => `${c.label} (${c.provenance.reference ?? "no id"})`;

export function sinsLocationPlan(ev: PatientEvidence, diags: Diags): ItemPlan<SinsLevel> {
  const lesions = ev.spinalLesions.filter((l) => l.levels.length > 0);
  const recordDay = latestDay(lesions.map((l) => l.date?.slice(0, 10) ?? null));
  const qr = resolveLatest(sinsClaims(ev, "location"));
  if (qr && questionnaireIsNewer(qr.day, recordDay)) {
    const plan = fromResolved(qr, describe);
    if (plan.conflict) diags.push({ severity: "warning", code: "conflict", message: `SINS location: ${plan.context ?? ""}` });
    return plan;
  }
  const all = new Set<SpinalLevel>();
  for (const l of lesions) for (const level of l.levels) all.add(level);
  const levels = SPINAL_LEVELS.filter((l): l is SinsLevel => all.has(l) && l !== "Coccyx");
  const coccyx = all.has("Coccyx");
  const coccyxNote = coccyx ? `Coccyx metastasis on file: ${COCCYX_NOT_SCOREABLE}.` : null;
  if (coccyx) {
    diags.push({ severity: "warning", code: "coccyx", message: `A metastasis at the coccyx is on file: ${COCCYX_NOT_SCOREABLE}; it belongs to no segment group.` });
  }
  if (levels.length === 0) {
    const regions = [...new Set(ev.spinalLesions.flatMap((l) => l.regions))];
    return missing(
      joinContext(
        "No scoreable vertebral level on file.",
        coccyxNote,
        regions.length > 0 ? `Spinal metastasis recorded without a level (${regions.join(", ")}).` : null,
      ),
    );
  }
  const perLesion = lesions
    .filter((l) => l.levels.some((x) => x !== "Coccyx"))
    .map((l) => `${describeLevels(l.levels)} (${l.provenance.reference ?? "no id"})`)
    .join("; ");
  const classes = new Set(levels.map((l) => sinsLocationClass(l)));
  const pick =
    levels.length > 1
      ? classes.size > 1
        ? "The levels span different location classes: pick the scored level."
        : "Pick the scored level."
      : null;
  return {
    candidates: levels,
    source: "record",
    confirmed: false,
    provenance: lesions.map((l) => l.provenance),
    suggestion: null,
    conflict: null,
    context: joinContext(`Spinal metastasis on file: ${perLesion}.`, pick, coccyxNote),
    overridden: null,
  };
}

export function sinsAnswerPlan<K extends "pain" | "boneLesion" | "alignment" | "collapse" | "posterolateral">(
  ev: PatientEvidence,
  key: K,
  diags: Diags,
): ItemPlan<NonNullable<SinsAnswers[K]>> {
  const r = resolveLatest(sinsClaims(ev, key));
  if (!r) return missing(null);
  const plan = fromResolved(r, describe);
  if (plan.conflict) diags.push({ severity: "warning", code: "conflict", message: `SINS ${key}: ${plan.context ?? ""}` });
  return plan;
}
