/** Single-resource rules: Observation values and scales, Condition codes and body sites, QuestionnaireResponses. */
import { describe, expect, it } from "vitest";
import { buildReport, extractEvidence, groupByPatient, SEARCH_CODES } from "../../../src/extract";

const P = "p1";
const subject = { reference: `Patient/${P}` };
const obs = (code: string, extra: Record<string, unknown>, system = "http://loinc.org") => ({
  resourceType: "Observation",
  id: "o1",
  status: "final",
  code: { coding: [{ system, code }] },
  subject,
  effectiveDateTime: "2024-05-01",
  ...extra,
});
const cond = (codes: [string, string][], bodySite: string[] = [], extra: Record<string, unknown> = {}) => ({
  resourceType: "Condition",
  id: "c1",
  code: { coding: codes.map(([system, code]) => ({ system, code })) },
  bodySite: bodySite.map((code) => ({ coding: [{ system: "http://snomed.info/sct", code }] })),
  subject,
  ...extra,
});
const SCT = "http://snomed.info/sct";
const CM = "http://hl7.org/fhir/sid/icd-10-cm";
const WHO = "http://hl7.org/fhir/sid/icd-10";

describe("Observations", () => {
  it("pain NRS 72514-3 is kept as painNrs (0–10), never as a VAS", () => {
    const ev = extractEvidence([obs("72514-3", { valueInteger: 7 })], P);
    expect(ev.measurements).toMatchObject([{ concept: "painNrs", value: 7 }]);
  });

  it("Barthel total: 0–100 accepted; a 0–20 scale (reference range high 20) refused", () => {
    expect(extractEvidence([obs("96761-2", { valueInteger: 85 })], P).measurements[0]?.value).toBe(85);
    const snomed = extractEvidence([obs("273302005", { valueQuantity: { value: 60 } }, SCT)], P);
    expect(snomed.measurements[0]).toMatchObject({ concept: "barthel", value: 60 });
    const twenty = extractEvidence(
      [obs("96761-2", { valueInteger: 15, referenceRange: [{ high: { value: 20 } }] })],
      P,
    );
    expect(twenty.measurements).toEqual([]);
    expect(twenty.diagnostics.map((d) => d.code)).toContain("other-scale");
    const notStep = extractEvidence([obs("96761-2", { valueInteger: 17 })], P);
    expect(notStep.measurements).toEqual([]);
  });

  it("KPS: 0 (dead) and 75 are refused; an LL4986-7 answer code is read", () => {
    for (const v of [0, 75, 110]) {
      const ev = extractEvidence([obs("89243-0", { valueInteger: v })], P);
      expect(ev.measurements).toEqual([]);
      expect(ev.diagnostics.map((d) => d.code)).toContain("out-of-range");
    }
    const coded = extractEvidence(
      [obs("89243-0", { valueCodeableConcept: { coding: [{ system: "http://loinc.org", code: "LA29182-5" }] } })],
      P,
    );
    expect(coded.measurements[0]?.value).toBe(30);
  });

  it("ECOG: value and interpretation that disagree are not used", () => {
    const ev = extractEvidence(
      [
        obs("89247-1", {
          valueInteger: 1,
          interpretation: [{ coding: [{ system: "http://loinc.org", code: "LA9625-0" }] }],
        }),
      ],
      P,
    );
    expect(ev.measurements).toEqual([]);
    expect(ev.diagnostics.map((d) => d.code)).toContain("inconsistent-value");
  });

  it("unrelated codes are left alone without a diagnostic; other subjects are skipped", () => {
    const ev = extractEvidence(
      [
        obs("8867-4", { valueQuantity: { value: 70 } }),
        { ...obs("89243-0", { valueInteger: 70 }), subject: { reference: "Patient/other" } },
      ],
      P,
    );
    expect(ev.measurements).toEqual([]);
    expect(ev.diagnostics.filter((d) => d.code !== "patient-not-found").map((d) => d.code)).toEqual(["other-subject"]);
  });
});

describe("Conditions", () => {
  it("ICD codes match with or without dots, and by block prefix", () => {
    for (const code of ["C79.51", "C7951", "c79.51"]) {
      const ev = extractEvidence([cond([[CM, code]], ["36470004"])], P);
      expect(ev.spinalLesions[0]?.levels).toEqual(["L3"]);
    }
    const lung = extractEvidence([cond([[CM, "C78.02"]])], P);
    expect(lung.visceral).toMatchObject([{ certainty: "certain", organ: "lung" }]);
    const brainWho = extractEvidence([cond([[WHO, "C79.3"]])], P);
    expect(brainWho.visceral).toMatchObject([{ certainty: "possible" }]);
    const nodes = extractEvidence([cond([[CM, "C77.1"]])], P);
    expect(nodes.visceral).toEqual([]);
  });

  it("every vertebra is found by its whole-vertebra and vertebral-body SNOMED concepts", () => {
    // Typed from the DICOM PS3.16 CID 7603 codes (whole vertebra, vertebral body), not read from the
    // app's own table, so that a wrong code in fhir-mappings/body-sites.json fails here.
    const REFERENCE: [string, string | null, string | null][] = [
      ["C1", "14806007", null],
      ["C2", "39976000", null],
      ["C3", "113205007", "91116008"],
      ["C4", "5329002", "14705001"],
      ["C5", "36978003", "67479001"],
      ["C6", "36054005", "88298007"],
      ["C7", "87391001", "16126006"],
      ["T1", "64864005", "56094003"],
      ["T2", "53733008", "50060007"],
      ["T3", "1626008", "73138009"],
      ["T4", "73071006", "86197001"],
      ["T5", "56401006", "6105006"],
      ["T6", "45296009", "32430008"],
      ["T7", "62487009", "71737002"],
      ["T8", "11068009", "77435000"],
      ["T9", "82687006", "33766003"],
      ["T10", "7610001", "48405002"],
      ["T11", "12989004", "52120002"],
      ["T12", "23215003", "280849005"],
      ["L1", "66794005", "61032001"],
      ["L2", "14293000", "53983007"],
      ["L3", "36470004", "55492004"],
      ["L4", "11994002", "71996003"],
      ["L5", "49668003", "21799000"],
      ["S1", "65985001", null],
      ["S2", "11808007", null],
      ["S3", "49967005", null],
      ["S4", "69950008", null],
      ["S5", "21452006", null],
      ["Coccyx", "64688005", null],
    ];
    let checked = 0;
    for (const [level, whole, body] of REFERENCE) {
      for (const code of [whole, body]) {
        if (code === null) continue;
        const ev = extractEvidence([cond([[SCT, "94222008"]], [code])], P);
        expect(ev.spinalLesions[0]?.levels, `${level} ${code}`).toEqual([level]);
        checked++;
      }
    }
    expect(checked).toBe(52); // 30 whole-vertebra (C1–coccyx) + 22 vertebral-body (C3–L5) concepts
    // spot checks (docs/codes.md): C7 whole 87391001 and body 16126006; T12 body 280849005
    expect(extractEvidence([cond([[SCT, "94222008"]], ["16126006"])], P).spinalLesions[0]?.levels).toEqual(["C7"]);
    expect(extractEvidence([cond([[SCT, "94222008"]], ["280849005"])], P).spinalLesions[0]?.levels).toEqual(["T12"]);
  });

  it("a bone metastasis without a body site is not counted; a region without a level is noted", () => {
    const none = extractEvidence([cond([[SCT, "94222008"]])], P);
    expect(none.unlocatedBoneMets).toHaveLength(1);
    expect(none.spinalLesions).toEqual([]);
    const region = extractEvidence([cond([[SCT, "94222008"]], ["122495006"])], P);
    expect(region.spinalLesions[0]).toMatchObject({ levels: [], regions: ["thoracic"] });
  });

  it("primary sites: bone primary needs the morphology; carcinoid morphology wins", () => {
    const bone = extractEvidence([cond([[CM, "C41.2"]])], P);
    expect(bone.primaries[0]?.candidates).toEqual(["osteosarcoma", "others"]);
    const morph = (code: string) => ({
      extension: [
        {
          url: "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior",
          valueCodeableConcept: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/icd-o-3", code }] },
        },
      ],
    });
    expect(extractEvidence([cond([[CM, "C41.2"]], [], morph("9180/3"))], P).primaries[0]?.candidates).toEqual([
      "osteosarcoma",
    ]);
    expect(extractEvidence([cond([[CM, "C41.2"]], [], morph("9220/3"))], P).primaries[0]?.candidates).toEqual([
      "others",
    ]);
    expect(extractEvidence([cond([[WHO, "C34.1"]], [], morph("8240/3"))], P).primaries[0]?.candidates).toEqual([
      "carcinoid",
    ]);
    expect(extractEvidence([cond([[CM, "C53.9"]])], P).primaries[0]?.candidates).toEqual(["uterus", "others"]);
    expect(extractEvidence([cond([[CM, "C18.7"]])], P).primaries[0]?.candidates).toEqual(["others"]);
    expect(extractEvidence([cond([[CM, "C80.1"]])], P).primaries[0]?.candidates).toEqual(["unidentified"]);
    expect(extractEvidence([cond([[CM, "C7A.00"]])], P).primaries[0]?.candidates).toEqual([
      "carcinoid",
      "unidentified",
    ]);
  });

  it("refuted and entered-in-error are ignored; resolved is not counted", () => {
    const vs = (code: string) => ({ verificationStatus: { coding: [{ code }] } });
    expect(extractEvidence([cond([[CM, "C78.01"]], [], vs("refuted"))], P).visceral).toEqual([]);
    expect(extractEvidence([cond([[CM, "C78.01"]], [], vs("entered-in-error"))], P).visceral).toEqual([]);
    const resolved = extractEvidence(
      [cond([[CM, "C78.01"]], [], { clinicalStatus: { coding: [{ code: "resolved" }] } })],
      P,
    );
    expect(resolved.visceral).toEqual([]);
    expect(resolved.diagnostics.map((d) => d.code)).toContain("not-active");
  });
});

describe("Patient", () => {
  const report = (birthDate: string) =>
    buildReport([{ resourceType: "Patient", id: P, birthDate }], P, { now: new Date("2025-01-01T00:00:00Z") });

  it("age from birthDate at the report date; partial and implausible dates", () => {
    expect(report("1960-01-02").patient.age).toBe(64);
    expect(report("1960-01-01").patient.age).toBe(65);
    const yearOnly = report("2005");
    expect(yearOnly.patient.age).toBeNull(); // 19 or 20
    expect(yearOnly.diagnostics.map((d) => d.code)).toContain("birth-date");
    expect(report("1950").patient.age).toBeNull(); // 74 or 75 …
    expect(() => report("1800-01-01")).not.toThrow();
    expect(report("1800-01-01").patient.age).toBeNull();
    expect(report("2030-01-01").patient.age).toBeNull();
  });
});

describe("search codes and grouping", () => {
  it("lists the searched Observation and Condition codes as system|code", () => {
    expect(SEARCH_CODES.observations).toEqual(
      expect.arrayContaining([
        "http://loinc.org|89243-0",
        "http://loinc.org|89247-1",
        "http://loinc.org|72514-3",
        "http://loinc.org|96761-2",
        "http://snomed.info/sct|273302005",
      ]),
    );
    expect(SEARCH_CODES.conditions).toEqual(
      expect.arrayContaining([
        `${SCT}|94222008`,
        `${SCT}|94602001`,
        `${SCT}|128462008`,
        `${CM}|C79.51`,
        `${CM}|C79.52`,
        `${CM}|C7B.03`,
        `${WHO}|C79.5`,
      ]),
    );
    expect(SEARCH_CODES.conditionPrefixes).toContain(`${CM}|C34`);
  });

  it("groups resources by the Patient their subject names", () => {
    const g = groupByPatient([
      { resourceType: "Patient", id: "a" },
      { resourceType: "Observation", subject: { reference: "Patient/b" } },
      { resourceType: "Condition", subject: { reference: "https://x.example/fhir/Patient/a/_history/2" } },
      { resourceType: "Practitioner", id: "d" },
      null,
    ]);
    expect([...g.keys()]).toEqual(["a", "b"]);
    expect(g.get("a")).toHaveLength(2);
  });
});
