/**
 * Time (docs/clinical-rules.md, "Time"; issue 12 items 1 and 8): golden cases worked by hand, and properties.
 * Each case gives the input resources and the expected item points (or range), the note, and applicability.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/extract";
import {
  APP_CODE_SYSTEM,
  COMMON_LINKS,
  LINKS,
  questionnaireUrl,
  TIMEPOINT_CODES,
} from "../../../src/questionnaires/contract";
import type { ScoreReport } from "../../../src/report/types";
import { en } from "../words";

const P = "p1";
const subject = { reference: `Patient/${P}` };
const SYS = APP_CODE_SYSTEM;
const NOW = new Date("2026-04-20T00:00:00Z");
const patient = { resourceType: "Patient", id: P, birthDate: "1960-01-01" };

const surgery = (id: string, extra: Record<string, unknown> = {}) => ({
  resourceType: "Procedure",
  id,
  status: "completed",
  subject,
  code: {
    coding: [{ system: "http://snomed.info/sct", code: "55705006", display: "Spinal fusion" }],
    text: "Posterior spinal fusion",
  },
  performedDateTime: "2026-03-01",
  ...extra,
});
const kps = (id: string, value: number, date: string) => ({
  resourceType: "Observation",
  id,
  status: "final",
  subject,
  code: { coding: [{ system: "http://loinc.org", code: "89243-0" }] },
  effectiveDateTime: date,
  valueInteger: value,
});
const frankelQr = (id: string, grade: string, timepoint: keyof typeof TIMEPOINT_CODES, date: string) => ({
  resourceType: "QuestionnaireResponse",
  id,
  status: "completed",
  subject,
  questionnaire: questionnaireUrl("frankel"),
  authored: `${date}T10:00:00+09:00`,
  item: [
    { linkId: COMMON_LINKS.timepoint, answer: [{ valueCoding: { system: SYS, code: TIMEPOINT_CODES[timepoint] } }] },
    { linkId: COMMON_LINKS.timepointDate, answer: [{ valueDate: date }] },
    { linkId: LINKS.frankel.frankel, answer: [{ valueCoding: { system: SYS, code: `frankel.${grade}` } }] },
  ],
});
const spinalMet = (id: string, recordedDate: string) => ({
  resourceType: "Condition",
  id,
  subject,
  code: { coding: [{ system: "http://snomed.info/sct", code: "94222008" }] },
  bodySite: [{ coding: [{ system: "http://snomed.info/sct", code: "113205007" }] }], // C3 vertebra
  recordedDate,
});

const report = (resources: unknown[]): ScoreReport => buildReport([patient, ...resources], P, { now: NOW });
const item = (r: ScoreReport, name: keyof ScoreReport["tokuhashi"]["items"]) => r.tokuhashi.items[name];
const codesOf = (r: ScoreReport, name: keyof ScoreReport["tokuhashi"]["items"]) =>
  (item(r, name).context ?? []).map((c) => c.code);

describe("golden cases (worked by hand)", () => {
  it("item 1: Frankel E at 1 month after the surgery of 2026-03-01 is follow-up; the pre-op Frankel C decides (palsy 1)", () => {
    // Pre-op C (incomplete palsy, Tokuhashi 1 point); the 1-month E would give 2 points: not used, named.
    const r = report([
      surgery("s1"),
      frankelQr("f-pre", "C", "preop", "2026-02-25"),
      frankelQr("f-1mo", "E", "1mo", "2026-04-02"),
    ]);
    const palsy = item(r, "palsy");
    expect(palsy.candidates).toEqual(["C"]);
    expect([palsy.points, palsy.min, palsy.max]).toEqual([1, 1, 1]);
    expect(palsy.source).toBe("questionnaire");
    expect(en(palsy.context)).toContain(
      "After the surgery of 2026-03-01 (Procedure/s1): QuestionnaireResponse/f-1mo of 2026-04-02. Follow-up, not used for the pre-operative score (it would give E).",
    );
    expect(codesOf(r, "palsy")).toContain("context.time.follow-up");
    // The course still shows both.
    expect(r.qol.timepoints.map((t) => [t.timepoint, t.date, t.frankel])).toEqual([
      ["preop", "2026-02-25", "C"],
      ["1mo", "2026-04-02", "E"],
    ]);
    expect(en(r.diagnostics.find((d) => d.code === "index-surgery")?.message)).toBe(
      "Index surgery: Posterior spinal fusion on 2026-03-01 (Procedure/s1). Evidence after it is follow-up: shown on the course, not used for SINS or Tokuhashi",
    );
  });

  it("item 1: only follow-up Frankel on file: the palsy item is unknown (0–2), the 1-month value named", () => {
    const r = report([surgery("s1"), frankelQr("f-1mo", "E", "1mo", "2026-04-02")]);
    const palsy = item(r, "palsy");
    expect(palsy.candidates).toEqual(["A", "B", "C", "D", "E"]); // unknown: the whole domain
    expect([palsy.min, palsy.max]).toEqual([0, 2]);
    expect(palsy.source).toBe("missing");
    expect(en(palsy.context)).toContain("Follow-up, not used for the pre-operative score (it would give E).");
  });

  it("same day as the surgery without times: KPS 80 may be after it; the item is a range moderate–good (1–2)", () => {
    const r = report([surgery("s1"), kps("k60", 60, "2026-02-20"), kps("k80", 80, "2026-03-01")]);
    const gc = item(r, "generalCondition");
    expect(gc.candidates).toEqual(["moderate", "good"]);
    expect([gc.points, gc.min, gc.max]).toEqual([null, 1, 2]);
    expect(gc.confirmed).toBe(false);
    expect(en(gc.context)).toContain(
      "Timing unclear against the surgery of 2026-03-01 (Procedure/s1): Observation/k80 of 2026-03-01 (same day as the surgery, no time to tell). The item is a range that includes it (good).",
    );
    expect(codesOf(r, "generalCondition")).toContain("context.time.unclear");
  });

  it("same day with times on both: KPS 80 at 08:00, surgery at 13:00 (+09:00) is pre-operative: good (2), no note", () => {
    const r = report([
      surgery("s1", { performedDateTime: "2026-03-01T13:00:00+09:00" }),
      kps("k60", 60, "2026-02-20"),
      { ...kps("k80", 80, "2026-03-01"), effectiveDateTime: "2026-03-01T08:00:00+09:00" },
    ]);
    const gc = item(r, "generalCondition");
    expect(gc.candidates).toEqual(["good"]);
    expect([gc.points, gc.min, gc.max]).toEqual([2, 2, 2]);
    expect(codesOf(r, "generalCondition")).not.toContain("context.time.unclear");
  });

  it("item 8: a 'pre-op' Frankel dated after the 1-month answer is flagged and widens palsy to C–E (1–2)", () => {
    // No surgery Procedure: the 1-month answer of 2026-04-01 marks the boundary. Pre-op C (2026-02-25) decides;
    // the contradicting 'pre-op' E (2026-04-10) is unclear: range {C, E} = 1–2 points; the 1-month D is follow-up.
    const r = report([
      frankelQr("f-pre", "C", "preop", "2026-02-25"),
      frankelQr("f-1mo", "D", "1mo", "2026-04-01"),
      frankelQr("f-pre-late", "E", "preop", "2026-04-10"),
    ]);
    const warning = r.diagnostics.find((d) => d.code === "timepoint-contradiction");
    expect(warning).toMatchObject({
      severity: "warning",
      resource: "QuestionnaireResponse/f-pre-late",
      message: { code: "diag.time.preop-after-one-month" },
    });
    expect(en(warning?.message)).toBe(
      'QuestionnaireResponse/f-pre-late is answered "before surgery" but dated 2026-04-10, on or after the 1-month answer QuestionnaireResponse/f-1mo of 2026-04-01: not used as pre-operative evidence on its own (its items show a range)',
    );
    const palsy = item(r, "palsy");
    expect(palsy.candidates).toEqual(["C", "E"]);
    expect([palsy.min, palsy.max]).toEqual([1, 2]);
    expect(en(palsy.context)).toContain(
      "Timing unclear against the surgery before the 1-month answer of 2026-04-01 (QuestionnaireResponse/f-1mo): QuestionnaireResponse/f-pre-late of 2026-04-10 (answered as pre-op, but its date contradicts that). The item is a range that includes it (E).",
    );
    // With everything, the late "pre-op" E (not the 1-month D) would be the newest: D decides nothing and is not named.
    expect(en(palsy.context)).not.toContain("Follow-up");
  });

  it("item 8 with a surgery on file: a 'pre-op' answer dated after the surgery is flagged", () => {
    const r = report([surgery("s1"), frankelQr("f-pre", "E", "preop", "2026-03-05")]);
    expect(en(r.diagnostics.find((d) => d.code === "timepoint-contradiction")?.message)).toBe(
      'QuestionnaireResponse/f-pre is answered "before surgery" but dated 2026-03-05, after the surgery of 2026-03-01 (Procedure/s1): not used as pre-operative evidence on its own (its items show a range)',
    );
    expect([item(r, "palsy").min, item(r, "palsy").max]).toEqual([0, 2]);
  });

  it("a surgery without a date: every dated piece is unclear; KPS 70 leaves general condition 0–2 with the reason", () => {
    const r = report([surgery("s1", { performedDateTime: undefined }), kps("k70", 70, "2026-02-01")]);
    const gc = item(r, "generalCondition");
    expect([gc.min, gc.max]).toEqual([0, 2]);
    expect(en(gc.context)).toContain(
      "Timing unclear against the surgery Procedure/s1 (no date): Observation/k70 of 2026-02-01 (the surgery's date is unknown).",
    );
    expect(r.diagnostics.find((d) => d.code === "surgery-undated")?.severity).toBe("warning");
  });

  it("a metastasis recorded after the surgery: vertebral bodies 0–2 with the reason; segment group and applicability still count it", () => {
    const r = report([surgery("s1"), spinalMet("m1", "2026-03-05")]);
    const vb = item(r, "vertebralBodyMets");
    expect([vb.min, vb.max]).toEqual([0, 2]);
    expect(en(vb.context)).toContain(
      "Condition/m1 of 2026-03-05 (a diagnosis recorded after the surgery may describe the state before it)",
    );
    expect(r.segmentGroup).toMatchObject({ group: "cervical", levels: ["C3"] });
    expect(r.applicability.reasons.map((m) => en(m)).join(" ")).not.toContain("no spinal metastasis level");
  });

  it("surgeries that did not take place (entered-in-error, not-done, preparation) set no boundary: the later KPS decides", () => {
    const r = report([
      surgery("s-err", { status: "entered-in-error" }),
      surgery("s-plan", { status: "preparation", performedDateTime: undefined }),
      kps("k80", 80, "2026-03-10"),
    ]);
    const gc = item(r, "generalCondition");
    expect([gc.points, gc.min, gc.max]).toEqual([2, 2, 2]);
    expect(r.diagnostics.filter((d) => d.code === "ignored-status").map((d) => d.resource)).toEqual([
      "Procedure/s-err",
      "Procedure/s-plan",
    ]);
  });

  it("several surgeries: the latest dated one is the index", () => {
    const r = report([
      surgery("s-old", { performedDateTime: "2025-01-10" }),
      surgery("s1"),
      kps("k60", 60, "2026-02-20"),
      kps("k90", 90, "2026-03-20"),
    ]);
    expect(r.diagnostics.find((d) => d.code === "index-surgery")?.resource).toBe("Procedure/s1");
    expect(item(r, "generalCondition").candidates).toEqual(["moderate"]);
  });

  it("a questionnaire boundary: evidence between the last pre-op answer and the 1-month answer is unclear", () => {
    const r = report([
      frankelQr("f-pre", "C", "preop", "2026-02-25"),
      frankelQr("f-1mo", "D", "1mo", "2026-04-01"),
      kps("k50", 50, "2026-03-15"),
      kps("k80", 80, "2026-02-20"),
    ]);
    const gc = item(r, "generalCondition");
    expect(gc.candidates).toEqual(["moderate", "good"]);
    expect(en(gc.context)).toContain(
      "Observation/k50 of 2026-03-15 (after the last pre-op answer and before the 1-month answer)",
    );
  });
});

// ------------------------------------------------------------------------------------------ properties

const day = (from: string, maxDays: number) =>
  fc
    .integer({ min: 0, max: maxDays })
    .map((n) => new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10));
const preDay = day("2025-06-01", 250); // 2025-06-01 … 2026-02-06: before the surgery of 2026-03-01
const postDay = day("2026-03-02", 45); // after it
const grade = fc.constantFrom("A", "B", "C", "D", "E");
const kpsValue = fc.constantFrom(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);

const preEvidence = fc.array(
  fc.oneof(
    fc.tuple(kpsValue, preDay).map(([v, d]) => ({ kind: "kps" as const, v, d })),
    fc.tuple(grade, preDay).map(([v, d]) => ({ kind: "frankel" as const, v, d })),
  ),
  { maxLength: 6 },
);
const postEvidence = fc.array(
  fc.oneof(
    fc.tuple(kpsValue, postDay).map(([v, d]) => ({ kind: "kps" as const, v, d })),
    fc.tuple(grade, postDay).map(([v, d]) => ({ kind: "frankel-1mo" as const, v, d })),
    fc.tuple(grade, postDay).map(([v, d]) => ({ kind: "frankel-other" as const, v, d })),
  ),
  { minLength: 1, maxLength: 6 },
);

type Piece = { kind: "kps" | "frankel" | "frankel-1mo" | "frankel-other"; v: number | string; d: string };
const toResources = (pieces: Piece[], prefix: string) =>
  pieces.map((p, i) =>
    p.kind === "kps"
      ? kps(`${prefix}${i}`, p.v as number, p.d)
      : frankelQr(
          `${prefix}${i}`,
          p.v as string,
          p.kind === "frankel" ? "preop" : p.kind === "frankel-1mo" ? "1mo" : "other",
          p.d,
        ),
  );
const scores = (r: ScoreReport) => ({
  sins: [r.sins.total, r.sins.min, r.sins.max],
  tokuhashi: [r.tokuhashi.total, r.tokuhashi.min, r.tokuhashi.max],
  items: Object.fromEntries(Object.entries(r.tokuhashi.items).map(([k, v]) => [k, [v.candidates, v.min, v.max]])),
});

describe("properties", () => {
  it("adding follow-up evidence never changes a pre-operative score", () => {
    fc.assert(
      fc.property(preEvidence, postEvidence, (pre, post) => {
        const base = [surgery("s1"), ...toResources(pre, "pre")];
        const before = scores(report(base));
        const after = scores(report([...base, ...toResources(post, "post")]));
        expect(after).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it("adding evidence older than what decides an item never changes it (KPS, Frankel; with a surgery on file)", () => {
    fc.assert(
      fc.property(
        kpsValue,
        grade,
        fc.array(fc.tuple(kpsValue, grade, fc.integer({ min: 1, max: 300 })), { maxLength: 6 }),
        (k, g, older) => {
          const deciding = [surgery("s1"), kps("k-dec", k, "2026-02-20"), frankelQr("f-dec", g, "preop", "2026-02-20")];
          const before = scores(report(deciding));
          const olderResources = older.flatMap(([ok, og, n], i) => {
            const d = new Date(Date.parse("2026-02-20T00:00:00Z") - n * 86_400_000).toISOString().slice(0, 10);
            return [kps(`k-old${i}`, ok, d), frankelQr(`f-old${i}`, og, "preop", d)];
          });
          expect(scores(report([...deciding, ...olderResources]))).toEqual(before);
        },
      ),
      { numRuns: 150 },
    );
  });
});
