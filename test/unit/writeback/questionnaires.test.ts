import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { CodeSystem, Coding, Questionnaire, QuestionnaireItem } from "fhir/r4";
import { describe, expect, it } from "vitest";
import {
  APP_CALCULATION_EXTENSION,
  APP_CODE_SYSTEM,
  CANONICAL_BASE,
  INSTRUMENTS,
  LINKS,
  COMMON_LINKS,
  TIMEPOINT_CODES,
  questionnaireUrl,
  type Instrument,
} from "../../../src/questionnaires/contract";
import {
  BARTHEL_POINTS,
  PRIMARY_SITE_POINTS,
  SINS_LEVELS,
  SINS_POINTS,
  TOKUHASHI_POINTS,
  sinsLocationClass,
} from "../../../src/scores";
import { allItems, calculation, EXT, itemText, codingDisplay, ordinalValue } from "../../../src/questionnaires/items";
import { appQuestionnaire, questionnaireDefect } from "../../../src/writeback/questionnaires";
import { checkQuestionnaireShape } from "../../../src/writeback/schema";

const DIR = join(__dirname, "../../../fhir-mappings/questionnaires");
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(DIR, file), "utf8"));
const codeSystem = readJson("codesystem-spine-met-qol.json") as CodeSystem;
const CS = APP_CODE_SYSTEM;

function item(q: Questionnaire, linkId: string): QuestionnaireItem {
  const found = allItems(q).find((i) => i.linkId === linkId);
  if (!found) throw new Error(`no item ${linkId}`);
  return found;
}

/** value → points, from the answer options of a choice item whose codes are `${concept}.${value}`. */
function optionPoints(q: Questionnaire, linkId: string, concept: string): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const o of item(q, linkId).answerOption ?? []) {
    const code = o.valueCoding?.code ?? "";
    expect(code.startsWith(`${concept}.`)).toBe(true);
    out[code.slice(concept.length + 1)] = ordinalValue(o);
  }
  return out;
}

describe("shipped Questionnaires", () => {
  it("there is one file per instrument and the app CodeSystem, nothing else", () => {
    expect(readdirSync(DIR).sort()).toEqual(
      [...INSTRUMENTS.map((i) => `${i}.json`), "codesystem-spine-met-qol.json"].sort(),
    );
  });

  it.each(INSTRUMENTS)("%s is a valid FHIR R4 Questionnaire shape with the contract's canonical url", (instrument) => {
    const raw = readJson(`${instrument}.json`);
    const shape = checkQuestionnaireShape(raw);
    expect(shape.problems).toEqual([]);
    const q = raw as Questionnaire;
    expect(q.url).toBe(questionnaireUrl(instrument));
    expect(q.id).toBe(instrument);
    expect(q.status).toBe("active");
    expect(q.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("the shape check refuses a broken Questionnaire (it can fail)", () => {
    const q = structuredClone(readJson("frankel.json")) as Questionnaire;
    const frankel = item(q, "frankel");
    frankel.answerOption = [];
    expect(checkQuestionnaireShape(q).ok).toBe(false);
    const dup = structuredClone(readJson("frankel.json")) as Questionnaire;
    dup.item = [...(dup.item ?? []), { linkId: "frankel", type: "string" }];
    expect(checkQuestionnaireShape(dup).problems.join()).toMatch(/unique/);
    expect(checkQuestionnaireShape({ ...(readJson("ecog.json") as object), status: "final" }).ok).toBe(false);
  });

  it.each(INSTRUMENTS)("%s starts with the timepoint and its enableWhen'd date", (instrument) => {
    const q = appQuestionnaire(instrument);
    const [tp, date] = q.item ?? [];
    expect(tp?.linkId).toBe(COMMON_LINKS.timepoint);
    expect(tp?.required).toBe(true);
    expect(tp?.answerOption?.map((o) => o.valueCoding?.code)).toEqual(Object.values(TIMEPOINT_CODES));
    expect(date).toMatchObject({
      linkId: COMMON_LINKS.timepointDate,
      type: "date",
      required: true,
      enableWhen: [
        { question: COMMON_LINKS.timepoint, operator: "=", answerCoding: { system: CS, code: TIMEPOINT_CODES.other } },
      ],
    });
  });

  it.each(INSTRUMENTS)("%s uses exactly the contract's linkIds for its answers", (instrument: Instrument) => {
    const q = appQuestionnaire(instrument);
    const answerable = allItems(q)
      .filter((i) => i.type !== "display" && i.type !== "group")
      .map((i) => i.linkId);
    const expected = [COMMON_LINKS.timepoint, COMMON_LINKS.timepointDate, ...Object.values(LINKS[instrument])];
    expect(answerable.sort()).toEqual(expected.sort());
  });

  it.each(INSTRUMENTS)(
    "%s has Japanese text for every item and answer option (translation extension)",
    (instrument) => {
      const q = appQuestionnaire(instrument);
      expect(q._title?.extension?.[0]?.url).toBe(EXT.translation);
      for (const it of allItems(q)) {
        expect(itemText(it, "ja"), it.linkId).not.toBe(it.text);
        for (const o of it.answerOption ?? []) {
          const c = o.valueCoding as Coding;
          const ja = codingDisplay(c, "ja");
          expect(ja.length, `${it.linkId} ${c.code}`).toBeGreaterThan(0);
          expect(c._display?.extension?.[0]?.url).toBe(EXT.translation);
        }
      }
    },
  );

  it("every app code used by a Questionnaire is in the CodeSystem, with its display or a synonym", () => {
    expect(codeSystem.url).toBe(CS);
    const concepts = new Map((codeSystem.concept ?? []).map((c) => [c.code, c]));
    expect(codeSystem.count).toBe(concepts.size);
    for (const instrument of INSTRUMENTS) {
      for (const it of allItems(appQuestionnaire(instrument))) {
        for (const o of it.answerOption ?? []) {
          const c = o.valueCoding as Coding;
          if (c.system !== CS) continue;
          const concept = concepts.get(c.code ?? "");
          expect(concept, `${instrument} ${c.code}`).toBeDefined();
          const displays = [
            concept?.display,
            ...(concept?.designation ?? []).filter((d) => d.language === "en").map((d) => d.value),
          ];
          expect(displays, `${c.code}`).toContain(c.display);
          expect(concept?.designation?.some((d) => d.language === "ja")).toBe(true);
        }
        for (const w of it.enableWhen ?? []) {
          if (w.answerCoding?.system === CS) expect(concepts.has(w.answerCoding.code ?? "")).toBe(true);
        }
      }
    }
  });

  /** The LOINC answers of ECOG-PS grades 0–5 (LL529-9), in grade order. */
  const ECOG_ANSWERS = ["LA9622-7", "LA9623-5", "LA9624-3", "LA9625-0", "LA9626-8", "LA9627-6"];

  it("only verified standard codes appear: LOINC LL529-9 answers for ECOG and the codes listed in docs/codes.md", () => {
    const loinc = new Set<string>();
    for (const instrument of INSTRUMENTS) {
      const q = appQuestionnaire(instrument);
      for (const c of q.code ?? []) loinc.add(`${c.system}|${c.code}`);
      for (const it of allItems(q)) {
        for (const c of it.code ?? []) loinc.add(`${c.system}|${c.code}`);
        for (const o of it.answerOption ?? [])
          if (o.valueCoding?.system !== CS) loinc.add(`${o.valueCoding?.system}|${o.valueCoding?.code}`);
      }
    }
    expect([...loinc].sort()).toEqual(
      ["89247-1", "89243-0", "96761-2", "96762-0", ...ECOG_ANSWERS].map((c) => `http://loinc.org|${c}`).sort(),
    );
    const ecog = item(appQuestionnaire("ecog"), LINKS.ecog.ecog);
    expect(ecog.answerOption?.map((o) => o.valueCoding?.code)).toEqual(ECOG_ANSWERS);
    expect(ecog.answerOption?.map((o) => o.extension?.find((e) => e.url === EXT.optionPrefix)?.valueString)).toEqual([
      "0",
      "1",
      "2",
      "3",
      "4",
      "5",
    ]);
  });

  it("canonicals are fixed and versioned: one base, url = base/Questionnaire/<instrument>, version 1.0.0", () => {
    expect(CANONICAL_BASE).toBe("https://w3id.org/spine-met-qol/fhir");
    for (const instrument of INSTRUMENTS) {
      const q = appQuestionnaire(instrument);
      expect(q.url).toBe(`https://w3id.org/spine-met-qol/fhir/Questionnaire/${instrument}`);
      expect(q.version).toBe("1.0.0");
    }
    expect(codeSystem.url).toBe("https://w3id.org/spine-met-qol/fhir/CodeSystem/spine-met-qol");
    expect(codeSystem.version).toBe("1.0.0");
    // Every project URL in the shipped files lies under the one base: no example.org, no second base.
    for (const file of readdirSync(DIR)) {
      const text = readFileSync(join(DIR, file), "utf8");
      expect(text, file).not.toMatch(/example\.(org|com|net)/);
      const own = [...text.matchAll(/"(https?:\/\/[^"]+)"/g)]
        .map((m) => m[1] ?? "")
        .filter((u) => !/^http:\/\/(hl7\.org|terminology\.hl7\.org|loinc\.org|unitsofmeasure\.org)(\/|$)/.test(u));
      for (const u of own) expect(u.startsWith(`${CANONICAL_BASE}/`), `${file}: ${u}`).toBe(true);
    }
  });

  it("loading refuses a Questionnaire whose canonical, version or calculatedExpression the app cannot use", () => {
    const q = structuredClone(appQuestionnaire("tokuhashi"));
    expect(questionnaireDefect("tokuhashi", q)).toBeNull();
    expect(questionnaireDefect("sins", q)).toMatch(/url is .*tokuhashi, not .*sins/);
    const unversioned = structuredClone(q);
    delete unversioned.version;
    expect(questionnaireDefect("tokuhashi", unversioned)).toMatch(/version is missing/);
    expect(
      questionnaireDefect("tokuhashi", { ...q, url: "https://spine-met-qol.example.org/fhir/Questionnaire/tokuhashi" }),
    ).toMatch(/url is/);
    const total = item(q, LINKS.tokuhashi.total);
    const sdc = total.extension?.find((e) => e.url === EXT.calculatedExpression);
    if (!sdc?.valueExpression) throw new Error("no calculatedExpression");
    sdc.valueExpression.expression = "%resource.item.answer.value.weight().sum()";
    expect(questionnaireDefect("tokuhashi", q)).toMatch(
      /item tokuhashi-total: the function sum\(\) is outside the supported FHIRPath subset/,
    );
    sdc.valueExpression = { language: "text/cql", expression: "1" };
    expect(questionnaireDefect("tokuhashi", q)).toMatch(
      /item tokuhashi-total: calculatedExpression must be text\/fhirpath/,
    );
    total.extension = [{ url: APP_CALCULATION_EXTENSION, valueCode: "tokuhashi-total" }];
    expect(questionnaireDefect("tokuhashi", q)).toMatch(/unknown app calculation "tokuhashi-total"/);
  });

  it("calculated items: SDC calculatedExpression (FHIRPath) for the totals, the app's extension for EQ-5D-5L", () => {
    const calculated = INSTRUMENTS.flatMap((i) =>
      allItems(appQuestionnaire(i)).flatMap((it) => {
        const c = calculation(it);
        return c ? [[it.linkId, c.kind, it.readOnly ?? false] as const] : [];
      }),
    );
    expect(calculated).toEqual([
      [LINKS.eq5d5l.index, "app", true],
      [LINKS.eq5d5l.valueSet, "app", true],
      [LINKS.barthel.total, "expression", true],
      [LINKS.sins.total, "expression", true],
      // Follows the KPS when one is given, else the clinician answers it.
      [LINKS.tokuhashi.generalCondition, "expression", false],
      [LINKS.tokuhashi.total, "expression", true],
    ]);
    const total = item(appQuestionnaire("sins"), LINKS.sins.total).extension?.find(
      (e) => e.url === EXT.calculatedExpression,
    );
    expect(total?.url).toBe("http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression");
    expect(total?.valueExpression?.language).toBe("text/fhirpath");
  });
});

describe("answer options carry the points of the scoring core", () => {
  it("EQ-5D-5L: five dimensions, codes eq5d.level.1–5, neutral labels, VAS 0–100, calculated index and value set", () => {
    const q = appQuestionnaire("eq5d5l");
    const dims = [
      LINKS.eq5d5l.mobility,
      LINKS.eq5d5l.selfCare,
      LINKS.eq5d5l.usualActivities,
      LINKS.eq5d5l.painDiscomfort,
      LINKS.eq5d5l.anxietyDepression,
    ];
    for (const linkId of dims) {
      const it = item(q, linkId);
      expect(it.required).toBe(true);
      expect(it.answerOption?.map((o) => o.valueCoding?.code)).toEqual([1, 2, 3, 4, 5].map((n) => `eq5d.level.${n}`));
      expect(it.answerOption?.map((o) => o.valueCoding?.display)).toEqual(
        [1, 2, 3, 4, 5].map((n) => `${it.text} — level ${n}`),
      );
    }
    const vas = item(q, LINKS.eq5d5l.eqVas);
    expect(vas.type).toBe("integer");
    expect(vas.extension).toEqual(
      expect.arrayContaining([
        { url: EXT.minValue, valueInteger: 0 },
        { url: EXT.maxValue, valueInteger: 100 },
      ]),
    );
    expect(calculation(item(q, LINKS.eq5d5l.index))).toEqual({ kind: "app", name: "eq5d5l-index" });
    expect(item(q, LINKS.eq5d5l.index).type).toBe("decimal");
    expect(calculation(item(q, LINKS.eq5d5l.valueSet))).toEqual({ kind: "app", name: "eq5d5l-value-set" });
    expect(q.copyright).toMatch(/trade mark of the EuroQol Research Foundation/);
  });

  it("Barthel: the points of every item are Mahoney & Barthel's (BARTHEL_POINTS)", () => {
    const q = appQuestionnaire("barthel");
    for (const [key, linkId] of Object.entries(LINKS.barthel)) {
      if (key === "total") continue;
      const points = optionPoints(q, linkId, `barthel.${key}`);
      const allowed = BARTHEL_POINTS[key as keyof typeof BARTHEL_POINTS];
      expect(
        Object.keys(points)
          .map(Number)
          .sort((a, b) => a - b),
      ).toEqual([...allowed]);
      for (const [value, p] of Object.entries(points)) expect(p).toBe(Number(value));
    }
  });

  it("SINS: item points and the location points of every scored level", () => {
    const q = appQuestionnaire("sins");
    for (const key of ["pain", "boneLesion", "alignment", "collapse", "posterolateral"] as const) {
      expect(optionPoints(q, LINKS.sins[key], `sins.${key}`)).toEqual(SINS_POINTS[key]);
    }
    const levels = optionPoints(q, LINKS.sins.scoredLevel, "level");
    expect(Object.keys(levels)).toEqual([...SINS_LEVELS]);
    for (const level of SINS_LEVELS) {
      const cls = sinsLocationClass(level);
      expect(levels[level], level).toBe(cls ? SINS_POINTS.location[cls] : null);
    }
    expect(item(q, LINKS.sins.lesionLevels).repeats).toBe(true);
    expect(item(q, LINKS.sins.lesionLevels).required).toBe(true);
  });

  it("revised Tokuhashi (2005): item points, primary sites and palsy by Frankel grade", () => {
    const q = appQuestionnaire("tokuhashi");
    expect(q.title).toBe("Revised Tokuhashi (2005)");
    for (const key of ["generalCondition", "extraspinalBoneMets", "vertebralBodyMets", "visceralMets"] as const) {
      expect(optionPoints(q, LINKS.tokuhashi[key], `tokuhashi.${key}`)).toEqual(TOKUHASHI_POINTS[key]);
    }
    expect(optionPoints(q, LINKS.tokuhashi.primarySite, "tokuhashi.primarySite")).toEqual(PRIMARY_SITE_POINTS);
    expect(optionPoints(q, LINKS.tokuhashi.palsy, "frankel")).toEqual(TOKUHASHI_POINTS.palsy);
    const kps = item(q, LINKS.tokuhashi.kps);
    expect(kps.type).toBe("integer");
    expect(kps.code?.[0]).toMatchObject({ system: "http://loinc.org", code: "89243-0" });
  });

  it("Frankel: A–E", () => {
    const q = appQuestionnaire("frankel");
    expect(item(q, LINKS.frankel.frankel).answerOption?.map((o) => o.valueCoding?.code)).toEqual(
      ["A", "B", "C", "D", "E"].map((g) => `frankel.${g}`),
    );
  });
});
