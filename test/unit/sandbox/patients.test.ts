/**
 * The committed synthetic patients: generated deterministically, transaction bundles with fixed ids, mCODE-shaped,
 * and holding the facts docs/SANDBOX.md computes its expected scores from (levels, ages, the study's figure values).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Bundle, Condition, Observation, Patient, QuestionnaireResponse, Resource } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { instrumentFromCanonical } from "../../../src/questionnaires/contract";
import { renderPatients } from "../../../sandbox/generate-patients";
import { levelOfSnomed } from "../../../sandbox/levels";
import { ANCHOR_DATE } from "../../../sandbox/patients-src/builders";
import { DEFAULT_PATIENTS_DIR } from "../../../sandbox/server";
import { ageOn } from "../../../sandbox/summary";

const files = readdirSync(DEFAULT_PATIENTS_DIR)
  .filter((f) => f.endsWith(".json"))
  .sort();
const bundles = new Map<string, Bundle>(
  files.map((f) => [f, JSON.parse(readFileSync(join(DEFAULT_PATIENTS_DIR, f), "utf8")) as Bundle]),
);

function resources<T extends Resource>(b: Bundle, type: T["resourceType"]): T[] {
  return (b.entry ?? []).map((e) => e.resource).filter((r): r is T => r?.resourceType === type);
}

function bundleOf(patientId: string): Bundle {
  for (const b of bundles.values()) if (resources<Patient>(b, "Patient")[0]?.id === patientId) return b;
  throw new Error(`no bundle for ${patientId}`);
}

const SECONDARY = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-secondary-cancer-condition";

function spinalLevels(b: Bundle): string[] {
  const out: string[] = [];
  for (const c of resources<Condition>(b, "Condition").filter((x) => x.meta?.profile?.includes(SECONDARY))) {
    for (const site of c.bodySite ?? []) {
      for (const coding of site.coding ?? []) {
        const l = coding.code ? levelOfSnomed(coding.code) : null;
        if (l) out.push(l.level);
      }
    }
  }
  return out;
}

function answers(b: Bundle, instrument: string, timepoint: string): Record<string, unknown> {
  const qr = resources<QuestionnaireResponse>(b, "QuestionnaireResponse").find(
    (q) =>
      instrumentFromCanonical(q.questionnaire ?? "") === instrument &&
      q.item?.find((i) => i.linkId === "timepoint")?.answer?.[0]?.valueCoding?.code === `timepoint.${timepoint}`,
  );
  const out: Record<string, unknown> = {};
  for (const item of qr?.item ?? []) {
    const a = item.answer?.[0];
    out[item.linkId] = a?.valueInteger ?? a?.valueCoding?.code ?? a?.valueDate;
  }
  return out;
}

describe("generation", () => {
  it("the committed files are exactly the generator's output (deterministic)", () => {
    const rendered = renderPatients();
    expect(rendered.map(([f]) => f)).toEqual(files);
    for (const [file, text] of rendered) {
      expect(readFileSync(join(DEFAULT_PATIENTS_DIR, file), "utf8"), file).toBe(text);
    }
  });
});

describe("shape", () => {
  it("at least 10 patients, one per transaction bundle, dated relative to the anchor", () => {
    expect(bundles.size).toBeGreaterThanOrEqual(10);
    for (const [file, b] of bundles) {
      expect(b.type, file).toBe("transaction");
      expect(b.timestamp, file).toBe(`${ANCHOR_DATE}T00:00:00Z`);
      expect(resources<Patient>(b, "Patient"), file).toHaveLength(1);
    }
  });

  it("every entry is a PUT to its own fixed id, and ids are unique across all bundles", () => {
    const seen = new Set<string>();
    for (const [file, b] of bundles) {
      for (const e of b.entry ?? []) {
        const key = `${e.resource?.resourceType ?? "?"}/${e.resource?.id ?? "?"}`;
        expect(e.request, file).toEqual({ method: "PUT", url: key });
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });

  it("every reference points into the same bundle or to the sandbox practitioner", () => {
    for (const [file, b] of bundles) {
      const ids = new Set((b.entry ?? []).map((e) => `${e.resource?.resourceType ?? ""}/${e.resource?.id ?? ""}`));
      const refs = JSON.stringify(b).match(/"reference":"[^"]+"/g) ?? [];
      for (const r of refs) {
        const target = r.slice('"reference":"'.length, -1);
        expect(ids.has(target) || target === "Practitioner/sandbox-surgeon", `${file}: ${target}`).toBe(true);
      }
    }
  });

  it("performance statuses are mCODE-shaped: LOINC code, valueInteger and an answer-list interpretation", () => {
    for (const b of bundles.values()) {
      for (const o of resources<Observation>(b, "Observation")) {
        const code = o.code.coding?.[0]?.code;
        if (code !== "89247-1" && code !== "89243-0") continue;
        expect(o.code.coding?.[0]?.system).toBe("http://loinc.org");
        expect(typeof o.valueInteger).toBe("number");
        expect(o.interpretation?.[0]?.coding?.[0]?.code).toMatch(/^LA\d+-\d$/);
        expect(o.meta?.profile?.[0]).toContain(
          code === "89247-1" ? "mcode-ecog-performance-status" : "mcode-karnofsky-performance-status",
        );
      }
    }
  });

  it("QuestionnaireResponses name one of the app's Questionnaires and carry a timepoint", () => {
    let count = 0;
    for (const b of bundles.values()) {
      for (const q of resources<QuestionnaireResponse>(b, "QuestionnaireResponse")) {
        count += 1;
        expect(instrumentFromCanonical(q.questionnaire ?? ""), q.id).not.toBeNull();
        expect(q.item?.[0]?.linkId).toBe("timepoint");
        expect(q.item?.[1]?.linkId).toBe("timepoint-date");
      }
    }
    expect(count).toBeGreaterThanOrEqual(30);
  });
});

describe("the facts the expected scores rest on", () => {
  // Spinal levels on file per patient, written by hand from docs/SANDBOX.md.
  const LEVELS: Record<string, string[]> = {
    "fig2-cervical-c3": ["C3"],
    "fig3-thoracic-t6": ["T6"],
    "fig4-tlls-l1": ["L1"],
    "breast-t11-t12-complete": ["T11", "T12"],
    "prostate-t8-partial": ["T8"],
    "renal-c7-t1-ecog-conflict": ["C7", "T1"],
    "hcc-t9-t12-four-levels": ["T9", "T10", "T11", "T12"],
    "breast-t4-l2-noncontiguous": ["T4", "L2"],
    "thyroid-l4-age-19": ["L4"],
    "jp-gastric-l2-icd10": ["L2"],
    "breast-t10-long-history": ["T10"],
    "rectal-level-unknown": [],
  };

  it.each(Object.entries(LEVELS))("%s has the spinal levels %j", (id, levels) => {
    expect(spinalLevels(bundleOf(id))).toEqual(levels);
  });

  it("ages at the anchor date: 19 for the out-of-study young patient, ≥ 20 for everyone else", () => {
    const anchor = new Date(`${ANCHOR_DATE}T12:00:00Z`);
    for (const b of bundles.values()) {
      const p = resources<Patient>(b, "Patient")[0];
      const age = ageOn(p?.birthDate, anchor);
      if (p?.id === "thyroid-l4-age-19") expect(age).toBe(19);
      else expect(age, p?.id).toBeGreaterThanOrEqual(20);
    }
    expect(ageOn(resources<Patient>(bundleOf("fig2-cervical-c3"), "Patient")[0]?.birthDate, anchor)).toBe(66); // "in his 60s"
    expect(ageOn(resources<Patient>(bundleOf("fig3-thoracic-t6"), "Patient")[0]?.birthDate, anchor)).toBe(74); // "in his 70s"
    expect(ageOn(resources<Patient>(bundleOf("fig4-tlls-l1"), "Patient")[0]?.birthDate, anchor)).toBe(76); // "in his 70s"
  });

  // The study's Figures 2–4 as printed (PS = ECOG; pain VAS and EQ VAS in mm; Barthel total).
  // [patient, timepoint, ECOG answer, Barthel total, pain VAS, EQ VAS, Frankel answer]
  const FIGURES: [string, string, string, number, number, number, string][] = [
    ["fig2-cervical-c3", "preop", "LA9624-3", 30, 40, 50, "frankel.C"],
    ["fig2-cervical-c3", "1mo", "LA9623-5", 90, 10, 80, "frankel.D"],
    ["fig3-thoracic-t6", "preop", "LA9626-8", 40, 81, 65, "frankel.C"],
    ["fig3-thoracic-t6", "1mo", "LA9625-0", 65, 54, 60, "frankel.C"],
    ["fig4-tlls-l1", "preop", "LA9625-0", 60, 50, 30, "frankel.D"],
    ["fig4-tlls-l1", "1mo", "LA9624-3", 95, 14, 70, "frankel.D"],
  ];

  it.each(FIGURES)("%s at %s carries the paper's values", (id, timepoint, ecog, barthel, painVas, eqVas, frankel) => {
    const b = bundleOf(id);
    const got = {
      ecog: answers(b, "ecog", timepoint).ecog,
      "barthel-total": answers(b, "barthel", timepoint)["barthel-total"],
      "pain-vas": answers(b, "pain-vas", timepoint)["pain-vas"],
      "eq-vas": answers(b, "eq5d5l", timepoint)["eq-vas"],
      frankel: answers(b, "frankel", timepoint).frankel,
    };
    expect(got).toEqual({ ecog, "barthel-total": barthel, "pain-vas": painVas, "eq-vas": eqVas, frankel });
    // No EQ-5D-5L profile is invented: the paper gives only the index.
    expect(Object.keys(answers(b, "eq5d5l", timepoint)).filter((k) => /^eq5d-(mo|sc|ua|pd|ad)$/.test(k))).toEqual([]);
  });

  it("the ECOG conflict: two different final values on the same day", () => {
    const ecog = resources<Observation>(bundleOf("renal-c7-t1-ecog-conflict"), "Observation").filter(
      (o) => o.code.coding?.[0]?.code === "89247-1",
    );
    expect(ecog).toHaveLength(2);
    expect(new Set(ecog.map((o) => o.effectiveDateTime?.slice(0, 10))).size).toBe(1);
    expect(ecog.map((o) => o.valueInteger).sort()).toEqual([1, 2]);
    expect(ecog.every((o) => o.status === "final")).toBe(true);
  });

  it("the long history: ≥ 2 000 Observations; the latest valid KPS is 60, beside an entered-in-error 90", () => {
    const obs = resources<Observation>(bundleOf("breast-t10-long-history"), "Observation");
    expect(obs.length).toBeGreaterThanOrEqual(2000);
    const kps = obs.filter((o) => o.code.coding?.[0]?.code === "89243-0");
    const latestDate = kps
      .map((o) => o.effectiveDateTime ?? "")
      .sort()
      .at(-1);
    const latest = kps.filter((o) => o.effectiveDateTime === latestDate);
    expect(latest.map((o) => [o.status, o.valueInteger]).sort()).toEqual([
      ["entered-in-error", 90],
      ["final", 60],
    ]);
  });

  it("the Japanese record is coded in WHO ICD-10 only, with Japanese names", () => {
    const conditions = resources<Condition>(bundleOf("jp-gastric-l2-icd10"), "Condition");
    const codes = conditions.flatMap((c) => c.code?.coding ?? []);
    expect(new Set(codes.map((c) => c.system))).toEqual(new Set(["http://hl7.org/fhir/sid/icd-10"]));
    expect(codes.map((c) => c.code).sort()).toEqual(["C16.9", "C78.7", "C79.5"]);
    expect(codes.every((c) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(c.display ?? ""))).toBe(true);
  });
});
