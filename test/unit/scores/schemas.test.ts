import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod/mini";
import {
  ScoreInputError,
  SinsInputSchema,
  SpinalLevelSchema,
  applicability,
  barthelIndex,
  eq5d5lIndex,
  sins,
  tokuhashi,
  validateKps,
} from "../../../src/scores";
import {
  ApplicabilityInputSchema,
  BooleanSchema,
  CountSchema,
  EcogSchema,
  Eq5dProfileSchema,
  EqVasSchema,
  fastPathOf,
  FrankelSchema,
  KNOWN_APPLICABILITY_INPUT,
  KNOWN_LEVELS,
  KNOWN_SINS_INPUT,
  KNOWN_TOKUHASHI_INPUT,
  KpsSchema,
  SinsTotalSchema,
  SpinalLevelsSchema,
  TokuhashiInputSchema,
  TokuhashiTotalSchema,
} from "../../../src/scores/schemas";

/** What the core did with x: returned, or refused it naming a field; anything else thrown is a bug. */
function outcome(f: (x: never) => unknown, x: unknown): { field: string; message: string } | "accepted" {
  try {
    f(x as never);
    return "accepted";
  } catch (e) {
    expect(e).toBeInstanceOf(ScoreInputError);
    const error = e as ScoreInputError;
    return { field: error.field, message: error.message };
  }
}

/** Whatever the fast path accepts the schema accepts too; both paths are taken at least once. */
function fastPathAgrees(
  fast: (x: unknown) => boolean,
  schema: z.ZodMiniType,
  arb: fc.Arbitrary<unknown>,
  numRuns: number,
): void {
  const seen = { fast: 0, slow: 0 };
  fc.assert(
    fc.property(arb, (x) => {
      if (fast(x)) {
        seen.fast++;
        expect(z.safeParse(schema, x).success).toBe(true);
      } else seen.slow++;
    }),
    { numRuns },
  );
  expect(seen.fast).toBeGreaterThan(0);
  expect(seen.slow).toBeGreaterThan(0);
}

const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -5, max: 120 }),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 4 }),
  fc.constantFrom(
    "T5",
    "Coccyx",
    "lytic",
    "none",
    "A",
    "F",
    "3+",
    "0",
    "lung",
    "colon",
    "mechanical",
    "good",
    "fair",
    "12345",
  ),
  fc.constantFrom(0, 5, 7, 10, 15, 20, 35, 40, 50, 100),
);
/** The items of each calculator's input (Fisher 2010; Tokuhashi 2005), as the inputs name them. */
const SINS_ITEMS = ["location", "pain", "boneLesion", "alignment", "collapse", "posterolateral"];
const TOKUHASHI_ITEMS = [
  "generalCondition",
  "extraspinalBoneMets",
  "vertebralBodyMets",
  "visceralMets",
  "primarySite",
  "palsy",
];
const value = fc.oneof(junk, fc.array(junk, { maxLength: 3 }));
const recordOf = (keys: readonly string[]) =>
  fc.oneof(
    fc.dictionary(fc.constantFrom(...keys, "other"), value, { maxKeys: keys.length }),
    junk,
    fc.array(junk, { maxLength: 2 }),
  );

describe("every refusal at a calculator's entry is a ScoreInputError naming the field", () => {
  const cases: [string, (x: never) => unknown, fc.Arbitrary<unknown>, string][] = [
    ["SINS", sins, recordOf(SINS_ITEMS), "sins input"],
    ["Tokuhashi", tokuhashi, recordOf(TOKUHASHI_ITEMS), "tokuhashi input"],
    [
      "Barthel",
      barthelIndex,
      recordOf([
        "feeding",
        "bathing",
        "grooming",
        "dressing",
        "bowels",
        "bladder",
        "toiletUse",
        "transfers",
        "mobility",
        "stairs",
      ]),
      "barthel input",
    ],
    [
      "applicability",
      applicability,
      fc.record({
        levels: fc.oneof(fc.array(fc.constantFrom("T5", "T6", "Coccyx", "X")), junk),
        age: junk,
        enBlocPlanned: fc.oneof(junk, fc.boolean()),
      }),
      "applicability input",
    ],
  ];

  it.each(cases)("%s: a key of the input that is wrong, or the input itself", (_name, core, arb, whole) => {
    const seen = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(arb, (x) => {
        const r = outcome(core, x);
        if (r === "accepted") {
          seen.accepted++;
          return;
        }
        seen.refused++;
        const isRecord = typeof x === "object" && x !== null && !Array.isArray(x);
        if (!isRecord) expect(r.field).toBe(whole);
        else expect(Object.keys(x)).toContain(r.field);
        // The message names what was refused and starts with the field.
        expect(r.message.startsWith(`${r.field}: `)).toBe(true);
        expect(r.message.length).toBeLessThan(300);
      }),
      { numRuns: 400 },
    );
    expect(seen.accepted).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });

  it("says why a KPS between the tens is refused", () => {
    expect(() => validateKps(35)).toThrow("kps: 35 is not a Karnofsky score (multiples of 10 only)");
    expect(() => validateKps(0)).toThrow("kps: expected an integer from 10 to 100, got 0");
  });

  it("names a misspelt field rather than the fields it hides", () => {
    expect(outcome(sins as (x: never) => unknown, { pain: "sometimes", locaton: "T5" })).toMatchObject({
      field: "locaton",
    });
    expect(() => eq5d5lIndex("60000", "Japan_cTTO_fullPrecision")).toThrow(/^profile: expected five digits/);
  });
});

describe("the exported schemas are the calculators' own", () => {
  it("knows every spinal level", () => {
    expect(z.safeParse(SpinalLevelSchema, "Coccyx").success).toBe(true);
    expect(z.safeParse(SpinalLevelSchema, "T13").success).toBe(false);
  });

  it("refuses the coccyx as a SINS location, with the reason sins() gives", () => {
    const r = z.safeParse(SinsInputSchema, { location: "Coccyx" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/coccyx.*occiput to S5/i);
    expect(z.safeParse(SinsInputSchema, { location: ["T5", "T6"], pain: null }).success).toBe(true);
  });
});

describe("the fast paths accept nothing their schema refuses", () => {
  // Mostly well-formed lists (what the extraction passes), with junk mixed in.
  const known = fc.constantFrom(
    "T5",
    "T6",
    "Coccyx",
    "S5",
    "Occiput",
    "mechanical",
    "none",
    "lytic",
    "normal",
    "gt50",
    "bilateral",
    "good",
    "0",
    "1-2",
    "3+",
    "1",
    "2",
    "unremovable",
    "lung",
    "colon",
    "A",
    "E",
    "F",
  );
  const item = fc.oneof(fc.constant(undefined), fc.constant(null), known, fc.array(known, { maxLength: 3 }), value);
  const inputOf = (keys: string[]) =>
    fc.oneof(fc.dictionary(fc.constantFrom(...keys, "other"), item, { maxKeys: keys.length }), junk);

  it.each([
    ["SINS", KNOWN_SINS_INPUT, SinsInputSchema, inputOf(SINS_ITEMS)],
    ["Tokuhashi", KNOWN_TOKUHASHI_INPUT, TokuhashiInputSchema, inputOf(TOKUHASHI_ITEMS)],
    [
      "levels",
      KNOWN_LEVELS,
      SpinalLevelsSchema,
      fc.oneof(
        fc.array(known, { maxLength: 4 }),
        fc.array(fc.constantFrom("T5", "L1", "Coccyx"), { maxLength: 4 }),
        junk,
      ),
    ],
  ] as const)("%s", (_name, fast, schema, arb) => {
    fastPathAgrees(fast, schema, arb, 1000);
  });

  // The scalars and the applicability input (parseInput tries these before the schema).
  const numbers = fc.oneof(
    fc.integer({ min: -3, max: 120 }),
    fc.constantFrom(
      -0,
      0.5,
      10.0,
      14.999,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.MAX_SAFE_INTEGER,
      Number.MAX_SAFE_INTEGER + 1,
    ),
    fc.double(),
  );
  const scalar = fc.oneof(
    numbers,
    known,
    fc.constantFrom("12345", "11111", "55555", "123456", "01234", "1234", "1234٥", "A", "B", true, false),
    junk,
  );
  const applicabilityInput = fc.oneof(
    fc.record(
      {
        levels: fc.oneof(
          fc.array(known, { maxLength: 3 }),
          fc.array(fc.constantFrom("T5", "L1", "Coccyx"), { maxLength: 3 }),
          junk,
        ),
        age: fc.oneof(fc.constant(undefined), fc.constant(null), numbers, junk),
        enBlocPlanned: fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), junk),
        other: junk,
      },
      { requiredKeys: [] },
    ),
    junk,
  );
  it.each([
    ["boolean", BooleanSchema, scalar],
    ["spinal level", SpinalLevelSchema, scalar],
    ["SINS total", SinsTotalSchema, scalar],
    ["Tokuhashi total", TokuhashiTotalSchema, scalar],
    ["count", CountSchema, scalar],
    ["EQ VAS", EqVasSchema, scalar],
    ["ECOG", EcogSchema, scalar],
    ["KPS", KpsSchema, scalar],
    ["Frankel", FrankelSchema, scalar],
    ["EQ-5D-5L profile", Eq5dProfileSchema, scalar],
    ["applicability input", ApplicabilityInputSchema, applicabilityInput],
  ] as const)("%s (parseInput's own fast path)", (_name, schema, arb) => {
    const fast = fastPathOf(schema);
    expect(fast).toBeDefined();
    fastPathAgrees((x) => fast?.(x) === true, schema, arb, 2000);
  });

  it("takes the applicability input the extraction builds", () => {
    expect(KNOWN_APPLICABILITY_INPUT({ levels: ["T5", "T6"], age: 64, enBlocPlanned: null })).toBe(true);
    expect(KNOWN_APPLICABILITY_INPUT({ levels: [], age: null, enBlocPlanned: false })).toBe(true);
    expect(KNOWN_APPLICABILITY_INPUT({ levels: ["T5"], age: 151 })).toBe(false);
    expect(KNOWN_APPLICABILITY_INPUT({ levels: ["T5"], agee: 60 })).toBe(false);
  });

  it("takes the extraction's input (lists of known values) and leaves a class instance or an odd key to the schema", () => {
    expect(
      KNOWN_SINS_INPUT({
        location: ["T5"],
        pain: [],
        boneLesion: ["lytic", "mixed"],
        alignment: [],
        collapse: [],
        posterolateral: [],
      }),
    ).toBe(true);
    expect(KNOWN_SINS_INPUT(Object.assign(Object.create({ pain: "none" }) as object, { location: ["T5"] }))).toBe(
      false,
    );
    expect(KNOWN_SINS_INPUT(JSON.parse('{"__proto__": ["T5"]}'))).toBe(false);
    expect(KNOWN_TOKUHASHI_INPUT({ palsy: ["A", "F"] })).toBe(false);
  });
});
