/** Resource builders for the issue-12 golden cases (recency, units, applicability, primary site). */
export const P = "p12";
export const LOINC = "http://loinc.org";
export const SCT = "http://snomed.info/sct";
export const ICD = "http://hl7.org/fhir/sid/icd-10-cm";
export const UCUM = "http://unitsofmeasure.org";
export const LOCAL = "https://hospital.example/fhir/CodeSystem/lab";
const subject = { reference: `Patient/${P}` };

/** SNOMED CT vertebra body sites (fhir-mappings/body-sites.json) and the lumbar-spine region. */
export const LEVEL = { T5: "56401006", T6: "45296009", L1: "66794005", L2: "14293000" } as const;
export const LUMBAR_SPINE = "122496007";
/** SNOMED CT "secondary malignant neoplasm of bone" (a spinal metastasis with a spinal body site). */
export const BONE_MET = "94222008";

export const patient = (birthDate: string | null = "1955-03-01") => ({
  resourceType: "Patient",
  id: P,
  ...(birthDate ? { birthDate } : {}),
});

export const obs = (id: string, system: string, code: string, day: string, value: Record<string, unknown>) => ({
  resourceType: "Observation",
  id,
  status: "final",
  code: { coding: [{ system, code }] },
  subject,
  effectiveDateTime: day,
  ...value,
});
export const kps = (id: string, value: number, day: string) => obs(id, LOINC, "89243-0", day, { valueInteger: value });
export const ecog = (id: string, value: number, day: string) => obs(id, LOINC, "89247-1", day, { valueInteger: value });

export const condition = (id: string, coding: [string, string][], extra: Record<string, unknown> = {}) => ({
  resourceType: "Condition",
  id,
  code: { coding: coding.map(([system, code]) => ({ system, code })) },
  subject,
  recordedDate: "2025-05-01",
  ...extra,
});
export const clinical = (code: string) => ({
  clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code }] },
});
export const spinalMet = (id: string, sites: string[], extra: Record<string, unknown> = {}) =>
  condition(id, [[SCT, BONE_MET]], { bodySite: sites.map((code) => ({ coding: [{ system: SCT, code }] })), ...extra });
