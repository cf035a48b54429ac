/**
 * Issue 12 items 2 and 6: the newest performance status decides; a KPS older than a newer ECOG makes the item the
 * range covering both; stale evidence is marked; the ECOG → KPS suggestion covers every band the published tables
 * allow. Expected values are worked by hand from the bands (poor KPS 10–40 = 0, moderate 50–70 = 1, good 80–100 = 2)
 * and the three tables of fhir-mappings/observations.json (oBDS; Ma et al. 2010; Prasad et al. 2018).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/extract";
import { daysSince } from "../../../src/extract/tokuhashi-items";
import type { ReportOptions } from "../../../src/report/types";
import { ecog, kps, P, patient } from "./issue12-helpers";
import { en } from "../words";

const NOW = new Date("2025-06-30T00:00:00Z");
const gc = (resources: unknown[], options: Partial<ReportOptions> = {}) =>
  buildReport(resources, P, { now: NOW, ...options }).tokuhashi.items.generalCondition;

describe("recency across instruments (issue 12 item 2)", () => {
  it("KPS 90 of January 2025 and ECOG 4 of last week: the range poor–good (0–2), naming both values and dates", () => {
    const item = gc([patient(), kps("k-jan", 90, "2025-01-15"), ecog("e-week", 4, "2025-06-23")]);
    // KPS 90 → good (2); ECOG 4 → KPS 10–20 / 10–30 / 10–40 → poor (0); the span poor..good covers moderate too.
    expect(item.candidates).toEqual(["poor", "moderate", "good"]);
    expect([item.points, item.min, item.max]).toEqual([null, 0, 2]);
    expect(item.value).toBeNull();
    expect(item.source).toBe("record");
    expect(en(item.context)).toBe(
      "KPS 90 (Observation/k-jan) on 2025-01-15 is older than ECOG 4 (Observation/e-week) on 2025-06-23: the item covers both (poor or moderate or good) until the current KPS is entered. " +
        "ECOG 4 corresponds to KPS 10–20 (oBDS), KPS 10–30 (Ma et al. 2010), KPS 10–40 (Prasad et al. 2018).",
    );
    expect(item.provenance.map((p) => p.reference)).toEqual(["Observation/e-week", "Observation/k-jan"]);
  });

  it("KPS 60 older than ECOG 3: moderate (KPS) and poor–moderate (ECOG 3 by the tables) → 0–1", () => {
    const item = gc([patient(), kps("k", 60, "2025-06-01"), ecog("e", 3, "2025-06-20")]);
    expect(item.candidates).toEqual(["poor", "moderate"]);
    expect([item.min, item.max]).toEqual([0, 1]);
  });

  it.each([
    [
      "the same day: the KPS decides, and the ECOG is shown with its date",
      [kps("k", 40, "2025-06-02"), ecog("e", 3, "2025-06-02")],
      "poor",
      0,
      "ECOG 3 (Observation/e) on 2025-06-02 also on file; the KPS is as new or newer and decides.",
    ],
    [
      "a KPS newer than the ECOG decides; the older ECOG is still shown",
      [ecog("e", 4, "2025-05-01"), kps("k", 80, "2025-06-20")],
      "good",
      2,
      "ECOG 4 (Observation/e) on 2025-05-01 also on file; the KPS is as new or newer and decides.",
    ],
  ])("%s", (_title, evidence, candidate, points, context) => {
    const item = gc([patient(), ...evidence]);
    expect(item.candidates).toEqual([candidate]);
    expect(item.points).toBe(points);
    expect(en(item.context)).toBe(context);
  });

  it("ECOG 1 and 2 recorded on a day after KPS 60 (the renal sandbox patient): moderate–good, 1–2", () => {
    const item = gc([patient(), kps("k", 60, "2025-06-09"), ecog("e1", 1, "2025-06-18"), ecog("e2", 2, "2025-06-18")]);
    // KPS 60 moderate; ECOG 1 → 70–80 (oBDS) / 80–90 / 80–90 → moderate, good; ECOG 2 → moderate.
    expect(item.candidates).toEqual(["moderate", "good"]);
    expect([item.min, item.max]).toEqual([1, 2]);
  });

  it("property: adding evidence older than what decides the item never changes it", () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const kpsValue = fc.integer({ min: 1, max: 10 }).map((n) => n * 10);
    const ecogValue = fc.integer({ min: 0, max: 4 });
    const piece = fc.oneof(
      fc.record({ kind: fc.constant("kps" as const), value: kpsValue, day }),
      fc.record({ kind: fc.constant("ecog" as const), value: ecogValue, day }),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 6 }),
        fc.array(piece, { minLength: 1, maxLength: 4 }),
        (base, extra) => {
          const res = (list: typeof base, prefix: string) =>
            list.map((p, i) =>
              p.kind === "kps" ? kps(`${prefix}k${i}`, p.value, p.day) : ecog(`${prefix}e${i}`, p.value, p.day),
            );
          // What decides the item is a KPS (ECOG alone leaves it unknown: see the next test).
          if (!base.some((p) => p.kind === "kps")) return;
          const newest =
            base
              .map((p) => p.day)
              .sort()
              .at(-1) ?? "";
          // Older than every piece that decides: strictly before the newest day of the base.
          const older = extra.filter((p) => p.day < newest && base.every((b) => b.day > p.day));
          if (older.length === 0) return;
          const before = gc([patient(), ...res(base, "b")]);
          const after = gc([patient(), ...res(base, "b"), ...res(older, "x")]);
          expect([after.candidates, after.min, after.max, after.points]).toEqual([
            before.candidates,
            before.min,
            before.max,
            before.points,
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("ECOG alone is no value", () => {
  it("an older KPS next to a newer ECOG is the range covering both, also when the ECOG came first on file", () => {
    // ECOG 0 alone: unknown (0–2). With KPS 50 of the day before: moderate (KPS) to good (ECOG 0) → 1–2.
    expect(gc([patient(), ecog("e", 0, "2024-01-02")]).candidates).toEqual(["poor", "moderate", "good"]);
    const both = gc([patient(), ecog("e", 0, "2024-01-02"), kps("k", 50, "2024-01-01")]);
    expect(both.candidates).toEqual(["moderate", "good"]);
    expect([both.min, both.max]).toEqual([1, 2]);
  });
});

describe("stale evidence (issue 12 item 2; defaults 30 days for performance status, 7 for palsy)", () => {
  it("KPS 70 of 2025-05-20 on 2025-06-30 is 41 days old: marked stale, value kept", () => {
    const item = gc([patient(), kps("k", 70, "2025-05-20")]);
    expect(item.points).toBe(1);
    expect(item.stale).toEqual({ days: 41, date: "2025-05-20", maxDays: 30 });
  });

  it("within the window: not marked; a configured window applies", () => {
    expect(gc([patient(), kps("k", 70, "2025-06-10")]).stale).toBeUndefined();
    expect(
      gc([patient(), kps("k", 70, "2025-06-10")], { evidenceMaxAgeDays: { performanceStatus: 10 } }).stale,
    ).toEqual({ days: 20, date: "2025-06-10", maxDays: 10 });
  });

  it("a newer ECOG dates the item: its age is the ECOG's", () => {
    const item = gc([patient(), kps("k", 90, "2025-01-15"), ecog("e", 4, "2025-06-23")]);
    expect(item.stale).toBeUndefined();
    const old = gc([patient(), kps("k", 90, "2025-01-15"), ecog("e", 4, "2025-04-01")]);
    expect(old.stale).toEqual({ days: 90, date: "2025-04-01", maxDays: 30 });
  });

  it("a clinician's entry is never stale; ECOG alone (unknown item) is not marked", () => {
    expect(
      gc([patient(), kps("k", 70, "2024-01-01")], { clinician: { tokuhashi: { generalCondition: "moderate" } } }).stale,
    ).toBeUndefined();
    expect(gc([patient(), ecog("e", 2, "2024-01-01")]).stale).toBeUndefined();
  });

  it("whole days by the UTC date of 'now'", () => {
    expect(daysSince("2025-06-29", new Date("2025-06-30T23:59:00Z"))).toBe(1);
    expect(daysSince("2025-07-01", NOW)).toBe(-1);
    expect(daysSince("2025-06", NOW)).toBeNull();
  });
});

describe("ECOG → KPS suggestions the tables do not fix (issue 12 item 6)", () => {
  it("ECOG 3 alone: KPS 30–40 (oBDS), 40–50 (Ma 2010), 50–60 (Prasad 2018) → poor or moderate: no one-click suggestion", () => {
    const item = gc([patient(), ecog("e", 3, "2025-06-20")]);
    expect(item.candidates).toEqual(["poor", "moderate", "good"]);
    expect([item.min, item.max]).toEqual([0, 2]);
    expect(item.suggestion).toBeNull();
    expect(en(item.context)).toBe(
      "No Karnofsky performance status (KPS) on file. ECOG 3 on 2025-06-20 (Observation/e) is shown as context and not converted to KPS. " +
        "ECOG 3 corresponds to KPS 30–40 (oBDS), KPS 40–50 (Ma et al. 2010), KPS 50–60 (Prasad et al. 2018): poor or moderate, by the table used. The tables disagree: enter the KPS.",
    );
  });

  it("ECOG 2 alone: every table gives moderate → the suggestion 'moderate', the item unknown", () => {
    const item = gc([patient(), ecog("e", 2, "2025-06-20")]);
    expect([item.min, item.max, item.points]).toEqual([0, 2, null]);
    expect(item.suggestion?.value).toBe("moderate");
    expect(en(item.suggestion?.reason)).toBe(
      'ECOG 2 corresponds to KPS 50–60 (oBDS), KPS 60–70 (Ma et al. 2010), KPS 70 (Prasad et al. 2018): "moderate" by every table. A suggestion only: confirm or enter the KPS.',
    );
  });

  it("ECOG 4 → poor, ECOG 0 → good; ECOG 1 spans moderate–good; ECOG 5 (dead) gives nothing", () => {
    expect(gc([patient(), ecog("e", 4, "2025-06-20")]).suggestion?.value).toBe("poor");
    expect(gc([patient(), ecog("e", 0, "2025-06-20")]).suggestion?.value).toBe("good");
    const one = gc([patient(), ecog("e", 1, "2025-06-20")]);
    expect(one.suggestion).toBeNull();
    expect(en(one.context)).toContain(
      "ECOG 1 corresponds to KPS 70–80 (oBDS), KPS 80–90 (Ma et al. 2010), KPS 80–90 (Prasad et al. 2018): moderate or good",
    );
    const five = gc([patient(), ecog("e", 5, "2025-06-20")]);
    expect(five.suggestion).toBeNull();
    expect(en(five.context)).toBe(
      "No Karnofsky performance status (KPS) on file. ECOG 5 on 2025-06-20 (Observation/e) is shown as context and not converted to KPS.",
    );
  });
});
