import { describe, expect, it } from "vitest";
import { expectedQol, groupExpected } from "../../../src/study";
import type { SegmentGroup } from "../../../src/scores/types";

// Expected values written by hand from Table 4 (pre-op, 1 mo, Unknown rows) and Table 6 (Δ rows),
// n = group N − Unknown.
describe("expectedQol: thoracic group (N = 82)", () => {
  const e = expectedQol("thoracic");

  it("EQ5D HSUV: Table 4 0.321 ± 0.292 (Unknown 2), 0.513 ± 0.252 (Unknown 6); Table 6 Δ 0.180 ± 0.227 (Unknown 6)", () => {
    expect(e.group).toBe("thoracic");
    expect(e.eq5dIndex).toEqual({
      preop: { mean: 0.321, sd: 0.292, n: 80 },
      oneMonth: { mean: 0.513, sd: 0.252, n: 76 },
      change: { mean: 0.18, sd: 0.227, n: 76 },
    });
  });

  it("EQ5D VAS: 32.4 ± 24.4 (8), 54.7 ± 24.5 (13); Δ 22.8 ± 27.1 (14)", () => {
    expect(e.eqVas).toEqual({
      preop: { mean: 32.4, sd: 24.4, n: 74 },
      oneMonth: { mean: 54.7, sd: 24.5, n: 69 },
      change: { mean: 22.8, sd: 27.1, n: 68 },
    });
  });

  it("pain VAS: 59.7 ± 27.1 (2), 32.5 ± 25.2 (6); Δ −25.8 ± 30.1 (6)", () => {
    expect(e.painVas).toEqual({
      preop: { mean: 59.7, sd: 27.1, n: 80 },
      oneMonth: { mean: 32.5, sd: 25.2, n: 76 },
      change: { mean: -25.8, sd: 30.1, n: 76 },
    });
  });

  it("Barthel: 57.7 ± 29.6 (0), 72.4 ± 27.0 (5); no Δ in the study", () => {
    expect(e.barthel).toEqual({
      preop: { mean: 57.7, sd: 29.6, n: 82 },
      oneMonth: { mean: 72.4, sd: 27.0, n: 77 },
      change: null,
    });
  });

  it("Frankel A/B/C 46 of 82 pre-op, 23 of 76 at 1 month; ECOG > 2 49 of 81, 29 of 77", () => {
    expect(e.frankelABC).toEqual({ preop: { count: 46, n: 82 }, oneMonth: { count: 23, n: 76 } });
    expect(e.ecogOver2).toEqual({ preop: { count: 49, n: 81 }, oneMonth: { count: 29, n: 77 } });
  });
});

describe("expectedQol: group means only", () => {
  it("holds the group's figures and byGroup, nothing that depends on this patient (no projection)", () => {
    const e = expectedQol("thoracic");
    expect(Object.keys(e).sort()).toEqual([
      "barthel",
      "byGroup",
      "ecogOver2",
      "eq5dIndex",
      "eqVas",
      "frankelABC",
      "group",
      "painVas",
    ]);
  });

  it("group null: no group figures, byGroup only", () => {
    const e = expectedQol(null);
    expect(e.group).toBeNull();
    expect(e.eq5dIndex).toBeUndefined();
    expect(Object.keys(e).sort()).toEqual(["byGroup", "group"]);
    expect(Object.keys(e.byGroup).sort()).toEqual(["cervical", "thoracic", "tl-l-s"]);
  });
});

describe("expectedQol: cervical group (N = 31)", () => {
  const e = expectedQol("cervical");
  it("Table 4 / Table 6 figures, n = 31 − Unknown", () => {
    expect(e.eq5dIndex).toEqual({
      preop: { mean: 0.461, sd: 0.291, n: 29 },
      oneMonth: { mean: 0.653, sd: 0.233, n: 27 },
      change: { mean: 0.185, sd: 0.221, n: 27 },
    });
    expect(e.eqVas).toEqual({
      preop: { mean: 48.7, sd: 23.6, n: 27 },
      oneMonth: { mean: 63.4, sd: 25.8, n: 25 },
      change: { mean: 14.6, sd: 28.0, n: 25 },
    });
    expect(e.painVas).toEqual({
      preop: { mean: 58.0, sd: 25.8, n: 28 },
      oneMonth: { mean: 31.3, sd: 20.7, n: 27 },
      change: { mean: -26.0, sd: 30.3, n: 26 },
    });
    expect(e.barthel).toEqual({
      preop: { mean: 69.4, sd: 28.4, n: 31 },
      oneMonth: { mean: 88.3, sd: 14.7, n: 26 },
      change: null,
    });
    expect(e.frankelABC).toEqual({ preop: { count: 10, n: 31 }, oneMonth: { count: 1, n: 27 } });
    expect(e.ecogOver2).toEqual({ preop: { count: 14, n: 31 }, oneMonth: { count: 3, n: 26 } });
  });
});

describe("expectedQol: TL/L/S group (N = 90)", () => {
  const e = expectedQol("tl-l-s");
  it("Table 4 / Table 6 figures, n = 90 − Unknown", () => {
    expect(e.eq5dIndex).toEqual({
      preop: { mean: 0.376, sd: 0.272, n: 86 },
      oneMonth: { mean: 0.624, sd: 0.232, n: 82 },
      change: { mean: 0.246, sd: 0.255, n: 81 },
    });
    expect(e.eqVas).toEqual({
      preop: { mean: 40.1, sd: 23.7, n: 78 },
      oneMonth: { mean: 61.7, sd: 21.9, n: 74 },
      change: { mean: 22.0, sd: 28.3, n: 73 },
    });
    expect(e.painVas).toEqual({
      preop: { mean: 70.4, sd: 25.9, n: 85 },
      oneMonth: { mean: 24.7, sd: 21.7, n: 81 },
      change: { mean: -45.9, sd: 30.7, n: 80 },
    });
    expect(e.barthel).toEqual({
      preop: { mean: 67.7, sd: 27.4, n: 88 },
      oneMonth: { mean: 81.8, sd: 23.6, n: 83 },
      change: null,
    });
    expect(e.frankelABC).toEqual({ preop: { count: 18, n: 90 }, oneMonth: { count: 9, n: 85 } });
    expect(e.ecogOver2).toEqual({ preop: { count: 40, n: 88 }, oneMonth: { count: 17, n: 84 } });
  });
});

describe("expectedQol: byGroup", () => {
  it("holds all three groups; the patient's group figures equal its byGroup entry", () => {
    for (const g of ["cervical", "thoracic", "tl-l-s"] as const) {
      const e = expectedQol(g);
      expect(e.byGroup.cervical.eq5dIndex.preop.mean).toBe(0.461);
      expect(e.byGroup.thoracic.eq5dIndex.preop.mean).toBe(0.321);
      expect(e.byGroup["tl-l-s"].eq5dIndex.preop.mean).toBe(0.376);
      const { group, byGroup, ...own } = e;
      expect(group).toBe(g);
      expect(own).toEqual(byGroup[g]);
    }
  });
  it("returns fresh objects: changing one result does not change the study's figures", () => {
    const a = expectedQol("thoracic");
    if (a.eq5dIndex) a.eq5dIndex.preop.mean = 99;
    a.byGroup.cervical.painVas.preop.mean = 99;
    const b = expectedQol("thoracic");
    expect(b.eq5dIndex?.preop.mean).toBe(0.321);
    expect(b.byGroup.cervical.painVas.preop.mean).toBe(58.0);
    expect(groupExpected("cervical").painVas.preop.mean).toBe(58.0);
  });
  it("refuses a group the study does not have", () => {
    expect(() => expectedQol("lumbar" as SegmentGroup)).toThrow(RangeError);
  });
});
