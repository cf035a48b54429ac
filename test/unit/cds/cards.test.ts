/**
 * Cards for the golden patients (sandbox/patients), over real HTTP: the card's figures are the ScoreReport's of
 * the same record (buildReport, the app's and the CLI's core), and — independently of the code — the figures
 * docs/SANDBOX.md computes by hand.
 */
import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/extract";
import {
  allowLoopback,
  ANCHOR,
  APP_LAUNCH,
  cardsOf,
  config,
  golden,
  goldenPatients,
  hookBody,
  post,
  prefetchOf,
  prefetchWithMalformedObservations,
  searchset,
  SERVICE_ID,
  serviceFixture,
} from "./helpers";

allowLoopback();
const en = serviceFixture(() => config({ allowUnauthenticated: true }));
const ja = serviceFixture(() => config({ allowUnauthenticated: true, locale: "ja" }));
const hookUrl = (svc: () => { url: string }): string => `${svc().url}/${SERVICE_ID}`;

describe("a card per golden patient, with the ScoreReport's figures", () => {
  for (const g of goldenPatients()) {
    it(`${g.id}: one card whose figures are buildReport's of the same record`, async () => {
      const r = await post(hookUrl(en), hookBody(g.id, prefetchOf(g)));
      expect(r.status).toBe(200);
      const cards = cardsOf(r);
      expect(cards).toHaveLength(1);
      const card = cards[0]!;
      const report = buildReport(g.resources, g.id, { now: new Date(ANCHOR) });
      const fig = card.extension["spine-met-qol"];
      expect(fig.sins).toMatchObject({ total: report.sins.total, min: report.sins.min, max: report.sins.max });
      expect(fig.tokuhashi).toMatchObject({
        total: report.tokuhashi.total,
        min: report.tokuhashi.min,
        max: report.tokuhashi.max,
      });
      expect(fig.levels).toEqual(report.segmentGroup.levels);
      expect(fig.segmentGroup).toBe(report.segmentGroup.group);
      expect(fig.inStudyPopulation).toBe(report.applicability.inStudyPopulation);
      expect(fig.partial).toBe(false);
      expect(fig.missing).toEqual([]);
      expect([...card.summary].length).toBeLessThan(140);
      expect(card.summary).toContain(
        report.sins.total !== null ? `SINS ${report.sins.total}` : `SINS ${report.sins.min}–${report.sins.max}`,
      );
      expect(card.indicator).toBe(report.sins.min >= 7 ? "warning" : "info");
      expect(card.links).toEqual([{ label: "Open the spinal metastasis app", url: APP_LAUNCH, type: "smart" }]);
      expect(card.source.label).toContain("Segi et al., Global Spine J 2025");
      expect(card.source.url).toBe("https://doi.org/10.1177/21925682241297948");
      expect(card.uuid).toMatch(/^[0-9a-f-]{36}$/);
    });
  }
});

describe("the figures docs/SANDBOX.md computes by hand", () => {
  const cases: [
    string,
    string,
    string,
    "info" | "warning",
    Partial<{ sins: object; tokuhashi: object; levels: string[]; inStudyPopulation: boolean | null }>,
  ][] = [
    [
      "fig3-thoracic-t6",
      "Spinal metastasis T6 · SINS 1–16 · Tokuhashi 1–9 (< 6 months or ≥ 6 months)",
      "脊椎転移 T6 · SINS 1–16 · 徳橋 1–9（6か月未満または6か月以上）",
      "info",
      {
        sins: { total: null, min: 1, max: 16 },
        tokuhashi: { total: null, min: 1, max: 9 },
        levels: ["T6"],
        inStudyPopulation: true,
      },
    ],
    [
      "breast-t11-t12-complete",
      "Spinal metastasis T11–T12 · SINS 11 (potentially unstable) · Tokuhashi 13 (≥ 1 year)",
      "脊椎転移 T11–T12 · SINS 11（潜在的不安定） · 徳橋 13（1年以上）",
      "warning",
      {
        sins: { total: 11, min: 11, max: 11, categories: ["potentially-unstable"], atLeast7: true },
        tokuhashi: { total: 13, prognoses: [">=12m"] },
      },
    ],
    [
      "jp-gastric-l2-icd10",
      "Spinal metastasis L2 · SINS 2–17 · Tokuhashi 0–5 (< 6 months)",
      "脊椎転移 L2 · SINS 2–17 · 徳橋 0–5（6か月未満）",
      "info",
      {
        sins: { min: 2, max: 17 },
        tokuhashi: { min: 0, max: 5, prognoses: ["<6m"] },
        levels: ["L2"],
        inStudyPopulation: true,
      },
    ],
    [
      "hcc-t9-t12-four-levels",
      "Spinal metastasis T9–T12 · SINS 1–18 · Tokuhashi 2–7 (< 6 months)",
      "脊椎転移 T9–T12 · SINS 1–18 · 徳橋 2–7（6か月未満）",
      "info",
      { sins: { min: 1, max: 18 }, tokuhashi: { min: 2, max: 7 }, inStudyPopulation: false },
    ],
    [
      "rectal-level-unknown",
      "Spinal metastasis thoracic spine, level not coded · SINS 0–18 · Tokuhashi 6–14",
      "脊椎転移 胸椎、レベル未コード化 · SINS 0–18 · 徳橋 6–14",
      "info",
      { sins: { min: 0, max: 18 }, tokuhashi: { min: 6, max: 14 }, levels: [], inStudyPopulation: null },
    ],
  ];
  for (const [id, summaryEn, summaryJa, indicator, figures] of cases) {
    it(`${id}: "${summaryEn}"`, async () => {
      const g = golden(id);
      const [a] = cardsOf(await post(hookUrl(en), hookBody(id, prefetchOf(g))));
      const [b] = cardsOf(await post(hookUrl(ja), hookBody(id, prefetchOf(g))));
      expect(a?.summary).toBe(summaryEn);
      expect(b?.summary).toBe(summaryJa);
      expect(a?.indicator).toBe(indicator);
      expect(a?.extension["spine-met-qol"]).toMatchObject(figures);
      expect(b?.links[0]?.label).toBe("脊椎転移アプリを開く");
    });
  }

  it("the detail says what each range allows and what closes it (fig3-thoracic-t6)", async () => {
    const [card] = cardsOf(
      await post(hookUrl(en), hookBody("fig3-thoracic-t6", prefetchOf(golden("fig3-thoracic-t6")))),
    );
    const detail = card?.detail ?? "";
    // 1–16 spans all three classes: said as the clinician view says it (src/i18n/verdict.ts).
    expect(detail).toContain("**SINS 1–16** (Fisher 2010): not determined yet: any class is possible.");
    expect(detail).toContain(
      "To close the range: Pain, Bone lesion, Radiographic spinal alignment, Vertebral body collapse, Posterolateral involvement of spinal elements.",
    );
    expect(detail).toContain(
      "**Revised Tokuhashi 1–9** (2005), predicted survival: the range allows < 6 months or ≥ 6 months.",
    );
    expect(detail).toContain(
      "To close the range: General condition (Karnofsky performance status), Number of extraspinal bone metastasis foci, Number of metastases in the vertebral body, Metastases to the major internal organs.",
    );
    expect(detail).toContain(
      "**Study population:** resembles it (Thoracic group; 1–3 contiguous vertebrae, age ≥ 20).",
    );
    expect(detail).not.toContain("Not available");
  });

  it("a complete record says every item is known (breast-t11-t12-complete)", async () => {
    const [card] = cardsOf(
      await post(hookUrl(en), hookBody("breast-t11-t12-complete", prefetchOf(golden("breast-t11-t12-complete")))),
    );
    expect(card?.detail).toContain("**SINS 11** (Fisher 2010): potentially unstable. Every item is known.");
    expect(card?.detail).toContain(
      "**Revised Tokuhashi 13** (2005), predicted survival: ≥ 1 year. Every item is known.",
    );
  });

  it("a patient outside the study population is told why (thyroid-l4-age-19)", async () => {
    const [card] = cardsOf(
      await post(hookUrl(en), hookBody("thyroid-l4-age-19", prefetchOf(golden("thyroid-l4-age-19")))),
    );
    expect(card?.detail).toContain(
      "**Study population:** differs from it: age 19: the study included patients aged 20 years or older",
    );
  });
});

describe("no card", () => {
  it("for a patient with nothing on file", async () => {
    const patient = { resourceType: "Patient", id: "empty-1", birthDate: "1960-01-01" };
    const r = await post(
      hookUrl(en),
      hookBody("empty-1", {
        patient,
        conditions: searchset([], "Condition"),
        observations: searchset([], "Observation"),
        procedures: null,
        questionnaireResponses: null,
      }),
    );
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ cards: [] });
  });

  it("for a patient whose Conditions hold a primary cancer but no spinal metastasis", async () => {
    const g = golden("prostate-t8-partial");
    const conditions = g.resources.filter(
      (r) => r.resourceType === "Condition" && !JSON.stringify(r).includes("secondary-cancer-condition"),
    );
    expect(conditions.length).toBeGreaterThan(0);
    const r = await post(
      hookUrl(en),
      hookBody(g.id, { ...prefetchOf(g), conditions: searchset(conditions, "Condition") }),
    );
    expect(r.body).toEqual({ cards: [] });
  });
});

describe("a Japanese card names what it left out the Japanese way", () => {
  it("references of unreadable resources in the locale's words and separator", async () => {
    const g = golden("fig3-thoracic-t6");
    const [card] = cardsOf(await post(hookUrl(ja), hookBody(g.id, prefetchWithMalformedObservations(g))));
    expect(card?.detail).toContain("**除外：** 2 件のリソースを読み取れませんでした（観察値 bad-kps、…）。");
  });
});
