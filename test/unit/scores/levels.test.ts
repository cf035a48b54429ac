import { describe, expect, it } from "vitest";
import {
  applicability,
  describeLevels,
  isContiguous,
  levelIndex,
  segmentGroup,
  type ApplicabilityInput,
  type SegmentGroup,
  type SpinalLevel,
} from "../../../src/scores";
import { refused } from "./refused";
import { en } from "../words";

// Segi 2025: cervical = occiput, C1–C7; thoracic = T1–T10; TL/L/S = T11–S5 (the study's Figure 1 groups).
const GROUP_OF: [SpinalLevel, SegmentGroup][] = [
  ["Occiput", "cervical"],
  ["C1", "cervical"],
  ["C2", "cervical"],
  ["C3", "cervical"],
  ["C4", "cervical"],
  ["C5", "cervical"],
  ["C6", "cervical"],
  ["C7", "cervical"],
  ["T1", "thoracic"],
  ["T2", "thoracic"],
  ["T3", "thoracic"],
  ["T4", "thoracic"],
  ["T5", "thoracic"],
  ["T6", "thoracic"],
  ["T7", "thoracic"],
  ["T8", "thoracic"],
  ["T9", "thoracic"],
  ["T10", "thoracic"],
  ["T11", "tl-l-s"],
  ["T12", "tl-l-s"],
  ["L1", "tl-l-s"],
  ["L2", "tl-l-s"],
  ["L3", "tl-l-s"],
  ["L4", "tl-l-s"],
  ["L5", "tl-l-s"],
  ["S1", "tl-l-s"],
  ["S2", "tl-l-s"],
  ["S3", "tl-l-s"],
  ["S4", "tl-l-s"],
  ["S5", "tl-l-s"],
];

describe("segment group", () => {
  it.each(GROUP_OF)("%s alone is %s", (level, group) => {
    expect(segmentGroup([level])).toEqual({ group, levels: [level], reason: null });
  });

  it.each([
    [["C7", "T1"], "cervical"],
    [["T1", "C7"], "cervical"],
    [["T10", "T11"], "tl-l-s"],
    [["T10"], "thoracic"],
    [["T1", "T2", "T3"], "thoracic"],
    [["T9", "T10"], "thoracic"],
    [["C2", "L4"], "cervical"],
    [["T5", "S1"], "tl-l-s"],
    [["S5", "Coccyx"], "tl-l-s"],
    [["T8", "Coccyx"], "thoracic"],
  ] as [SpinalLevel[], SegmentGroup][])("%j → %s", (levels, group) => {
    expect(segmentGroup(levels).group).toBe(group);
  });

  it("returns the levels without duplicates, cranial to caudal", () => {
    expect(segmentGroup(["T11", "T10", "T11"]).levels).toEqual(["T10", "T11"]);
  });

  it("gives no group, with a reason, for the coccyx alone or no level", () => {
    const coccyx = segmentGroup(["Coccyx"]);
    expect(coccyx.group).toBeNull();
    expect(en(coccyx.reason)).toMatch(/coccyx/i);
    const none = segmentGroup([]);
    expect(none.group).toBeNull();
    expect(en(none.reason)).toMatch(/no spinal metastasis level/);
  });

  it.each([["T13"], "T5", null, [5], ["t5"]])("refuses %j", (levels) => {
    refused(() => segmentGroup(levels as unknown as SpinalLevel[]), "levels");
  });
});

describe("levels", () => {
  it("orders levels from the occiput to the coccyx", () => {
    expect(levelIndex("Occiput")).toBe(0);
    expect(levelIndex("C7")).toBe(7);
    expect(levelIndex("T1")).toBe(8);
    expect(levelIndex("T12")).toBe(19);
    expect(levelIndex("L1")).toBe(20);
    expect(levelIndex("S1")).toBe(25);
    expect(levelIndex("Coccyx")).toBe(30);
    refused(() => levelIndex("X1" as SpinalLevel), "level");
  });

  it.each([
    [["T10"], true],
    [["T10", "T11"], true],
    [["T12", "L1", "T11"], true],
    [["C7", "T1"], true],
    [["L5", "S1"], true],
    [["S5", "Coccyx"], true],
    [["T10", "T10", "T11"], true],
    [["T10", "T12"], false],
    [["C2", "C4", "C3", "C6"], false],
    [[], false],
  ] as [SpinalLevel[], boolean][])("isContiguous(%j) = %s", (levels, expected) => {
    expect(isContiguous(levels)).toBe(expected);
  });

  it("describes levels for messages", () => {
    expect(describeLevels([])).toBe("no level");
    expect(describeLevels(["T10"])).toBe("T10");
    expect(describeLevels(["T11", "T10"])).toBe("T10–T11");
    expect(describeLevels(["T3", "T6", "T5"])).toBe("T3, T5, T6");
  });
});

describe("applicability (the study population: age ≥ 20, 1–3 contiguous vertebrae, no en bloc)", () => {
  const fits: ApplicabilityInput = { levels: ["T10", "T11"], age: 67, enBlocPlanned: false };

  it("is true for 1–3 contiguous levels, age ≥ 20 and no en bloc", () => {
    for (const levels of [["T5"], ["T10", "T11"], ["C7", "T1", "T2"]] as SpinalLevel[][]) {
      const r = applicability({ ...fits, levels });
      expect(r.inStudyPopulation).toBe(true);
      expect(r.reasons.map((m) => en(m)).join(" ")).toMatch(/within the study population/);
    }
    expect(applicability({ ...fits, age: 20 }).inStudyPopulation).toBe(true);
  });

  it("is false for 4 vertebrae, saying so in plain words", () => {
    const r = applicability({ ...fits, levels: ["T3", "T4", "T5", "T6"] });
    expect(r.inStudyPopulation).toBe(false);
    expect(r.reasons.map((m) => en(m))).toContain("4 vertebrae (T3–T6): the study included 1–3 contiguous vertebrae");
  });

  it("is false for non-contiguous levels", () => {
    const r = applicability({ ...fits, levels: ["T3", "T5"] });
    expect(r.inStudyPopulation).toBe(false);
    expect(en(r.reasons[0])).toMatch(/non-contiguous levels \(T3, T5\)/);
  });

  it("is false under 20 (19) and true at 20", () => {
    const r = applicability({ ...fits, age: 19 });
    expect(r.inStudyPopulation).toBe(false);
    expect(r.reasons.map((m) => en(m))).toContain("age 19: the study included patients aged 20 years or older");
    expect(applicability({ ...fits, age: 19.9 }).inStudyPopulation).toBe(false);
  });

  it("is false when en bloc resection is planned", () => {
    const r = applicability({ ...fits, enBlocPlanned: true });
    expect(r.inStudyPopulation).toBe(false);
    expect(en(r.reasons[0])).toMatch(/en bloc/);
  });

  it("lists every reason that excludes", () => {
    const r = applicability({ levels: ["T2", "T4", "T6", "T8"], age: 15, enBlocPlanned: true });
    expect(r.inStudyPopulation).toBe(false);
    expect(r.reasons.map((m) => en(m))).toHaveLength(4);
  });

  it("is null when no level is known", () => {
    const r = applicability({ levels: [], age: 67, enBlocPlanned: false });
    expect(r.inStudyPopulation).toBeNull();
    expect(en(r.reasons[0])).toMatch(/no spinal metastasis level/);
  });

  it("is null when age is unknown and nothing else excludes; false still wins", () => {
    const r = applicability({ ...fits, age: null });
    expect(r.inStudyPopulation).toBeNull();
    expect(en(r.reasons[0])).toMatch(/age unknown/);
    expect(applicability({ ...fits, age: null, levels: ["T1", "T3"] }).inStudyPopulation).toBe(false);
  });

  it("stays true while the en bloc question is unanswered, with a note", () => {
    const r = applicability({ ...fits, enBlocPlanned: null });
    expect(r.inStudyPopulation).toBe(true);
    expect(r.reasons.some((x) => /not yet answered/.test(en(x) ?? ""))).toBe(true);
  });

  it("is null for the coccyx alone (no segment group)", () => {
    const r = applicability({ ...fits, levels: ["Coccyx"] });
    expect(r.inStudyPopulation).toBeNull();
    expect(en(r.reasons[0])).toMatch(/coccyx alone/);
  });

  it("notes the coccyx", () => {
    const r = applicability({ ...fits, levels: ["S5", "Coccyx"] });
    expect(r.inStudyPopulation).toBe(true);
    expect(r.reasons.some((x) => /coccyx/.test(en(x) ?? ""))).toBe(true);
  });

  it.each([
    [{ levels: "T5", age: 60, enBlocPlanned: false }, "levels"],
    [{ levels: ["T5"], age: -1, enBlocPlanned: false }, "age"],
    [{ levels: ["T5"], age: "67", enBlocPlanned: false }, "age"],
    [{ levels: ["T5"], age: Number.NaN, enBlocPlanned: false }, "age"],
    [{ levels: ["T5"], age: 60, enBlocPlanned: "no" }, "enBlocPlanned"],
    [{ levels: ["T5"], age: 60, enBlocPlanned: false, sex: "male" }, "sex"],
  ])("refuses %j naming %s", (input, field) => {
    refused(() => applicability(input as unknown as ApplicabilityInput), field);
  });

  it("refuses a non-object", () => {
    refused(() => applicability(null as unknown as ApplicabilityInput), "applicability input");
  });
});
