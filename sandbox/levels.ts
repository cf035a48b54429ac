/**
 * Vertebral levels and their SNOMED CT body-site concepts (whole vertebra and vertebral body), cranial to
 * caudal, from DICOM PS3.16 CID 7603 "Vertebra" and the HL7 mCODE IG's TG263 concept map (the same concepts as
 * fhir-mappings/body-sites.json, kept apart so that the sandbox does not depend on the app's data); used to build the synthetic patients and to print
 * the one-line summaries on the EHR page. Not used by the app.
 */
export const SNOMED = "http://snomed.info/sct";

export interface LevelCodes {
  level: string;
  /** Whole vertebra (DICOM CID 7603). */
  vertebra: string | null;
  /** Vertebral body (mCODE TG263 ConceptMap), when one exists. */
  body: string | null;
  /** Display used in generated resources. */
  display: string;
}

const L = (level: string, vertebra: string | null, body: string | null, display: string): LevelCodes => ({
  level,
  vertebra,
  body,
  display,
});

const LEVELS: readonly LevelCodes[] = [
  L("C1", "14806007", null, "Bone structure of atlas"),
  L("C2", "39976000", null, "Bone structure of axis"),
  L("C3", "113205007", "91116008", "Bone structure of third cervical vertebra"),
  L("C4", "5329002", "14705001", "Bone structure of fourth cervical vertebra"),
  L("C5", "36978003", "67479001", "Bone structure of fifth cervical vertebra"),
  L("C6", "36054005", "88298007", "Bone structure of sixth cervical vertebra"),
  L("C7", "87391001", "16126006", "Bone structure of seventh cervical vertebra"),
  L("T1", "64864005", "56094003", "Bone structure of first thoracic vertebra"),
  L("T2", "53733008", "50060007", "Bone structure of second thoracic vertebra"),
  L("T3", "1626008", "73138009", "Bone structure of third thoracic vertebra"),
  L("T4", "73071006", "86197001", "Bone structure of fourth thoracic vertebra"),
  L("T5", "56401006", "6105006", "Bone structure of fifth thoracic vertebra"),
  L("T6", "45296009", "32430008", "Bone structure of sixth thoracic vertebra"),
  L("T7", "62487009", "71737002", "Bone structure of seventh thoracic vertebra"),
  L("T8", "11068009", "77435000", "Bone structure of eighth thoracic vertebra"),
  L("T9", "82687006", "33766003", "Bone structure of ninth thoracic vertebra"),
  L("T10", "7610001", "48405002", "Bone structure of tenth thoracic vertebra"),
  L("T11", "12989004", "52120002", "Bone structure of eleventh thoracic vertebra"),
  L("T12", "23215003", "280849005", "Bone structure of twelfth thoracic vertebra"),
  L("L1", "66794005", "61032001", "Bone structure of first lumbar vertebra"),
  L("L2", "14293000", "53983007", "Bone structure of second lumbar vertebra"),
  L("L3", "36470004", "55492004", "Bone structure of third lumbar vertebra"),
  L("L4", "11994002", "71996003", "Bone structure of fourth lumbar vertebra"),
  L("L5", "49668003", "21799000", "Bone structure of fifth lumbar vertebra"),
  L("S1", "65985001", null, "Structure of first sacral vertebra"),
  L("S2", "11808007", null, "Structure of second sacral vertebra"),
  L("S3", "49967005", null, "Structure of third sacral vertebra"),
  L("S4", "69950008", null, "Structure of fourth sacral vertebra"),
  L("S5", "21452006", null, "Structure of fifth sacral vertebra"),
  L("Coccyx", "64688005", null, "Bone structure of coccyx"),
];

const byCode = new Map<string, LevelCodes>();
for (const l of LEVELS) {
  if (l.vertebra) byCode.set(l.vertebra, l);
  if (l.body) byCode.set(l.body, l);
}

/** The level a SNOMED body-site code stands for, or null (regions such as "thoracic spine" have no level). */
export function levelOfSnomed(code: string): LevelCodes | null {
  return byCode.get(code) ?? null;
}

export function levelCodes(level: string): LevelCodes {
  const found = LEVELS.find((l) => l.level === level);
  if (!found) throw new Error(`unknown spinal level ${level}`);
  return found;
}

/** Spine order of a level (cranial = 0). */
function levelIndex(level: string): number {
  return LEVELS.findIndex((l) => l.level === level);
}

/** "C7–T1" for contiguous runs, comma-separated otherwise: ["T4","L2"] → "T4, L2"; ["T9","T10","T11"] → "T9–T11". */
export function formatLevels(levels: readonly string[]): string {
  const sorted = [...new Set(levels)].sort((a, b) => levelIndex(a) - levelIndex(b));
  const runs: string[][] = [];
  for (const level of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last !== undefined && levelIndex(level) === levelIndex(last) + 1) run.push(level);
    else runs.push([level]);
  }
  return runs.map((r) => (r.length === 1 ? r[0] : `${r[0]}–${r[r.length - 1]}`)).join(", ");
}
