/**
 * scoreReport: PatientEvidence + ReportOptions → the ScoreReport (src/report/types.ts; docs/score-report.md).
 * Clinician entries are applied here, so the UI re-scores instantly on each edit.
 */
import type { ClinicianEntries, Diagnostic, ReportOptions, ScoreReport } from "../report/types";
import {
  DEFAULT_VALUE_SET,
  EXTRASPINAL_BONE_METS,
  FRANKEL_GRADES,
  GENERAL_CONDITIONS,
  PRIMARY_SITES,
  sins,
  SINS_ALIGNMENT,
  SINS_BONE_LESION,
  SINS_COLLAPSE,
  SINS_LEVELS,
  SINS_PAIN,
  SINS_POSTEROLATERAL,
  STUDY_MIN_AGE,
  tokuhashi,
  VERTEBRAL_BODY_METS,
  VISCERAL_METS,
} from "../scores";
import { expectedQol } from "../study";
import { ageAt, ageForThreshold } from "./age";
import { studyPopulation } from "./applicability";
import { msg, type CoreMessageCode } from "./messages";
import { applyClinician, toReportItem, type ItemPlan } from "./plan";
import { qolTimepoints } from "./qol";
import { classifyEvidence, READS, timedPlan } from "./timing";
import {
  sinsAlignmentPlan,
  sinsBoneLesionPlan,
  sinsCollapsePlan,
  sinsLocationPlan,
  sinsPainPlan,
  sinsPosterolateralPlan,
} from "./sins-items";
import {
  extraspinalPlan,
  generalConditionPlan,
  palsyPlan,
  primaryPlan,
  recencyOf,
  vertebralPlan,
  visceralPlan,
  withPerformanceClaims,
} from "./tokuhashi-items";
import type { PatientEvidence } from "./types";

type Entries<T> = Partial<Record<keyof T, string>>;

function clinician<V extends string>(
  plan: ItemPlan<V>,
  entry: string | undefined,
  domain: readonly V[],
  item: ItemName,
  diags: Diagnostic[],
): ItemPlan<V> {
  const applied = applyClinician(plan, entry as V | undefined, domain);
  if (applied === "invalid") {
    diags.push({ severity: "warning", code: "invalid-entry", message: msg("diag.invalid-entry", { item: msg(item) }) });
    return plan;
  }
  return applied;
}

/** The items' names in the invalid-entry diagnostics. */
type ItemName = `item.${"sins" | "tokuhashi"}.${string}` & CoreMessageCode;

/** The data-access layer could not read (all of) the spinal surgery Procedures: their search failed or was cut short. */
function proceduresUnread(diagnostics: readonly Diagnostic[] | undefined): boolean {
  return (diagnostics ?? []).some((d) => d.message.params?.search === "Procedure" && d.severity !== "info");
}

export function scoreReport(evidence: PatientEvidence, options: ReportOptions): ScoreReport {
  const diags: Diagnostic[] = [...evidence.diagnostics];
  const entries: ClinicianEntries = options.clinician ?? {};
  const s: Entries<ScoreReport["sins"]["items"]> = entries.sins ?? {};
  const t: Entries<ScoreReport["tokuhashi"]["items"]> = entries.tokuhashi ?? {};

  // Patient
  const range = ageAt(evidence.patient.birthDate, options.now);
  if (evidence.patient.birthDate && !range) {
    diags.push({ severity: "warning", code: "birth-date", message: msg("diag.birth-date.unusable") });
  } else if (range && range.age === null) {
    diags.push({
      severity: "info",
      code: "birth-date",
      message: msg("diag.birth-date.partial", { min: range.min, max: range.max }),
    });
  }

  // Segment group and applicability
  // Every spinal metastasis on file, inactive and unlevelled ones included (src/extract/applicability.ts).
  const study = studyPopulation(
    evidence,
    ageForThreshold(range, STUDY_MIN_AGE),
    typeof entries.enBlocPlanned === "boolean" ? entries.enBlocPlanned : null,
  );
  const group = study.segmentGroup;
  const appl = study.applicability;

  // SINS
  // Time: the items use pre-operative evidence only (docs/clinical-rules.md, "Time"); the QOL course uses all.
  const te = classifyEvidence(evidence, { proceduresUnread: proceduresUnread(options.diagnostics) }, diags);
  const R = READS;
  const sp = {
    location: clinician(
      timedPlan(sinsLocationPlan, te, SINS_LEVELS, null, diags, R.spinalLesion | R.sins.location),
      s.location,
      SINS_LEVELS,
      "item.sins.location",
      diags,
    ),
    pain: clinician(
      timedPlan(sinsPainPlan, te, SINS_PAIN, "pain", diags, R.sins.pain),
      s.pain,
      SINS_PAIN,
      "item.sins.pain",
      diags,
    ),
    boneLesion: clinician(
      timedPlan(sinsBoneLesionPlan, te, SINS_BONE_LESION, "boneLesion", diags, R.sins.boneLesion),
      s.boneLesion,
      SINS_BONE_LESION,
      "item.sins.boneLesion",
      diags,
    ),
    alignment: clinician(
      timedPlan(sinsAlignmentPlan, te, SINS_ALIGNMENT, "alignment", diags, R.sins.alignment),
      s.alignment,
      SINS_ALIGNMENT,
      "item.sins.alignment",
      diags,
    ),
    collapse: clinician(
      timedPlan(sinsCollapsePlan, te, SINS_COLLAPSE, "collapse", diags, R.sins.collapse),
      s.collapse,
      SINS_COLLAPSE,
      "item.sins.collapse",
      diags,
    ),
    posterolateral: clinician(
      timedPlan(sinsPosterolateralPlan, te, SINS_POSTEROLATERAL, "posterolateral", diags, R.sins.posterolateral),
      s.posterolateral,
      SINS_POSTEROLATERAL,
      "item.sins.posterolateral",
      diags,
    ),
  };
  const sinsScore = sins({
    location: sp.location.candidates,
    pain: sp.pain.candidates,
    boneLesion: sp.boneLesion.candidates,
    alignment: sp.alignment.candidates,
    collapse: sp.collapse.candidates,
    posterolateral: sp.posterolateral.candidates,
  });

  // Tokuhashi
  const recency = recencyOf(options);
  const tp = {
    generalCondition: clinician(
      withPerformanceClaims(
        timedPlan(
          (e, d) => generalConditionPlan(e, d, recency),
          te,
          GENERAL_CONDITIONS,
          "generalCondition",
          diags,
          R.kps | R.ecog | R.tokuhashi.generalCondition | R.questionnaireEcog,
        ),
        evidence,
      ),
      t.generalCondition,
      GENERAL_CONDITIONS,
      "item.tokuhashi.generalCondition",
      diags,
    ),
    extraspinalBoneMets: clinician(
      timedPlan(
        extraspinalPlan,
        te,
        EXTRASPINAL_BONE_METS,
        "extraspinalBoneMets",
        diags,
        R.extraspinalFocus | R.tokuhashi.extraspinalBoneMets,
      ),
      t.extraspinalBoneMets,
      EXTRASPINAL_BONE_METS,
      "item.tokuhashi.extraspinalBoneMets",
      diags,
    ),
    vertebralBodyMets: clinician(
      timedPlan(
        vertebralPlan,
        te,
        VERTEBRAL_BODY_METS,
        "vertebralBodyMets",
        diags,
        R.spinalLesion | R.tokuhashi.vertebralBodyMets,
      ),
      t.vertebralBodyMets,
      VERTEBRAL_BODY_METS,
      "item.tokuhashi.vertebralBodyMets",
      diags,
    ),
    visceralMets: clinician(
      timedPlan(visceralPlan, te, VISCERAL_METS, "visceralMets", diags, R.visceral | R.tokuhashi.visceralMets),
      t.visceralMets,
      VISCERAL_METS,
      "item.tokuhashi.visceralMets",
      diags,
    ),
    primarySite: clinician(
      timedPlan(primaryPlan, te, PRIMARY_SITES, "primarySite", diags, R.primary | R.tokuhashi.primarySite),
      t.primarySite,
      PRIMARY_SITES,
      "item.tokuhashi.primarySite",
      diags,
    ),
    palsy: clinician(
      timedPlan(
        (e, d) => palsyPlan(e, d, recency),
        te,
        FRANKEL_GRADES,
        null,
        diags,
        R.frankel | R.questionnaireFrankel,
      ),
      t.palsy,
      FRANKEL_GRADES,
      "item.tokuhashi.palsy",
      diags,
    ),
  };
  const tokScore = tokuhashi({
    generalCondition: tp.generalCondition.candidates,
    extraspinalBoneMets: tp.extraspinalBoneMets.candidates,
    vertebralBodyMets: tp.vertebralBodyMets.candidates,
    visceralMets: tp.visceralMets.candidates,
    primarySite: tp.primarySite.candidates,
    palsy: tp.palsy.candidates,
  });

  // QOL
  const timepoints = qolTimepoints(evidence, options.valueSetId ?? DEFAULT_VALUE_SET, diags);

  const report: ScoreReport = {
    patient: {
      id: evidence.patientId,
      age: range?.age ?? null,
      sex: evidence.patient.sex,
      name: evidence.patient.name,
      birthDate: evidence.patient.birthDate,
      mrn: evidence.patient.mrn,
    },
    segmentGroup: group,
    applicability: appl,
    sins: {
      total: sinsScore.total,
      min: sinsScore.min,
      max: sinsScore.max,
      category: sinsScore.category,
      items: {
        location: toReportItem(sinsScore.items.location, sp.location),
        pain: toReportItem(sinsScore.items.pain, sp.pain),
        boneLesion: toReportItem(sinsScore.items.boneLesion, sp.boneLesion),
        alignment: toReportItem(sinsScore.items.alignment, sp.alignment),
        collapse: toReportItem(sinsScore.items.collapse, sp.collapse),
        posterolateral: toReportItem(sinsScore.items.posterolateral, sp.posterolateral),
      },
    },
    tokuhashi: {
      total: tokScore.total,
      min: tokScore.min,
      max: tokScore.max,
      prognosis: tokScore.prognosis,
      version: "revised-2005",
      items: {
        generalCondition: toReportItem(tokScore.items.generalCondition, tp.generalCondition),
        extraspinalBoneMets: toReportItem(tokScore.items.extraspinalBoneMets, tp.extraspinalBoneMets),
        vertebralBodyMets: toReportItem(tokScore.items.vertebralBodyMets, tp.vertebralBodyMets),
        visceralMets: toReportItem(tokScore.items.visceralMets, tp.visceralMets),
        primarySite: toReportItem(tokScore.items.primarySite, tp.primarySite),
        palsy: toReportItem(tokScore.items.palsy, tp.palsy),
      },
    },
    qol: { timepoints, expected: expectedQol(group.group) },
    diagnostics: diags,
  };
  if (options.diagnostics) for (const d of options.diagnostics) diags.push(d);
  if (options.partial) report.partial = true;
  return report;
}
