/** A QuestionnaireResponse made by the app's write path (src/writeback) reads back as the same answers. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Questionnaire } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/extract";
import { APP_CODE_SYSTEM } from "../../../src/questionnaires/contract";
import { buildQuestionnaireResponse } from "../../../src/writeback/build";
import { FIXTURES, NOW } from "./helpers";

const SYS = APP_CODE_SYSTEM;
const code = (c: string) => [{ valueCoding: { system: SYS, code: c } }];

function questionnaire(name: string): Questionnaire {
  return JSON.parse(
    readFileSync(join(FIXTURES, "../../fhir-mappings/questionnaires", `${name}.json`), "utf8"),
  ) as Questionnaire;
}

describe("write path → extraction", () => {
  it("a Tokuhashi form: KPS 70, 1–2 foci, 2 vertebrae, removable, breast, Frankel E = 1+1+1+1+5+2 = 11", () => {
    const qr = buildQuestionnaireResponse(
      questionnaire("tokuhashi"),
      {
        timepoint: code("timepoint.preop"),
        "tokuhashi-kps": [{ valueInteger: 70 }],
        "tokuhashi-extraspinal-bone-mets": code("tokuhashi.extraspinalBoneMets.1-2"),
        "tokuhashi-vertebral-body-mets": code("tokuhashi.vertebralBodyMets.2"),
        "tokuhashi-visceral-mets": code("tokuhashi.visceralMets.removable"),
        "tokuhashi-primary-site": code("tokuhashi.primarySite.breast"),
        "tokuhashi-palsy": code("frankel.E"),
      },
      {
        identifier: "6f1c2e9a-0000-4000-8000-000000000001",
        patientId: "p1",
        selfReport: false,
        authored: "2024-06-01T10:00:00+09:00",
      },
    );
    const r = buildReport(
      [
        { resourceType: "Patient", id: "p1", birthDate: "1960-01-01" },
        { ...qr, id: "qr1" },
      ],
      "p1",
      { now: NOW },
    );
    expect(r.tokuhashi).toMatchObject({ total: 11, prognosis: ">=6m" });
    for (const item of Object.values(r.tokuhashi.items)) {
      expect(item.source).toBe("questionnaire");
      expect(item.provenance[0]?.reference).toBe("QuestionnaireResponse/qr1");
    }
    expect(r.qol.timepoints).toMatchObject([{ timepoint: "preop", kps: 70, frankel: "E" }]);
  });
});
