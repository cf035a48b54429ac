import { describe, expect, it } from "vitest";
import { ScoreInputError, formatFixed, formatIndex, roundHalfAwayFromZero } from "../../../src/scores";
import { refused } from "./refused";

describe("roundHalfAwayFromZero (on the decimal a double prints as)", () => {
  it.each([
    [0.6845, 3, 0.685],
    [-0.0255, 3, -0.026],
    [-0.025449, 3, -0.025],
    [0.9755, 3, 0.976],
    [-0.5115, 3, -0.512],
    [1.005, 2, 1.01], // binary 1.00499999999999989… but decimal 1.005
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [0.4999, 0, 0],
    [1.2344, 3, 1.234],
    [1.2346, 3, 1.235],
    [12.5, 0, 13],
    [1, 3, 1],
    [0, 3, 0],
    [1e-7, 3, 0],
    [5e-7, 6, 0.000001],
    [1e21, 2, 1e21],
    [123.456, 10, 123.456],
  ])("%s to %i places = %s", (x, d, expected) => {
    expect(roundHalfAwayFromZero(x, d)).toBe(expected);
  });

  it("never returns −0", () => {
    expect(Object.is(roundHalfAwayFromZero(-0.0004, 3), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0, 3), 0)).toBe(true);
  });

  it.each([
    [Number.NaN, 3, "x"],
    [Number.POSITIVE_INFINITY, 3, "x"],
    ["0.5", 3, "x"],
    [0.5, -1, "decimals"],
    [0.5, 1.5, "decimals"],
    [0.5, 21, "decimals"],
  ])("refuses (%s, %s)", (x, d, field) => {
    refused(() => roundHalfAwayFromZero(x as number, d), field);
  });
});

describe("formatIndex: 3 decimals, half away from zero", () => {
  it.each([
    [-0.0255, "-0.026"],
    [-0.025449, "-0.025"],
    [0.6845, "0.685"],
    [0.6848, "0.685"],
    [0.684847, "0.685"],
    [0.9489, "0.949"],
    [1, "1.000"],
    [0, "0.000"],
    [-0.0004, "0.000"],
    [-0.0005, "-0.001"],
    [0.0005, "0.001"],
    [1.5e-7, "0.000"],
    [0.1 + 0.2, "0.300"],
    [-1.4905, "-1.491"],
    [0.9995, "1.000"],
    [-0.9995, "-1.000"],
    [12.3, "12.300"],
  ])("%s → %s", (x, text) => {
    expect(formatIndex(x)).toBe(text);
  });

  it("formats with other precisions", () => {
    expect(formatFixed(2.5, 0)).toBe("3");
    expect(formatFixed(-0.05, 1)).toBe("-0.1");
    expect(formatFixed(0.04, 1)).toBe("0.0");
  });

  it("refuses a non-finite number", () => {
    expect(() => formatIndex(Number.NaN)).toThrow(ScoreInputError);
  });
});
