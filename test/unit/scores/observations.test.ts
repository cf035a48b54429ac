import { describe, expect, it } from "vitest";
import {
  ScoreInputError,
  isEcog,
  isEqVas,
  isFrankel,
  isKps,
  isPainVas,
  validateEcog,
  validateEqVas,
  validateFrankel,
  validateKps,
  validatePainVas,
} from "../../../src/scores";

function fieldOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(ScoreInputError);
    return (e as ScoreInputError).field;
  }
}

describe("observation validators", () => {
  it("ECOG: integer 0–5", () => {
    for (const v of [0, 1, 2, 3, 4, 5]) expect(validateEcog(v)).toBe(v);
    for (const v of [-1, 6, 2.5, "2", null, Number.NaN]) {
      expect(fieldOf(() => validateEcog(v))).toBe("ecog");
      expect(isEcog(v)).toBe(false);
    }
    expect(isEcog(3)).toBe(true);
  });

  it("pain VAS: 0–100 mm, decimals allowed", () => {
    for (const v of [0, 40, 40.5, 100]) expect(validatePainVas(v)).toBe(v);
    for (const v of [-0.1, 100.1, 140, "40", Number.POSITIVE_INFINITY]) {
      expect(fieldOf(() => validatePainVas(v))).toBe("painVas");
      expect(isPainVas(v)).toBe(false);
    }
  });

  it("EQ VAS: integer 0–100", () => {
    for (const v of [0, 50, 100]) expect(validateEqVas(v)).toBe(v);
    for (const v of [-1, 101, 140, 50.5, "50"]) {
      expect(fieldOf(() => validateEqVas(v))).toBe("eqVas");
      expect(isEqVas(v)).toBe(false);
    }
    expect(isEqVas(100)).toBe(true);
  });

  it("Frankel: A–E", () => {
    for (const v of ["A", "B", "C", "D", "E"]) expect(validateFrankel(v)).toBe(v);
    for (const v of ["F", "a", "", 1, null]) {
      expect(fieldOf(() => validateFrankel(v))).toBe("frankel");
      expect(isFrankel(v)).toBe(false);
    }
  });

  it("KPS: 10–100 in steps of 10", () => {
    for (const v of [10, 40, 50, 70, 80, 100]) expect(validateKps(v)).toBe(v);
    for (const v of [0, 35, 105, 110, -10, "80"]) {
      expect(fieldOf(() => validateKps(v))).toBe("kps");
      expect(isKps(v)).toBe(false);
    }
  });

  it("names the field the caller gives", () => {
    expect(fieldOf(() => validateEcog(9, "ecog.preop"))).toBe("ecog.preop");
  });
});
