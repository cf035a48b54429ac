import { describe, expect, it } from "vitest";
import { GROUP_DIFFERENCES, groupDifferences } from "../../../src/study";

describe("GROUP_DIFFERENCES (Table 6)", () => {
  it("has 15 rows × 3 comparisons", () => {
    expect(GROUP_DIFFERENCES).toHaveLength(45);
  });

  it("lists exactly the 13 significant differences of Table 6, with the better group", () => {
    // Written by hand from Table 6 (P < 0.05) and the cells' direction.
    const expected = [
      ["frankel", "preop", "T vs L", "<0.001", "tl-l-s"],
      ["frankel", "oneMonth", "C vs T", "0.005", "cervical"],
      ["frankel", "oneMonth", "T vs L", "0.005", "tl-l-s"],
      ["ecog", "oneMonth", "C vs T", "0.034", "cervical"],
      ["ecog", "oneMonth", "T vs L", "0.034", "tl-l-s"],
      ["barthel", "oneMonth", "C vs T", "0.012", "cervical"],
      ["barthel", "oneMonth", "T vs L", "0.039", "tl-l-s"],
      ["painVas", "preop", "T vs L", "0.027", "thoracic"],
      ["painVas", "change", "T vs L", "<0.001", "tl-l-s"],
      ["painVas", "change", "C vs L", "0.011", "tl-l-s"],
      ["eq5dIndex", "oneMonth", "C vs T", "0.027", "cervical"],
      ["eq5dIndex", "oneMonth", "T vs L", "0.011", "tl-l-s"],
      ["eqVas", "preop", "C vs T", "0.008", "cervical"],
    ];
    const actual = GROUP_DIFFERENCES.filter((d) => d.significant).map((d) => [
      d.outcome,
      d.timepoint,
      d.comparison,
      d.p,
      d.better,
    ]);
    expect(actual).toEqual(expected);
  });

  it("names its source and the compared groups", () => {
    const d = GROUP_DIFFERENCES.find(
      (x) => x.outcome === "eq5dIndex" && x.timepoint === "oneMonth" && x.comparison === "C vs T",
    );
    expect(d?.source).toBe('Table 6, row "EQ5D HSUV, 1 mo", column C vs T');
    expect(d?.groups).toEqual(["cervical", "thoracic"]);
    expect(d?.pValue).toEqual({ text: "0.027", value: 0.027, relation: "=" });
  });

  it("non-significant bounds: ΔEQ5D HSUV C vs T '>0.99'", () => {
    const d = groupDifferences({ outcome: "eq5dIndex", timepoint: "change" }).find((x) => x.comparison === "C vs T");
    expect(d?.p).toBe(">0.99");
    expect(d?.significant).toBe(false);
  });

  it("filters by group", () => {
    const cervicalSig = groupDifferences({ group: "cervical", significantOnly: true });
    expect(cervicalSig.every((d) => d.groups.includes("cervical"))).toBe(true);
    expect(cervicalSig).toHaveLength(6);
  });
});
