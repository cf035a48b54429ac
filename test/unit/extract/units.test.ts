/**
 * Issue 12 item 3: valueQuantity is read with its UCUM unit. The scale's own unit is read as is, a known unit is
 * converted (pain VAS cm × 10 → mm), a quantity without a unit is read in the scale, any other unit is refused with
 * a diagnostic and never read as the scale's unit. Pain VAS and EQ VAS have no standard code: a hospital's local
 * codes are mocked, as docs/LOCAL-CODES.md adds them.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { extractEvidence } from "../../../src/extract";
import { toScaleUnit } from "../../../src/extract/observations";
import { LOCAL, LOINC, obs, P, patient, SCT, UCUM } from "./issue12-helpers";
import { en } from "../words";

vi.mock("../../../src/extract/mappings", async (importOriginal) => {
  const orig = await importOriginal<typeof import("../../../src/extract/mappings")>();
  const local: Record<string, "painVas" | "eqVas"> = { "PAIN-VAS": "painVas", "EQ-VAS": "eqVas" };
  return {
    ...orig,
    observationConcept: (system: string, code: string) =>
      system === LOCAL ? (local[code] ?? null) : orig.observationConcept(system, code),
  };
});

const DAY = "2025-06-20";
const painVas = (id: string, quantity: Record<string, unknown>) =>
  obs(id, LOCAL, "PAIN-VAS", DAY, { valueQuantity: quantity });
const read = (...resources: unknown[]) => extractEvidence([patient(), ...resources], P);

describe("units (issue 12 item 3)", () => {
  it("pain VAS 7 cm is 70 mm, with the conversion on its provenance", () => {
    const ev = read(painVas("v", { value: 7, unit: "cm", system: UCUM, code: "cm" }));
    expect(ev.measurements.map((m) => [m.concept, m.value])).toEqual([["painVas", 70]]);
    expect(en(ev.measurements[0]?.provenance.note)).toBe("7 cm read as 70 mm");
    expect(ev.diagnostics.filter((d) => d.code !== "patient-not-found")).toEqual([]);
  });

  it("pain VAS 7.3 cm is 73 mm (no floating-point residue); 35 mm stays 35; no unit is read in mm", () => {
    expect(read(painVas("a", { value: 7.3, system: UCUM, code: "cm" })).measurements[0]?.value).toBe(73);
    const mm = read(painVas("b", { value: 35, unit: "mm", system: UCUM, code: "mm" })).measurements[0];
    expect(mm?.value).toBe(35);
    expect(en(mm?.provenance.note)).toBeUndefined();
    expect(read(painVas("c", { value: 35 })).measurements[0]?.value).toBe(35);
  });

  it("an unknown unit is refused with a diagnostic, never read as mm", () => {
    const ev = read(painVas("x", { value: 3, unit: "in", system: UCUM, code: "[in_i]" }));
    expect(ev.measurements).toEqual([]);
    const d = ev.diagnostics.find((x) => x.code === "unsupported-unit");
    expect(en(d?.message)).toBe(
      "Observation/x (Pain VAS) has the unit '[in_i]', which the app does not read for this measure (mm, cm or none): skipped",
    );
    expect(d?.resource).toBe("Observation/x");
    // The unit text decides when no UCUM code is given.
    const text = read(painVas("y", { value: 3, unit: "in" })).diagnostics.find((x) => x.code === "unsupported-unit");
    expect(en(text?.message)).toBe(
      "Observation/y (Pain VAS) has the unit 'in', which the app does not read for this measure (mm, cm or none): skipped",
    );
  });

  it("a VAS given as a unitless score is refused ('{score}' does not say mm or cm)", () => {
    const ev = read(painVas("s", { value: 7, system: UCUM, code: "{score}" }));
    expect(ev.measurements).toEqual([]);
    expect(ev.diagnostics.map((d) => d.code)).toContain("unsupported-unit");
  });

  it("KPS in % or {score} as is; KPS with UCUM '1' (a ratio) refused", () => {
    const kpsQ = (id: string, q: Record<string, unknown>) => obs(id, LOINC, "89243-0", DAY, { valueQuantity: q });
    expect(read(kpsQ("p", { value: 70, unit: "%", system: UCUM, code: "%" })).measurements[0]?.value).toBe(70);
    expect(read(kpsQ("s", { value: 70, system: UCUM, code: "{score}" })).measurements[0]?.value).toBe(70);
    const ratio = read(kpsQ("r", { value: 0.7, system: UCUM, code: "1" }));
    expect(ratio.measurements).toEqual([]);
    expect(en(ratio.diagnostics.find((d) => d.code === "unsupported-unit")?.message)).toBe(
      "Observation/r (KPS) has the unit '1', which the app does not read for this measure (%, {score} or none): skipped",
    );
  });

  it("ECOG and Barthel as scores; a 0–20 Barthel by its unit still refused as another scale", () => {
    expect(
      read(obs("e", LOINC, "89247-1", DAY, { valueQuantity: { value: 2, system: UCUM, code: "{score}" } }))
        .measurements[0]?.value,
    ).toBe(2);
    expect(
      read(obs("b", SCT, "273302005", DAY, { valueQuantity: { value: 85, system: UCUM, code: "{score}" } }))
        .measurements[0]?.value,
    ).toBe(85);
    const b20 = read(obs("b20", SCT, "273302005", DAY, { valueQuantity: { value: 15, unit: "/20" } }));
    expect(b20.measurements).toEqual([]);
    expect(b20.diagnostics.map((d) => d.code)).toContain("other-scale");
    const kg = read(obs("bkg", SCT, "273302005", DAY, { valueQuantity: { value: 85, system: UCUM, code: "kg" } }));
    expect(kg.measurements).toEqual([]);
    expect(kg.diagnostics.map((d) => d.code)).toContain("unsupported-unit");
  });

  it("property: a conversion never changes a value that already carries the scale's unit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (v) => {
        expect(toScaleUnit("painVas", v, "mm")).toEqual({ value: v, factor: 1 });
        expect(toScaleUnit("kps", v, "%")).toEqual({ value: v, factor: 1 });
        expect(toScaleUnit("barthel", v, "{score}")).toEqual({ value: v, factor: 1 });
        // Converting and reading the result in the scale's unit again changes nothing (idempotent).
        const once = toScaleUnit("painVas", v / 10, "cm");
        expect(once).not.toBeNull();
        expect(toScaleUnit("painVas", once?.value ?? NaN, "mm")?.value).toBe(once?.value);
        expect(once?.value).toBe(v);
      }),
      { numRuns: 300 },
    );
  });

  it("property: through the reader, an Observation in mm reads its own value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (v) => {
        expect(read(painVas("m", { value: v, system: UCUM, code: "mm" })).measurements[0]?.value).toBe(v);
      }),
      { numRuns: 100 },
    );
  });
});
