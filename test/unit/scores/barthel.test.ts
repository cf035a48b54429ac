import { describe, expect, it } from "vitest";
import { BARTHEL_POINTS, barthelIndex, barthelItemMax, type BarthelInput } from "../../../src/scores";
import { refused as refusedBy } from "./refused";

function refused(input: unknown, field: string): void {
  refusedBy(() => barthelIndex(input as BarthelInput), field);
}

// Mahoney & Barthel 1965 weights, written by hand.
const MAX = {
  feeding: 10,
  bathing: 5,
  grooming: 5,
  dressing: 10,
  bowels: 10,
  bladder: 10,
  toiletUse: 10,
  transfers: 15,
  mobility: 15,
  stairs: 10,
};
const ZERO = {
  feeding: 0,
  bathing: 0,
  grooming: 0,
  dressing: 0,
  bowels: 0,
  bladder: 0,
  toiletUse: 0,
  transfers: 0,
  mobility: 0,
  stairs: 0,
};

describe("Barthel index", () => {
  it("is 100 at every item's maximum and 0 at zero", () => {
    expect(barthelIndex(MAX)).toEqual({ total: 100, min: 100, max: 100 });
    expect(barthelIndex(ZERO)).toEqual({ total: 0, min: 0, max: 0 });
  });

  it("has the item weights of Mahoney & Barthel 1965", () => {
    expect(BARTHEL_POINTS).toEqual({
      feeding: [0, 5, 10],
      bathing: [0, 5],
      grooming: [0, 5],
      dressing: [0, 5, 10],
      bowels: [0, 5, 10],
      bladder: [0, 5, 10],
      toiletUse: [0, 5, 10],
      transfers: [0, 5, 10, 15],
      mobility: [0, 5, 10, 15],
      stairs: [0, 5, 10],
    });
    for (const [item, max] of Object.entries(MAX)) expect(barthelItemMax(item as keyof typeof MAX)).toBe(max);
  });

  it("adds the items (the study's Figure 2 case: 30 pre-op)", () => {
    expect(barthelIndex({ ...ZERO, feeding: 10, grooming: 5, transfers: 10, bowels: 5 }).total).toBe(30);
  });

  it("gives a range for missing items", () => {
    expect(barthelIndex({})).toEqual({ total: null, min: 0, max: 100 });
    expect(barthelIndex({ ...MAX, transfers: null })).toEqual({ total: null, min: 85, max: 100 });
    expect(barthelIndex({ ...ZERO, stairs: undefined, bathing: null })).toEqual({ total: null, min: 0, max: 15 });
    expect(barthelIndex({ feeding: 10, transfers: 15 })).toEqual({ total: null, min: 25, max: 100 });
  });

  it.each([
    [{ feeding: 15 }, "feeding"],
    [{ bathing: 10 }, "bathing"],
    [{ grooming: 7 }, "grooming"],
    [{ transfers: 20 }, "transfers"],
    [{ mobility: -5 }, "mobility"],
    [{ stairs: "10" }, "stairs"],
    [{ dressing: Number.NaN }, "dressing"],
    [{ walking: 15 }, "walking"],
  ])("refuses %j", (input, field) => {
    refused(input, field);
  });

  it.each([null, 5, [10, 10]])("refuses %j as the input", (input) => {
    refused(input, "barthel input");
  });
});
