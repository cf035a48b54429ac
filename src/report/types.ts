/**
 * The ScoreReport: the one contract between the core and every face (UI, CLI, print view, tests).
 * The field names of docs/score-report.md are fixed (other tools read them); fields beyond them are additions.
 * Types only: no logic and no words here (messages are { code, params }; the faces word them).
 */
import type {
  Applicability,
  CoreMessage,
  FrankelGrade,
  ItemScore,
  SegmentGroup,
  SinsCategory,
  SinsItem,
  SinsValues,
  SpinalLevel,
  TokuhashiItem,
  TokuhashiPrognosis,
  TokuhashiValues,
} from "../scores/types";

/** Where an item's value came from. */
export type EvidenceSource = "record" | "questionnaire" | "clinician" | "missing";

/** One piece of evidence behind an input: the resource, its date, the code that matched. */
export interface Provenance {
  /** "Observation/123", "Condition/abc", "QuestionnaireResponse/9"; null for clinician entry. */
  reference: string | null;
  /** Effective / recorded / authored date (ISO 8601) when known. */
  date: string | null;
  /** The code that matched, as "system|code" (e.g. "http://loinc.org|89243-0"). */
  code: string | null;
  /** The coding's display text, for the clinician. */
  display?: string | null;
  /** Who recorded it (Practitioner/…, Patient/…), when known. */
  author?: string | null;
  /** A short note ("preliminary result", "entered by clinician"): a "prov.*" core message (src/extract/messages.ts). */
  note?: CoreMessage | null;
  /**
   * What this piece of evidence gave for its item, in machine-readable form: a "claim.*" code of
   * CORE_MESSAGE_CODES and its value ("claim.kps" { value: 50 } = "KPS 50"). Set on the Tokuhashi general
   * condition's evidence, whose item shows only the band, so that the view can say "KPS 50 → moderate".
   */
  claim?: CoreMessage;
}

/** A value the app suggests but does not take until the clinician confirms (absence ≠ none; ECOG ≠ KPS). */
export interface Suggestion<V extends string = string> {
  value: V;
  /** Why it is suggested: a "suggestion.*" core message (src/extract/messages.ts). */
  reason: CoreMessage;
}

/** Two different values on the latest date: the item stays unknown until the clinician picks. */
export interface Conflict<V extends string = string> {
  options: { value: V; provenance: Provenance }[];
}

export interface ReportItem<V extends string = string> extends ItemScore<V> {
  source: EvidenceSource;
  confirmed: boolean;
  /** The evidence behind the value: the newest 20 pieces at most (see provenanceOmitted). */
  provenance: Provenance[];
  /**
   * How many more pieces of evidence there were than `provenance` lists (a long chart: many tied values on
   * the latest date); absent when none were left out.
   */
  provenanceOmitted?: number;
  suggestion?: Suggestion<V> | null;
  conflict?: Conflict<V> | null;
  /**
   * Shown next to the item, e.g. "ECOG 2 on file (not converted to KPS)"; "at least 1 recorded": one core
   * message per sentence (the faces join them the locale's way).
   */
  context?: CoreMessage[] | null;
  /** When the clinician overrode what the record said: the record's candidates and evidence. */
  overridden?: { candidates: V[]; source: EvidenceSource; provenance: Provenance[]; provenanceOmitted?: number } | null;
  /**
   * The evidence that decides the item is older than the configured window (ReportOptions.evidenceMaxAgeDays):
   * its day, its age in whole days and the window. A marking only: the value is kept. Absent when not stale.
   */
  stale?: { days: number; date: string; maxDays: number } | null;
}

export interface PatientSummary {
  id: string;
  age: number | null;
  sex: string | null;
  name?: string | null;
  birthDate?: string | null;
  mrn?: string | null;
}

export interface SinsReport {
  total: number | null;
  min: number;
  max: number;
  category: SinsCategory | null;
  /** The six items of SINS_POINTS (src/scores/domains.ts), in its order. */
  items: { [K in SinsItem]: ReportItem<SinsValues[K]> };
}

export interface TokuhashiReport {
  total: number | null;
  min: number;
  max: number;
  prognosis: TokuhashiPrognosis | null;
  version: "revised-2005";
  /** The six items of TOKUHASHI_POINTS (src/scores/domains.ts), in its order. */
  items: { [K in TokuhashiItem]: ReportItem<TokuhashiValues[K]> };
}

export type QolTimepointKind = "preop" | "1mo" | "other";

export interface Eq5dValue {
  /** Five digits MO SC UA PD AD, each 1–5. */
  profile: string;
  /** Unrounded index; round only for display. */
  index: number;
  /** Key in eq5d5l_valuesets.json, e.g. "Japan_cTTO_fullPrecision". */
  valueSet: string;
}

export interface QolTimepoint {
  timepoint: QolTimepointKind;
  date: string | null;
  eq5d: Eq5dValue | null;
  eqVas: number | null;
  /** Pain VAS 0–100 mm. A 0–10 NRS is never turned into this (see painNrs). */
  painVas: number | null;
  /** Pain 0–10 numeric rating scale, shown as such. */
  painNrs?: number | null;
  barthel: number | null;
  ecog: number | null;
  frankel: FrankelGrade | null;
  kps?: number | null;
  source: Provenance;
  /**
   * Measures with different values on this day (field left null): each distinct value, ascending, at most 10
   * (valuesOmitted counts the rest). Absent when the day has no conflict. Added for issue 14 item 5.
   */
  conflicts?: QolConflict[];
}

/** One measure's same-day conflict on a QOL timepoint. */
export interface QolConflict {
  measure: "eqVas" | "painVas" | "painNrs" | "barthel" | "ecog" | "kps" | "frankel";
  values: (number | string)[];
  valuesOmitted?: number;
}

export interface MeanSd {
  mean: number;
  sd: number;
  n: number;
}

export interface OutcomeCourse {
  preop: MeanSd;
  oneMonth: MeanSd;
  /** Δ (1 month − pre-op) as Table 6 reports it; null where the study reports none (Barthel). */
  change: MeanSd | null;
}

export interface CountOfN {
  count: number;
  n: number;
}

export interface GroupExpected {
  eq5dIndex: OutcomeCourse;
  eqVas: OutcomeCourse;
  painVas: OutcomeCourse;
  barthel: OutcomeCourse;
  frankelABC: { preop: CountOfN; oneMonth: CountOfN };
  ecogOver2: { preop: CountOfN; oneMonth: CountOfN };
}

/**
 * The study's figures (Tables 4 and 6) for the patient's group, and byGroup for all three.
 * When the patient's group is unknown, group is null and only byGroup is filled. Group means only: there is
 * no per-patient projection (the study has no model that depends on a patient's baseline).
 */
export type ExpectedQol = {
  group: SegmentGroup | null;
  byGroup: Record<SegmentGroup, GroupExpected>;
} & Partial<GroupExpected>;

export type DiagnosticSeverity = "info" | "warning" | "error";

export interface Diagnostic {
  severity: DiagnosticSeverity;
  /** In words a clinician understands: a core message ("diag.*", src/extract/messages.ts; the faces word it). */
  message: CoreMessage;
  /** "Observation/123" when the diagnostic is about one resource. */
  resource?: string;
  /** A stable machine code: "invalid-resource", "conflict", "preliminary", "fallback-unfiltered", … (one code may have several messages) */
  code?: string;
}

export interface ScoreReport {
  patient: PatientSummary;
  segmentGroup: { group: SegmentGroup | null; levels: SpinalLevel[]; provenance: Provenance[] };
  applicability: Applicability;
  sins: SinsReport;
  tokuhashi: TokuhashiReport;
  qol: { timepoints: QolTimepoint[]; expected: ExpectedQol };
  diagnostics: Diagnostic[];
  /** True when some data could not be read (a failed page, a forbidden search): totals are then not final. */
  partial?: boolean;
}

/**
 * What the clinician entered or confirmed in this session. Each entry replaces the record's candidates
 * for that item (the record's value stays visible as `overridden`). Values are the item's category keys
 * (for SINS location: the scored level).
 */
export interface ClinicianEntries {
  sins?: Partial<SinsValues>;
  tokuhashi?: Partial<TokuhashiValues>;
  /** Planned total en bloc spondylectomy (the study excluded it). */
  enBlocPlanned?: boolean | null;
}

/**
 * When a saved assessment applies (the "Save assessment" dialog, issue 12 item 9): its timepoint and the date
 * written with it (YYYY-MM-DD; required for "other", else the authored date stands in when null).
 */
export interface AssessmentTiming {
  timepoint: QolTimepointKind;
  date: string | null;
}

/** Options for building a report from resources (src/extract). */
export interface ReportOptions {
  /** EQ-5D-5L value set id; default "Japan_cTTO_fullPrecision". */
  valueSetId?: string;
  /** "Today", for ages; injected so that reports are reproducible. */
  now: Date;
  clinician?: ClinicianEntries;
  /** Set when the data access layer could not read everything (see ScoreReport.partial). */
  partial?: boolean;
  /** Diagnostics from the data access layer (forbidden searches, fallbacks, capped paging). */
  diagnostics?: Diagnostic[];
  /** Evidence older than this many days marks its item stale; default DEFAULT_EVIDENCE_MAX_AGE_DAYS. */
  evidenceMaxAgeDays?: Partial<EvidenceMaxAgeDays>;
}

/** How old the deciding evidence of an item may be, in days, before the item is marked stale. */
export interface EvidenceMaxAgeDays {
  /** Tokuhashi general condition (KPS, and an ECOG newer than it). */
  performanceStatus: number;
  /** Tokuhashi palsy (Frankel grade). */
  palsy: number;
}

/**
 * Defaults (docs/clinical-rules.md): performance status 30 days, palsy 7 days. Neurological status in spinal
 * metastases can change within days (NICE QS56 statement 3: MRI and a treatment plan within 24 hours of
 * suspected cord compression with neurological signs); performance status changes over weeks.
 */
export const DEFAULT_EVIDENCE_MAX_AGE_DAYS: EvidenceMaxAgeDays = { performanceStatus: 30, palsy: 7 };
