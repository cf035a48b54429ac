/** The app's own QuestionnaireResponses (src/questionnaires/contract.ts) read back as evidence. */
import { describe, expect, it } from "vitest";
import {
  APP_CODE_SYSTEM,
  instrumentFromCanonical,
  questionnaireUrl,
  type Instrument,
} from "../../../src/questionnaires/contract";
import { buildReport, extractEvidence } from "../../../src/extract";
import { NOW } from "./helpers";

const P = "p1";
const SYS = APP_CODE_SYSTEM;
const coding = (code: string) => ({ valueCoding: { system: SYS, code } });

function qr(
  id: string,
  instrument: Instrument,
  authored: string,
  items: { linkId: string; answer: unknown[] }[],
  status = "completed",
) {
  return {
    resourceType: "QuestionnaireResponse",
    id,
    questionnaire: `${questionnaireUrl(instrument)}|1.0.0`,
    status,
    subject: { reference: `Patient/${P}` },
    authored,
    item: items,
  };
}

const t10t11 = {
  resourceType: "Condition",
  id: "met",
  code: { coding: [{ system: "http://snomed.info/sct", code: "94222008" }] },
  bodySite: [
    { coding: [{ system: "http://snomed.info/sct", code: "7610001" }] },
    { coding: [{ system: "http://snomed.info/sct", code: "12989004" }] },
  ],
  subject: { reference: `Patient/${P}` },
  recordedDate: "2024-05-01",
};

describe("SINS questionnaire", () => {
  const sinsQr = qr("s1", "sins", "2024-05-03T08:00:00Z", [
    { linkId: "sins-scored-level", answer: [coding("level.T11")] },
    { linkId: "sins-lesion-levels", answer: [coding("level.T10"), coding("level.T11")] },
    { linkId: "sins-pain", answer: [coding("sins.pain.mechanical")] },
    { linkId: "sins-bone-lesion", answer: [coding("sins.boneLesion.lytic")] },
    { linkId: "sins-alignment", answer: [coding("sins.alignment.normal")] },
    { linkId: "sins-collapse", answer: [coding("sins.collapse.lt50")] },
    { linkId: "sins-posterolateral", answer: [coding("sins.posterolateral.unilateral")] },
  ]);

  it("a complete SINS form newer than the record gives the total: T11 3 + 3 + 2 + 0 + 2 + 1 = 11", () => {
    const r = buildReport([t10t11, sinsQr], P, { now: NOW });
    expect(r.sins.items.location).toMatchObject({ value: "T11", points: 3, source: "questionnaire", confirmed: true });
    expect(r.sins).toMatchObject({ total: 11, category: "potentially-unstable" });
    expect(r.segmentGroup.levels).toEqual(["T10", "T11"]);
  });

  it("a record newer than the form: the level is the record's range again; the form's other answers stay", () => {
    const newer = { ...t10t11, id: "met2", recordedDate: "2024-06-01" };
    const r = buildReport([newer, sinsQr], P, { now: NOW });
    expect(r.sins.items.location).toMatchObject({ source: "record", candidates: ["T10", "T11"], min: 1, max: 3 });
    expect(r.sins.items.pain).toMatchObject({ value: "mechanical", source: "questionnaire" });
  });

  it("an unrecognised answer code is ignored with a diagnostic; entered-in-error responses are ignored", () => {
    const bad = qr("s2", "sins", "2024-05-04", [{ linkId: "sins-pain", answer: [coding("sins.pain.excruciating")] }]);
    const eie = qr(
      "s3",
      "sins",
      "2024-05-05",
      [{ linkId: "sins-pain", answer: [coding("sins.pain.none")] }],
      "entered-in-error",
    );
    const ev = extractEvidence([bad, eie], P);
    expect(ev.questionnaires.map((q) => q.provenance.reference)).toEqual(["QuestionnaireResponse/s2"]);
    expect(ev.questionnaires[0]?.sins).toEqual({});
    expect(ev.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(["unrecognised-answer", "ignored-status"]),
    );
  });

  it.each([
    ["https://w3id.org/spine-met-qol/fhir/Questionnaire/sins|1.0.0", "sins"],
    ["https://w3id.org/spine-met-qol/fhir/Questionnaire/pain-vas", "pain-vas"],
    ["https://w3id.org/spine-met-qol/fhir/Questionnaire/eq5d5l|", "eq5d5l"],
    ["https://w3id.org/spine-met-qol/fhir/Questionnaire/eq5d5lx|1.0.0", null],
    ["https://w3id.org/spine-met-qol/fhir/Questionnaire/|sins", null],
    ["https://w3id.org/spine-met-qol/fhir/Questionnaire/", null],
    ["https://w3id.org/spine-met-qol/fhir/Questionnaire/toString", null],
    ["https://w3id.org/spine-met-qol/fhir/Questionnaire/sins/x", null],
    ["http://w3id.org/spine-met-qol/fhir/Questionnaire/sins", null],
    ["x|https://w3id.org/spine-met-qol/fhir/Questionnaire/sins", null],
  ])("the canonical %s names the instrument %s", (canonical, instrument) => {
    expect(instrumentFromCanonical(canonical)).toBe(instrument);
  });

  it("responses to other Questionnaires are not the app's: left alone", () => {
    const other = { ...sinsQr, id: "x", questionnaire: "http://other.example/Questionnaire/sins" };
    const ev = extractEvidence([other], P);
    expect(ev.questionnaires).toEqual([]);
    expect(ev.diagnostics.map((d) => d.code)).toEqual(["patient-not-found"]);
  });
});

describe("QOL questionnaires", () => {
  it("pain VAS, Barthel (from item codes) and ECOG (LOINC answer) of one session share a timepoint row", () => {
    const tp = { linkId: "timepoint", answer: [coding("timepoint.1mo")] };
    const date = { linkId: "timepoint-date", answer: [{ valueDate: "2024-07-01" }] };
    const barthelItems = [
      ["barthel-feeding", "barthel.feeding.10"],
      ["barthel-bathing", "barthel.bathing.0"],
      ["barthel-grooming", "barthel.grooming.5"],
      ["barthel-dressing", "barthel.dressing.5"],
      ["barthel-bowels", "barthel.bowels.10"],
      ["barthel-bladder", "barthel.bladder.10"],
      ["barthel-toilet-use", "barthel.toiletUse.5"],
      ["barthel-transfers", "barthel.transfers.10"],
      ["barthel-mobility", "barthel.mobility.10"],
      ["barthel-stairs", "barthel.stairs.0"],
    ].map(([linkId, code]) => ({ linkId: linkId ?? "", answer: [coding(code ?? "")] }));
    const resources = [
      qr("pv", "pain-vas", "2024-07-02T09:00:00Z", [tp, date, { linkId: "pain-vas", answer: [{ valueInteger: 25 }] }]),
      qr("b", "barthel", "2024-07-02T09:05:00Z", [tp, date, ...barthelItems]),
      qr("e", "ecog", "2024-07-02T09:10:00Z", [
        tp,
        date,
        { linkId: "ecog", answer: [{ valueCoding: { system: "http://loinc.org", code: "LA9624-3" } }] },
      ]),
    ];
    const r = buildReport(resources, P, { now: NOW });
    expect(r.qol.timepoints).toHaveLength(1);
    // Barthel 10+0+5+5+10+10+5+10+10+0 = 65
    expect(r.qol.timepoints[0]).toMatchObject({
      timepoint: "1mo",
      date: "2024-07-01",
      painVas: 25,
      barthel: 65,
      ecog: 2,
      painNrs: null,
    });
    expect(r.qol.timepoints[0]?.source.reference).toBe("QuestionnaireResponse/pv");
  });
});
