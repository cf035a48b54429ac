/**
 * Builders for the synthetic sandbox patients: mCODE-shaped Conditions and performance-status Observations
 * (codes per docs/codes.md) and the app's own QuestionnaireResponses (linkIds and answer codes from
 * src/questionnaires/contract.ts, displays checked against fhir-mappings/questionnaires/*.json). Every resource
 * has a fixed id `<patient id>-<suffix>` and is PUT, so ids are stable across restarts.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type {
  Bundle,
  BundleEntry,
  CodeableConcept,
  Coding,
  Condition,
  Encounter,
  Extension,
  Observation,
  Patient,
  Procedure,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
  Reference,
  Resource,
} from "fhir/r4";
import {
  COMMON_LINKS,
  RESPONSE_IDENTIFIER_SYSTEM,
  TIMEPOINT_CODES,
  type Instrument,
} from "../../src/questionnaires/contract";
import { versionedCanonical } from "../../src/questionnaires/items";
import { SANDBOX_SYSTEM, SHIFT_TAG } from "../dates";
import { formatLevels, levelCodes, SNOMED } from "../levels";
import { PRACTITIONER_ID } from "../smart";

/** Every date in the synthetic bundles is written as of this day; the sandbox moves it to "today" on load. */
export const ANCHOR_DATE = "2025-06-30";

export const LOINC = "http://loinc.org";
export const ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
export const ICD10WHO = "http://hl7.org/fhir/sid/icd-10";
export const UCUM = "http://unitsofmeasure.org";
const MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition";
const HTEST: Coding = {
  system: "http://terminology.hl7.org/CodeSystem/v3-ActReason",
  code: "HTEST",
  display: "test health data",
};
const PRACTITIONER: Reference = { reference: `Practitioner/${PRACTITIONER_ID}`, display: "Dr Sam Sandbox (synthetic)" };

const here = dirname(fileURLToPath(import.meta.url));
const QUESTIONNAIRE_DIR = join(here, "..", "..", "fhir-mappings", "questionnaires");

export type Code = readonly [system: string, code: string, display: string];
const coding = ([system, code, display]: Code): Coding => ({ system, code, display });
const concept = (codes: readonly Code[], text?: string): CodeableConcept => ({
  coding: codes.map(coding),
  ...(text ? { text } : {}),
});

const ECOG_ANSWERS: Record<number, Code> = {
  0: [LOINC, "LA9622-7", "Fully active, able to carry on all pre-disease performance without restriction"],
  1: [
    LOINC,
    "LA9623-5",
    "Restricted in physically strenuous activity but ambulatory and able to carry out work of a light or sedentary nature, e.g., light house work, office work",
  ],
  2: [
    LOINC,
    "LA9624-3",
    "Ambulatory and capable of all selfcare but unable to carry out any work activities. Up and about more than 50% of waking hours",
  ],
  3: [LOINC, "LA9625-0", "Capable of only limited selfcare, confined to bed or chair more than 50% of waking hours"],
  4: [LOINC, "LA9626-8", "Completely disabled. Cannot carry on any selfcare. Totally confined to bed or chair"],
  5: [LOINC, "LA9627-6", "Dead"],
};

const KPS_ANSWERS: Record<number, Code> = {
  100: [LOINC, "LA29175-9", "Normal; no complaints; no evidence of disease"],
  90: [LOINC, "LA29176-7", "Able to carry on normal activity; minor signs or symptoms of disease"],
  80: [LOINC, "LA29177-5", "Normal activity with effort; some signs or symptoms of disease"],
  70: [LOINC, "LA29178-3", "Cares for self; unable to carry on normal activity or do active work"],
  60: [LOINC, "LA29179-1", "Requires occasional assistance but is able to care for most needs"],
  50: [LOINC, "LA29180-9", "Requires considerable assistance and frequent medical care"],
  40: [LOINC, "LA29181-7", "Disabled; requires special care and assistance"],
  30: [LOINC, "LA29182-5", "Severely disabled; hospitalization is indicated, although death not imminent"],
  20: [LOINC, "LA29183-3", "Very sick; hospitalization necessary; active supportive treatment necessary"],
  10: [LOINC, "LA29184-1", "Moribund; fatal processes progressing rapidly"],
  0: [LOINC, "LA9627-6", "Dead"],
};

export const SECONDARY_BONE_SNOMED: Code = [SNOMED, "94222008", "Secondary malignant neoplasm of bone"];
const SECONDARY_BONE_CM: Code = [ICD10CM, "C79.51", "Secondary malignant neoplasm of bone"];
/** A bone metastasis coded in SNOMED CT and ICD-10-CM: the default code of every metastasis to bone. */
const SECONDARY_BONE: readonly Code[] = [SECONDARY_BONE_SNOMED, SECONDARY_BONE_CM];

const active: CodeableConcept = {
  coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active", display: "Active" }],
};
const confirmed: CodeableConcept = {
  coding: [
    { system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code: "confirmed", display: "Confirmed" },
  ],
};
const problemList: CodeableConcept = {
  coding: [
    {
      system: "http://terminology.hl7.org/CodeSystem/condition-category",
      code: "problem-list-item",
      display: "Problem List Item",
    },
  ],
};
const survey: CodeableConcept = {
  coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "survey", display: "Survey" }],
};

type ObservationStatus = Observation["status"];

/** An ECOG performance status or a Karnofsky score as recorded at one visit. */
interface PerformanceEntry {
  /** Default `<kind>-<day of date>`; name one only where two entries share a day. */
  suffix?: string;
  value: number;
  date: string;
  status?: ObservationStatus;
  encounter?: Encounter;
  note?: string;
}

export class PatientBuilder {
  readonly entries: BundleEntry[] = [];
  readonly subject: Reference;

  constructor(readonly id: string) {
    this.subject = { reference: `Patient/${id}` };
  }

  ref(resource: Resource): Reference {
    return { reference: `${resource.resourceType}/${resource.id ?? ""}` };
  }

  add<T extends Resource>(resource: T, suffix: string | null): T {
    const id = suffix === null ? this.id : `${this.id}-${suffix}`;
    if (this.entries.some((e) => e.resource?.resourceType === resource.resourceType && e.resource.id === id)) {
      throw new Error(`duplicate id ${resource.resourceType}/${id}`);
    }
    const { resourceType, meta, ...rest } = resource;
    const r = { resourceType, id, meta: { ...(meta ?? {}), tag: [HTEST] }, ...rest } as unknown as T;
    this.entries.push({ resource: r, request: { method: "PUT", url: `${resource.resourceType}/${id}` } });
    return r;
  }

  patient(p: Omit<Patient, "resourceType" | "id">, mrn: string): Patient {
    return this.add<Patient>(
      {
        resourceType: "Patient",
        identifier: [
          {
            use: "usual",
            type: {
              coding: [
                {
                  system: "http://terminology.hl7.org/CodeSystem/v2-0203",
                  code: "MR",
                  display: "Medical record number",
                },
              ],
            },
            system: `${SANDBOX_SYSTEM}/mrn`,
            value: mrn,
          },
        ],
        active: true,
        ...p,
      },
      null,
    );
  }

  /** A patient with one official name; most synthetic patients need no more. */
  person(o: { mrn: string; family: string; given: string; gender: "female" | "male"; birthDate: string }): Patient {
    return this.patient(
      { name: [{ use: "official", family: o.family, given: [o.given] }], gender: o.gender, birthDate: o.birthDate },
      o.mrn,
    );
  }

  primaryCancer(o: {
    codes: readonly Code[];
    text: string;
    onset: string;
    bodySite?: readonly Code[];
    histology?: Code;
    suffix?: string;
  }): Condition {
    const extension: Extension[] = o.histology
      ? [{ url: `${MCODE}/mcode-histology-morphology-behavior`, valueCodeableConcept: concept([o.histology]) }]
      : [];
    return this.add<Condition>(
      {
        resourceType: "Condition",
        meta: { profile: [`${MCODE}/mcode-primary-cancer-condition`] },
        ...(extension.length ? { extension } : {}),
        clinicalStatus: active,
        verificationStatus: confirmed,
        category: [problemList],
        code: concept(o.codes, o.text),
        ...(o.bodySite ? { bodySite: [concept(o.bodySite)] } : {}),
        subject: this.subject,
        onsetDateTime: o.onset,
        recordedDate: o.onset,
        asserter: PRACTITIONER,
      },
      o.suffix ?? "primary",
    );
  }

  /**
   * A SecondaryCancerCondition: bone metastasis with one bodySite per vertebral level (whole-vertebra or
   * vertebral-body concept). Unless given, the id suffix is "met-<first level>[-<last level>]" and the text
   * "Bone metastasis <levels>" (formatLevels: "T11–T12").
   */
  spinalMetastasis(o: {
    suffix?: string;
    levels: string[];
    concept?: "vertebra" | "body";
    onset: string;
    primary: Condition;
    codes?: readonly Code[];
    text?: string;
    siteText?: (level: string) => string;
  }): Condition {
    const bodySite = o.levels.map((level) => {
      const l = levelCodes(level);
      const code = (o.concept ?? "vertebra") === "body" && l.body ? l.body : l.vertebra;
      if (!code) throw new Error(`no SNOMED code for ${level}`);
      const display =
        (o.concept ?? "vertebra") === "body" && l.body ? `Structure of body of ${level} vertebra` : l.display;
      return { coding: [{ system: SNOMED, code, display }], ...(o.siteText ? { text: o.siteText(level) } : {}) };
    });
    const first = o.levels[0] ?? "";
    const last = o.levels.at(-1) ?? "";
    const span = (first === last ? [first] : [first, last]).join("-").toLowerCase();
    return this.secondary({
      suffix: o.suffix ?? `met-${span}`,
      codes: o.codes ?? SECONDARY_BONE,
      onset: o.onset,
      primary: o.primary,
      bodySite,
      text: o.text ?? `Bone metastasis ${formatLevels(o.levels)}`,
    });
  }

  /** A bone metastasis outside the spine, or in the spine at no stated level: one bodySite, named in `siteText`. */
  boneMetastasis(o: {
    suffix: string;
    site: Code;
    siteText: string;
    onset: string;
    primary: Condition;
    text: string;
  }): Condition {
    return this.secondary({
      suffix: o.suffix,
      codes: SECONDARY_BONE,
      onset: o.onset,
      primary: o.primary,
      bodySite: [{ coding: [coding(o.site)], text: o.siteText }],
      text: o.text,
    });
  }

  secondary(o: {
    suffix: string;
    codes: readonly Code[];
    onset: string;
    primary: Condition;
    bodySite?: CodeableConcept[];
    text?: string;
  }): Condition {
    return this.add<Condition>(
      {
        resourceType: "Condition",
        meta: { profile: [`${MCODE}/mcode-secondary-cancer-condition`] },
        extension: [
          { url: "http://hl7.org/fhir/StructureDefinition/condition-related", valueReference: this.ref(o.primary) },
        ],
        clinicalStatus: active,
        verificationStatus: confirmed,
        category: [problemList],
        code: concept(o.codes, o.text),
        ...(o.bodySite ? { bodySite: o.bodySite } : {}),
        subject: this.subject,
        onsetDateTime: o.onset,
        recordedDate: o.onset,
        asserter: PRACTITIONER,
      },
      o.suffix,
    );
  }

  private performance(kind: "ecog" | "kps", o: PerformanceEntry): Observation {
    const answers = kind === "ecog" ? ECOG_ANSWERS : KPS_ANSWERS;
    const answer = answers[o.value];
    if (!answer) throw new Error(`${kind} value ${o.value} out of range`);
    return this.add<Observation>(
      {
        resourceType: "Observation",
        meta: {
          profile: [
            `${MCODE}/${kind === "ecog" ? "mcode-ecog-performance-status" : "mcode-karnofsky-performance-status"}`,
          ],
        },
        status: o.status ?? "final",
        category: [survey],
        code: concept([
          kind === "ecog"
            ? [LOINC, "89247-1", "ECOG Performance Status score"]
            : [LOINC, "89243-0", "Karnofsky Performance Status score"],
        ]),
        subject: this.subject,
        ...(o.encounter ? { encounter: this.ref(o.encounter) } : {}),
        effectiveDateTime: o.date,
        performer: [PRACTITIONER],
        valueInteger: o.value,
        interpretation: [concept([answer])],
        method: concept([[SNOMED, "5880005", "Clinical examination"]]),
        ...(o.note ? { note: [{ text: o.note }] } : {}),
      },
      o.suffix ?? `${kind}-${o.date.slice(0, 10)}`,
    );
  }

  ecog(o: PerformanceEntry): Observation {
    return this.performance("ecog", o);
  }

  kps(o: PerformanceEntry): Observation {
    return this.performance("kps", o);
  }

  encounter(o: { suffix: string; start: string; end?: string; inpatient: boolean; reason: string }): Encounter {
    return this.add<Encounter>(
      {
        resourceType: "Encounter",
        status: "finished",
        class: o.inpatient
          ? { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "IMP", display: "inpatient encounter" }
          : { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB", display: "ambulatory" },
        subject: this.subject,
        participant: [{ individual: PRACTITIONER }],
        period: { start: o.start, ...(o.end ? { end: o.end } : {}) },
        reasonCode: [{ text: o.reason }],
      },
      o.suffix,
    );
  }

  /** A one-day outpatient visit (a clinic appointment unless `reason` says otherwise). */
  clinicVisit(o: { date: string; reason?: string; suffix?: string }): Encounter {
    return this.encounter({
      suffix: o.suffix ?? "enc-clinic",
      start: o.date,
      end: o.date,
      inpatient: false,
      reason: o.reason ?? "Spine clinic",
    });
  }

  procedure(o: {
    suffix: string;
    text: string;
    date: string;
    encounter?: Encounter;
    reason: Condition;
    codes?: Code[];
  }): Procedure {
    return this.add<Procedure>(
      {
        resourceType: "Procedure",
        status: "completed",
        code: o.codes ? concept(o.codes, o.text) : { text: o.text },
        subject: this.subject,
        ...(o.encounter ? { encounter: this.ref(o.encounter) } : {}),
        performedDateTime: o.date,
        performer: [{ actor: PRACTITIONER }],
        reasonReference: [this.ref(o.reason)],
      },
      o.suffix,
    );
  }

  /** One of the app's QuestionnaireResponses (timepoint + items), as the app would have written it. */
  response(o: {
    suffix: string;
    instrument: Instrument;
    timepoint: keyof typeof TIMEPOINT_CODES;
    date: string;
    authored: string;
    items: QuestionnaireResponseItem[];
    patientReported?: boolean;
    encounter?: Encounter;
  }): QuestionnaireResponse {
    const id = `${this.id}-${o.suffix}`;
    const items: QuestionnaireResponseItem[] = [
      {
        linkId: COMMON_LINKS.timepoint,
        answer: [answerCoding(o.instrument, COMMON_LINKS.timepoint, TIMEPOINT_CODES[o.timepoint])],
      },
      { linkId: COMMON_LINKS.timepointDate, answer: [{ valueDate: o.date }] },
      ...o.items,
    ];
    checkItems(o.instrument, items);
    return this.add<QuestionnaireResponse>(
      {
        resourceType: "QuestionnaireResponse",
        identifier: { system: RESPONSE_IDENTIFIER_SYSTEM, value: id },
        questionnaire: versionedCanonical(questionnaire(o.instrument)),
        status: "completed",
        subject: this.subject,
        ...(o.encounter ? { encounter: this.ref(o.encounter) } : {}),
        authored: o.authored,
        author: o.patientReported ? this.subject : PRACTITIONER,
        source: this.subject,
        item: items,
      },
      o.suffix,
    );
  }

  bundle(): Bundle {
    return {
      resourceType: "Bundle",
      id: `sandbox-${this.id}`,
      meta: { tag: [SHIFT_TAG] },
      type: "transaction",
      timestamp: `${ANCHOR_DATE}T00:00:00Z`,
      entry: this.entries,
    };
  }
}

// ------------------------------------------------------------------------------------ questionnaire items

const questionnaires = new Map<Instrument, Questionnaire>();

function questionnaire(instrument: Instrument): Questionnaire {
  let q = questionnaires.get(instrument);
  if (!q) {
    q = JSON.parse(readFileSync(join(QUESTIONNAIRE_DIR, `${instrument}.json`), "utf8")) as Questionnaire;
    questionnaires.set(instrument, q);
  }
  return q;
}

function findItem(items: QuestionnaireItem[] | undefined, linkId: string): QuestionnaireItem | null {
  for (const item of items ?? []) {
    if (item.linkId === linkId) return item;
    const inner = findItem(item.item, linkId);
    if (inner) return inner;
  }
  return null;
}

/** An answer coding taken from the Questionnaire's answerOption (so code, system and display match the form). */
function answerCoding(instrument: Instrument, linkId: string, code: string): QuestionnaireResponseItemAnswer {
  const item = findItem(questionnaire(instrument).item, linkId);
  const option = item?.answerOption?.find((o) => o.valueCoding?.code === code);
  if (!option?.valueCoding) throw new Error(`${instrument}: no answer ${code} for ${linkId}`);
  const { system, code: c, display } = option.valueCoding;
  return { valueCoding: { ...(system ? { system } : {}), code: c ?? code, ...(display ? { display } : {}) } };
}

export function codingItem(instrument: Instrument, linkId: string, ...codes: string[]): QuestionnaireResponseItem {
  return { linkId, answer: codes.map((c) => answerCoding(instrument, linkId, c)) };
}

export function integerItem(linkId: string, value: number): QuestionnaireResponseItem {
  return { linkId, answer: [{ valueInteger: value }] };
}

/** Every linkId must exist in the Questionnaire and carry an answer of its type. */
function checkItems(instrument: Instrument, items: QuestionnaireResponseItem[]): void {
  const q = questionnaire(instrument);
  for (const it of items) {
    const def = findItem(q.item, it.linkId);
    if (!def) throw new Error(`${instrument}: unknown linkId ${it.linkId}`);
    for (const a of it.answer ?? []) {
      const ok =
        (def.type === "choice" && a.valueCoding) ||
        (def.type === "integer" && typeof a.valueInteger === "number") ||
        (def.type === "date" && a.valueDate) ||
        (def.type === "decimal" && typeof a.valueDecimal === "number") ||
        (def.type === "string" && typeof a.valueString === "string");
      if (!ok) throw new Error(`${instrument}: answer of the wrong type for ${it.linkId} (${def.type})`);
    }
    if (def.type === "choice" && (it.answer?.length ?? 0) > 1 && !def.repeats)
      throw new Error(`${instrument}: ${it.linkId} does not repeat`);
  }
}
