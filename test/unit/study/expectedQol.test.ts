import { describe, expect, it } from "vitest";
import type { QolTimepoint } from "../../../src/report/types";
import { expectedQol } from "../../../src/study";

/** A timepoint with only the fields a test sets. */
function tp(partial: Partial<QolTimepoint> & Pick<QolTimepoint, "timepoint">): QolTimepoint {
  return {
    date: null,
    eq5d: null,
    eqVas: null,
    painVas: null,
    barthel: null,
    ecog: null,
    frankel: null,
    source: { reference: null, date: null, code: null },
    ...partial,
  };
}
function eq5d(index: number): QolTimepoint["eq5d"] {
  return { profile: "21232", index, valueSet: "Japan_cTTO_fullPrecision" };
}

// Expected values written by hand from Table 4 (pre-op, 1 mo, Unknown rows) and Table 6 (Δ rows),
// n = group N − Unknown.
describe("expectedQol: thoracic group (N = 82)", () => {
  const e = expectedQol("thoracic", []);

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

  it("no projection without pre-operative values", () => {
    expect(e.projection).toEqual({});
  });
});

describe("expectedQol: projection", () => {
  it("adds the group's mean Δ to the patient's pre-op value, with Δ's SD (thoracic)", () => {
    const e = expectedQol("thoracic", [tp({ timepoint: "preop", date: "2024-01-10", eq5d: eq5d(0.2), eqVas: 40, painVas: 70 })]);
    expect(e.projection.eq5dIndex?.baseline).toBe(0.2);
    expect(e.projection.eq5dIndex?.expectedOneMonth).toBeCloseTo(0.38, 10);
    expect(e.projection.eq5dIndex?.sd).toBe(0.227);
    expect(e.projection.eqVas?.expectedOneMonth).toBeCloseTo(62.8, 10);
    expect(e.projection.painVas?.expectedOneMonth).toBeCloseTo(44.2, 10);
    expect(e.projection.painVas?.sd).toBe(30.1);
  });

  it("group null: no group figures, byGroup only, no projection", () => {
    const e = expectedQol(null, [tp({ timepoint: "preop", eq5d: eq5d(0.5) })]);
    expect(e.group).toBeNull();
    expect(e.projection).toEqual({});
    expect(e.eq5dIndex).toBeUndefined();
    expect(Object.keys(e.byGroup).sort()).toEqual(["cervical", "thoracic", "tl-l-s"]);
  });
});
