import { describe, expect, it } from "vitest";
import { ScoreInputError, sinsVerdict, tokuhashiVerdict } from "../../../src/scores";

describe("sinsVerdict: the SINS classes a range allows", () => {
  it.each([
    [0, 0, ["stable"], "stable", false],
    [0, 6, ["stable"], "stable", false],
    [6, 6, ["stable"], "stable", false],
    [6, 7, ["stable", "potentially-unstable"], null, false],
    [7, 7, ["potentially-unstable"], "potentially-unstable", true],
    [7, 12, ["potentially-unstable"], "potentially-unstable", true],
    [12, 12, ["potentially-unstable"], "potentially-unstable", true],
    [12, 13, ["potentially-unstable", "unstable"], null, true],
    [13, 13, ["unstable"], "unstable", true],
    [13, 18, ["unstable"], "unstable", true],
    [18, 18, ["unstable"], "unstable", true],
    [7, 18, ["potentially-unstable", "unstable"], null, true],
    [1, 16, ["stable", "potentially-unstable", "unstable"], null, false],
    [0, 18, ["stable", "potentially-unstable", "unstable"], null, false],
    [3, 12, ["stable", "potentially-unstable"], null, false],
    [6, 13, ["stable", "potentially-unstable", "unstable"], null, false],
  ] as const)("%i–%i allows %j (one class: %s; ≥ 7 throughout: %s)", (min, max, categories, category, atLeast7) => {
    expect(sinsVerdict(min, max)).toEqual({ min, max, categories, category, atLeast7 });
  });

  it.each([
    [-1, 5],
    [0, 19],
    [5, 4],
    [1.5, 4],
    [Number.NaN, 4],
  ])("refuses %s–%s", (min, max) => {
    expect(() => sinsVerdict(min, max)).toThrow(ScoreInputError);
  });

  it("names the field", () => {
    expect(() => sinsVerdict(9, 8)).toThrow(/sins\.max/);
  });
});

describe("tokuhashiVerdict: the survival bands a range allows", () => {
  it.each([
    [0, 0, ["<6m"], "<6m"],
    [0, 8, ["<6m"], "<6m"],
    [8, 8, ["<6m"], "<6m"],
    [8, 9, ["<6m", ">=6m"], null],
    [9, 9, [">=6m"], ">=6m"],
    [9, 11, [">=6m"], ">=6m"],
    [11, 11, [">=6m"], ">=6m"],
    [11, 12, [">=6m", ">=12m"], null],
    [12, 12, [">=12m"], ">=12m"],
    [12, 15, [">=12m"], ">=12m"],
    [15, 15, [">=12m"], ">=12m"],
    [0, 5, ["<6m"], "<6m"],
    [1, 9, ["<6m", ">=6m"], null],
    [7, 15, ["<6m", ">=6m", ">=12m"], null],
    [9, 15, [">=6m", ">=12m"], null],
  ] as const)("%i–%i allows %j (one band: %s)", (min, max, prognoses, prognosis) => {
    expect(tokuhashiVerdict(min, max)).toEqual({ min, max, prognoses, prognosis });
  });

  it.each([
    [-1, 3],
    [0, 16],
    [10, 9],
    ["3" as unknown as number, 9],
  ])("refuses %s–%s", (min, max) => {
    expect(() => tokuhashiVerdict(min, max)).toThrow(ScoreInputError);
  });
});
