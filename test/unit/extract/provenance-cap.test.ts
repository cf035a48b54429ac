/**
 * Issue 11 item 16: a chart with a great many tied values. Each item keeps the newest 20 pieces of evidence
 * and counts the rest (ReportItem.provenanceOmitted); notes and diagnostics name at most 20 values and count
 * the rest ("N more"), so the report stays small however long the chart is.
 */
import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/extract";
import { NOW } from "./helpers";
import { en } from "../words";

const P = "p1";
const subject = { reference: `Patient/${P}` };
const patient = { resourceType: "Patient", id: P, birthDate: "1950-06-15" };
const LOINC = "http://loinc.org";

/** Observation `id` of `code` with `value`, at `minute` minutes past midnight of `day`. */
function obs(id: string, code: string, value: number, day: string, minute: number) {
  const hh = String(Math.floor(minute / 60)).padStart(2, "0");
  const mm = String(minute % 60).padStart(2, "0");
  return {
    resourceType: "Observation",
    id,
    status: "final",
    code: { coding: [{ system: LOINC, code }] },
    subject,
    effectiveDateTime: `${day}T${hh}:${mm}:00Z`,
    valueInteger: value,
  };
}
const KPS = "89243-0";
const ECOG = "89247-1";
/** `n` records of KPS 60 on 2024-05-01, k0 … k{n-1}, record i at minute `minute(i)`. */
const kps60s = (n: number, minute: (i: number) => number = (i) => i) =>
  Array.from({ length: n }, (_, i) => obs(`k${i}`, KPS, 60, "2024-05-01", minute(i)));
const refs = (from: number, to: number, prefix = "k") =>
  Array.from({ length: to - from }, (_, i) => `Observation/${prefix}${from + i}`);

describe("provenance of an item with many tied values", () => {
  it("1 000 KPS 60 records on one day: the newest 20 are listed, 980 counted; the item is known", () => {
    const resources = [patient, ...kps60s(1000), obs("old", KPS, 90, "2024-04-01", 0)];
    const item = buildReport(resources, P, { now: NOW }).tokuhashi.items.generalCondition;
    expect(item.candidates).toEqual(["moderate"]);
    expect(item.points).toBe(1);
    expect(item.provenance.map((p) => p.reference)).toEqual(refs(980, 1000));
    expect(item.provenance[19]).toEqual({
      reference: "Observation/k999",
      date: "2024-05-01T16:39:00Z",
      code: "http://loinc.org|89243-0",
      claim: { code: "claim.kps", params: { value: 60 } },
    });
    expect(item.provenanceOmitted).toBe(980);
  });

  it("the newest are chosen by date, wherever they stand in the record", () => {
    const resources = [patient, ...kps60s(25, (i) => 24 - i)];
    const item = buildReport(resources, P, { now: NOW }).tokuhashi.items.generalCondition;
    // k0 is the latest (minute 24) … k19 (minute 5); k20–k24 are the oldest five.
    expect(item.provenance.map((p) => p.reference)).toEqual(refs(0, 20));
    expect(item.provenanceOmitted).toBe(5);
  });

  it("20 or fewer: all listed in the record's order, and no count", () => {
    const resources = [patient, ...kps60s(20, (i) => 20 - i)];
    const item = buildReport(resources, P, { now: NOW }).tokuhashi.items.generalCondition;
    expect(item.provenance.map((p) => p.reference)).toEqual(refs(0, 20));
    expect(item).not.toHaveProperty("provenanceOmitted");
  });

  it("overridden by the clinician: the record's evidence keeps its count", () => {
    const resources = [patient, ...kps60s(30)];
    const item = buildReport(resources, P, { now: NOW, clinician: { tokuhashi: { generalCondition: "good" } } })
      .tokuhashi.items.generalCondition;
    expect(item.provenance).toHaveLength(1);
    expect(item).not.toHaveProperty("provenanceOmitted");
    expect(item.overridden?.provenance.map((p) => p.reference)).toEqual(refs(10, 30));
    expect(item.overridden?.provenanceOmitted).toBe(10);
  });

  it("20 000 tied KPS records give a report of the same size as 40", () => {
    const report = (n: number) =>
      JSON.stringify(buildReport([patient, ...kps60s(n, (i) => i % 1440)], P, { now: NOW }));
    const small = report(40).length;
    const large = report(20_000).length;
    // Only the digits of the ids, the count and the QOL row's note differ.
    expect(large - small).toBeLessThan(200);
  });
});

describe("notes naming many values", () => {
  it("a conflict of 60 KPS records on one day names each value once, then the newest, 20 in all, and counts 40", () => {
    const resources = [
      patient,
      ...Array.from({ length: 60 }, (_, i) => obs(`k${i}`, KPS, i % 2 ? 60 : 90, "2024-05-01", i)),
    ];
    const report = buildReport(resources, P, { now: NOW });
    const item = report.tokuhashi.items.generalCondition;
    expect(item.candidates).toEqual(["poor", "moderate", "good"]); // unknown until the clinician picks
    expect(item.conflict?.options.map((o) => [o.value, o.provenance.reference])).toEqual([
      ["good", "Observation/k0"],
      ["moderate", "Observation/k1"],
    ]);
    const named = [
      "KPS 90 (Observation/k0)",
      "KPS 60 (Observation/k1)",
      ...Array.from({ length: 18 }, (_, i) => `KPS ${(42 + i) % 2 ? 60 : 90} (Observation/k${42 + i})`),
    ];
    expect(en(item.context)).toBe(
      `Different values recorded on 2024-05-01: ${named.join("; ")}; 40 more. Pick the right one.`,
    );
    expect(item.provenance.map((p) => p.reference)).toEqual(refs(40, 60));
    expect(item.provenanceOmitted).toBe(40);
    const diag = report.diagnostics.find((d) => d.message.code === "diag.conflict.item");
    expect(en(diag?.message)).toBe(`Tokuhashi general condition (KPS): ${en(item.context) ?? ""}`);
  });

  it("a QOL day with 30 different ECOG values names 20 and counts 10", () => {
    const resources = [
      patient,
      ...Array.from({ length: 30 }, (_, i) => obs(`e${i}`, ECOG, i % 3, "2024-05-01", i)),
      obs("k", KPS, 60, "2024-06-01", 0),
    ];
    const diag = buildReport(resources, P, { now: NOW }).diagnostics.find(
      (d) => d.message.code === "diag.conflict.measurement",
    );
    const named = [
      "0 in Observation/e0",
      "1 in Observation/e1",
      "2 in Observation/e2",
      ...Array.from({ length: 17 }, (_, i) => `${(13 + i) % 3} in Observation/e${13 + i}`),
    ];
    expect(en(diag?.message)).toBe(`ECOG: different values on 2024-05-01 (${named.join(", ")}, 10 more): not shown`);
  });

  it("ECOG without KPS, 25 records of one day: the context names the newest 20 and counts 5", () => {
    const resources = [patient, ...Array.from({ length: 25 }, (_, i) => obs(`e${i}`, ECOG, 1, "2024-05-01", i))];
    const item = buildReport(resources, P, { now: NOW }).tokuhashi.items.generalCondition;
    expect(en(item.context)).toContain(
      `ECOG 1 on 2024-05-01 (${refs(5, 25, "e").join(", ")}, 5 more) is shown as context and not converted to KPS.`,
    );
  });
});

describe("extraction from any iterable (the CLI hands over one resource at a time)", () => {
  it("a generator read once gives the same report as the array", () => {
    const resources = [patient, ...kps60s(30), obs("e", ECOG, 1, "2024-04-01", 0)];
    let pulled = 0;
    function* lazily() {
      for (const r of resources) {
        pulled++;
        yield r;
      }
    }
    expect(buildReport(lazily(), P, { now: NOW })).toEqual(buildReport(resources, P, { now: NOW }));
    expect(pulled).toBe(32);
  });

  it("a string is not a list of resources", () => {
    const report = buildReport("Observation", P, { now: NOW });
    expect(report.diagnostics.map((d) => d.code)).toEqual(["patient-not-found"]);
  });
});
