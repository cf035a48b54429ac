/** The illustrated cases (Figures 2–4), re-typed here from the captions as a second, independent transcription. */
import { describe, expect, it } from "vitest";
import { ILLUSTRATED_CASES, TABLE_1 } from "../../../src/study";
import type { IllustratedCase } from "../../../src/study";

function byFigure(figure: IllustratedCase["figure"]): IllustratedCase {
  const c = ILLUSTRATED_CASES.find((x) => x.figure === figure);
  if (!c) throw new Error(figure);
  return c;
}

describe("illustrated cases", () => {
  it("Figure 2: cervical, C3, men in 60s, PS 2→1, Barthel 30→90, pain 40→10, HSUV 0.210→0.575, EQ VAS 50→80, Frankel C→D", () => {
    const c = byFigure("Figure 2");
    expect([c.group, c.level, c.sex, c.ageRange, c.primary]).toEqual(["cervical", "C3", "male", [60, 69], "lung"]);
    expect(c.preop).toEqual({ ecog: 2, barthel: 30, painVas: 40, eq5dIndex: 0.21, eqVas: 50, frankel: "C" });
    expect(c.oneMonth).toEqual({ ecog: 1, barthel: 90, painVas: 10, eq5dIndex: 0.575, eqVas: 80, frankel: "D" });
  });
  it("Figure 3: thoracic, T6, 70s, PS 4→3, Barthel 40→65, pain 81→54, HSUV 0.188→0.480, EQ VAS 65→60, Frankel C→C", () => {
    const c = byFigure("Figure 3");
    expect([c.group, c.level, c.ageRange]).toEqual(["thoracic", "T6", [70, 79]]);
    expect(c.preop).toEqual({ ecog: 4, barthel: 40, painVas: 81, eq5dIndex: 0.188, eqVas: 65, frankel: "C" });
    expect(c.oneMonth).toEqual({ ecog: 3, barthel: 65, painVas: 54, eq5dIndex: 0.48, eqVas: 60, frankel: "C" });
  });
  it("Figure 4: TL/L/S, L1, 70s, PS 3→2, Barthel 60→95, pain 50→14, HSUV 0.414→0.665, EQ VAS 30→70, Frankel D→D", () => {
    const c = byFigure("Figure 4");
    expect([c.group, c.level, c.ageRange]).toEqual(["tl-l-s", "L1", [70, 79]]);
    expect(c.preop).toEqual({ ecog: 3, barthel: 60, painVas: 50, eq5dIndex: 0.414, eqVas: 30, frankel: "D" });
    expect(c.oneMonth).toEqual({ ecog: 2, barthel: 95, painVas: 14, eq5dIndex: 0.665, eqVas: 70, frankel: "D" });
  });
  it("each case's level is one of its group's Table 1 levels", () => {
    for (const c of ILLUSTRATED_CASES) expect(Object.keys(TABLE_1[c.group])).toContain(c.level);
  });
});
