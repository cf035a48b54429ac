/**
 * The study's segment group and whether the patient resembles the study population, from every spinal metastasis
 * on file (Segi et al., Global Spine J 2025;15(4):2286–2299: 1–3 contiguous vertebrae, age ≥ 20, no total en bloc
 * spondylectomy; the applicability rule decided in issue 12, docs/clinical-rules.md):
 *
 * - every spinal metastasis on file counts: the record's active and inactive ones (resolved, remission, inactive:
 *   a treated metastasis is still a metastasis the study would have counted) and the levels of the app's SINS forms;
 * - separate Conditions on adjacent levels are one lesion (the levels are joined before contiguity is judged);
 * - false when the levels are more than 3 or not contiguous, or age < 20, or en bloc resection is planned;
 * - null when a spinal metastasis without a level lies next to levelled ones (where it is decides the answer), when
 *   no level is known, or when the age is unknown — the reasons say which;
 * - true only when every spinal metastasis on file lies in 1–3 contiguous levels and the age is ≥ 20.
 *
 * The checks on the levels themselves are the scoring core's (src/scores/levels.ts `applicability`); this module
 * chooses the evidence and adds what only the record can tell (unlevelled and inactive metastases).
 */
import type { Provenance, ScoreReport } from "../report/types";
import { applicability, coreList, levelsParam, segmentGroup, type Applicability, type SpinalLevel } from "../scores";
import { SPINAL_LEVELS } from "../scores/types";
import { inLevelOrder } from "./fhir";
import { msg, refParam } from "./messages";
import type { PatientEvidence, SpinalLesion } from "./types";

export interface StudyPopulation {
  segmentGroup: ScoreReport["segmentGroup"];
  applicability: Applicability;
}

/** The segment group and the applicability check from every spinal metastasis on file. */
export function studyPopulation(
  ev: PatientEvidence,
  age: number | null,
  enBlocPlanned: boolean | null,
): StudyPopulation {
  const inactive = ev.inactiveSpinalLesions ?? [];
  const set = new Set<SpinalLevel>();
  const provenance: Provenance[] = [];
  // The record's lesions, active then inactive; those without a level are kept apart.
  const unlevelled: SpinalLesion[] = [];
  for (const list of [ev.spinalLesions, inactive]) {
    for (const l of list) {
      if (l.levels.length === 0) {
        unlevelled.push(l);
        continue;
      }
      for (const level of l.levels) set.add(level);
      provenance.push(l.provenance);
    }
  }
  for (const q of ev.questionnaires) {
    const sins = q.sins;
    if (!sins) continue;
    const lesionLevels = sins.lesionLevels ?? [];
    if (lesionLevels.length === 0 && !sins.location) continue;
    for (const level of lesionLevels) set.add(level);
    if (sins.location) set.add(sins.location);
    provenance.push(q.provenance);
  }
  const levels = inLevelOrder(set);
  const group = segmentGroup(levels);
  const base = applicability({ levels, age, enBlocPlanned });

  const inactiveLevels =
    inactive.length === 0 ? [] : SPINAL_LEVELS.filter((lv) => inactive.some((l) => l.levels.includes(lv)));
  // applicability's lists are its own, fresh on each call: added to in place.
  const reasons = base.reasons;
  let verdict = base.inStudyPopulation;

  if (unlevelled.length > 0 && levels.length > 0) {
    const code = msg("applicability.unlevelled", {
      refs: coreList(
        "comma",
        unlevelled.map((l) => refParam(l.provenance.reference)),
      ),
      levels: levelsParam(levels),
    });
    if (verdict === true) {
      // The open reason replaces "within the study population", which it contradicts.
      verdict = null;
      reasons.splice(0, 1, code);
    } else if (verdict === null) {
      reasons.unshift(code);
    } else {
      reasons.push(code);
    }
  }
  if (inactiveLevels.length > 0) {
    reasons.push(msg("applicability.inactive-counted", { levels: levelsParam(inactiveLevels) }));
  }
  return {
    segmentGroup: { group: group.group, levels: group.levels, provenance },
    applicability: { inStudyPopulation: verdict, reasons },
  };
}
