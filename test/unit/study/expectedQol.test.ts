import { describe, expect, it } from "vitest";
import { expectedQol, groupExpected } from "../../../src/study";
import type { SegmentGroup } from "../../../src/scores/types";

// Expected values written by hand from Table 4 (pre-op, 1 mo, Unknown rows) and Table 6 (Δ rows),
// n = group N − Unknown (cervical N = 31, thoracic N = 82, TL/L/S N = 90).
type Cell = [mean: number, sd: number, n: number];
const cell = ([mean, sd, n]: Cell) => ({ mean, sd, n });

// [group, measure, pre-op, 1 month, Δ (Barthel: none in the study)]
const MEANS: [SegmentGroup, "eq5dIndex" | "eqVas" | "painVas" | "barthel", Cell, Cell, Cell | null][] = [
  ["cervical", "eq5dIndex", [0.461, 0.291, 29], [0.653, 0.233, 27], [0.185, 0.221, 27]],
  ["cervical", "eqVas", [48.7, 23.6, 27], [63.4, 25.8, 25], [14.6, 28.0, 25]],
  ["cervical", "painVas", [58.0, 25.8, 28], [31.3, 20.7, 27], [-26.0, 30.3, 26]],
  ["cervical", "barthel", [69.4, 28.4, 31], [88.3, 14.7, 26], null],
  // thoracic Unknown: HSUV 2 / 6 / Δ 6, VAS 8 / 13 / Δ 14, pain 2 / 6 / Δ 6, Barthel 0 / 5
  ["thoracic", "eq5dIndex", [0.321, 0.292, 80], [0.513, 0.252, 76], [0.18, 0.227, 76]],
  ["thoracic", "eqVas", [32.4, 24.4, 74], [54.7, 24.5, 69], [22.8, 27.1, 68]],
  ["thoracic", "painVas", [59.7, 27.1, 80], [32.5, 25.2, 76], [-25.8, 30.1, 76]],
  ["thoracic", "barthel", [57.7, 29.6, 82], [72.4, 27.0, 77], null],
  ["tl-l-s", "eq5dIndex", [0.376, 0.272, 86], [0.624, 0.232, 82], [0.246, 0.255, 81]],
  ["tl-l-s", "eqVas", [40.1, 23.7, 78], [61.7, 21.9, 74], [22.0, 28.3, 73]],
  ["tl-l-s", "painVas", [70.4, 25.9, 85], [24.7, 21.7, 81], [-45.9, 30.7, 80]],
  ["tl-l-s", "barthel", [67.7, 27.4, 88], [81.8, 23.6, 83], null],
];

// [group, measure, pre-op count of n, 1 month count of n]
const COUNTS: [SegmentGroup, "frankelABC" | "ecogOver2", [number, number], [number, number]][] = [
  ["cervical", "frankelABC", [10, 31], [1, 27]],
  ["cervical", "ecogOver2", [14, 31], [3, 26]],
  ["thoracic", "frankelABC", [46, 82], [23, 76]],
  ["thoracic", "ecogOver2", [49, 81], [29, 77]],
  ["tl-l-s", "frankelABC", [18, 90], [9, 85]],
  ["tl-l-s", "ecogOver2", [40, 88], [17, 84]],
];

describe("expectedQol: each group's figures (Table 4 / Table 6)", () => {
  it.each(["cervical", "thoracic", "tl-l-s"] as const)("%s holds its own group", (group) => {
    expect(expectedQol(group).group).toBe(group);
  });

  it.each(MEANS)("%s %s: pre-op %j, 1 month %j, Δ %j", (group, measure, preop, oneMonth, change) => {
    expect(expectedQol(group)[measure]).toEqual({
      preop: cell(preop),
      oneMonth: cell(oneMonth),
      change: change === null ? null : cell(change),
    });
  });

  it.each(COUNTS)("%s %s: %j pre-op, %j at 1 month", (group, measure, [preop, preopN], [oneMonth, oneMonthN]) => {
    expect(expectedQol(group)[measure]).toEqual({
      preop: { count: preop, n: preopN },
      oneMonth: { count: oneMonth, n: oneMonthN },
    });
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
