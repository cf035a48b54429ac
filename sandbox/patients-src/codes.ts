/** Codes of the synthetic patients' primaries and metastases (see docs/codes.md and fhir-mappings/*.json). */
import { SNOMED } from "../levels";
import { ICD10CM, type Code } from "./builders";

export const LUNG: Code[] = [
  [SNOMED, "93880001", "Primary malignant neoplasm of lung"],
  [ICD10CM, "C34.90", "Malignant neoplasm of unspecified part of unspecified bronchus or lung"],
];
export const BREAST_CODES: Code[] = [
  [SNOMED, "254837009", "Malignant neoplasm of breast"],
  [ICD10CM, "C50.919", "Malignant neoplasm of unspecified site of unspecified female breast"],
];
export const PROSTATE: Code[] = [
  [SNOMED, "399068003", "Malignant tumor of prostate"],
  [ICD10CM, "C61", "Malignant neoplasm of prostate"],
];
export const KIDNEY: Code[] = [
  [SNOMED, "93849006", "Primary malignant neoplasm of kidney"],
  [ICD10CM, "C64.1", "Malignant neoplasm of right kidney, except renal pelvis"],
];
export const LIVER: Code[] = [
  [SNOMED, "109841003", "Liver cell carcinoma"],
  [ICD10CM, "C22.0", "Liver cell carcinoma"],
];
export const THYROID: Code[] = [
  [SNOMED, "363478007", "Malignant tumor of thyroid gland"],
  [ICD10CM, "C73", "Malignant neoplasm of thyroid gland"],
];
export const RECTUM: Code[] = [
  [SNOMED, "363351006", "Malignant tumor of rectum"],
  [ICD10CM, "C20", "Malignant neoplasm of rectum"],
];
export const LUNG_METASTASIS: Code[] = [
  [SNOMED, "94391008", "Secondary malignant neoplasm of lung"],
  [ICD10CM, "C78.00", "Secondary malignant neoplasm of unspecified lung"],
];

/** Spinal surgery (fhir-mappings/procedures.json: the SNOMED CT ids confirmed there). */
export const DECOMPRESSION_AND_FUSION: Code[] = [
  [SNOMED, "387731002", "Laminectomy"],
  [SNOMED, "55705006", "Spinal fusion"],
];
export const SPINAL_FUSION: Code[] = [[SNOMED, "55705006", "Spinal fusion"]];
