import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Bundle, Questionnaire, QuestionnaireResponse, QuestionnaireResponseItemAnswer } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/extract";
import { applyCalculations } from "../../../src/forms/calculate";
import { LINKS, TIMEPOINT_CODES, type Instrument } from "../../../src/questionnaires/contract";
import { DEFAULT_VALUE_SET } from "../../../src/scores";
import { buildQuestionnaireResponse } from "../../../src/writeback/build";
import type { Answers } from "../../../src/questionnaires/items";
import { appQuestionnaire } from "../../../src/writeback/questionnaires";

const PATIENT = "cervical-c7-t1";
const resources = (
  (JSON.parse(readFileSync(join(__dirname, "../../fixtures/patients/cervical-c7-t1.json"), "utf8")) as Bundle).entry ??
  []
).map((e) => e.resource);

function option(q: Questionnaire, linkId: string, code: string): QuestionnaireResponseItemAnswer[] {
  const c = q.item
    ?.find((i) => i.linkId === linkId)
    ?.answerOption?.find((o) => o.valueCoding?.code === code)?.valueCoding;
  if (!c) throw new Error(`${linkId}: no ${code}`);
  return [{ valueCoding: c }];
}

let n = 0;
function written(
  instrument: Instrument,
  answers: (q: Questionnaire) => Answers,
  timepoint: keyof typeof TIMEPOINT_CODES,
  authored: string,
): QuestionnaireResponse {
  const q = appQuestionnaire(instrument);
  const all = applyCalculations(
    q,
    { timepoint: option(q, "timepoint", TIMEPOINT_CODES[timepoint]), ...answers(q) },
    { valueSetId: DEFAULT_VALUE_SET },
  );
  n += 1;
  return {
    ...buildQuestionnaireResponse(q, all, {
      identifier: `00000000-0000-4000-b000-${String(n).padStart(12, "0")}`,
      patientId: PATIENT,
      fhirUser: "Practitioner/dr-1",
      selfReport: instrument === "eq5d5l" || instrument === "pain-vas",
      authored,
    }),
    id: `qr-${n}`,
  };
}

describe("every instrument's response is read back by the extraction as the same values", () => {
  it("pre-op and 1-month QOL timepoints", () => {
    const E = LINKS.eq5d5l;
    const eq5d =
      (profile: string, vas: number) =>
      (q: Questionnaire): Answers => ({
        [E.mobility]: option(q, E.mobility, `eq5d.level.${profile[0]}`),
        [E.selfCare]: option(q, E.selfCare, `eq5d.level.${profile[1]}`),
        [E.usualActivities]: option(q, E.usualActivities, `eq5d.level.${profile[2]}`),
        [E.painDiscomfort]: option(q, E.painDiscomfort, `eq5d.level.${profile[3]}`),
        [E.anxietyDepression]: option(q, E.anxietyDepression, `eq5d.level.${profile[4]}`),
        [E.eqVas]: [{ valueInteger: vas }],
      });
    const barthel = (q: Questionnaire): Answers =>
      Object.fromEntries(
        Object.entries(LINKS.barthel)
          .filter(([k]) => k !== "total")
          .map(([k, linkId]) => [
            linkId,
            option(q, linkId, `barthel.${k}.${k === "bathing" || k === "grooming" ? 0 : 5}`),
          ]),
      );
    const preop = "2026-10-01T09:00:00+09:00";
    const after = "2026-11-05T09:00:00+09:00";
    const responses = [
      written("eq5d5l", eq5d("33433", 30), "preop", preop),
      written("pain-vas", () => ({ "pain-vas": [{ valueInteger: 70 }] }), "preop", preop),
      written("barthel", barthel, "preop", preop),
      written("ecog", (q) => ({ ecog: option(q, "ecog", "LA9625-0") }), "preop", preop),
      written("frankel", (q) => ({ frankel: option(q, "frankel", "frankel.C") }), "preop", preop),
      written("eq5d5l", eq5d("21232", 70), "1mo", after),
      written("pain-vas", () => ({ "pain-vas": [{ valueInteger: 20 }] }), "1mo", after),
      written("ecog", (q) => ({ ecog: option(q, "ecog", "LA9623-5") }), "1mo", after),
      written("frankel", (q) => ({ frankel: option(q, "frankel", "frankel.D") }), "1mo", after),
    ];
    const report = buildReport([...resources, ...responses], PATIENT, { now: new Date("2026-11-27T00:00:00Z") });
    const tp = (kind: string) => report.qol.timepoints.filter((t) => t.timepoint === kind);
    const merged = (kind: string) =>
      Object.assign(
        {},
        ...tp(kind).map((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== null))),
      ) as Record<string, unknown>;

    expect(merged("preop")).toMatchObject({
      // Japan cTTO (Shiroiwa 2016): 1 − 0.060924 − 0.112618 − 0.076660 − 0.147929 − 0.068178 − 0.110496.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
      eq5d: { profile: "33433", index: expect.closeTo(0.423195, 6), valueSet: "Japan_cTTO_fullPrecision" },
      eqVas: 30,
      painVas: 70,
      barthel: 40,
      ecog: 3,
      frankel: "C",
    });
    expect(merged("1mo")).toMatchObject({
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
      eq5d: { profile: "21232", index: expect.closeTo(0.684847, 6), valueSet: "Japan_cTTO_fullPrecision" },
      eqVas: 70,
      painVas: 20,
      ecog: 1,
      frankel: "D",
    });
    expect(report.diagnostics.filter((d) => d.code === "unrecognised-answer")).toEqual([]);
  });
});
