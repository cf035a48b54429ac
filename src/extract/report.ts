/**
 * scoreReport: PatientEvidence + ReportOptions → the ScoreReport (src/report/types.ts; docs/score-report.md).
 * Clinician entries are applied here, so the UI re-scores instantly on each edit.
 */
import type { ClinicianEntries, Diagnostic, ReportItem, ReportOptions, ScoreReport } from "../report/types";
import {
  DEFAULT_VALUE_SET,
  keysOf,
  sins,
  SINS_DOMAINS,
  STUDY_MIN_AGE,
  tokuhashi,
  TOKUHASHI_DOMAINS,
  type ItemScore,
  type SinsItem,
  type SinsValues,
  type TokuhashiItem,
  type TokuhashiValues,
} from "../scores";
import { expectedQol } from "../study";
import { ageAt, ageForThreshold } from "./age";
import { studyPopulation } from "./applicability";
import { msg } from "./messages";
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

/** An item's reader of the evidence (src/extract/sins-items.ts, tokuhashi-items.ts). */
type Reader<V extends string> = (ev: PatientEvidence, diags: Diagnostic[]) => ItemPlan<V>;

/** Each item's candidates: what the scorer takes. */
function candidatesOf<P extends Record<string, ItemPlan<string>>>(plans: P): { [K in keyof P]: P[K]["candidates"] } {
  return Object.fromEntries(Object.entries(plans).map(([k, plan]) => [k, plan.candidates])) as {
    [K in keyof P]: P[K]["candidates"];
  };
}

/** Each item as the report shows it: the scorer's points and its plan's evidence. */
function reportItems<V extends Record<string, string>>(
  scored: { [K in keyof V]: ItemScore<V[K]> },
  plans: { [K in keyof V]: ItemPlan<V[K]> },
): { [K in keyof V]: ReportItem<V[K]> } {
  return Object.fromEntries(keysOf(plans).map((k) => [k, toReportItem(scored[k], plans[k])])) as {
    [K in keyof V]: ReportItem<V[K]>;
  };
}

/** The items' names in the invalid-entry diagnostics. */
type ItemName = `item.sins.${SinsItem}` | `item.tokuhashi.${TokuhashiItem}`;

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
  /** One SINS item: its reader run on the evidence in time, with the clinician's entry applied. */
  const sinsItem = <I extends SinsItem>(item: I, read: Reader<SinsValues[I]>, reads: number) => {
    const domain = SINS_DOMAINS[item] as readonly SinsValues[I][];
    const plan = timedPlan(read, te, domain, item === "location" ? null : item, diags, reads);
    return clinician(plan, s[item], domain, `item.sins.${item}`, diags);
  };
  const sp = {
    location: sinsItem("location", sinsLocationPlan, R.spinalLesion | R.sins.location),
    pain: sinsItem("pain", sinsPainPlan, R.sins.pain),
    boneLesion: sinsItem("boneLesion", sinsBoneLesionPlan, R.sins.boneLesion),
    alignment: sinsItem("alignment", sinsAlignmentPlan, R.sins.alignment),
    collapse: sinsItem("collapse", sinsCollapsePlan, R.sins.collapse),
    posterolateral: sinsItem("posterolateral", sinsPosterolateralPlan, R.sins.posterolateral),
  };
  const sinsScore = sins(candidatesOf(sp));

  // Tokuhashi
  const recency = recencyOf(options);
  /** One Tokuhashi item, as sinsItem; `also` adds to the timed plan before the entry (general condition's claims). */
  const tokuhashiItem = <I extends TokuhashiItem>(
    item: I,
    read: Reader<TokuhashiValues[I]>,
    reads: number,
    also: (plan: ItemPlan<TokuhashiValues[I]>) => ItemPlan<TokuhashiValues[I]> = (plan) => plan,
  ) => {
    const domain = TOKUHASHI_DOMAINS[item] as readonly TokuhashiValues[I][];
    const plan = timedPlan(read, te, domain, item === "palsy" ? null : item, diags, reads);
    return clinician(also(plan), t[item], domain, `item.tokuhashi.${item}`, diags);
  };
  const tp = {
    generalCondition: tokuhashiItem(
      "generalCondition",
      (e, d) => generalConditionPlan(e, d, recency),
      R.kps | R.ecog | R.tokuhashi.generalCondition | R.questionnaireEcog,
      (plan) => withPerformanceClaims(plan, evidence),
    ),
    extraspinalBoneMets: tokuhashiItem(
      "extraspinalBoneMets",
      extraspinalPlan,
      R.extraspinalFocus | R.tokuhashi.extraspinalBoneMets,
    ),
    vertebralBodyMets: tokuhashiItem(
      "vertebralBodyMets",
      vertebralPlan,
      R.spinalLesion | R.tokuhashi.vertebralBodyMets,
    ),
    visceralMets: tokuhashiItem("visceralMets", visceralPlan, R.visceral | R.tokuhashi.visceralMets),
    primarySite: tokuhashiItem("primarySite", primaryPlan, R.primary | R.tokuhashi.primarySite),
    palsy: tokuhashiItem("palsy", (e, d) => palsyPlan(e, d, recency), R.frankel | R.questionnaireFrankel),
  };
  const tokScore = tokuhashi(candidatesOf(tp));

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
      items: reportItems(sinsScore.items, sp),
    },
    tokuhashi: {
      total: tokScore.total,
      min: tokScore.min,
      max: tokScore.max,
      prognosis: tokScore.prognosis,
      version: "revised-2005",
      items: reportItems(tokScore.items, tp),
    },
    qol: { timepoints, expected: expectedQol(group.group) },
    diagnostics: diags,
  };
  if (options.diagnostics) for (const d of options.diagnostics) diags.push(d);
  if (options.partial) report.partial = true;
  return report;
}
