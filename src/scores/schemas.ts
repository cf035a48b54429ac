/**
 * The zod/mini schemas of the core's inputs: the one definition of what each calculator accepts, built from the
 * domains of ./domains.ts. Every public entry of src/scores parses its arguments with one of these (`parseInput`),
 * once, and refuses anything else with a ScoreInputError naming the field, in the words given here. Nothing is
 * coerced ("5" is not 5, "Lytic" is not "lytic"). A face may check with the same schemas before calling.
 *
 * Speed: the extraction calls the calculators once per report, with the plainest input there is (lists of known
 * values). There zod's generic machinery cost a quarter of the time of a whole report (bench/extract.ts, with and
 * without it), so such input passes a fast path (`KNOWN_*`): a plain check that accepts a subset of what the schema
 * accepts, built from the same domains; test/unit/scores/schemas.test.ts checks that nothing passes it that the
 * schema refuses. Everything else goes through the schema, which accepts it or says why not.
 */
import { z } from "zod/mini";
import {
  BARTHEL_POINTS,
  ECOG_GRADES,
  EXTRASPINAL_BONE_METS,
  FRANKEL_GRADES,
  GENERAL_CONDITIONS,
  KPS_SCORES,
  PRIMARY_SITES,
  SINS_ALIGNMENT,
  SINS_BONE_LESION,
  SINS_COLLAPSE,
  SINS_DOMAINS,
  SINS_ITEMS,
  SINS_LEVELS,
  SINS_MAX,
  SINS_PAIN,
  SINS_POSTEROLATERAL,
  SPINAL_LEVELS,
  TOKUHASHI_DOMAINS,
  TOKUHASHI_ITEMS,
  TOKUHASHI_MAX,
  VERTEBRAL_BODY_METS,
  VISCERAL_METS,
  keysOf,
} from "./domains";
import { ScoreInputError } from "./types";

/** A short, bounded rendering of a refused value for the error message (never more than 40 characters). */
export function describeValue(x: unknown): string {
  let s: string;
  if (typeof x === "string") s = JSON.stringify(x);
  else if (typeof x === "number" || typeof x === "boolean" || typeof x === "bigint") s = String(x);
  else if (x === null) s = "null";
  else if (x === undefined) s = "undefined";
  else if (Array.isArray(x)) s = "a list";
  else if (typeof x === "object") s = "an object";
  else s = `a ${typeof x}`;
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/**
 * Parses `input` with `schema`; a refusal throws ScoreInputError naming the field (the key of the input the first
 * issue is about, a misspelt key itself, or `name` for the input as a whole) with the schema's words.
 */
export function parseInput<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  name: string,
  known?: (input: unknown) => boolean,
): z.output<S> {
  if (known?.(input)) return input as z.output<S>;
  if (FAST_PATHS.get(schema)?.(input)) return input as z.output<S>;
  const r = z.safeParse(schema, input);
  if (r.success) return r.data;
  // A misspelt key first: the fields' own problems may come from the misspelling.
  const issue = r.error.issues.find((i) => i.code === "unrecognized_keys") ?? r.error.issues[0];
  const key = issue?.code === "unrecognized_keys" ? issue.keys[0] : issue?.path[0];
  throw new ScoreInputError(typeof key === "string" ? key : name, issue?.message ?? "invalid");
}

/** Schema params whose error message says what was refused. */
function says(problem: (input: unknown) => string): { error: (issue: { input?: unknown }) => string } {
  return { error: (issue) => problem(issue.input) };
}

/** A plain object with exactly the given fields (a misspelt "locaton" would otherwise be silently unknown). */
function fieldsOf(name: string, keys: readonly string[]) {
  return {
    error: (issue: { code?: string; input?: unknown }) =>
      issue.code === "unrecognized_keys"
        ? `not a field of ${name} (expected one of: ${keys.join(", ")})`
        : `expected an object, got ${describeValue(issue.input)}`,
  };
}

function integerIn(min: number, max: number) {
  const problem = says((x) => `expected an integer from ${min} to ${max}, got ${describeValue(x)}`);
  return z.int(problem).check(z.gte(min, problem), z.lte(max, problem));
}

function numberIn(min: number, max: number) {
  const problem = says((x) => `expected a number from ${min} to ${max}, got ${describeValue(x)}`);
  return z.number(problem).check(z.gte(min, problem), z.lte(max, problem));
}

export const BooleanSchema = z.boolean(says((x) => `expected true or false, got ${describeValue(x)}`));

/**
 * Candidates of one item: undefined / null / [] = unknown; a value or a list of values of the domain. `refuse` may
 * give a specific message for a value that looks plausible but is not scoreable (the coccyx as a SINS location).
 */
function candidatesSchema<V extends string>(domain: readonly V[], refuse?: (value: unknown) => string | null) {
  const allowed: ReadonlySet<unknown> = new Set(domain);
  const unknownValue = (x: unknown) =>
    refuse?.(x) ?? `unknown value ${describeValue(x)} (expected one of: ${domain.join(", ")})`;
  const value = z.enum(domain as [V, ...V[]], says(unknownValue));
  const whole = (x: unknown): string => {
    if (typeof x === "string") return unknownValue(x);
    if (!Array.isArray(x)) return `expected a value, a list of values or nothing; got ${describeValue(x)}`;
    return unknownValue((x as unknown[]).find((v) => !allowed.has(v)));
  };
  // The list first: the extraction passes lists, so the common case passes the first option.
  return z.optional(z.nullable(z.union([z.array(value), value], says(whole))));
}

// ------------------------------------------------------------------------------------- fast paths

/** A list whose every element is in `allowed`. */
function listOf(x: unknown, allowed: ReadonlySet<unknown>): boolean {
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) if (!allowed.has(x[i])) return false;
  return true;
}

/**
 * A plain object whose every key is an item of `domains` and whose every value is nothing, a value of the item's
 * domain or a list of them: what candidatesSchema accepts, on the plainest of objects.
 */
function knownCandidates(domains: Readonly<Record<string, readonly string[]>>): (input: unknown) => boolean {
  const allowed = new Map(Object.entries(domains).map(([item, domain]) => [item, new Set<unknown>(domain)]));
  return (input) => {
    if (typeof input !== "object" || input === null || Object.getPrototypeOf(input) !== Object.prototype) return false;
    for (const key of Object.keys(input)) {
      const domain = allowed.get(key);
      const v = (input as Record<string, unknown>)[key];
      if (domain === undefined) return false;
      if (v === undefined || v === null || domain.has(v) || listOf(v, domain)) continue;
      return false;
    }
    return true;
  };
}

const LEVELS: ReadonlySet<unknown> = new Set(SPINAL_LEVELS);
/** A list of known spinal levels (SpinalLevelsSchema's plainest input). */
export const KNOWN_LEVELS = (input: unknown): boolean => listOf(input, LEVELS);

// ------------------------------------------------------------------------------------------- levels

export const COCCYX_NOT_SCOREABLE =
  "the coccyx cannot be scored for SINS location (Fisher 2010 defines location classes from the occiput to S5 only)";

/** One spinal level, occiput to coccyx. */
export const SpinalLevelSchema = z.enum(
  SPINAL_LEVELS,
  says((x) => `unknown spinal level ${describeValue(x)}`),
);

/** A list of spinal levels (duplicates allowed, any order). */
export const SpinalLevelsSchema = z.array(
  z.enum(
    SPINAL_LEVELS,
    says((x) => `unknown spinal level ${describeValue(x)} (expected Occiput, C1–C7, T1–T12, L1–L5, S1–S5 or Coccyx)`),
  ),
  says((x) => `expected a list of spinal levels, got ${describeValue(x)}`),
);

// --------------------------------------------------------------------------------- the calculators

export const SinsInputSchema = z.strictObject(
  {
    location: candidatesSchema(SINS_LEVELS, (v) => (v === "Coccyx" ? COCCYX_NOT_SCOREABLE : null)),
    pain: candidatesSchema(SINS_PAIN),
    boneLesion: candidatesSchema(SINS_BONE_LESION),
    alignment: candidatesSchema(SINS_ALIGNMENT),
    collapse: candidatesSchema(SINS_COLLAPSE),
    posterolateral: candidatesSchema(SINS_POSTEROLATERAL),
  },
  fieldsOf("sins input", SINS_ITEMS),
);

export const KNOWN_SINS_INPUT = knownCandidates(SINS_DOMAINS);

export const TokuhashiInputSchema = z.strictObject(
  {
    generalCondition: candidatesSchema(GENERAL_CONDITIONS),
    extraspinalBoneMets: candidatesSchema(EXTRASPINAL_BONE_METS),
    vertebralBodyMets: candidatesSchema(VERTEBRAL_BODY_METS),
    visceralMets: candidatesSchema(VISCERAL_METS),
    primarySite: candidatesSchema(PRIMARY_SITES),
    palsy: candidatesSchema(FRANKEL_GRADES),
  },
  fieldsOf("tokuhashi input", TOKUHASHI_ITEMS),
);

export const KNOWN_TOKUHASHI_INPUT = knownCandidates(TOKUHASHI_DOMAINS);

const APPLICABILITY_FIELDS = ["levels", "age", "enBlocPlanned"] as const;
export const ApplicabilityInputSchema = z.strictObject(
  {
    levels: SpinalLevelsSchema,
    age: z.optional(z.nullable(numberIn(0, 150))),
    enBlocPlanned: z.optional(z.nullable(BooleanSchema)),
  },
  fieldsOf("applicability input", APPLICABILITY_FIELDS),
);

function barthelItem(item: string, points: readonly number[]) {
  const problem = says((x) => `${describeValue(x)} is not a Barthel ${item} score (allowed: ${points.join(", ")})`);
  return z.optional(z.nullable(z.literal(points as [number, ...number[]], problem)));
}

const barthelShape = Object.fromEntries(
  keysOf(BARTHEL_POINTS).map((item) => [item, barthelItem(item, BARTHEL_POINTS[item])]),
) as { [K in keyof typeof BARTHEL_POINTS]: ReturnType<typeof barthelItem> };
export const BarthelInputSchema = z.strictObject(barthelShape, fieldsOf("barthel input", keysOf(BARTHEL_POINTS)));

/** A SINS total, 0–18. */
export const SinsTotalSchema = integerIn(0, SINS_MAX);
/** A revised Tokuhashi total, 0–15. */
export const TokuhashiTotalSchema = integerIn(0, TOKUHASHI_MAX);
/** A count of foci or vertebral bodies. */
export const CountSchema = integerIn(0, Number.MAX_SAFE_INTEGER);

// ------------------------------------------------------------------------------------ observations

const EQ5D_PROFILE_PROBLEM = says(
  (x) =>
    `expected five digits 1–5 (mobility, self-care, usual activities, pain/discomfort, anxiety/depression), got ${describeValue(x)}`,
);
/** Five digits MO SC UA PD AD, each 1–5. */
export const Eq5dProfileSchema = z.string(EQ5D_PROFILE_PROBLEM).check(z.regex(/^[1-5]{5}$/, EQ5D_PROFILE_PROBLEM));
/** ECOG performance status: integer 0–5 (5 = dead). */
export const EcogSchema = z.literal(
  ECOG_GRADES,
  says((x) => `expected an integer from 0 to 5, got ${describeValue(x)}`),
);
/** Pain VAS in mm: 0–100 (decimals allowed: a 100-mm line is read to the millimetre or finer). */
export const PainVasSchema = numberIn(0, 100);
/** EQ VAS: integer 0–100. */
export const EqVasSchema = integerIn(0, 100);
/** Frankel grade A–E. */
export const FrankelSchema = z.enum(
  FRANKEL_GRADES,
  says((x) => `expected a Frankel grade A–E, got ${describeValue(x)}`),
);
/** Karnofsky performance status as the Tokuhashi item uses it: 10–100 in steps of 10 (0 = dead is refused). */
export const KpsSchema = z.literal(
  KPS_SCORES,
  says((x) =>
    Number.isInteger(x) && (x as number) >= 10 && (x as number) <= 100
      ? `${String(x)} is not a Karnofsky score (multiples of 10 only)`
      : `expected an integer from 10 to 100, got ${describeValue(x)}`,
  ),
);

// ---------------------------------------------------------------------------------------- rounding

export const FiniteNumberSchema = z.number(says((x) => `expected a finite number, got ${describeValue(x)}`));
export const DecimalsSchema = integerIn(0, 20);

// ---------------------------------------------------------------------------------- scalar fast paths

/** A safe integer from `min` to `max`: what integerIn(min, max) accepts. */
function intIn(min: number, max: number): (x: unknown) => boolean {
  return (x) => typeof x === "number" && Number.isSafeInteger(x) && x >= min && x <= max;
}

function oneOf(values: readonly unknown[]): (x: unknown) => boolean {
  const set: ReadonlySet<unknown> = new Set(values);
  return (x) => set.has(x);
}

/** Five characters 1–5: what Eq5dProfileSchema's /^[1-5]{5}$/ accepts. */
function isEq5dProfileText(x: unknown): boolean {
  if (typeof x !== "string" || x.length !== 5) return false;
  for (let i = 0; i < 5; i++) {
    const c = x.charCodeAt(i);
    if (c < 49 || c > 53) return false;
  }
  return true;
}

const APPLICABILITY_KEYS: ReadonlySet<string> = new Set(APPLICABILITY_FIELDS);

/** The extraction's applicability input: a plain object with known levels, an age 0–150 or nothing, a boolean or nothing. */
export const KNOWN_APPLICABILITY_INPUT = (input: unknown): boolean => {
  if (typeof input !== "object" || input === null || Object.getPrototypeOf(input) !== Object.prototype) return false;
  for (const key of Object.keys(input)) if (!APPLICABILITY_KEYS.has(key)) return false;
  const { levels, age, enBlocPlanned } = input as Record<string, unknown>;
  if (!listOf(levels, LEVELS)) return false;
  if (age !== undefined && age !== null && !(typeof age === "number" && age >= 0 && age <= 150)) return false;
  return enBlocPlanned === undefined || enBlocPlanned === null || typeof enBlocPlanned === "boolean";
};

/**
 * Plain checks that parseInput tries before a schema that has one: the scalars and the applicability input the
 * extraction passes on every report (a KPS per value on file, counts, totals, levels), each accepting a subset of
 * what its schema accepts (test/unit/scores/schemas.test.ts).
 */
const FAST_PATHS: ReadonlyMap<unknown, (input: unknown) => boolean> = new Map<unknown, (input: unknown) => boolean>([
  [BooleanSchema, (x) => typeof x === "boolean"],
  [SpinalLevelSchema, (x) => LEVELS.has(x)],
  [SinsTotalSchema, intIn(0, SINS_MAX)],
  [TokuhashiTotalSchema, intIn(0, TOKUHASHI_MAX)],
  [CountSchema, intIn(0, Number.MAX_SAFE_INTEGER)],
  [EqVasSchema, intIn(0, 100)],
  [EcogSchema, oneOf(ECOG_GRADES)],
  [KpsSchema, oneOf(KPS_SCORES)],
  [FrankelSchema, oneOf(FRANKEL_GRADES)],
  [Eq5dProfileSchema, isEq5dProfileText],
  [ApplicabilityInputSchema, KNOWN_APPLICABILITY_INPUT],
]);

/** The fast path parseInput takes for a schema, if any (for the test that it accepts nothing the schema refuses). */
export function fastPathOf(schema: z.ZodMiniType): ((input: unknown) => boolean) | undefined {
  return FAST_PATHS.get(schema);
}
