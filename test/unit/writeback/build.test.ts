import fc from "fast-check";
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponseItem } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { applyCalculations } from "../../../src/forms/calculate";
import {
  answerValue,
  instrumentFromCanonical,
  INSTRUMENTS,
  LINKS,
  TIMEPOINT_CODES,
  APP_CODE_SYSTEM,
  type Instrument,
} from "../../../src/questionnaires/contract";
import { DEFAULT_VALUE_SET, eq5d5lIndex } from "../../../src/scores";
import {
  buildQuestionnaireResponse,
  escapeXhtml,
  relativeReference,
  type ResponseContext,
} from "../../../src/writeback/build";
import { allItems, isEnabled, type Answers } from "../../../src/questionnaires/items";
import { appQuestionnaire } from "../../../src/writeback/questionnaires";
import { checkResponseShape } from "../../../src/writeback/schema";
import { responseAnswers, validateAnswers, validateResponseAgainst } from "../../../src/writeback/validate";
import { completeAnswers } from "./helpers";

const CS = APP_CODE_SYSTEM;
const calc = { valueSetId: DEFAULT_VALUE_SET };
const ctx: ResponseContext = {
  identifier: "0f8fad5b-d9cb-469f-a165-70867728950e",
  patientId: "p1",
  encounterId: "e7",
  fhirUser: "https://ehr.example.org/fhir/Practitioner/dr-1",
  selfReport: false,
  authored: "2026-11-27T10:15:00+09:00",
};

function itemsByLinkId(q: Questionnaire): Map<string, QuestionnaireItem> {
  return new Map(allItems(q).map((i) => [i.linkId, i]));
}

function flat(items: readonly QuestionnaireResponseItem[] | undefined): QuestionnaireResponseItem[] {
  return (items ?? []).flatMap((i) => [i, ...flat(i.item)]);
}

const VALUE_KEY: Record<string, string> = {
  choice: "valueCoding",
  integer: "valueInteger",
  decimal: "valueDecimal",
  date: "valueDate",
  string: "valueString",
};

describe("buildQuestionnaireResponse", () => {
  it.each(INSTRUMENTS)("%s: a response from any answers is valid FHIR and matches its Questionnaire", (instrument) => {
    const q = appQuestionnaire(instrument);
    const items = itemsByLinkId(q);
    fc.assert(
      fc.property(fc.nat(10_000), fc.boolean(), (pick, selfReport) => {
        const answers = applyCalculations(q, completeAnswers(q, pick), calc);
        expect(validateAnswers(q, answers)).toEqual([]);
        const qr = buildQuestionnaireResponse(q, answers, { ...ctx, selfReport });
        expect(checkResponseShape(qr).problems).toEqual([]);
        expect(validateResponseAgainst(q, qr)).toEqual([]);
        for (const it of flat(qr.item)) {
          const def = items.get(it.linkId);
          expect(def, it.linkId).toBeDefined();
          expect(it.text).toBe(def?.text);
          for (const a of it.answer ?? []) {
            expect(Object.keys(a)).toEqual([VALUE_KEY[def?.type ?? ""]]);
            const c = a.valueCoding;
            if (c)
              expect(
                def?.answerOption?.some((o) => o.valueCoding?.code === c.code && o.valueCoding?.system === c.system),
              ).toBe(true);
          }
        }
        // Round trip: what is read back is what was enabled and answered.
        const enabled = Object.fromEntries(Object.entries(answers).filter(([linkId]) => isEnabled(q, linkId, answers)));
        expect(responseAnswers(qr)).toEqual(stripExtensions(enabled));
      }),
      { numRuns: 40 },
    );
  });

  it("carries the canonical url|version, identifier, subject, encounter, author and meta.source", () => {
    const q = appQuestionnaire("pain-vas");
    const qr = buildQuestionnaireResponse(
      q,
      { timepoint: [{ valueCoding: { system: CS, code: TIMEPOINT_CODES.preop } }], "pain-vas": [{ valueInteger: 40 }] },
      ctx,
    );
    expect(qr).toMatchObject({
      resourceType: "QuestionnaireResponse",
      // The versioned canonical under the one fixed base, whatever the deployment.
      questionnaire: "https://w3id.org/spine-met-qol/fhir/Questionnaire/pain-vas|1.0.0",
      status: "completed",
      identifier: {
        system: "https://w3id.org/spine-met-qol/fhir/NamingSystem/questionnaire-response-id",
        value: ctx.identifier,
      },
      subject: { reference: "Patient/p1" },
      encounter: { reference: "Encounter/e7" },
      author: { reference: "Practitioner/dr-1" },
      authored: ctx.authored,
      meta: { source: "https://w3id.org/spine-met-qol/fhir/app/spine-met-qol" },
      text: { status: "generated" },
    });
    expect(qr.source).toBeUndefined();
    expect(instrumentFromCanonical(qr.questionnaire ?? "")).toBe("pain-vas");
    expect(qr.text?.div).toMatch(/^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml">/);
    expect(qr.text?.div).toContain("<li>Pain VAS (mm): 40</li>");
  });

  it("self-report: the Patient is the source; the signed-in user stays the author who recorded it", () => {
    const q = appQuestionnaire("pain-vas");
    const qr = buildQuestionnaireResponse(
      q,
      { "pain-vas": [{ valueInteger: 12 }] },
      { ...ctx, selfReport: true, encounterId: null },
    );
    expect(qr.source).toEqual({ reference: "Patient/p1" });
    expect(qr.author).toEqual({ reference: "Practitioner/dr-1" });
    expect(qr.encounter).toBeUndefined();
  });

  it("the narrative escapes what it shows (no markup from answers or texts reaches the XHTML)", () => {
    expect(escapeXhtml(`<img src=x onerror="alert(1)">&'`)).toBe(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;",
    );
    const q: Questionnaire = {
      ...appQuestionnaire("pain-vas"),
      title: "<b>bold</b>",
      item: [{ linkId: "s", type: "string", text: "Note <i>" }],
    };
    const qr = buildQuestionnaireResponse(q, { s: [{ valueString: "</div><script>x()</script>" }] }, ctx);
    expect(qr.text?.div).not.toMatch(/<script|<b>|<i>/);
    expect(qr.text?.div).toContain("&lt;/div&gt;&lt;script&gt;x()&lt;/script&gt;");
  });

  it("drops answers to disabled items (the date when the timepoint is not 'other') and keeps it for 'other'", () => {
    const q = appQuestionnaire("frankel");
    const base: Answers = {
      frankel: [{ valueCoding: { system: CS, code: "frankel.C", display: "x" } }],
      "timepoint-date": [{ valueDate: "2026-11-01" }],
    };
    const preop = buildQuestionnaireResponse(
      q,
      { ...base, timepoint: [{ valueCoding: { system: CS, code: TIMEPOINT_CODES.preop } }] },
      ctx,
    );
    expect(flat(preop.item).map((i) => i.linkId)).toEqual(["timepoint", "frankel"]);
    const other = buildQuestionnaireResponse(
      q,
      { ...base, timepoint: [{ valueCoding: { system: CS, code: TIMEPOINT_CODES.other } }] },
      ctx,
    );
    expect(flat(other.item).map((i) => i.linkId)).toEqual(["timepoint", "timepoint-date", "frankel"]);
  });

  it("relativeReference reads fhirUser in both forms and refuses what is not a reference", () => {
    expect(relativeReference("Practitioner/123")).toBe("Practitioner/123");
    expect(relativeReference("https://ehr/fhir/PractitionerRole/ab-1")).toBe("PractitionerRole/ab-1");
    expect(relativeReference("https://ehr/fhir/Practitioner/9/_history/2")).toBe("Practitioner/9");
    expect(relativeReference("nobody")).toBeNull();
    expect(relativeReference(null)).toBeNull();
  });
});

function stripExtensions(answers: Answers): Answers {
  return Object.fromEntries(
    Object.entries(answers).map(([k, list]) => [
      k,
      list.map((a) =>
        a.valueCoding
          ? { valueCoding: { system: a.valueCoding.system, code: a.valueCoding.code, display: a.valueCoding.display } }
          : a,
      ),
    ]),
  );
}

describe("validateAnswers says what is wrong, per item", () => {
  const q = appQuestionnaire("eq5d5l");
  const complete = applyCalculations(q, completeAnswers(q, 3), calc);

  it("required answers", () => {
    const { "eq5d-mo": _mo, ...rest } = complete;
    expect(validateAnswers(q, rest)).toEqual([{ linkId: "eq5d-mo", code: "required" }]);
    expect(validateAnswers(q, {}).map((i) => i.linkId)).toEqual([
      "timepoint",
      "eq5d-mo",
      "eq5d-sc",
      "eq5d-ua",
      "eq5d-pd",
      "eq5d-ad",
      "eq-vas",
    ]);
  });

  it("the date is required only when the timepoint is 'other'", () => {
    const other: Answers = { ...complete, timepoint: [{ valueCoding: { system: CS, code: TIMEPOINT_CODES.other } }] };
    const noDate: Answers = Object.fromEntries(Object.entries(other).filter(([linkId]) => linkId !== "timepoint-date"));
    expect(validateAnswers(q, noDate)).toEqual([{ linkId: "timepoint-date", code: "required" }]);
    expect(validateAnswers(q, { ...noDate, "timepoint-date": [{ valueDate: "2026-02-30" }] })).toEqual([
      { linkId: "timepoint-date", code: "invalid-date" },
    ]);
  });

  it("ranges, types, options and repeats", () => {
    expect(validateAnswers(q, { ...complete, "eq-vas": [{ valueInteger: 101 }] })).toEqual([
      { linkId: "eq-vas", code: "above-max", limit: 100 },
    ]);
    expect(validateAnswers(q, { ...complete, "eq-vas": [{ valueInteger: -1 }] })).toEqual([
      { linkId: "eq-vas", code: "below-min", limit: 0 },
    ]);
    expect(validateAnswers(q, { ...complete, "eq-vas": [{ valueDecimal: 50.5 }] })).toEqual([
      { linkId: "eq-vas", code: "wrong-type" },
    ]);
    expect(validateAnswers(q, { ...complete, "eq-vas": [{ valueInteger: 50.5 }] })).toEqual([
      { linkId: "eq-vas", code: "wrong-type" },
    ]);
    expect(
      validateAnswers(q, { ...complete, "eq5d-sc": [{ valueCoding: { system: CS, code: "eq5d.level.6" } }] }),
    ).toEqual([{ linkId: "eq5d-sc", code: "not-an-option" }]);
    expect(
      validateAnswers(q, {
        ...complete,
        "eq5d-sc": [{ valueCoding: { system: "http://other", code: "eq5d.level.2" } }],
      }),
    ).toEqual([{ linkId: "eq5d-sc", code: "not-an-option" }]);
    const two = [
      { valueCoding: { system: CS, code: "eq5d.level.1" } },
      { valueCoding: { system: CS, code: "eq5d.level.2" } },
    ];
    expect(validateAnswers(q, { ...complete, "eq5d-sc": two })).toEqual([{ linkId: "eq5d-sc", code: "too-many" }]);
    expect(validateAnswers(q, { ...complete, "no-such-item": [{ valueInteger: 1 }] })).toEqual([
      { linkId: "no-such-item", code: "unknown-item" },
    ]);
  });

  it("KPS: 10–100 in steps of 10 (regex), Tokuhashi items optional", () => {
    const t = appQuestionnaire("tokuhashi");
    const tp = { timepoint: [{ valueCoding: { system: CS, code: TIMEPOINT_CODES.preop } }] };
    expect(validateAnswers(t, tp)).toEqual([]);
    expect(validateAnswers(t, { ...tp, "tokuhashi-kps": [{ valueInteger: 65 }] })).toEqual([
      { linkId: "tokuhashi-kps", code: "pattern" },
    ]);
    expect(validateAnswers(t, { ...tp, "tokuhashi-kps": [{ valueInteger: 0 }] })).toEqual([
      { linkId: "tokuhashi-kps", code: "below-min", limit: 10 },
    ]);
    expect(validateAnswers(t, { ...tp, "tokuhashi-kps": [{ valueInteger: 70 }] })).toEqual([]);
  });
});

describe("what is written round-trips through the contract (the extraction reads it so)", () => {
  const pickCode = (q: Questionnaire, linkId: string, code: string) => {
    const c = allItems(q)
      .find((i) => i.linkId === linkId)
      ?.answerOption?.find((o) => o.valueCoding?.code === code)?.valueCoding;
    if (!c) throw new Error(`${linkId} has no ${code}`);
    return [{ valueCoding: c }];
  };
  /** Each item's answer option with the given code, as the item's answer. */
  const pickCodes = (q: Questionnaire, codes: Record<string, string>): Answers =>
    Object.fromEntries(Object.entries(codes).map(([linkId, code]) => [linkId, pickCode(q, linkId, code)]));
  const tp = { timepoint: [{ valueCoding: { system: CS, code: TIMEPOINT_CODES["1mo"] } }] };
  /** The answers as written (calculated items filled in) and read back. */
  const roundTrip = (q: Questionnaire, answers: Answers) =>
    responseAnswers(buildQuestionnaireResponse(q, applyCalculations(q, answers, calc), ctx));

  it("EQ-5D-5L 21232 → index of the value set, stored unrounded with the value set id", () => {
    const q = appQuestionnaire("eq5d5l");
    const L = LINKS.eq5d5l;
    const levels = {
      [L.mobility]: 2,
      [L.selfCare]: 1,
      [L.usualActivities]: 2,
      [L.painDiscomfort]: 3,
      [L.anxietyDepression]: 2,
    };
    const raw: Answers = {
      ...tp,
      [L.eqVas]: [{ valueInteger: 70 }],
      ...pickCodes(q, Object.fromEntries(Object.entries(levels).map(([k, n]) => [k, `eq5d.level.${n}`]))),
    };
    const back = roundTrip(q, raw);
    const profile = [L.mobility, L.selfCare, L.usualActivities, L.painDiscomfort, L.anxietyDepression]
      .map((l) => answerValue("eq5d.level", back[l]?.[0]?.valueCoding?.code ?? ""))
      .join("");
    expect(profile).toBe("21232");
    expect(back[L.index]?.[0]?.valueDecimal).toBe(eq5d5lIndex("21232", DEFAULT_VALUE_SET));
    expect(back[L.index]?.[0]?.valueDecimal).toBeCloseTo(0.684847, 6);
    expect(back[L.valueSet]?.[0]?.valueString).toBe("Japan_cTTO_fullPrecision");
    expect(answerValue("timepoint", back.timepoint?.[0]?.valueCoding?.code ?? "")).toBe("1mo");
  });

  it("Barthel, SINS and Tokuhashi codes decode to the scoring core's values and totals", () => {
    const b = appQuestionnaire("barthel");
    const barthel = pickCodes(
      b,
      Object.fromEntries(
        Object.entries(LINKS.barthel)
          .filter(([k]) => k !== "total")
          .map(([k, linkId]) => [
            linkId,
            `barthel.${k}.${k === "transfers" || k === "mobility" ? 15 : k === "bathing" || k === "grooming" ? 5 : 10}`,
          ]),
      ),
    );
    const bq = roundTrip(b, { ...tp, ...barthel });
    expect(bq[LINKS.barthel.total]).toEqual([{ valueInteger: 100 }]);
    expect(answerValue("barthel.transfers", bq[LINKS.barthel.transfers]?.[0]?.valueCoding?.code ?? "")).toBe("15");

    const s = appQuestionnaire("sins");
    const S = LINKS.sins;
    const sinsAnswers: Answers = {
      ...tp,
      [S.lesionLevels]: [...pickCode(s, S.lesionLevels, "level.T11"), ...pickCode(s, S.lesionLevels, "level.T12")],
      ...pickCodes(s, {
        [S.scoredLevel]: "level.T12",
        [S.pain]: "sins.pain.mechanical",
        [S.boneLesion]: "sins.boneLesion.lytic",
        [S.alignment]: "sins.alignment.normal",
        [S.collapse]: "sins.collapse.lt50",
        [S.posterolateral]: "sins.posterolateral.unilateral",
      }),
    };
    const sq = roundTrip(s, sinsAnswers);
    // junctional 3 + mechanical 3 + lytic 2 + normal 0 + < 50 % 2 + unilateral 1 = 11
    expect(sq[S.total]).toEqual([{ valueInteger: 11 }]);
    expect(sq[S.lesionLevels]?.map((a) => answerValue("level", a.valueCoding?.code ?? ""))).toEqual(["T11", "T12"]);
    expect(answerValue("sins.collapse", sq[S.collapse]?.[0]?.valueCoding?.code ?? "")).toBe("lt50");

    const t = appQuestionnaire("tokuhashi");
    const T = LINKS.tokuhashi;
    const tok: Answers = {
      ...tp,
      [T.kps]: [{ valueInteger: 60 }],
      ...pickCodes(t, {
        [T.extraspinalBoneMets]: "tokuhashi.extraspinalBoneMets.1-2",
        [T.vertebralBodyMets]: "tokuhashi.vertebralBodyMets.1",
        [T.visceralMets]: "tokuhashi.visceralMets.none",
        [T.primarySite]: "tokuhashi.primarySite.breast",
        [T.palsy]: "frankel.D",
      }),
    };
    const tq = roundTrip(t, tok);
    expect(answerValue("tokuhashi.generalCondition", tq[T.generalCondition]?.[0]?.valueCoding?.code ?? "")).toBe(
      "moderate",
    );
    // moderate 1 + 1–2 foci 1 + one body 2 + no visceral 2 + breast 5 + Frankel D 1 = 12
    expect(tq[T.total]).toEqual([{ valueInteger: 12 }]);
  });

  it.each(INSTRUMENTS)("%s: every coded answer decodes under its concept", (instrument: Instrument) => {
    const q = appQuestionnaire(instrument);
    for (const item of allItems(q)) {
      for (const o of item.answerOption ?? []) {
        if (o.valueCoding?.system !== CS) continue;
        const code = o.valueCoding.code ?? "";
        const concept = code.slice(0, code.lastIndexOf(".", code.length - 1 - (code.endsWith(".") ? 1 : 0)));
        expect(answerValue(concept, code), code).not.toBeNull();
      }
    }
  });
});
