import { defineSection } from "../catalogue";

/**
 * The FHIR resource types the app can name to the user (in evidence, provenance details, diagnostics and the
 * core's messages), in one place: English keeps the type's own name, Japanese says what it is. A reference
 * ("Condition/abc") reads "Condition/abc" in English and "病名・状態 abc" in Japanese (fhir.ref, formatReference of
 * src/i18n/translate.ts).
 */
export const FHIR_TYPES = [
  "Condition",
  "Observation",
  "Procedure",
  "QuestionnaireResponse",
  "Questionnaire",
  "Patient",
  "Encounter",
  "Practitioner",
  "PractitionerRole",
  "RelatedPerson",
  "Person",
  "DiagnosticReport",
] as const;

export type FhirType = (typeof FHIR_TYPES)[number];

export function isFhirType(type: string | null | undefined): type is FhirType {
  return (FHIR_TYPES as readonly string[]).includes(type ?? "");
}

/** The catalogue key of a type's name. */
export function fhirTypeKey(type: FhirType): `fhir.type.${FhirType}` {
  return `fhir.type.${type}`;
}

export const fhirStrings = defineSection(
  {
    "fhir.type.Condition": "Condition",
    "fhir.type.Observation": "Observation",
    "fhir.type.Procedure": "Procedure",
    "fhir.type.QuestionnaireResponse": "QuestionnaireResponse",
    "fhir.type.Questionnaire": "Questionnaire",
    "fhir.type.Patient": "Patient",
    "fhir.type.Encounter": "Encounter",
    "fhir.type.Practitioner": "Practitioner",
    "fhir.type.PractitionerRole": "PractitionerRole",
    "fhir.type.RelatedPerson": "RelatedPerson",
    "fhir.type.Person": "Person",
    "fhir.type.DiagnosticReport": "DiagnosticReport",
    "fhir.ref": "{type}/{id}",
  },
  {
    "fhir.type.Condition": "病名・状態",
    "fhir.type.Observation": "観察値",
    "fhir.type.Procedure": "処置・手術",
    "fhir.type.QuestionnaireResponse": "質問票の回答",
    "fhir.type.Questionnaire": "質問票",
    "fhir.type.Patient": "患者",
    "fhir.type.Encounter": "受診",
    "fhir.type.Practitioner": "医療者",
    "fhir.type.PractitionerRole": "医療者の役割",
    "fhir.type.RelatedPerson": "関係者",
    "fhir.type.Person": "人物",
    "fhir.type.DiagnosticReport": "検査報告書",
    "fhir.ref": "{type} {id}",
  },
);

export type FhirKey = keyof typeof fhirStrings.en;
