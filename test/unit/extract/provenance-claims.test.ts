/**
 * Issue 14 item 6: the Tokuhashi general condition shows the band (moderate); its evidence carries the value each
 * piece gave (Provenance.claim), so that the view can say "KPS 50 → moderate". Bands: KPS 10–40 poor, 50–70
 * moderate, 80–100 good (Tokuhashi 2005).
 */
import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/extract";
import { APP_CODE_SYSTEM, questionnaireUrl } from "../../../src/questionnaires/contract";
import type { ReportOptions } from "../../../src/report/types";
import { ecog, kps, P, patient } from "./issue12-helpers";

const NOW = new Date("2025-06-30T00:00:00Z");
const subject = { reference: `Patient/${P}` };
const report = (resources: unknown[], options: Partial<ReportOptions> = {}) =>
  buildReport(resources, P, { now: NOW, ...options });

/** A Tokuhashi form answered with a KPS only. */
const tokuhashiForm = (id: string, value: number, authored: string) => ({
  resourceType: "QuestionnaireResponse",
  id,
  questionnaire: `${questionnaireUrl("tokuhashi")}|1.0.0`,
  status: "completed",
  subject,
  authored,
  item: [
    { linkId: "timepoint", answer: [{ valueCoding: { system: APP_CODE_SYSTEM, code: "timepoint.preop" } }] },
    { linkId: "tokuhashi-kps", answer: [{ valueInteger: value }] },
  ],
});

describe("the general condition's evidence says what each piece gave (Provenance.claim)", () => {
  it("KPS 50 decides: the item is moderate and its Observation carries KPS 50", () => {
    const r = report([patient(), kps("k50", 50, "2025-06-20")]);
    const item = r.tokuhashi.items.generalCondition;
    expect(item.value).toBe("moderate");
    expect(item.provenance).toHaveLength(1);
    expect(item.provenance[0]).toMatchObject({
      reference: "Observation/k50",
      claim: { code: "claim.kps", params: { value: 50 } },
    });
  });

  it("only on this item: the same Observation as the QOL course's row has no claim", () => {
    const r = report([patient(), kps("k50", 50, "2025-06-20")]);
    const row = r.qol.timepoints.find((t) => t.kps === 50);
    expect(row?.source.reference).toBe("Observation/k50");
    expect(row?.source.claim).toBeUndefined();
  });

  it("an ECOG newer than the KPS: both pieces say their value (ECOG 3, KPS 60)", () => {
    const item = report([patient(), kps("k", 60, "2025-06-01"), ecog("e", 3, "2025-06-20")]).tokuhashi.items
      .generalCondition;
    expect(item.candidates).toEqual(["poor", "moderate"]);
    expect(item.provenance.map((p) => [p.reference, p.claim])).toEqual([
      ["Observation/e", { code: "claim.ecog", params: { value: 3 } }],
      ["Observation/k", { code: "claim.kps", params: { value: 60 } }],
    ]);
  });

  it("the app's Tokuhashi form: its KPS answer (80 → good)", () => {
    const item = report([patient(), tokuhashiForm("qr1", 80, "2025-06-25T10:00:00+09:00")]).tokuhashi.items
      .generalCondition;
    expect(item.value).toBe("good");
    expect(item.provenance[0]).toMatchObject({
      reference: "QuestionnaireResponse/qr1",
      claim: { code: "claim.kps", params: { value: 80 } },
    });
  });

  it("two KPS on the same day in conflict: each option's evidence says its value", () => {
    const item = report([patient(), kps("a", 40, "2025-06-20"), kps("b", 70, "2025-06-20")]).tokuhashi.items
      .generalCondition;
    expect(item.conflict?.options.map((o) => [o.value, o.provenance.claim])).toEqual([
      ["poor", { code: "claim.kps", params: { value: 40 } }],
      ["moderate", { code: "claim.kps", params: { value: 70 } }],
    ]);
  });

  it("a clinician's entry keeps what the record said, with the value", () => {
    const item = report([patient(), kps("k50", 50, "2025-06-20")], {
      clinician: { tokuhashi: { generalCondition: "good" } },
    }).tokuhashi.items.generalCondition;
    expect(item.value).toBe("good");
    expect(item.provenance[0]?.claim).toBeUndefined();
    expect(item.overridden?.provenance[0]).toMatchObject({
      reference: "Observation/k50",
      claim: { code: "claim.kps", params: { value: 50 } },
    });
  });

  it("no other item's evidence gets a claim", () => {
    const r = report([patient(), kps("k50", 50, "2025-06-20")]);
    const items = [
      ...Object.values(r.sins.items),
      ...Object.entries(r.tokuhashi.items)
        .filter(([k]) => k !== "generalCondition")
        .map(([, v]) => v),
    ];
    for (const item of items) for (const p of item.provenance) expect(p.claim).toBeUndefined();
  });
});
