import { describe, expect, it } from "vitest";
import {
  COCCYX_NOT_SCOREABLE,
  SINS_LEVELS,
  SINS_POINTS,
  sins,
  sinsCategory,
  sinsLocationClass,
  type SinsInput,
  type SpinalLevel,
} from "../../../src/scores";
import { refused } from "./refused";

// Expected values written from Fisher 2010 (docs/scores.md), the location class of each level.
const EXPECTED_CLASS: [SpinalLevel, string, number][] = [
  ["Occiput", "junctional", 3],
  ["C1", "junctional", 3],
  ["C2", "junctional", 3],
  ["C3", "mobile", 2],
  ["C4", "mobile", 2],
  ["C5", "mobile", 2],
  ["C6", "mobile", 2],
  ["C7", "junctional", 3],
  ["T1", "junctional", 3],
  ["T2", "junctional", 3],
  ["T3", "semirigid", 1],
  ["T4", "semirigid", 1],
  ["T5", "semirigid", 1],
  ["T6", "semirigid", 1],
  ["T7", "semirigid", 1],
  ["T8", "semirigid", 1],
  ["T9", "semirigid", 1],
  ["T10", "semirigid", 1],
  ["T11", "junctional", 3],
  ["T12", "junctional", 3],
  ["L1", "junctional", 3],
  ["L2", "mobile", 2],
  ["L3", "mobile", 2],
  ["L4", "mobile", 2],
  ["L5", "junctional", 3],
  ["S1", "junctional", 3],
  ["S2", "rigid", 0],
  ["S3", "rigid", 0],
  ["S4", "rigid", 0],
  ["S5", "rigid", 0],
];

/** All items known and zero except those given. */
const zero: Required<Pick<SinsInput, "pain" | "boneLesion" | "alignment" | "collapse" | "posterolateral">> = {
  pain: "none",
  boneLesion: "blastic",
  alignment: "normal",
  collapse: "none",
  posterolateral: "none",
};

describe("SINS location", () => {
  it.each(EXPECTED_CLASS)("%s is %s (%i points)", (level, cls, points) => {
    expect(sinsLocationClass(level)).toBe(cls);
    const r = sins({ ...zero, location: level as Exclude<SpinalLevel, "Coccyx"> });
    expect(r.items.location).toEqual({ points, min: points, max: points, value: level, candidates: [level] });
    expect(r.total).toBe(points);
  });

  it("scores occiput–S5 and nothing else: the core's list of scoreable levels is the reference's", () => {
    expect(SINS_LEVELS).toEqual(EXPECTED_CLASS.map(([level]) => level));
    expect(SINS_LEVELS).toHaveLength(30);
    expect(SINS_LEVELS).not.toContain("Coccyx");
  });

  it("gives the coccyx no class and refuses it as a location with a clear message", () => {
    expect(sinsLocationClass("Coccyx")).toBeNull();
    refused(() => sins({ location: "Coccyx" as never }), "location");
    refused(() => sins({ location: ["S5", "Coccyx"] as never }), "location");
    expect(() => sins({ location: "Coccyx" as never })).toThrow(/coccyx.*occiput to S5/i);
    expect(COCCYX_NOT_SCOREABLE).toMatch(/Fisher 2010/);
  });

  it("refuses an unknown level in sinsLocationClass", () => {
    refused(() => sinsLocationClass("T13" as SpinalLevel), "level");
  });

  it("keeps a lesion spanning two classes as a range until the level is picked (T10–T11)", () => {
    const r = sins({ ...zero, location: ["T10", "T11"] });
    expect(r.items.location).toEqual({ points: null, min: 1, max: 3, value: null, candidates: ["T10", "T11"] });
    expect(r.total).toBeNull();
    expect([r.min, r.max]).toEqual([1, 3]);
  });

  it("gives certain points but no value when every candidate level is in one class (T11–T12)", () => {
    const r = sins({ ...zero, location: ["T12", "T11"] });
    expect(r.items.location).toEqual({ points: 3, min: 3, max: 3, value: null, candidates: ["T11", "T12"] });
    expect(r.total).toBe(3);
  });

  it("treats an unknown location as any level occiput–S5 (0–3)", () => {
    const r = sins(zero);
    expect(r.items.location.candidates).toEqual(EXPECTED_CLASS.map(([l]) => l));
    expect([r.items.location.min, r.items.location.max, r.items.location.points]).toEqual([0, 3, null]);
  });
});

describe("SINS item points (Fisher 2010)", () => {
  it.each([
    ["pain", "mechanical", 3],
    ["pain", "occasional", 1],
    ["pain", "none", 0],
    ["boneLesion", "lytic", 2],
    ["boneLesion", "mixed", 1],
    ["boneLesion", "blastic", 0],
    ["alignment", "subluxation", 4],
    ["alignment", "deformity", 2],
    ["alignment", "normal", 0],
    ["collapse", "gt50", 3],
    ["collapse", "lt50", 2],
    ["collapse", "noCollapseOver50Involved", 1],
    ["collapse", "none", 0],
    ["posterolateral", "bilateral", 3],
    ["posterolateral", "unilateral", 1],
    ["posterolateral", "none", 0],
  ] as const)("%s %s = %i", (item, value, points) => {
    const r = sins({ ...zero, location: "S3", [item]: value });
    expect(r.items[item].points).toBe(points);
    expect(r.items[item].value).toBe(value);
    expect(r.total).toBe(points);
    expect((SINS_POINTS[item] as Record<string, number>)[value]).toBe(points);
  });

  it("scores the maximum 18 and the minimum 0", () => {
    const worst = sins({
      location: "C1",
      pain: "mechanical",
      boneLesion: "lytic",
      alignment: "subluxation",
      collapse: "gt50",
      posterolateral: "bilateral",
    });
    expect([worst.total, worst.category]).toEqual([18, "unstable"]);
    const best = sins({ ...zero, location: "S5" });
    expect([best.total, best.category]).toEqual([0, "stable"]);
  });

  it("leaves exactly 50 % collapse to the clinician: gt50 or lt50 as candidates is a range 2–3", () => {
    const r = sins({ ...zero, location: "S2", collapse: ["gt50", "lt50"] });
    expect(r.items.collapse).toEqual({ points: null, min: 2, max: 3, value: null, candidates: ["gt50", "lt50"] });
    expect([r.total, r.min, r.max]).toEqual([null, 2, 3]);
  });
});

describe("SINS classes: 0–6 stable, 7–12 potentially unstable, 13–18 unstable", () => {
  /** Every item known: 12 points (counted in the test that uses it). */
  const L3_FINDINGS: SinsInput = {
    location: "L3",
    pain: "mechanical",
    boneLesion: "lytic",
    alignment: "deformity",
    collapse: "lt50",
    posterolateral: "unilateral",
  };

  it.each([
    [0, "stable"],
    [6, "stable"],
    [7, "potentially-unstable"],
    [12, "potentially-unstable"],
    [13, "unstable"],
    [18, "unstable"],
  ] as const)("sinsCategory(%i) = %s", (total, cls) => {
    expect(sinsCategory(total)).toBe(cls);
  });

  it.each([-1, 19, 6.5, Number.NaN])("refuses total %s", (total) => {
    refused(() => sinsCategory(total), "total");
  });

  // Totals built from real findings on both sides of each boundary.
  it("6 is stable, 7 potentially unstable", () => {
    // T5 semirigid 1 + mechanical 3 + lytic 2 = 6
    const six = sins({ ...zero, location: "T5", pain: "mechanical", boneLesion: "lytic" });
    expect([six.total, six.category]).toEqual([6, "stable"]);
    // T1 junctional 3 + mechanical 3 + mixed 1 = 7
    const seven = sins({ ...zero, location: "T1", pain: "mechanical", boneLesion: "mixed" });
    expect([seven.total, seven.category]).toEqual([7, "potentially-unstable"]);
  });

  it("12 is potentially unstable, 13 unstable", () => {
    // L3 mobile 2 + mechanical 3 + lytic 2 + deformity 2 + lt50 2 + unilateral 1 = 12
    const twelve = sins(L3_FINDINGS);
    expect([twelve.total, twelve.category]).toEqual([12, "potentially-unstable"]);
    // L1 junctional 3 + mechanical 3 + lytic 2 + deformity 2 + lt50 2 + unilateral 1 = 13
    const thirteen = sins({ ...L3_FINDINGS, location: "L1" });
    expect([thirteen.total, thirteen.category]).toEqual([13, "unstable"]);
  });

  it("sets the category of a range that lies in one class, and not of one that straddles", () => {
    // pain unknown (0–3) on top of 0 + 3: range 3–6, all stable
    const inside = sins({ ...zero, location: "T1", pain: undefined });
    expect([inside.total, inside.min, inside.max, inside.category]).toEqual([null, 3, 6, "stable"]);
    // pain unknown on top of 4: range 4–7 straddles 6/7
    const straddle = sins({ ...zero, location: "T1", boneLesion: "mixed", pain: null });
    expect([straddle.total, straddle.min, straddle.max, straddle.category]).toEqual([null, 4, 7, null]);
    // 13–16 is unstable whatever the pain
    const highFindings: SinsInput = { ...L3_FINDINGS, location: "L1", pain: [], alignment: "subluxation" };
    const high = sins(highFindings);
    expect([high.total, high.min, high.max, high.category]).toEqual([null, 12, 15, null]);
    const high2 = sins({ ...highFindings, collapse: "gt50" });
    expect([high2.min, high2.max, high2.category]).toEqual([13, 16, "unstable"]);
  });

  it("knows nothing from an empty input: 0–18, no total, no category", () => {
    const r = sins({});
    expect([r.total, r.min, r.max, r.category]).toEqual([null, 0, 18, null]);
    expect(r.items.pain).toEqual({
      points: null,
      min: 0,
      max: 3,
      value: null,
      candidates: ["mechanical", "occasional", "none"],
    });
    expect(r.items.collapse.candidates).toEqual(["gt50", "lt50", "noCollapseOver50Involved", "none"]);
  });

  it("reads duplicates once and keeps the domain order", () => {
    const r = sins({ pain: ["none", "mechanical", "none"] });
    expect(r.items.pain).toEqual({ points: null, min: 0, max: 3, value: null, candidates: ["mechanical", "none"] });
    const one = sins({ pain: ["occasional", "occasional"] });
    expect(one.items.pain.value).toBe("occasional");
  });
});

describe("SINS refuses malformed input at the entry", () => {
  it.each([
    [{ pain: "sometimes" }, "pain"],
    [{ pain: "Mechanical" }, "pain"],
    [{ boneLesion: ["lytic", "osteoid"] }, "boneLesion"],
    [{ alignment: 4 }, "alignment"],
    [{ collapse: { value: "gt50" } }, "collapse"],
    [{ posterolateral: true }, "posterolateral"],
    [{ location: "T13" }, "location"],
    [{ location: ["T5", 6] }, "location"],
    [{ locaton: "T5" }, "locaton"],
  ])("%j names %s", (input, field) => {
    refused(() => sins(input as unknown as SinsInput), field);
  });

  it.each([null, undefined, 5, "T5", [["T5"]]])("refuses %j as the input", (input) => {
    refused(() => sins(input as unknown as SinsInput), "sins input");
  });

  it("says what was expected", () => {
    expect(() => sins({ pain: "sometimes" as never })).toThrow(
      'pain: unknown value "sometimes" (expected one of: mechanical, occasional, none)',
    );
  });
});
