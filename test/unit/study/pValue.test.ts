import { describe, expect, it } from "vitest";
import { isSignificant, pValue } from "../../../src/study";

describe("pValue", () => {
  it("reads printed values and bounds", () => {
    expect(pValue("0.027")).toEqual({ text: "0.027", value: 0.027, relation: "=" });
    expect(pValue("0.060")).toEqual({ text: "0.060", value: 0.06, relation: "=" });
    expect(pValue("<0.001")).toEqual({ text: "<0.001", value: 0.001, relation: "<" });
    expect(pValue(">0.99")).toEqual({ text: ">0.99", value: 0.99, relation: ">" });
  });
  it("refuses text that is not a P value", () => {
    for (const bad of ["", "P = 0.01", "0,05", "1.5", "abc", "<", "-0.1"])
      expect(() => pValue(bad)).toThrow(RangeError);
  });
  it("significant means P < 0.05", () => {
    expect(isSignificant(pValue("0.049"))).toBe(true);
    expect(isSignificant(pValue("0.05"))).toBe(false);
    expect(isSignificant(pValue("0.052"))).toBe(false);
    expect(isSignificant(pValue("<0.001"))).toBe(true);
    expect(isSignificant(pValue(">0.99"))).toBe(false);
  });
});
