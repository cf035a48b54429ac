/**
 * The FHIRPath subset evaluator (src/questionnaires/fhirpath.ts) against the fhirpath package (a full engine, dev
 * only): every calculatedExpression the app ships gives the same result in both over many generated responses;
 * the totals they give are the scoring core's; syntax outside the subset is refused when parsed.
 */
import fc from "fast-check";
import type * as R4 from "fhir/r4";
import { compile } from "fhirpath";
import r4 from "fhirpath/fhir-context/r4";
import { describe, expect, it } from "vitest";
import {
  applyCalculations,
  barthelFromAnswers,
  sinsFromAnswers,
  tokuhashiFromAnswers,
} from "../../../src/forms/calculate";
import { APP_CODE_SYSTEM, INSTRUMENTS, LINKS, type Instrument } from "../../../src/questionnaires/contract";
import { compileFhirPath, FhirPathSubsetError } from "../../../src/questionnaires/fhirpath";
import { DEFAULT_VALUE_SET, kpsCategory } from "../../../src/scores";
import { allItems, calculation, type Answers } from "../../../src/questionnaires/items";
import { appQuestionnaire } from "../../../src/writeback/questionnaires";

/** Every calculatedExpression of the shipped Questionnaires. */
const SHIPPED = INSTRUMENTS.flatMap((instrument) => {
  const q = appQuestionnaire(instrument);
  return allItems(q).flatMap((item) => {
    const c = calculation(item);
    return c?.kind === "expression" ? [{ instrument, q, linkId: item.linkId, expression: c.expression }] : [];
  });
});

/** The engine may annotate what it reads: it gets its own copy of each Questionnaire, and of each response. */
const engineCopies = new Map<R4.Questionnaire, R4.Questionnaire>();
const compiled = new Map<string, ReturnType<typeof compile>>();

function engine(qr: R4.QuestionnaireResponse, q: R4.Questionnaire, expression: string): unknown[] {
  let questionnaire = engineCopies.get(q);
  if (!questionnaire) {
    questionnaire = structuredClone(q);
    engineCopies.set(q, questionnaire);
  }
  let run = compiled.get(expression);
  if (!run) {
    run = compile(expression, r4);
    compiled.set(expression, run);
  }
  const resource = structuredClone(qr);
  return run(resource, { resource, questionnaire }) as unknown[];
}

function subset(qr: R4.QuestionnaireResponse, q: R4.Questionnaire, expression: string): unknown[] {
  return compileFhirPath(expression).evaluate({
    resource: qr,
    questionnaire: q,
  });
}

const none = fc.constant<R4.QuestionnaireResponseItemAnswer[]>([]);

/** Answers of an item's type: often a valid one, sometimes none, sometimes a code the item does not offer. */
function answerArb(item: R4.QuestionnaireItem): fc.Arbitrary<R4.QuestionnaireResponseItemAnswer[]> {
  switch (item.type) {
    case "choice": {
      const options = (item.answerOption ?? []).flatMap((o) => (o.valueCoding ? [o.valueCoding] : []));
      const foreign: R4.Coding = {
        system: APP_CODE_SYSTEM,
        code: `${item.linkId}.not-an-option`,
      };
      const one = fc.constantFrom(...options).map((c) => [{ valueCoding: c }]);
      if (item.repeats) return fc.subarray(options, { maxLength: 3 }).map((cs) => cs.map((c) => ({ valueCoding: c })));
      return fc.oneof(
        { arbitrary: one, weight: 8 },
        { arbitrary: none, weight: 1 },
        {
          arbitrary: fc.constant<R4.QuestionnaireResponseItemAnswer[]>([{ valueCoding: foreign }]),
          weight: 1,
        },
      );
    }
    case "integer":
      return fc.oneof(
        {
          arbitrary: fc.integer({ min: 1, max: 10 }).map((n) => [{ valueInteger: n * 10 }]),
          weight: 4,
        },
        {
          arbitrary: fc.integer({ min: -20, max: 130 }).map((n) => [{ valueInteger: n }]),
          weight: 2,
        },
        { arbitrary: none, weight: 1 },
      );
    case "date":
      return fc.oneof(none, fc.constant<R4.QuestionnaireResponseItemAnswer[]>([{ valueDate: "2026-05-01" }]));
    default:
      return none;
  }
}

/** Answers to every question of `q` that the user answers (calculated items left to the calculation). */
function answersArb(q: R4.Questionnaire): fc.Arbitrary<Answers> {
  const questions = allItems(q).filter(
    (i) => i.type !== "display" && i.type !== "group" && !(calculation(i) && i.readOnly),
  );
  return fc.tuple(...questions.map(answerArb)).map((all) => {
    const out: Record<string, R4.QuestionnaireResponseItemAnswer[]> = {};
    questions.forEach((item, i) => {
      const a = all[i] ?? [];
      if (a.length) out[item.linkId] = a;
    });
    return out;
  });
}

function response(q: R4.Questionnaire, answers: Answers): R4.QuestionnaireResponse {
  const item: R4.QuestionnaireResponseItem[] = (q.item ?? []).flatMap((it) => {
    const a = answers[it.linkId];
    return a?.length ? [{ linkId: it.linkId, answer: [...a] }] : [];
  });
  return {
    resourceType: "QuestionnaireResponse",
    status: "in-progress",
    questionnaire: `${q.url}|${q.version}`,
    item,
  };
}

describe("the shipped calculatedExpressions", () => {
  it("are the totals and the general condition, each parsed by the subset", () => {
    expect(SHIPPED.map((s) => s.linkId)).toEqual([
      LINKS.barthel.total,
      LINKS.sins.total,
      LINKS.tokuhashi.generalCondition,
      LINKS.tokuhashi.total,
    ]);
    for (const s of SHIPPED) expect(() => compileFhirPath(s.expression)).not.toThrow();
  });

  it.each(SHIPPED.map((s) => [s.linkId, s] as const))(
    "%s: the subset gives what the fhirpath package gives, over generated responses",
    (_, s) => {
      fc.assert(
        fc.property(answersArb(s.q), (answers) => {
          const qr = response(s.q, answers);
          expect(subset(qr, s.q, s.expression)).toEqual(engine(qr, s.q, s.expression));
        }),
        { numRuns: 300 },
      );
    },
  );
});

function applied(instrument: Instrument, answers: Answers): Answers {
  return applyCalculations(appQuestionnaire(instrument), answers, {
    valueSetId: DEFAULT_VALUE_SET,
  });
}

describe("the expressions' totals are the scoring core's", () => {
  const byInstrument = (i: Instrument) => appQuestionnaire(i);

  it.each([
    ["Barthel index", "barthel", barthelFromAnswers],
    ["SINS", "sins", sinsFromAnswers],
  ] as const)("%s", (_name, instrument, fromAnswers) => {
    fc.assert(
      fc.property(answersArb(byInstrument(instrument)), (answers) => {
        expect(applied(instrument, answers)[LINKS[instrument].total]?.[0]?.valueInteger ?? null).toBe(
          fromAnswers(answers)?.total ?? null,
        );
      }),
      { numRuns: 300 },
    );
  });

  it("revised Tokuhashi, with the general condition following a valid KPS (kpsCategory) and the clinician's choice otherwise", () => {
    fc.assert(
      fc.property(answersArb(byInstrument("tokuhashi")), (answers) => {
        const out = applied("tokuhashi", answers);
        const kps = answers[LINKS.tokuhashi.kps]?.[0]?.valueInteger;
        const valid = kps !== undefined && kps >= 10 && kps <= 100 && kps % 10 === 0;
        const condition = out[LINKS.tokuhashi.generalCondition];
        if (valid) expect(condition?.[0]?.valueCoding?.code).toBe(`tokuhashi.generalCondition.${kpsCategory(kps)}`);
        else expect(condition).toEqual(answers[LINKS.tokuhashi.generalCondition]);
        expect(out[LINKS.tokuhashi.total]?.[0]?.valueInteger ?? null).toBe(tokuhashiFromAnswers(out)?.total ?? null);
      }),
      { numRuns: 300 },
    );
  });

  it("a derived coding is the option's system, code and display only (no translations copied into the answer)", () => {
    const out = applied("tokuhashi", {
      [LINKS.tokuhashi.kps]: [{ valueInteger: 60 }],
    });
    expect(out[LINKS.tokuhashi.generalCondition]).toEqual([
      {
        valueCoding: {
          system: APP_CODE_SYSTEM,
          code: "tokuhashi.generalCondition.moderate",
          display: "Moderate (KPS 50–70 %)",
        },
      },
    ]);
  });
});

describe("the subset evaluator", () => {
  const q = appQuestionnaire("tokuhashi");
  const qr = response(q, {
    [LINKS.tokuhashi.kps]: [{ valueInteger: 60 }],
    [LINKS.tokuhashi.palsy]: [{ valueCoding: { system: APP_CODE_SYSTEM, code: "frankel.E" } }],
    [LINKS.tokuhashi.primarySite]: [
      {
        valueCoding: {
          system: APP_CODE_SYSTEM,
          code: "tokuhashi.primarySite.breast",
        },
      },
    ],
  });
  const kps = "%resource.item.where(linkId='tokuhashi-kps').answer.value";
  const nothing = "%resource.item.where(linkId='no-such-item').answer.value";

  it.each([
    "1 + 2 mod 2",
    "7 mod 3 + 1",
    "'a' + 'b' + 'c'",
    "'it\\'s'",
    "2.5 + 1",
    "5 mod 0",
    `${kps} + 1`,
    `${kps} <= 60`,
    `${kps} < 60`,
    `${kps} > 59.5`,
    `${kps} >= 61`,
    `${kps} = 60`,
    `${kps} != 60`,
    `${nothing} + 1`,
    `${nothing} = 1`,
    `(${kps} > 1) and (${kps} < 100)`,
    `(${kps} > 1) and (${kps} > 100)`,
    `(${kps} > 1) and (${nothing} > 1)`,
    `(${kps} > 100) and (${nothing} > 1)`,
    `(${kps} > 1) or (${nothing} > 1)`,
    `(${kps} > 100) or (${nothing} > 1)`,
    `(${kps} > 100) or (${kps} < 1)`,
    `${kps}.select(iif($this <= 40, 'poor', iif($this <= 70, 'moderate', 'good')))`,
    `${kps}.select(iif($this > 100, 'above'))`,
    `${nothing}.select(iif($this > 1, 'x', 'y'))`,
    "%resource.item.where(linkId='tokuhashi-palsy').answer.value.weight() + %resource.item.where(linkId='tokuhashi-primary-site').answer.value.weight()",
    "%resource.item.answer.value.where(code = 'frankel.E').weight()",
    "%resource.item.where(linkId='tokuhashi-palsy').answer.value.code",
    "%questionnaire.item.where(linkId='tokuhashi-palsy').answerOption.value.where(code = 'frankel.' + 'C').code",
    "%resource.item.linkId",
  ])("%s: as the fhirpath package", (expression) => {
    expect(subset(qr, q, expression)).toEqual(engine(qr, q, expression));
  });

  it.each([
    ["%resource.item.answer.value.weight().sum()", /the function sum\(\) is outside/],
    ["%context.item", /%context is outside/],
    ["%resource.item | %resource.item", /"\|" is outside/],
    ["1 - 2", /"-" is outside/],
    ["2 * 3", /"\*" is outside/],
    ["6 / 3", /"\/" is outside/],
    ["7 div 2", /"div" is outside/],
    ["%resource.item[0]", /"\[" is outside/],
    ["true", /"true" is outside/],
    ["{}", /"\{" is outside/],
    ["@2026-01-01", /the character "@"/],
    ["5 'mg'", /unexpected "'mg'"/],
    ["5 days", /unexpected "days"/],
    ["1 implies 2", /"implies" is outside/],
    ["1 xor 2", /"xor" is outside/],
    ["1 = 1 = 1", /unexpected "="/],
    ["%resource.item.exists()", /the function exists\(\) is outside/],
    ["%resource.item.answer.value.ordinal()", /the function ordinal\(\) is outside/],
    ["%resource.`item`", /the character "`"/],
    ["%resource.item.where(linkId = 'x'", /missing "\)"/],
    ["'open", /unterminated string/],
    ["iif(1)", /iif\(\) takes 2 to 3 argument/],
    ["// note\n1", /comments are outside/],
    ["$index", /\$index is outside/],
    ["", /empty expression/],
  ])("refuses %j when parsed", (expression, message) => {
    expect(() => compileFhirPath(expression)).toThrow(FhirPathSubsetError);
    expect(() => compileFhirPath(expression)).toThrow(message);
  });

  it("refuses at evaluation what it cannot evaluate faithfully, rather than guess", () => {
    const run = (e: string) => () => subset(qr, q, e);
    expect(run("%questionnaire.item.answerOption.value.weight()")).toThrow(
      /weight\(\) is supported on the value of a coded QuestionnaireResponse answer only/,
    );
    expect(run("%resource.item.answer.value + 1")).toThrow(/collection of 3 values/);
    expect(run(`${kps} + 'a'`)).toThrow(/\+ adds two numbers or two strings/);
    expect(run(`${kps} < 'a'`)).toThrow(/< compares two numbers or two strings/);
    expect(run(`${kps}.select(iif('yes', 1, 2))`)).toThrow(/iif\(\) takes a boolean criterion/);
    expect(
      run(
        "%resource.item.where(linkId='tokuhashi-palsy').answer.value = %resource.item.where(linkId='tokuhashi-palsy').answer.value",
      ),
    ).toThrow(/compare strings, numbers and booleans only/);
    // An option without ordinalValue: the full engine would go to a terminology server; the subset refuses.
    const noWeight = structuredClone(q);
    const palsy = allItems(noWeight).find((i) => i.linkId === LINKS.tokuhashi.palsy);
    for (const o of palsy?.answerOption ?? []) delete o.extension;
    expect(() =>
      compileFhirPath("%resource.item.where(linkId='tokuhashi-palsy').answer.value.weight()").evaluate({
        resource: qr,
        questionnaire: noWeight,
      }),
    ).toThrow(/the option frankel.E of item tokuhashi-palsy has no ordinalValue/);
  });
});
