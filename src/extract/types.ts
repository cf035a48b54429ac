/**
 * What extraction finds in a patient's resources, before scoring: typed evidence, each piece with its Provenance.
 * `scoreReport` turns this into the ScoreReport (src/report/types.ts); clinician entries are applied there.
 */
import type { Diagnostic, Provenance, QolTimepointKind } from "../report/types";
import type {
  FrankelGrade,
  PrimarySite,
  SinsItem,
  SinsValues,
  SpinalLevel,
  TokuhashiItem,
  TokuhashiValues,
} from "../scores/types";
import type { Instrument } from "../questionnaires/contract";

/** Observation concepts the mapping tables know (fhir-mappings/observations.json). */
export type ObservationConcept = "kps" | "ecog" | "painNrs" | "painVas" | "eqVas" | "barthel" | "frankel";
export const OBSERVATION_CONCEPTS: readonly ObservationConcept[] = [
  "kps",
  "ecog",
  "painNrs",
  "painVas",
  "eqVas",
  "barthel",
  "frankel",
];

/** A spinal region named by a body site without a level. */
export type SpinalRegion = "spine" | "cervical" | "thoracic" | "lumbar" | "sacrum";

/** One value read from an Observation. */
export interface Measurement {
  concept: ObservationConcept;
  value: number | FrankelGrade;
  /** Effective date as written (ISO 8601), or null. */
  date: string | null;
  /** The calendar day of `date` (YYYY-MM-DD, as written), for "same date" comparisons. */
  day: string | null;
  /** Preliminary results are shown but flagged. */
  preliminary: boolean;
  provenance: Provenance;
}

/** A spinal metastasis Condition: one lesion, with the levels its body sites name. */
export interface SpinalLesion {
  /** Vertebral levels (C1–S5 and the coccyx), cranial to caudal. */
  levels: SpinalLevel[];
  /** Regions named without a level (e.g. "thoracic spine"). */
  regions: SpinalRegion[];
  date: string | null;
  /** Condition/… of the primary cancer (mCODE condition-related extension), when given. */
  relatedPrimary: string | null;
  provenance: Provenance;
}

/** A bone metastasis at a non-spinal site (Tokuhashi item 2). `site` is "system|code" (+ laterality) of the body site. */
interface BoneFocus {
  site: string;
  display: string;
  date: string | null;
  provenance: Provenance;
}

/** A metastasis to an internal organ: certain (a major internal organ) or possible (the clinician decides). */
export interface VisceralFinding {
  certainty: "certain" | "possible";
  /** The organ in English: the mapping's `organ` (or `display`), the record's body-site text, or SITE_NOT_CODED. */
  organ: string;
  /**
   * Whose words `organ` is: the mapping data's (a term, translated through fhir-mappings/terms.ja.json), the
   * record's (quoted as written), or none ("site not coded", a message of the core).
   */
  organFrom: "mapping" | "record" | "not-coded";
  date: string | null;
  provenance: Provenance;
}

/** A primary cancer Condition and the Tokuhashi categories its code allows ([] = category unknown). */
export interface PrimaryFinding {
  reference: string;
  candidates: PrimarySite[];
  date: string | null;
  /** The mapping's note on the code (fhir-mappings/primary-sites.json `note`), in English as written there. */
  note: string | null;
  /** True when `provenance.display` is the mapping's `display` (the record's coding had none), not the record's words. */
  displayFromMapping: boolean;
  provenance: Provenance;
  /** The Condition's clinicalStatus when it is inactive, resolved or in remission: still the primary. */
  inactiveStatus?: string;
  /** A primary cancer by its profile or morphology whose code no table maps: category not derived. */
  unmapped?: boolean;
}

/**
 * The SINS answers of one of the app's QuestionnaireResponses: each item's value as the calculator takes it
 * (SinsValues, src/scores/domains.ts), and the levels of every lesion the form listed.
 */
export type SinsAnswers = { [K in SinsItem]?: SinsValues[K] } & { lesionLevels?: SpinalLevel[] };

/** The Tokuhashi answers of one of the app's QuestionnaireResponses (TokuhashiValues), and the KPS when it was given. */
export type TokuhashiAnswers = { [K in TokuhashiItem]?: TokuhashiValues[K] } & { kps?: number };

/** One of the app's own QuestionnaireResponses, read back (source "questionnaire"). */
export interface QuestionnaireFinding {
  instrument: Instrument;
  /** Authored date (ISO 8601), or null. */
  date: string | null;
  day: string | null;
  timepoint: QolTimepointKind;
  /** The answered timepoint date, else the authored date. */
  timepointDate: string | null;
  /** status "in-progress": shown but flagged. */
  preliminary: boolean;
  provenance: Provenance;
  eq5dProfile?: string;
  eq5dIndex?: number;
  eq5dValueSet?: string;
  eqVas?: number;
  painVas?: number;
  barthel?: number;
  ecog?: number;
  frankel?: FrankelGrade;
  sins?: SinsAnswers;
  tokuhashi?: TokuhashiAnswers;
}

/**
 * A spinal surgery Procedure on file (fhir-mappings/procedures.json or a local code) that took place or may have:
 * the index surgery is the latest dated one (src/extract/timing.ts). Procedures that did not take place
 * (preparation, not-done, entered-in-error) are not findings.
 */
export interface SurgeryFinding {
  /** completed, in-progress, on-hold, stopped: the surgery began. unknown: it may have. */
  status: "completed" | "in-progress" | "on-hold" | "stopped" | "unknown";
  /** When it began as written: performedDateTime, else performedPeriod.start, else performedPeriod.end; null when none. */
  date: string | null;
  /** The matched code's display (the record's, else the table's). */
  display: string;
  provenance: Provenance;
}

export interface PatientFacts {
  /** A Patient resource with this id was among the resources. */
  found: boolean;
  birthDate: string | null;
  sex: string | null;
  name: string | null;
  mrn: string | null;
}

/** Everything extraction found for one patient. Plain data: the UI may keep it and re-score on every edit. */
export interface PatientEvidence {
  patientId: string;
  patient: PatientFacts;
  measurements: Measurement[];
  spinalLesions: SpinalLesion[];
  extraspinalFoci: BoneFocus[];
  /** Bone metastases without a body site: not counted (their level or site is unknown). */
  unlocatedBoneMets: Provenance[];
  visceral: VisceralFinding[];
  primaries: PrimaryFinding[];
  /**
   * Spinal metastasis Conditions whose clinicalStatus is inactive, resolved or remission: not counted in the scores'
   * items, but on file for the study's segment group and population (src/extract/applicability.ts).
   */
  inactiveSpinalLesions?: SpinalLesion[];
  questionnaires: QuestionnaireFinding[];
  /** Spinal surgery Procedures (absent in evidence built before Procedures were read: none on file). */
  surgeries?: SurgeryFinding[];
  diagnostics: Diagnostic[];
}
