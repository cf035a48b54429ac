/**
 * The three illustrated cases of the study (Figures 2–4), one per group, pre-op and 1 month after posterior
 * decompression and fusion. "PS" is the ECOG performance status. All three are men with a lung primary.
 */
import type { FrankelGrade, SegmentGroup, SpinalLevel } from "../scores/types";

interface CaseValues {
  /** ECOG performance status ("PS"). */
  ecog: number;
  barthel: number;
  /** Pain VAS, mm (0–100). */
  painVas: number;
  /** "EQ5D HSUV": the EQ-5D-5L index (the value set is not stated in the paper). */
  eq5dIndex: number;
  /** EQ VAS, mm (0–100). */
  eqVas: number;
  frankel: FrankelGrade;
}

export interface IllustratedCase {
  figure: "Figure 2" | "Figure 3" | "Figure 4";
  group: SegmentGroup;
  sex: "male";
  /** "in his 60s" → [60, 69]. */
  ageRange: readonly [number, number];
  primary: "lung";
  level: SpinalLevel;
  surgery: string;
  preop: CaseValues;
  oneMonth: CaseValues;
}

/** A case as the figures show it: a man with a lung primary after posterior decompression and fusion. */
function lungCase(
  figure: IllustratedCase["figure"],
  group: SegmentGroup,
  ageRange: readonly [number, number],
  level: SpinalLevel,
  values: Pick<IllustratedCase, "preop" | "oneMonth">,
): IllustratedCase {
  return {
    figure,
    group,
    sex: "male",
    ageRange,
    primary: "lung",
    level,
    surgery: "posterior decompression and fusion",
    preop: values.preop,
    oneMonth: values.oneMonth,
  };
}

export const ILLUSTRATED_CASES: readonly IllustratedCase[] = [
  // Figure 2: "a man in his 60s in the cervical group with a primary lung lesion ... Frankel grade C due to C3
  // spinal metastasis, with preoperative PS of 2, Barthel index of 30, pain VAS of 40 mm, EQ5D HSUV of 0.210, and
  // EQ5D VAS of 50 mm. One month after posterior decompression and fusion ... (Frankel grade D), with a PS of 1,
  // Barthel index of 90, pain VAS of 10 mm, EQ5D HSUV of 0.575, and EQ5D VAS of 80 mm."
  lungCase("Figure 2", "cervical", [60, 69], "C3", {
    preop: { ecog: 2, barthel: 30, painVas: 40, eq5dIndex: 0.21, eqVas: 50, frankel: "C" },
    oneMonth: { ecog: 1, barthel: 90, painVas: 10, eq5dIndex: 0.575, eqVas: 80, frankel: "D" },
  }),
  // Figure 3: "a man in his 70s in the thoracic group with a primary lung lesion ... (Frankel grade C) due to T6
  // spinal metastasis, with a preoperative PS of 4, Barthel index of 40, pain VAS of 81 mm, EQ5D HSUV of 0.188, and
  // EQ5D VAS of 65 mm. One month after ... remained at Frankel grade C. However, PS recovered to 3, Barthel index to
  // 65, pain VAS to 54 mm, EQ5D HSUV to 0.480, and EQ5D VAS to 60 mm." (The EQ VAS fell 65 → 60, as printed.)
  lungCase("Figure 3", "thoracic", [70, 79], "T6", {
    preop: { ecog: 4, barthel: 40, painVas: 81, eq5dIndex: 0.188, eqVas: 65, frankel: "C" },
    oneMonth: { ecog: 3, barthel: 65, painVas: 54, eq5dIndex: 0.48, eqVas: 60, frankel: "C" },
  }),
  // Figure 4: "a man in his 70s in the TL/L/S group with a primary lung lesion ... (Frankel grade D) due to L1
  // spinal metastasis, with a preoperative PS of 3, Barthel index of 60, pain VAS of 50 mm, EQ5D HSUV of 0.414, and
  // EQ5D VAS of 30 mm. One month after ... remained at grade D. However, PS recovered to 2, Barthel index to 95,
  // pain VAS to 14 mm, EQ5D HSUV to 0.665, and EQ5D VAS to 70 mm."
  lungCase("Figure 4", "tl-l-s", [70, 79], "L1", {
    preop: { ecog: 3, barthel: 60, painVas: 50, eq5dIndex: 0.414, eqVas: 30, frankel: "D" },
    oneMonth: { ecog: 2, barthel: 95, painVas: 14, eq5dIndex: 0.665, eqVas: 70, frankel: "D" },
  }),
];
