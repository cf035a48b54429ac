/**
 * Table 2 of Segi et al. 2025, "Patient Characteristics", with the between-group P value
 * (analysis of variance or Fisher's exact test). Percentages as printed.
 */
import type { SegmentGroup } from "../scores/types";
import { countPct as c } from "./cells";
import type { CountCell, MeanAndSd } from "./cells";
import { pValue } from "./pValue";
import type { PValue } from "./pValue";

interface Table2MeanRow {
  row: string;
  cells: Readonly<Record<SegmentGroup, MeanAndSd>>;
  p: PValue;
}
interface Table2CountRow {
  row: string;
  cells: Readonly<Record<SegmentGroup, CountCell>>;
}
interface Table2CategoricalBlock<K extends string> {
  row: string;
  p: PValue;
  categories: Readonly<Record<K, Table2CountRow>>;
}

type Table2Origin =
  "lung" | "digestive" | "renal" | "breast" | "prostate" | "hematological" | "unknownOrigin" | "thyroid" | "other";
type Table2SinsClass = "stable" | "potentiallyUnstable" | "unstable";
type Table2Procedure = "psf" | "ppsFixation" | "decompression" | "anterior" | "bkp";

export interface Table2 {
  title: string;
  n: Readonly<Record<SegmentGroup, number>>;
  age: Table2MeanRow;
  male: Table2CountRow & { p: PValue };
  origin: Table2CategoricalBlock<Table2Origin>;
  tokuhashi: Table2MeanRow;
  sins: Table2MeanRow;
  sinsClass: Table2CategoricalBlock<Table2SinsClass>;
  procedure: Table2CategoricalBlock<Table2Procedure>;
  opTimeMin: Table2MeanRow;
  bloodLossMl: Table2MeanRow;
  followUpMonths: Table2MeanRow;
  mortality: Table2CountRow & { p: PValue };
}

function mean(row: string, cv: [number, number], th: [number, number], tl: [number, number], p: string): Table2MeanRow {
  return {
    row,
    cells: {
      cervical: { mean: cv[0], sd: cv[1] },
      thoracic: { mean: th[0], sd: th[1] },
      "tl-l-s": { mean: tl[0], sd: tl[1] },
    },
    p: pValue(p),
  };
}
function categorical<K extends string>(
  row: string,
  p: string,
  categories: Record<K, Table2CountRow>,
): Table2CategoricalBlock<K> {
  return { row, p: pValue(p), categories };
}
function count(row: string, cv: CountCell, th: CountCell, tl: CountCell): Table2CountRow {
  return { row, cells: { cervical: cv, thoracic: th, "tl-l-s": tl } };
}

export const TABLE_2: Table2 = {
  title: "Table 2. Patient Characteristics.",
  n: { cervical: 31, thoracic: 82, "tl-l-s": 90 },
  age: mean("Age, year", [67.4, 11.7], [68.0, 10.4], [66.7, 10.6], "0.75"),
  male: { ...count("Sex, male", c(17, 55), c(61, 74), c(64, 71)), p: pValue("0.12") },
  origin: categorical("Origin", "0.24", {
    lung: count("Lung", c(4, 13), c(18, 22), c(16, 18)),
    // Footnote a: "Gastrointestinal, liver, gallbladder, pancreas."
    digestive: count("Digestive", c(3, 9.7), c(12, 15), c(17, 19)),
    renal: count("Renal", c(2, 6.5), c(11, 13), c(19, 21)),
    breast: count("Breast", c(6, 19), c(8, 9.8), c(6, 7)),
    prostate: count("Prostate", c(3, 10), c(10, 12), c(6, 7)),
    hematological: count("Hematological", c(3, 10), c(7, 8.5), c(4, 4)),
    unknownOrigin: count("Unknown origin", c(3, 10), c(1, 1), c(8, 9)),
    thyroid: count("Thyroid", c(3, 10), c(5, 6), c(3, 3)),
    other: count("Other", c(4, 13), c(10, 12), c(11, 12)),
  }),
  // The revised Tokuhashi score (ref. 20, Tokuhashi 2005).
  tokuhashi: mean("Tokuhashi score", [9.4, 3.1], [8.0, 3.1], [8.4, 2.8], "0.085"),
  sins: mean("SINS", [11.1, 3.0], [8.8, 3.0], [10.2, 2.7], "<0.001"),
  sinsClass: categorical("SINS classification", "<0.001", {
    stable: count("Stable", c(1, 3.2), c(20, 24), c(6, 6.7)),
    potentiallyUnstable: count("Potentially unstable", c(20, 65), c(51, 62), c(70, 78)),
    unstable: count("Unstable", c(10, 32), c(11, 13), c(14, 16)),
  }),
  procedure: categorical("Op procedure", "<0.001", {
    // Footnote b: "PSF with or without decompression."
    psf: count("PSF", c(27, 87), c(63, 77), c(56, 62)),
    ppsFixation: count("PPS fixation", c(0, 0), c(6, 7), c(22, 24)),
    decompression: count("Decompression", c(1, 3), c(9, 11), c(6, 7)),
    anterior: count("Anterior", c(3, 10), c(4, 5), c(2, 2)),
    bkp: count("BKP", c(0, 0), c(0, 0), c(4, 4)),
  }),
  opTimeMin: mean("Op time, min", [216.7, 77.1], [202.3, 71.0], [173.6, 76.4], "0.006"),
  bloodLossMl: mean("EBL, mL", [218.4, 179.5], [523.2, 666.6], [293.3, 367.8], "0.002"),
  followUpMonths: mean("Follow up, mo", [11.9, 4.5], [10.2, 6.9], [9.8, 6.1], "0.37"),
  // Cervical "2 (7%)": 2/31 is 6.5 %, so the printed 7 % is a rounding slip of the paper (Table 5 repeats it for
  // SSI/wound). The other groups' percentages match their counts. Total 35 deaths = Results "35 (17%)".
  mortality: { ...count("Mortality", c(2, 7), c(14, 17), c(19, 21)), p: pValue("0.18") },
};
