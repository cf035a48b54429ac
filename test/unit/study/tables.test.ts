/**
 * Internal consistency of the transcribed tables: counts add up, percentages match counts, Table 4 and Table 6
 * agree on every shared figure, Δ rows fit their pre-op and 1-month rows. Any transcription slip breaks one of these.
 */
import { describe, expect, it } from "vitest";
import type { SegmentGroup } from "../../../src/scores/types";
import {
  GROUP_N,
  INCLUSION,
  SEGMENT_GROUPS,
  STUDY,
  TABLE_1,
  TABLE_1_LEVELS,
  TABLE_2,
  TABLE_4,
  TABLE_6,
  TABLE_6_N,
  table6ChangeRow,
} from "../../../src/study";
import type { CountCell, Table1Level, Table6Row } from "../../../src/study";

/** The printed percent is the exact share rounded to the printed number of decimals. */
function percentMatches(cell: CountCell, denominator: number): boolean {
  const decimals = (String(cell.percent).split(".")[1] ?? "").length;
  const exact = (100 * cell.count) / denominator;
  return Math.abs(exact - cell.percent) <= 0.5 * 10 ** -decimals + 1e-9;
}

function row6(outcome: Table6Row["outcome"], timepoint: Table6Row["timepoint"]): Table6Row {
  const found = TABLE_6.find((r) => r.outcome === outcome && r.timepoint === timepoint);
  if (!found) throw new Error(`no Table 6 row ${outcome} ${timepoint}`);
  return found;
}

describe("group sizes", () => {
  it("31 + 82 + 90 = 203 in every table header and in the study metadata", () => {
    expect(GROUP_N).toEqual({ cervical: 31, thoracic: 82, "tl-l-s": 90 });
    expect(TABLE_6_N).toEqual(GROUP_N);
    expect(TABLE_2.n).toEqual(GROUP_N);
    for (const g of SEGMENT_GROUPS) expect(TABLE_4[g].n).toBe(GROUP_N[g]);
    expect(GROUP_N.cervical + GROUP_N.thoracic + GROUP_N["tl-l-s"]).toBe(203);
    expect(STUDY.n).toBe(203);
  });

  it("patient flow: 257 with 1–3 consecutive vertebrae − 27 en bloc − 27 follow-up < 1 month = 203", () => {
    const f = INCLUSION.flow;
    expect(f.oneToThreeConsecutiveVertebrae - f.excludedEnBloc - f.excludedFollowUpUnder1Month).toBe(f.analysed);
    expect(f.analysed).toBe(STUDY.n);
    expect(f.enrolled).toBe(413);
  });
});

describe("Table 4", () => {
  for (const g of SEGMENT_GROUPS) {
    const col = TABLE_4[g];
    for (const tp of ["preop", "oneMonth"] as const) {
      it(`${g} ${tp}: Frankel A/B/C + D/E + Unknown = N, ECOG ≤2 + >2 + Unknown = N`, () => {
        const fr = col.frankel[tp];
        expect(fr.abc.count + fr.de.count + fr.unknown).toBe(col.n);
        const ec = col.ecog[tp];
        expect(ec.le2.count + ec.over2.count + ec.unknown).toBe(col.n);
      });
      it(`${g} ${tp}: percentages are of the patients with a known value`, () => {
        const fr = col.frankel[tp];
        const ec = col.ecog[tp];
        for (const cell of [fr.abc, fr.de]) expect(percentMatches(cell, col.n - fr.unknown)).toBe(true);
        for (const cell of [ec.le2, ec.over2]) expect(percentMatches(cell, col.n - ec.unknown)).toBe(true);
      });
    }
    it(`${g}: means lie on their scales, SDs positive, Unknown below N`, () => {
      for (const [outcome, max] of [
        ["painVas", 100],
        ["barthel", 100],
        ["eqVas", 100],
        ["eq5dIndex", 1],
      ] as const) {
        for (const tp of ["preop", "oneMonth"] as const) {
          const cell = col[outcome][tp];
          expect(cell.mean).toBeGreaterThan(0);
          expect(cell.mean).toBeLessThan(max);
          expect(cell.sd).toBeGreaterThan(0);
          expect(cell.unknown).toBeGreaterThanOrEqual(0);
          expect(cell.unknown).toBeLessThan(col.n);
        }
      }
    });
  }
});

describe("Table 6", () => {
  it("has the 15 printed rows, each outcome × timepoint once, Δ only for pain VAS, EQ5D HSUV and EQ5D VAS", () => {
    expect(TABLE_6).toHaveLength(15);
    const keys = TABLE_6.map((r) => `${r.outcome}/${r.timepoint}`);
    expect(new Set(keys).size).toBe(15);
    expect(TABLE_6.filter((r) => r.timepoint === "change").map((r) => r.outcome)).toEqual([
      "painVas",
      "eq5dIndex",
      "eqVas",
    ]);
    expect(table6ChangeRow("barthel")).toBeNull();
  });

  for (const g of SEGMENT_GROUPS) {
    it(`${g}: categorical rows add up to N and their percentages match`, () => {
      const n = GROUP_N[g];
      for (const row of TABLE_6) {
        if (row.outcome === "frankel") {
          const cell = row.cells[g];
          expect(cell.abc.count + cell.de.count + cell.unknown).toBe(n);
          expect(percentMatches(cell.abc, n - cell.unknown)).toBe(true);
          expect(percentMatches(cell.de, n - cell.unknown)).toBe(true);
        } else if (row.outcome === "ecog") {
          const cell = row.cells[g];
          expect(cell.le2.count + cell.over2.count + cell.unknown).toBe(n);
          expect(percentMatches(cell.le2, n - cell.unknown)).toBe(true);
          expect(percentMatches(cell.over2, n - cell.unknown)).toBe(true);
        }
      }
    });
  }
});

describe("Table 4 and Table 6 agree on every shared figure", () => {
  for (const g of SEGMENT_GROUPS) {
    for (const tp of ["preop", "oneMonth"] as const) {
      it(`${g} ${tp}`, () => {
        const col = TABLE_4[g];
        const fr = row6("frankel", tp);
        const ec = row6("ecog", tp);
        if (fr.outcome !== "frankel" || ec.outcome !== "ecog") throw new Error("row kinds");
        expect(fr.cells[g]).toEqual(col.frankel[tp]);
        expect(ec.cells[g]).toEqual(col.ecog[tp]);
        for (const outcome of ["barthel", "painVas", "eq5dIndex", "eqVas"] as const) {
          const r = row6(outcome, tp);
          if (r.outcome === "frankel" || r.outcome === "ecog") throw new Error("row kind");
          expect(r.cells[g]).toEqual(col[outcome][tp]);
        }
      });
    }
  }
});

describe("Δ rows fit their pre-op and 1-month rows", () => {
  for (const outcome of ["painVas", "eq5dIndex", "eqVas"] as const) {
    for (const g of SEGMENT_GROUPS) {
      const change = table6ChangeRow(outcome)?.cells[g];
      const { preop, oneMonth } = TABLE_4[g][outcome];
      it(`${outcome} ${g}: Δ needs both values, so its Unknown is at least each row's and at most their sum`, () => {
        expect(change).toBeDefined();
        if (!change) return;
        expect(change.unknown).toBeGreaterThanOrEqual(Math.max(preop.unknown, oneMonth.unknown));
        expect(change.unknown).toBeLessThanOrEqual(preop.unknown + oneMonth.unknown);
      });
      it(`${outcome} ${g}: mean Δ is close to (1-month mean − pre-op mean), same sign`, () => {
        if (!change) throw new Error("no Δ");
        const naive = oneMonth.mean - preop.mean;
        expect(Math.sign(change.mean)).toBe(Math.sign(naive));
        expect(Math.abs(change.mean - naive)).toBeLessThan(0.1 * change.sd);
      });
    }
  }
});

describe("Table 1", () => {
  const allowed: Record<SegmentGroup, readonly Table1Level[]> = {
    cervical: ["C1", "C2", "C3", "C4", "C5", "C6", "C7", "T1"],
    thoracic: ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10"],
    "tl-l-s": ["T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5", "S"],
  };
  for (const g of SEGMENT_GROUPS) {
    it(`${g}: levels are the group's, percentages are of N, and 1–3 levels per patient bound the column sum`, () => {
      const col = TABLE_1[g];
      expect(Object.keys(col)).toEqual(allowed[g]);
      let sum = 0;
      for (const level of TABLE_1_LEVELS) {
        const cell = col[level];
        if (!cell) continue;
        expect(percentMatches(cell, GROUP_N[g])).toBe(true);
        sum += cell.count;
      }
      expect(sum).toBeGreaterThanOrEqual(GROUP_N[g]);
      expect(sum).toBeLessThanOrEqual(3 * GROUP_N[g]);
    });
  }
  it("hand-checked cells: C4 10 (32%), T4 21 (26%), T10 2 and 7, T11 22 (24%), S 4 (4%)", () => {
    expect(TABLE_1.cervical.C4).toEqual({ count: 10, percent: 32 });
    expect(TABLE_1.thoracic.T4).toEqual({ count: 21, percent: 26 });
    expect(TABLE_1.thoracic.T10?.count).toBe(2);
    expect(TABLE_1["tl-l-s"].T10?.count).toBe(7);
    expect(TABLE_1["tl-l-s"].T11).toEqual({ count: 22, percent: 24 });
    expect(TABLE_1["tl-l-s"].S).toEqual({ count: 4, percent: 4 });
  });
});

describe("Table 2", () => {
  const blocks = [TABLE_2.origin, TABLE_2.sinsClass, TABLE_2.procedure];
  for (const g of SEGMENT_GROUPS) {
    it(`${g}: origins, SINS classes and procedures each add up to N`, () => {
      for (const block of blocks) {
        const rows = Object.values(block.categories);
        expect(rows.reduce((s, r) => s + r.cells[g].count, 0)).toBe(GROUP_N[g]);
      }
    });
    it(`${g}: every printed percentage matches its count (except the cervical mortality slip)`, () => {
      const rows = [TABLE_2.male, ...blocks.flatMap((b) => Object.values(b.categories))];
      if (g !== "cervical") rows.push(TABLE_2.mortality);
      for (const row of rows) expect(percentMatches(row.cells[g], GROUP_N[g]), row.row).toBe(true);
    });
  }
  it("the cervical mortality '2 (7%)' is the paper's rounding slip (2/31 = 6.5 %)", () => {
    expect(TABLE_2.mortality.cells.cervical).toEqual({ count: 2, percent: 7 });
    expect(percentMatches(TABLE_2.mortality.cells.cervical, 31)).toBe(false);
  });
  it("SINS classes: stable 1/20/6, potentially unstable 20/51/70, unstable 10/11/14", () => {
    const k = TABLE_2.sinsClass.categories;
    expect(SEGMENT_GROUPS.map((g) => k.stable.cells[g].count)).toEqual([1, 20, 6]);
    expect(SEGMENT_GROUPS.map((g) => k.potentiallyUnstable.cells[g].count)).toEqual([20, 51, 70]);
    expect(SEGMENT_GROUPS.map((g) => k.unstable.cells[g].count)).toEqual([10, 11, 14]);
  });
  it("Tokuhashi 9.4 ± 3.1 / 8.0 ± 3.1 / 8.4 ± 2.8 (P 0.085); SINS 11.1 ± 3.0 / 8.8 ± 3.0 / 10.2 ± 2.7 (P <0.001)", () => {
    expect(TABLE_2.tokuhashi.cells).toEqual({
      cervical: { mean: 9.4, sd: 3.1 },
      thoracic: { mean: 8.0, sd: 3.1 },
      "tl-l-s": { mean: 8.4, sd: 2.8 },
    });
    expect(TABLE_2.tokuhashi.p.text).toBe("0.085");
    expect(TABLE_2.sins.cells).toEqual({
      cervical: { mean: 11.1, sd: 3.0 },
      thoracic: { mean: 8.8, sd: 3.0 },
      "tl-l-s": { mean: 10.2, sd: 2.7 },
    });
    expect(TABLE_2.sins.p).toEqual({ text: "<0.001", value: 0.001, relation: "<" });
  });
});
