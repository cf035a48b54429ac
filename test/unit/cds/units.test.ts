/** Small parts of the service: the jti replay cache, the summary's length limit, markdown escaping. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ReplayCache } from "../../../src/cds/auth";
import { SUMMARY_MAX, summaryText } from "../../../src/cds/card";
import { escapeMarkdown } from "../../../src/cds/text";
import { createTranslator } from "../../../src/i18n";
import type { ScoreReport } from "../../../src/report/types";
import { sinsVerdict, tokuhashiVerdict } from "../../../src/scores";

describe("ReplayCache", () => {
  it("refuses a key seen before until its time is up, then forgets it", () => {
    const c = new ReplayCache(100);
    expect(c.claim("a", 1_000, 0)).toBe(true);
    expect(c.claim("a", 1_000, 500)).toBe(false);
    expect(c.claim("a", 2_000, 1_001)).toBe(true);
  });

  it("is bounded: beyond the cap the oldest entries go", () => {
    const c = new ReplayCache(100);
    for (let i = 0; i < 250; i++) expect(c.claim(`k${i}`, 10_000, 0)).toBe(true);
    expect(c.size).toBe(100);
    expect(c.claim("k249", 10_000, 1)).toBe(false);
    expect(c.claim("k0", 10_000, 1)).toBe(true);
  });

  it("drops expired entries as time passes", () => {
    const c = new ReplayCache(1_000);
    for (let i = 0; i < 50; i++) c.claim(`k${i}`, 100, 0);
    c.claim("late", 10_000, 200);
    expect(c.size).toBe(1);
  });
});

describe("summaryText", () => {
  const report = (sins: [number, number], tok: [number, number]): ScoreReport =>
    ({
      sins: { total: null, min: sins[0], max: sins[1] },
      tokuhashi: { total: null, min: tok[0], max: tok[1] },
    }) as unknown as ScoreReport;

  it("keeps the verdict words while they fit", () => {
    const t = createTranslator("en");
    expect(summaryText(t, "T11–L1", report([7, 18], [9, 15]), sinsVerdict(7, 18), tokuhashiVerdict(9, 15))).toBe(
      "Spinal metastasis T11–L1 · SINS 7–18 (≥ 7: potentially unstable or unstable) · Tokuhashi 9–15 (≥ 6 months or ≥ 1 year)",
    );
  });

  it("drops words, then cuts, to stay under 140 characters", () => {
    const t = createTranslator("en");
    const levels = "C1, C3, C5, C7, T2, T4, T6, T8, T10, T12, L2, L4";
    const s = summaryText(t, levels, report([7, 18], [9, 15]), sinsVerdict(7, 18), tokuhashiVerdict(9, 15));
    expect([...s].length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(s).toBe(`Spinal metastasis ${levels} · SINS 7–18 (≥ 7: potentially unstable or unstable) · Tokuhashi 9–15`);
    const longer = `${levels}, S1, S2, S3, S4, S5, C2, C4, C6, T1, T3, T5, T7, T9, T11`;
    const cut = summaryText(t, longer, report([7, 18], [9, 15]), sinsVerdict(7, 18), tokuhashiVerdict(9, 15));
    expect([...cut].length).toBe(SUMMARY_MAX);
    expect(cut.endsWith("…")).toBe(true);
  });
});

describe("escapeMarkdown", () => {
  it("neutralises emphasis, links, images, HTML and tables from record text, and joins lines", () => {
    expect(escapeMarkdown("**x** [a](http://e) ![i](u) <b>&amp; | ~\nnext")).toBe(
      "\\*\\*x\\*\\* \\[a\\]\\(http://e\\) \\!\\[i\\]\\(u\\) \\<b\\>\\&amp; \\| \\~ next",
    );
  });
  it("leaves plain text as it is, backslashes and CRLF included", () => {
    expect(escapeMarkdown("Thoracic group; 1–3 contiguous vertebrae, age ≥ 20")).toBe(
      "Thoracic group; 1–3 contiguous vertebrae, age ≥ 20",
    );
    expect(escapeMarkdown("a\\b\r\n\r\nc")).toBe("a\\\\b c");
  });

  it("any text: one line, every syntax character preceded by a backslash, letters kept in order", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "é", " ", "\r", "\n", ..."\\`*_[]()<>#!|~&") }), (s) => {
        const out = escapeMarkdown(s);
        expect(out).not.toMatch(/[\r\n]/);
        expect(out.replace(/\\[\\`*_[\]()<>#!|~&]/g, "")).not.toMatch(/[\\`*_[\]()<>#!|~&]/);
        expect(out.replace(/\\(.)/g, "$1")).toBe(s.replace(/[\r\n]+/g, " "));
      }),
    );
  });

  it("any text: the same as the two-pass rule (line-break runs to a space, then a backslash before each syntax character)", () => {
    const twoPass = (s: string): string => s.replace(/[\r\n]+/g, " ").replace(/[\\`*_[\]()<>#!|~&]/g, "\\$&");
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.constantFrom("\r", "\n", ..."\\`*_[]()<>#!|~&"),
            fc.string({ unit: "grapheme", maxLength: 3 }),
          ),
        }),
        (s) => {
          expect(escapeMarkdown(s)).toBe(twoPass(s));
        },
      ),
    );
  });
});
