/**
 * Issue 12 item 5: a primary in remission is still the primary; a neoplasm code no table knows is "primary on
 * file, category not derived" with its code shown and the range kept; C65 (renal pelvis) is not silently kidney.
 * Points (revised Tokuhashi 2005, NICE CG75): breast 5, kidney 3, others 2, bladder 0; the whole range 0–5.
 */
import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/extract";
import { clinical, condition, ICD, LEVEL, P, patient, SCT, spinalMet } from "./issue12-helpers";
import { en } from "../words";

const NOW = new Date("2025-06-30T00:00:00Z");
const primary = (...resources: unknown[]) =>
  buildReport([patient(), spinalMet("t5", [LEVEL.T5]), ...resources], P, { now: NOW }).tokuhashi.items.primarySite;
const MCODE_PRIMARY = {
  meta: { profile: ["http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition"] },
};

describe("primary site (issue 12 item 5)", () => {
  it("a breast cancer in remission since 2019 is the primary: breast, 5 points", () => {
    const item = primary(
      condition("breast", [[SCT, "254837009"]], {
        ...clinical("remission"),
        onsetDateTime: "2016-04-01",
        recordedDate: "2019-02-01",
      }),
    );
    expect(item.candidates).toEqual(["breast"]);
    expect(item.points).toBe(5);
    expect(item.source).toBe("record");
    expect(en(item.context)).toBe(
      "Primary cancer on file: Malignant neoplasm of breast (Condition/breast: breast). Clinical status remission (Condition/breast): a primary in remission, resolved or inactive is still the primary.",
    );
  });

  it("resolved and inactive primaries too", () => {
    expect(primary(condition("p", [[ICD, "C61"]], clinical("resolved"))).candidates).toEqual(["prostate"]);
    expect(primary(condition("p", [[ICD, "C73"]], clinical("inactive"))).candidates).toEqual(["thyroid"]);
  });

  it("a finer SNOMED CT concept on an mCODE primary cancer: on file, category not derived, code shown, range 0–5", () => {
    // 408643008 Infiltrating duct carcinoma of breast: not in primary-sites.json.
    const item = primary(
      condition("idc", [[SCT, "408643008"]], {
        ...MCODE_PRIMARY,
        code: { coding: [{ system: SCT, code: "408643008", display: "Infiltrating duct carcinoma of breast" }] },
      }),
    );
    expect(item.candidates).toEqual(expect.arrayContaining(["lung", "breast"]));
    expect([item.points, item.min, item.max]).toEqual([null, 0, 5]);
    expect(en(item.context)).toBe(
      "Primary cancer on file: Infiltrating duct carcinoma of breast (http://snomed.info/sct|408643008, Condition/idc: primary on file, category not derived). Pick the primary-site category.",
    );
    expect(item.provenance[0]?.code).toBe("http://snomed.info/sct|408643008");
  });

  it("an unmapped code with a malignant ICD-O-3 morphology (behaviour /3) is a primary too; without either, not", () => {
    const morph = {
      extension: [
        {
          url: "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior",
          valueCodeableConcept: {
            coding: [{ system: "http://terminology.hl7.org/CodeSystem/icd-o-3", code: "8500/3" }],
          },
        },
      ],
    };
    expect(en(primary(condition("m", [[SCT, "408643008"]], morph)).context)).toContain("category not derived");
    expect(en(primary(condition("n", [[SCT, "408643008"]])).context)).toBe("No primary cancer on file.");
  });

  it("C65 renal pelvis: kidney (3), bladder (0) or others (2) → 0–3, and the clinician is asked", () => {
    const item = primary(condition("rp", [[ICD, "C65.9"]]));
    expect(item.candidates).toEqual(["bladder", "others", "kidney"]);
    expect([item.points, item.min, item.max]).toEqual([null, 0, 3]);
    expect(en(item.context)).toBe(
      "Primary cancer on file: Renal pelvis (Condition/rp: kidney or bladder or others). Renal pelvis: mostly urothelial carcinoma, not renal cell carcinoma; ask. Pick the primary-site category.",
    );
  });

  it("C64 kidney stays kidney: 3 points (the control)", () => {
    const item = primary(condition("k", [[ICD, "C64.1"]]));
    expect(item.candidates).toEqual(["kidney"]);
    expect(item.points).toBe(3);
  });
});
