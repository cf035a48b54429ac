import { describe, expect, it } from "vitest";
import {
  PRIMARY_SITE_POINTS,
  TOKUHASHI_POINTS,
  extraspinalBoneMetsCandidates,
  kpsCategory,
  tokuhashi,
  tokuhashiPrognosis,
  vertebralBodyMetsCandidates,
  type PrimarySite,
  type TokuhashiInput,
} from "../../../src/scores";
import { refused } from "./refused";

/** Every item known and at 0 points except those given (primary site lung = 0). */
const zero: TokuhashiInput = {
  generalCondition: "poor",
  extraspinalBoneMets: "3+",
  vertebralBodyMets: "3+",
  visceralMets: "unremovable",
  primarySite: "lung",
  palsy: "A",
};

describe("revised Tokuhashi (2005) points, NICE CG75 Appendix 3 Table 2", () => {
  // Hand-copied from item 5 (NICE CG75 Appendix 3 Table 2).
  const SITES: [PrimarySite, number][] = [
    ["lung", 0],
    ["osteosarcoma", 0],
    ["stomach", 0],
    ["bladder", 0],
    ["esophagus", 0],
    ["pancreas", 0],
    ["liver", 1],
    ["gallbladder", 1],
    ["unidentified", 1],
    ["others", 2],
    ["kidney", 3],
    ["uterus", 3],
    ["rectum", 4],
    ["thyroid", 5],
    ["breast", 5],
    ["prostate", 5],
    ["carcinoid", 5],
  ];

  it.each(SITES)("primary site %s = %i", (site, points) => {
    expect(PRIMARY_SITE_POINTS[site]).toBe(points);
    const r = tokuhashi({ ...zero, primarySite: site });
    expect(r.items.primarySite).toEqual({ points, min: points, max: points, value: site, candidates: [site] });
    expect(r.total).toBe(points);
  });

  it("has exactly the 17 primary-site categories of the 2005 table", () => {
    expect(Object.keys(PRIMARY_SITE_POINTS).sort()).toEqual(SITES.map(([s]) => s).sort());
  });

  it.each([
    ["generalCondition", "poor", 0],
    ["generalCondition", "moderate", 1],
    ["generalCondition", "good", 2],
    ["extraspinalBoneMets", "3+", 0],
    ["extraspinalBoneMets", "1-2", 1],
    ["extraspinalBoneMets", "0", 2],
    ["vertebralBodyMets", "3+", 0],
    ["vertebralBodyMets", "2", 1],
    ["vertebralBodyMets", "1", 2],
    ["visceralMets", "unremovable", 0],
    ["visceralMets", "removable", 1],
    ["visceralMets", "none", 2],
    ["palsy", "A", 0],
    ["palsy", "B", 0],
    ["palsy", "C", 1],
    ["palsy", "D", 1],
    ["palsy", "E", 2],
  ] as const)("%s %s = %i", (item, value, points) => {
    const r = tokuhashi({ ...zero, [item]: value });
    expect(r.items[item].points).toBe(points);
    expect(r.items[item].value).toBe(value);
    expect(r.total).toBe(points);
    expect((TOKUHASHI_POINTS[item] as Record<string, number>)[value]).toBe(points);
  });

  it("scores the maximum 15 and labels the version", () => {
    const r = tokuhashi({
      generalCondition: "good",
      extraspinalBoneMets: "0",
      vertebralBodyMets: "1",
      visceralMets: "none",
      primarySite: "breast",
      palsy: "E",
    });
    expect([r.total, r.min, r.max, r.prognosis, r.version]).toEqual([15, 15, 15, ">=12m", "revised-2005"]);
    const min = tokuhashi(zero);
    expect([min.total, min.prognosis]).toEqual([0, "<6m"]);
  });

  it("knows nothing from an empty input: 0–15", () => {
    const r = tokuhashi({});
    expect([r.total, r.min, r.max, r.prognosis]).toEqual([null, 0, 15, null]);
    expect(r.items.primarySite.candidates).toHaveLength(17);
    expect(r.items.palsy.candidates).toEqual(["A", "B", "C", "D", "E"]);
    expect(r.items.extraspinalBoneMets.candidates).toEqual(["0", "1-2", "3+"]);
  });

  it("keeps an ambiguous primary site as the range of its candidates (rectum or others: 2–4)", () => {
    const r = tokuhashi({ ...zero, primarySite: ["rectum", "others"] });
    expect(r.items.primarySite).toEqual({
      points: null,
      min: 2,
      max: 4,
      value: null,
      candidates: ["others", "rectum"],
    });
    expect([r.total, r.min, r.max]).toEqual([null, 2, 4]);
  });

  it("gives Frankel A or B certain 0 points without a value", () => {
    expect(tokuhashi({ palsy: ["B", "A"] }).items.palsy).toEqual({
      points: 0,
      min: 0,
      max: 0,
      value: null,
      candidates: ["A", "B"],
    });
  });

  it("scores a recorded visceral metastasis of unknown resectability 0–1", () => {
    expect(tokuhashi({ visceralMets: ["unremovable", "removable"] }).items.visceralMets).toMatchObject({
      points: null,
      min: 0,
      max: 1,
    });
  });
});

describe("prognosis: 0–8 < 6 months, 9–11 ≥ 6 months, 12–15 ≥ 1 year", () => {
  // moderate 1 + 1-2 foci 1 + 1 body 2 + none 2 + lung 0 + Frankel C 1 = 7; + E instead of C = 8
  const EIGHT: TokuhashiInput = {
    generalCondition: "moderate",
    extraspinalBoneMets: "1-2",
    vertebralBodyMets: "1",
    visceralMets: "none",
    primarySite: "lung",
    palsy: "E",
  };

  it.each([
    [0, "<6m"],
    [8, "<6m"],
    [9, ">=6m"],
    [11, ">=6m"],
    [12, ">=12m"],
    [15, ">=12m"],
  ] as const)("tokuhashiPrognosis(%i) = %s", (total, band) => {
    expect(tokuhashiPrognosis(total)).toBe(band);
  });

  it.each([-1, 16, 8.5, Number.POSITIVE_INFINITY])("refuses total %s", (total) => {
    refused(() => tokuhashiPrognosis(total), "total");
  });

  it("8 and 9 from real findings", () => {
    const eight = tokuhashi(EIGHT);
    expect([eight.total, eight.prognosis]).toEqual([8, "<6m"]);
    // same with liver (1) instead of lung (0) = 9
    const nine = tokuhashi({ ...EIGHT, primarySite: "liver" });
    expect([nine.total, nine.prognosis]).toEqual([9, ">=6m"]);
  });

  it("11 and 12 from real findings", () => {
    // good 2 + 0 foci 2 + 2 bodies 1 + removable 1 + kidney 3 + Frankel D 1 = 10 → with rectum 4: 11
    const findings: TokuhashiInput = {
      generalCondition: "good",
      extraspinalBoneMets: "0",
      vertebralBodyMets: "2",
      visceralMets: "removable",
      primarySite: "rectum",
      palsy: "D",
    };
    const eleven = tokuhashi(findings);
    expect([eleven.total, eleven.prognosis]).toEqual([11, ">=6m"]);
    // with prostate 5: 12
    const twelve = tokuhashi({ ...findings, primarySite: "prostate" });
    expect([twelve.total, twelve.prognosis]).toEqual([12, ">=12m"]);
  });

  it("sets the prognosis of a range inside one band only", () => {
    // 1 recorded extraspinal focus = at least 1 (0–1): 7–8 stays "<6m"
    const inside = tokuhashi({ ...EIGHT, extraspinalBoneMets: extraspinalBoneMetsCandidates(1, true) });
    expect([inside.total, inside.min, inside.max, inside.prognosis]).toEqual([null, 7, 8, "<6m"]);
    // same with liver: 8–9 straddles
    const straddle = tokuhashi({ ...EIGHT, extraspinalBoneMets: ["1-2", "3+"], primarySite: "liver" });
    expect([straddle.min, straddle.max, straddle.prognosis]).toEqual([8, 9, null]);
  });
});

describe("Karnofsky → general condition", () => {
  it.each([
    [10, "poor"],
    [20, "poor"],
    [30, "poor"],
    [40, "poor"],
    [50, "moderate"],
    [60, "moderate"],
    [70, "moderate"],
    [80, "good"],
    [90, "good"],
    [100, "good"],
  ] as const)("KPS %i is %s", (kps, cat) => {
    expect(kpsCategory(kps)).toBe(cat);
  });

  it.each([0, 35, 45, 75, 5, 110, -10, 60.5, Number.NaN, "60"])("refuses KPS %s", (kps) => {
    refused(() => kpsCategory(kps as number), "kps");
  });
});

describe("counts → candidates (counts on record are lower bounds until confirmed)", () => {
  it.each([
    [0, false, ["0"]],
    [1, false, ["1-2"]],
    [2, false, ["1-2"]],
    [3, false, ["3+"]],
    [12, false, ["3+"]],
    [0, true, ["0", "1-2", "3+"]],
    [1, true, ["1-2", "3+"]],
    [2, true, ["1-2", "3+"]],
    [3, true, ["3+"]],
    [9, true, ["3+"]],
  ] as const)("extraspinal bone foci %i (atLeast %s) → %j", (count, atLeast, expected) => {
    expect(extraspinalBoneMetsCandidates(count, atLeast)).toEqual(expected);
  });

  it.each([
    [1, false, ["1"]],
    [2, false, ["2"]],
    [3, false, ["3+"]],
    [5, false, ["3+"]],
    [0, true, ["1", "2", "3+"]],
    [1, true, ["1", "2", "3+"]],
    [2, true, ["2", "3+"]],
    [3, true, ["3+"]],
  ] as const)("vertebral bodies %i (atLeast %s) → %j", (count, atLeast, expected) => {
    expect(vertebralBodyMetsCandidates(count, atLeast)).toEqual(expected);
  });

  /** The item as Tokuhashi scores it from these candidates alone. */
  const scored = <K extends "extraspinalBoneMets" | "vertebralBodyMets">(item: K, candidates: TokuhashiInput[K]) =>
    tokuhashi({ [item]: candidates }).items[item];

  it("1 recorded extraspinal focus scores 0–1; 3 recorded score a certain 0", () => {
    const one = scored("extraspinalBoneMets", extraspinalBoneMetsCandidates(1, true));
    expect(one).toMatchObject({ points: null, min: 0, max: 1 });
    const three = scored("extraspinalBoneMets", extraspinalBoneMetsCandidates(3, true));
    expect(three).toMatchObject({ points: 0, value: "3+" });
  });

  it("2 recorded vertebral bodies score 0–1", () => {
    expect(scored("vertebralBodyMets", vertebralBodyMetsCandidates(2, true))).toMatchObject({ min: 0, max: 1 });
  });

  it("refuses impossible counts", () => {
    refused(() => vertebralBodyMetsCandidates(0, false), "vertebralBodyMets");
    refused(() => vertebralBodyMetsCandidates(-1, true), "vertebralBodyMets");
    refused(() => extraspinalBoneMetsCandidates(1.5, false), "extraspinalBoneMets");
    refused(() => extraspinalBoneMetsCandidates(Number.NaN, true), "extraspinalBoneMets");
    refused(() => extraspinalBoneMetsCandidates(1, "yes" as unknown as boolean), "atLeast");
    refused(() => vertebralBodyMetsCandidates(2, 1 as unknown as boolean), "atLeast");
  });
});

describe("Tokuhashi refuses malformed input at the entry", () => {
  it.each([
    [{ generalCondition: "fair" }, "generalCondition"],
    [{ generalCondition: 60 }, "generalCondition"],
    [{ extraspinalBoneMets: "2" }, "extraspinalBoneMets"],
    [{ vertebralBodyMets: "0" }, "vertebralBodyMets"],
    [{ visceralMets: ["none", "maybe"] }, "visceralMets"],
    [{ primarySite: "colon" }, "primarySite"],
    [{ palsy: "F" }, "palsy"],
    [{ palsy: "e" }, "palsy"],
    [{ kps: 60 }, "kps"],
  ])("%j names %s", (input, field) => {
    refused(() => tokuhashi(input as unknown as TokuhashiInput), field);
  });

  it.each([null, 3, "lung", []])("refuses %j as the input", (input) => {
    refused(() => tokuhashi(input as unknown as TokuhashiInput), "tokuhashi input");
  });
});
