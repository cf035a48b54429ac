/**
 * The numbers of the Abstract, Results and Discussion, typed by hand from the text, equal the tables' —
 * and the known slips of the text are what the tables say they are.
 */
import { describe, expect, it } from "vitest";
import {
  MCIDS,
  SEGMENT_GROUPS,
  STUDY,
  TABLE_2,
  TABLE_4,
  WITHIN_GROUP_CHANGES,
  groupDifferences,
  table6ChangeRow,
} from "../../../src/study";
import type { Comparison, StudyOutcome, StudyTimepoint } from "../../../src/study";

function p(outcome: StudyOutcome, timepoint: StudyTimepoint, comparison: Comparison): string {
  const d = groupDifferences({ outcome, timepoint }).find((x) => x.comparison === comparison);
  if (!d) throw new Error("missing comparison");
  return d.p;
}

describe("Abstract", () => {
  it("pre-op EQ5D HSUV: cervical 0.461 ± 0.291, thoracic 0.321 ± 0.292, TL/L/S 0.376 ± 0.272", () => {
    expect(TABLE_4.cervical.eq5dIndex.preop).toMatchObject({ mean: 0.461, sd: 0.291 });
    expect(TABLE_4.thoracic.eq5dIndex.preop).toMatchObject({ mean: 0.321, sd: 0.292 });
    expect(TABLE_4["tl-l-s"].eq5dIndex.preop).toMatchObject({ mean: 0.376, sd: 0.272 });
  });
  it("... 'did not significantly differ between the groups'", () => {
    expect(groupDifferences({ outcome: "eq5dIndex", timepoint: "preop", significantOnly: true })).toEqual([]);
  });
  it("postoperative EQ5D HSUV: 0.653 ± 0.233, 0.513 ± 0.252, 0.624 ± 0.232; thoracic significantly lower than both", () => {
    expect(TABLE_4.cervical.eq5dIndex.oneMonth).toMatchObject({ mean: 0.653, sd: 0.233 });
    expect(TABLE_4.thoracic.eq5dIndex.oneMonth).toMatchObject({ mean: 0.513, sd: 0.252 });
    expect(TABLE_4["tl-l-s"].eq5dIndex.oneMonth).toMatchObject({ mean: 0.624, sd: 0.232 });
    const sig = groupDifferences({ outcome: "eq5dIndex", timepoint: "oneMonth", significantOnly: true });
    expect(sig.map((d) => [d.comparison, d.better])).toEqual([
      ["C vs T", "cervical"],
      ["T vs L", "tl-l-s"],
    ]);
  });
  it("postoperative EQ5D VAS 63.4 ± 25.8, 54.7 ± 24.5, 61.7 ± 21.9, 'not significantly different'", () => {
    expect(TABLE_4.cervical.eqVas.oneMonth).toMatchObject({ mean: 63.4, sd: 25.8 });
    expect(TABLE_4.thoracic.eqVas.oneMonth).toMatchObject({ mean: 54.7, sd: 24.5 });
    expect(TABLE_4["tl-l-s"].eqVas.oneMonth).toMatchObject({ mean: 61.7, sd: 21.9 });
    expect(groupDifferences({ outcome: "eqVas", timepoint: "oneMonth", significantOnly: true })).toEqual([]);
  });
  it("203 patients; the DOI", () => {
    expect(STUDY.n).toBe(203);
    expect(STUDY.doi).toBe("10.1177/21925682241297948");
    expect(STUDY.citation).toContain("Global Spine J. 2025;15(4):2286–2299");
  });
});

describe("Results", () => {
  it("cervical 67.4 ± 11.7 years, 55% men; thoracic 68.0 ± 10.4, 74%; TL/L/S 66.7 ± 10.6, 71%", () => {
    expect(TABLE_2.age.cells).toEqual({
      cervical: { mean: 67.4, sd: 11.7 },
      thoracic: { mean: 68.0, sd: 10.4 },
      "tl-l-s": { mean: 66.7, sd: 10.6 },
    });
    expect(SEGMENT_GROUPS.map((g) => TABLE_2.male.cells[g].percent)).toEqual([55, 74, 71]);
  });
  it("'A total of 35 (17%) patients died'", () => {
    const deaths = SEGMENT_GROUPS.reduce((s, g) => s + TABLE_2.mortality.cells[g].count, 0);
    expect(deaths).toBe(35);
    expect(STUDY.deaths).toBe(35);
    expect(Math.round((100 * deaths) / 203)).toBe(17);
  });
  it("'All three groups demonstrated significant improvement in the ECOG-PS, pain VAS score, Barthel index, and EQ5D HSUV/VAS'; Frankel not in TL/L/S", () => {
    const notSignificant = WITHIN_GROUP_CHANGES.filter((c) => !c.significant).map((c) => [c.group, c.outcome, c.p]);
    expect(notSignificant).toEqual([["tl-l-s", "frankel", "0.10"]]);
    expect(WITHIN_GROUP_CHANGES).toHaveLength(18);
  });
  it("'only 20% of the patients in the TL/L/S group experienced severe paralysis preoperatively'", () => {
    expect(TABLE_4["tl-l-s"].frankel.preop.abc).toEqual({ count: 18, percent: 20 });
  });
  it("severe paralysis: thoracic > TL/L/S pre-op (P < 0.001); > cervical (P = 0.005) and TL/L/S (P = 0.005) post-op", () => {
    expect(p("frankel", "preop", "T vs L")).toBe("<0.001");
    expect(p("frankel", "oneMonth", "C vs T")).toBe("0.005");
    expect(p("frankel", "oneMonth", "T vs L")).toBe("0.005");
  });
  it("ECOG-PS > 2 post-op: thoracic more than cervical (P = 0.034) and TL/L/S (P = 0.034)", () => {
    expect(p("ecog", "oneMonth", "C vs T")).toBe("0.034");
    expect(p("ecog", "oneMonth", "T vs L")).toBe("0.034");
  });
  it("post-op Barthel lower in thoracic than cervical (P = 0.012) and TL/L/S (P = 0.039)", () => {
    expect(p("barthel", "oneMonth", "C vs T")).toBe("0.012");
    expect(p("barthel", "oneMonth", "T vs L")).toBe("0.039");
  });
  it("pre-op pain VAS higher in TL/L/S than thoracic (P = 0.027)", () => {
    expect(p("painVas", "preop", "T vs L")).toBe("0.027");
  });
  it("TYPO in the text: 'greater in the TL/L/S group than in the cervical (P = 0.011) and TL/L/S (P < 0.001)' means thoracic", () => {
    expect(p("painVas", "change", "C vs L")).toBe("0.011");
    expect(p("painVas", "change", "T vs L")).toBe("<0.001");
    // The TL/L/S group had the largest pain decrease.
    const delta = table6ChangeRow("painVas");
    expect(delta?.cells["tl-l-s"].mean).toBe(-45.9);
  });
  it("post-op EQ5D HSUV worse in thoracic than cervical (P = 0.027) and TL/L/S (P = 0.011); Δ not different", () => {
    expect(p("eq5dIndex", "oneMonth", "C vs T")).toBe("0.027");
    expect(p("eq5dIndex", "oneMonth", "T vs L")).toBe("0.011");
    expect(groupDifferences({ outcome: "eq5dIndex", timepoint: "change", significantOnly: true })).toEqual([]);
    expect(groupDifferences({ outcome: "eqVas", timepoint: "change", significantOnly: true })).toEqual([]);
  });
});

describe("Discussion", () => {
  it("MCIDs 0.039 (Hu, ref 24) and 0.071 (Zheng, ref 25); 'all groups demonstrated a greater recovery of EQ5D HSUV'", () => {
    expect(MCIDS.map((m) => [m.value, m.reference])).toEqual([
      [0.039, 24],
      [0.071, 25],
    ]);
    const delta = table6ChangeRow("eq5dIndex");
    for (const g of SEGMENT_GROUPS) {
      for (const m of MCIDS) expect(delta?.cells[g].mean).toBeGreaterThan(m.value);
    }
  });
  it("OVERSTATEMENT in the text: pre-op paralysis thoracic vs cervical is not significant (P = 0.052)", () => {
    const d = groupDifferences({ outcome: "frankel", timepoint: "preop" }).find((x) => x.comparison === "C vs T");
    expect(d?.p).toBe("0.052");
    expect(d?.significant).toBe(false);
  });
});
