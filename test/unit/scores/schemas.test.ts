import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod/mini";
import {
  ApplicabilityInputSchema,
  BarthelInputSchema,
  EcogSchema,
  Eq5dProfileSchema,
  EqVasSchema,
  FrankelSchema,
  KpsSchema,
  PainVasSchema,
  ScoreInputError,
  SinsInputSchema,
  SpinalLevelSchema,
  TokuhashiInputSchema,
  applicability,
  barthelIndex,
  isEq5dProfile,
  sins,
  tokuhashi,
  validateEcog,
  validateEqVas,
  validateFrankel,
  validateKps,
  validatePainVas,
} from "../../../src/scores";

/** The core accepts x (returns) or refuses it with a ScoreInputError; anything else thrown is a bug. */
function accepts(f: (x: never) => unknown, x: unknown): boolean {
  try {
    f(x as never);
    return true;
  } catch (e) {
    expect(e).toBeInstanceOf(ScoreInputError);
    return false;
  }
}

const junk = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.integer({ min: -5, max: 120 }), fc.double(), fc.boolean(), fc.string({ maxLength: 4 }),
  fc.constantFrom("T5", "Coccyx", "lytic", "none", "A", "F", "3+", "0", "lung", "colon", "mechanical", "good", "fair", "12345"),
  fc.constantFrom(0, 5, 7, 10, 15, 20, 35, 40, 50, 100),
);
const value = fc.oneof(junk, fc.array(junk, { maxLength: 3 }));
const recordOf = (keys: readonly string[]) =>
  fc.oneof(
    fc.dictionary(fc.constantFrom(...keys, "other"), value, { maxKeys: keys.length }),
    junk,
  );

describe("the zod/mini schemas accept exactly what the core accepts", () => {
  const cases: [string, z.ZodMiniType, (x: never) => unknown, fc.Arbitrary<unknown>][] = [
    ["SINS", SinsInputSchema, sins, recordOf(["location", "pain", "boneLesion", "alignment", "collapse", "posterolateral"])],
    ["Tokuhashi", TokuhashiInputSchema, tokuhashi, recordOf(["generalCondition", "extraspinalBoneMets", "vertebralBodyMets", "visceralMets", "primarySite", "palsy"])],
    ["Barthel", BarthelInputSchema, barthelIndex, recordOf(["feeding", "bathing", "grooming", "dressing", "bowels", "bladder", "toiletUse", "transfers", "mobility", "stairs"])],
    ["applicability", ApplicabilityInputSchema, applicability, fc.record({ levels: fc.oneof(fc.array(fc.constantFrom("T5", "T6", "Coccyx", "X")), junk), age: junk, enBlocPlanned: fc.oneof(junk, fc.boolean()) })],
    ["ECOG", EcogSchema, validateEcog, junk],
    ["pain VAS", PainVasSchema, validatePainVas, junk],
    ["EQ VAS", EqVasSchema, validateEqVas, junk],
    // Junk alone hits a valid grade in only ~1 % of runs: add the grades so both outcomes occur in every run.
    ["Frankel", FrankelSchema, validateFrankel, fc.oneof(junk, fc.constantFrom("A", "B", "C", "D", "E", "a", "F"))],
    ["KPS", KpsSchema, validateKps, junk],
    ["EQ-5D profile", Eq5dProfileSchema, (x: never) => { if (!isEq5dProfile(x)) throw new ScoreInputError("profile", "bad"); }, fc.oneof(junk, fc.stringMatching(/^[0-6]{4,6}$/))],
  ];

  it.each(cases)("%s", (_name, schema, core, arb) => {
    const seen = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(arb, (x) => {
        const ok = accepts(core, x);
        expect(z.safeParse(schema, x).success).toBe(ok);
        seen[ok ? "accepted" : "refused"]++;
      }),
      { numRuns: 400 },
    );
    // The comparison is not vacuous: both outcomes occurred.
    expect(seen.accepted).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });

  it("knows every spinal level", () => {
    expect(z.safeParse(SpinalLevelSchema, "Coccyx").success).toBe(true);
    expect(z.safeParse(SpinalLevelSchema, "T13").success).toBe(false);
  });

  it("refuses the coccyx as a SINS location, like sins()", () => {
    expect(z.safeParse(SinsInputSchema, { location: "Coccyx" }).success).toBe(false);
    expect(z.safeParse(SinsInputSchema, { location: ["T5", "T6"], pain: null }).success).toBe(true);
  });
});
