/**
 * src/questionnaires: the Questionnaire contract and how a Questionnaire is read, shared by forms, write-back
 * and extraction. Pure: no React, no network, no storage.
 *
 * The contract between the app's Questionnaires (fhir-mappings/questionnaires/*.json), the form renderer,
 * the write path and the extraction that reads the app's own QuestionnaireResponses back as evidence.
 * Canonical URLs, linkIds and answer codes are fixed here; the JSON resources must use exactly these.
 * Each Questionnaire carries a `version`; a QuestionnaireResponse points to it by `url|version`.
 */

/**
 * The one canonical base of the project's own FHIR artefacts: Questionnaires, CodeSystem, NamingSystem, the
 * app-calculation extension. Fixed in the code: no deployment setting changes it, so that the answers written in
 * different hospitals carry the same canonicals and can be pooled. w3id.org is a permanent-identifier redirect
 * service; docs/codes.md says what the project registers there before a release.
 */
export const CANONICAL_BASE = "https://w3id.org/spine-met-qol/fhir";

export const INSTRUMENTS = ["eq5d5l", "pain-vas", "barthel", "ecog", "frankel", "sins", "tokuhashi"] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

const QUESTIONNAIRE_PREFIX = `${CANONICAL_BASE}/Questionnaire/`;

/** The canonical URL of an instrument's Questionnaire: `${CANONICAL_BASE}/Questionnaire/${instrument}` (without version). */
export function questionnaireUrl(instrument: Instrument): string {
  return `${QUESTIONNAIRE_PREFIX}${instrument}`;
}

/** The instrument a QuestionnaireResponse.questionnaire canonical ("url|version" allowed) refers to, else null. */
export function instrumentFromCanonical(canonical: string): Instrument | null {
  if (!canonical.startsWith(QUESTIONNAIRE_PREFIX)) return null;
  const bar = canonical.indexOf("|", QUESTIONNAIRE_PREFIX.length);
  return INSTRUMENT_BY_ID.get(canonical.slice(QUESTIONNAIRE_PREFIX.length, bar < 0 ? undefined : bar)) ?? null;
}

const INSTRUMENT_BY_ID: ReadonlyMap<string, Instrument> = new Map(INSTRUMENTS.map((i) => [i, i]));

/** The app's own CodeSystem for answers that have no standard code. Codes are "<concept>.<value>". */
export const APP_CODE_SYSTEM = `${CANONICAL_BASE}/CodeSystem/spine-met-qol`;

/** Identifier system for the once-per-form-session identifier used with If-None-Exist. */
export const RESPONSE_IDENTIFIER_SYSTEM = `${CANONICAL_BASE}/NamingSystem/questionnaire-response-id`;

/** meta.source of everything the app writes. */
export const APP_SOURCE = `${CANONICAL_BASE}/app/spine-met-qol`;

/**
 * The app's extension on a calculated item that FHIRPath cannot express (valueCode: the calculation's name, e.g.
 * "eq5d5l-index", a value-set lookup). Every other calculated item carries SDC's calculatedExpression instead.
 */
export const APP_CALCULATION_EXTENSION = `${CANONICAL_BASE}/StructureDefinition/app-calculation`;

/**
 * The problem reported for a configuration (app-config.json, the CDS service's file) that still sets the retired
 * `questionnaireBase`: such a file is refused, not half-applied.
 */
export const QUESTIONNAIRE_BASE_RETIRED = `questionnaireBase is no longer a setting: the app's Questionnaires have one fixed canonical base (${CANONICAL_BASE}) so that answers from every hospital can be pooled; remove the key`;

/** linkIds shared by every instrument. */
export const COMMON_LINKS = {
  /** coding: timepoint.preop | timepoint.1mo | timepoint.other */
  timepoint: "timepoint",
  /** date: required when timepoint is "other"; optional otherwise (defaults to authored). */
  timepointDate: "timepoint-date",
} as const;

export const TIMEPOINT_CODES = { preop: "timepoint.preop", "1mo": "timepoint.1mo", other: "timepoint.other" } as const;

/** linkIds per instrument. Answer codes in the app CodeSystem are `${concept}.${value}` with the values of src/scores/types.ts. */
export const LINKS = {
  eq5d5l: {
    /** coding eq5d.level.1 … eq5d.level.5 for each dimension. */
    mobility: "eq5d-mo",
    selfCare: "eq5d-sc",
    usualActivities: "eq5d-ua",
    painDiscomfort: "eq5d-pd",
    anxietyDepression: "eq5d-ad",
    /** integer 0–100. */
    eqVas: "eq-vas",
    /** decimal, calculated (unrounded) from the five levels with the value set below. */
    index: "eq5d-index",
    /** string: the value set id (key in eq5d5l_valuesets.json), e.g. "Japan_cTTO_fullPrecision". */
    valueSet: "eq5d-value-set",
  },
  "pain-vas": {
    /** integer 0–100 mm. */
    painVas: "pain-vas",
  },
  barthel: {
    /** coding barthel.<item>.<points>, e.g. barthel.transfers.15; items as BarthelItem in src/scores/types.ts. */
    feeding: "barthel-feeding",
    bathing: "barthel-bathing",
    grooming: "barthel-grooming",
    dressing: "barthel-dressing",
    bowels: "barthel-bowels",
    bladder: "barthel-bladder",
    toiletUse: "barthel-toilet-use",
    transfers: "barthel-transfers",
    mobility: "barthel-mobility",
    stairs: "barthel-stairs",
    /** integer 0–100, calculated. */
    total: "barthel-total",
  },
  ecog: {
    /** coding from LOINC answer list LL529-9 (http://loinc.org, LA9622-7 … ). */
    ecog: "ecog",
  },
  frankel: {
    /** coding frankel.A … frankel.E */
    frankel: "frankel",
  },
  sins: {
    /** coding level.<SpinalLevel> (e.g. level.T11): the scored level of this lesion. */
    scoredLevel: "sins-scored-level",
    /** coding level.<SpinalLevel>, repeats: every level the lesion spans. */
    lesionLevels: "sins-lesion-levels",
    /** codings sins.<item>.<value>, e.g. sins.pain.mechanical, sins.collapse.gt50 (location via scoredLevel). */
    pain: "sins-pain",
    boneLesion: "sins-bone-lesion",
    alignment: "sins-alignment",
    collapse: "sins-collapse",
    posterolateral: "sins-posterolateral",
    /** integer 0–18, calculated; only when every item is answered. */
    total: "sins-total",
  },
  tokuhashi: {
    /** integer KPS 10–100 (multiples of 10); general condition follows from it. */
    kps: "tokuhashi-kps",
    /** codings tokuhashi.<item>.<value>, e.g. tokuhashi.extraspinalBoneMets.1-2, tokuhashi.primarySite.lung */
    generalCondition: "tokuhashi-general-condition",
    extraspinalBoneMets: "tokuhashi-extraspinal-bone-mets",
    vertebralBodyMets: "tokuhashi-vertebral-body-mets",
    visceralMets: "tokuhashi-visceral-mets",
    primarySite: "tokuhashi-primary-site",
    /** coding frankel.A … frankel.E (palsy item). */
    palsy: "tokuhashi-palsy",
    /** integer 0–15, calculated. */
    total: "tokuhashi-total",
  },
} as const;

/** The value of an app code under `concept` ("sins.pain.mechanical" under "sins.pain" → "mechanical"), else null. */
export function answerValue(concept: string, code: string): string | null {
  const prefix = `${concept}.`;
  return code.startsWith(prefix) ? code.slice(prefix.length) : null;
}
