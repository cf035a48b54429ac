import { describe, expect, it } from "vitest";
import { formatRange, resourceType, splitCode } from "../../../src/ui/format";
import { SINS_OPTIONS, TOKUHASHI_OPTIONS, optionText } from "../../../src/ui/labels";
import { createTranslator } from "../../../src/i18n";

describe("display helpers", () => {
  it("writes a range with an en dash", () => {
    expect(formatRange(9, 13)).toBe("9–13");
    expect(formatRange(0, 18)).toBe("0\u201318");
  });

  it("reads the resource type of relative and absolute references", () => {
    expect(resourceType("Observation/123")).toBe("Observation");
    expect(resourceType("https://ehr.example/fhir/Condition/abc")).toBe("Condition");
    expect(resourceType(null)).toBeNull();
    expect(resourceType("#contained")).toBeNull();
  });

  it("splits system|code", () => {
    expect(splitCode("http://loinc.org|89243-0")).toEqual({ system: "http://loinc.org", code: "89243-0" });
    expect(splitCode("C34.90")).toEqual({ system: null, code: "C34.90" });
    expect(splitCode(null)).toBeNull();
  });
});

describe("item options", () => {
  it("lists every SINS category with its points (Fisher 2010)", () => {
    expect(SINS_OPTIONS.pain.map((o) => [o.value, o.points])).toEqual([
      ["mechanical", 3],
      ["occasional", 1],
      ["none", 0],
    ]);
    expect(SINS_OPTIONS.collapse.map((o) => o.points)).toEqual([3, 2, 1, 0]);
    expect(SINS_OPTIONS.alignment.map((o) => o.points)).toEqual([4, 2, 0]);
    // Occiput–S5: 30 levels; the coccyx has no SINS location class.
    expect(SINS_OPTIONS.location).toHaveLength(30);
    expect(SINS_OPTIONS.location.some((o) => o.value === "Coccyx")).toBe(false);
    expect(SINS_OPTIONS.location.find((o) => o.value === "T11")).toMatchObject({
      points: 3,
      locationClass: "junctional",
    });
    expect(SINS_OPTIONS.location.find((o) => o.value === "T6")).toMatchObject({
      points: 1,
      locationClass: "semirigid",
    });
  });

  it("lists every Tokuhashi category with its points (revised 2005)", () => {
    expect(TOKUHASHI_OPTIONS.primarySite).toHaveLength(17);
    expect(TOKUHASHI_OPTIONS.primarySite.find((o) => o.value === "rectum")?.points).toBe(4);
    expect(TOKUHASHI_OPTIONS.vertebralBodyMets.map((o) => [o.value, o.points])).toEqual([
      ["3+", 0],
      ["2", 1],
      ["1", 2],
    ]);
    expect(TOKUHASHI_OPTIONS.extraspinalBoneMets.map((o) => [o.value, o.points])).toEqual([
      ["3+", 0],
      ["1-2", 1],
      ["0", 2],
    ]);
    expect(TOKUHASHI_OPTIONS.palsy.map((o) => o.points)).toEqual([0, 0, 1, 1, 2]);
  });

  it("names values in both languages", () => {
    const en = createTranslator("en");
    const ja = createTranslator("ja");
    expect(optionText(SINS_OPTIONS.location, "T6", en.t)).toBe("T6 (semirigid)");
    expect(optionText(SINS_OPTIONS.location, "T6", ja.t)).toBe("T6 (半固定部)");
    expect(optionText(TOKUHASHI_OPTIONS.generalCondition, "moderate", en.t)).toBe("Moderate (KPS 50–70 %)");
    expect(optionText(TOKUHASHI_OPTIONS.palsy, "C", ja.t)).toBe("Frankel C：運動不全、実用性なし・Tokuhashi分類：不全");
    // Frankel B is motor-complete, sensory-incomplete (Frankel 1969): "complete" is Tokuhashi's grouping, said as such.
    expect(optionText(TOKUHASHI_OPTIONS.palsy, "B", en.t)).toBe("Frankel B: sensory only · Tokuhashi: complete");
    expect(optionText(TOKUHASHI_OPTIONS.palsy, "B", ja.t)).toBe("Frankel B：感覚のみ・Tokuhashi分類：完全");
  });
});

describe("chart label placement", () => {
  it("pushes labels apart by the gap, keeping their order, and inside the plot", async () => {
    const { spreadLabels } = await import("../../../src/ui/qol/CourseChart");
    expect(spreadLabels([50, 52, 100], 11, 10, 200)).toEqual([50, 61, 100]);
    expect(spreadLabels([52, 50], 11, 10, 200)).toEqual([61, 50]);
    // Three labels crowding the bottom are lifted so that the last one stays at the bottom.
    expect(spreadLabels([198, 199, 200], 10, 0, 200)).toEqual([178, 188, 198].map((v) => v + 2));
  });
});
