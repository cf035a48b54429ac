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
  it.each([
    ["ECOG: integer 0–5", validateEcog, isEcog, "ecog", [0, 1, 2, 3, 4, 5], [-1, 6, 2.5, "2", null, Number.NaN]],
    [
      "pain VAS: 0–100 mm, decimals allowed",
      validatePainVas,
      isPainVas,
      "painVas",
      [0, 37.5, 40, 40.5, 100],
      [-1, -0.1, 100.1, 101, 140, "40", "50", Number.NaN, Number.POSITIVE_INFINITY],
    ],
    ["EQ VAS: integer 0–100", validateEqVas, isEqVas, "eqVas", [0, 50, 100], [-1, 101, 140, 50.5, "50"]],
    ["Frankel: A–E", validateFrankel, isFrankel, "frankel", ["A", "B", "C", "D", "E"], ["F", "a", "", 1, null]],
    [
      "KPS: 10–100 in steps of 10",
      validateKps,
      isKps,
      "kps",
      [10, 40, 50, 70, 80, 100],
      [0, 35, 105, 110, -10, "80", "60"],
    ],
  ] satisfies [string, (v: never) => unknown, (v: unknown) => boolean, string, unknown[], unknown[]][])(
    "%s; refused values name the field",
    (_name, validate, is, field, good, bad) => {
      const check = validate as (v: unknown) => unknown;
      for (const v of good) {
        expect(check(v)).toBe(v);
        expect(is(v)).toBe(true);
      }
      for (const v of bad) {
        expect(fieldOf(() => check(v))).toBe(field);
        expect(is(v)).toBe(false);
      }
    },
  );

  it("names the field the caller gives", () => {
    expect(fieldOf(() => validateEcog(9, "ecog.preop"))).toBe("ecog.preop");
  });
});
