/**
 * EQ-5D-5L index (health-state utility) from a five-digit profile and a value set of
 * data/eq5d5l_valuesets.json (each value set with its published citation; docs/scores.md).
 *
 * One evaluator for every model (the JSON's `formula`):
 *   u = startValue + (constant, once, if any level > 1) + Σ_d levelCoefficients[d][level_d] + Σ extraTerms
 * with the extra terms exactly as the JSON's own `definition` strings say (checked when a model is compiled):
 *   N4 once if any dimension ≥ 4 · N5 once if any dimension = 5 · MO45…AD45 if that dimension is 4 or 5 ·
 *   Num45sq × (n45 − 1)² only when n45 ≥ 1 (the term's JSON definition says "only when n45 ≥ 1",
 *   and Canada 11111 = 0.9489 needs it) · MOAD × (MO − 1)(AD − 1) · PDAD × (PD − 1)(AD − 1).
 * Arithmetic is exact: every coefficient is read as its decimal and summed in integer units of 10⁻¹⁰, so
 * the returned double is the one nearest to the exact decimal index (Japan_cTTO 55555 is −0.0255, not
 * −0.025499999…). Rounding is for display only (formatIndex).
 */
import { z } from "zod/mini";
import valueSetFile from "./data/eq5d5l_valuesets.json";
import { toDecimal } from "./rounding";
import { Eq5dProfileSchema, describeValue, parseInput } from "./schemas";
import { ScoreInputError, type ValueSetInfo } from "./types";

/** The study is Japanese: the Japanese cTTO value set (Shiroiwa 2016 / Ikeda 2015), 6-dp coefficients. */
export const DEFAULT_VALUE_SET = "Japan_cTTO_fullPrecision";

const EQ5D_DIMENSIONS = ["MO", "SC", "UA", "PD", "AD"] as const;

/** Value sets the app refuses to use, and why. */
const DISABLED_VALUE_SETS: Readonly<Record<string, string>> = {
  Germany:
    "the anxiety/depression level-4 coefficient is in conflict between sources (0.244 in eq5d, " +
    "valueEQ5D and a Python implementation; 0.224 implied by eq5dsuite's DE table; utilities differ by up to " +
    "0.020). Check Ludwig et al. 2018 (doi:10.1007/s40273-018-0615-8) before enabling.",
};

const UNITS_PER_ONE = 10_000_000_000; // 10^10
const MAX_DECIMALS = 10;

const levelsSchema = z.object({ "1": z.number(), "2": z.number(), "3": z.number(), "4": z.number(), "5": z.number() });
const modelSchema = z.object({
  startValue: z.number(),
  constant: z.nullable(z.object({ coefficient: z.number(), appliesWhen: z.string() })),
  levelCoefficients: z.object({
    MO: levelsSchema,
    SC: levelsSchema,
    UA: levelsSchema,
    PD: levelsSchema,
    AD: levelsSchema,
  }),
  extraTerms: z.array(z.object({ name: z.string(), coefficient: z.number(), definition: z.string() })),
});
const valueSetSchema = z.object({
  id: z.string(),
  iso3166: z.nullable(z.string()),
  model: modelSchema,
  citation: z.object({ text: z.nullable(z.string()), doi: z.nullable(z.string()), pmid: z.nullable(z.string()) }),
});
type RawValueSet = z.infer<typeof valueSetSchema>;

/** levels[0..4] are MO SC UA PD AD, each 1–5. */
export type Eq5dLevels = readonly [number, number, number, number, number];

/**
 * Every extra term the evaluator knows, with the definition it implements, word for word as in the JSON. A
 * value set whose term reads differently is refused rather than evaluated by a rule it does not state.
 */
const TERMS: Readonly<Record<string, { definition: string; factor: (l: Eq5dLevels) => number }>> = {
  N4: {
    definition: "added once if ANY dimension is at level 4 or 5 (eq5d: any(level >= 4))",
    factor: (l) => (l.some((x) => x >= 4) ? 1 : 0),
  },
  N5: { definition: "added once if ANY dimension is at level 5", factor: (l) => (l.some((x) => x === 5) ? 1 : 0) },
  MO45: { definition: "added if MO level is 4 or 5", factor: (l) => (l[0] >= 4 ? 1 : 0) },
  SC45: { definition: "added if SC level is 4 or 5", factor: (l) => (l[1] >= 4 ? 1 : 0) },
  UA45: { definition: "added if UA level is 4 or 5", factor: (l) => (l[2] >= 4 ? 1 : 0) },
  PD45: { definition: "added if PD level is 4 or 5", factor: (l) => (l[3] >= 4 ? 1 : 0) },
  AD45: { definition: "added if AD level is 4 or 5", factor: (l) => (l[4] >= 4 ? 1 : 0) },
  Num45sq: {
    definition: "coefficient * (n45 - 1)^2, where n45 = number of dimensions at level 4 or 5; only when n45 >= 1",
    factor: (l) => {
      const n45 = l.filter((x) => x >= 4).length;
      return n45 >= 1 ? (n45 - 1) ** 2 : 0;
    },
  },
  MOAD: { definition: "coefficient * (MO - 1) * (AD - 1)", factor: (l) => (l[0] - 1) * (l[4] - 1) },
  PDAD: { definition: "coefficient * (PD - 1) * (AD - 1)", factor: (l) => (l[3] - 1) * (l[4] - 1) },
};

const CONSTANT_RULE = "any dimension level > 1";

/** A value set's model in exact integer units (10⁻¹⁰), ready to evaluate. */
export interface CompiledModel {
  start: number;
  constant: number;
  /** levels[d][level - 1] in units. */
  levels: readonly (readonly number[])[];
  terms: readonly { coefficient: number; factor: (l: Eq5dLevels) => number }[];
}

/** A coefficient as an exact integer count of 10⁻¹⁰ (a data error if it has more decimals). */
function units(id: string, what: string, x: number): number {
  const d = toDecimal(x);
  if (d.scale > MAX_DECIMALS)
    throw new Error(`eq5d5l_valuesets.json ${id} ${what}: more than ${MAX_DECIMALS} decimals`);
  const n = Number(d.digits) * 10 ** (MAX_DECIMALS - d.scale);
  return d.negative ? -n : n;
}

/**
 * Checks one value set of the data file and turns it into integer units. A data error (malformed entry, an
 * unknown term, a term whose definition differs from what the evaluator implements) throws a plain Error.
 */
export function compileValueSet(id: string, raw: unknown): CompiledModel {
  const parsed = z.safeParse(valueSetSchema, raw);
  if (!parsed.success)
    throw new Error(`eq5d5l_valuesets.json ${id}: malformed value set (${parsed.error.issues[0]?.message ?? ""})`);
  const m = parsed.data.model;
  if (m.constant && !m.constant.appliesWhen.startsWith(CONSTANT_RULE)) {
    throw new Error(
      `eq5d5l_valuesets.json ${id}: constant applies "${m.constant.appliesWhen}", not "${CONSTANT_RULE}"`,
    );
  }
  return {
    start: units(id, "startValue", m.startValue),
    constant: m.constant ? units(id, "constant", m.constant.coefficient) : 0,
    levels: EQ5D_DIMENSIONS.map((d) => {
      const c = m.levelCoefficients[d];
      return [c["1"], c["2"], c["3"], c["4"], c["5"]].map((x, i) => units(id, `${d}${i + 1}`, x));
    }),
    terms: m.extraTerms.map((t) => {
      const known = TERMS[t.name];
      if (!known) throw new Error(`eq5d5l_valuesets.json ${id}: unknown extra term ${t.name}`);
      if (known.definition !== t.definition) {
        throw new Error(
          `eq5d5l_valuesets.json ${id}: term ${t.name} is defined as "${t.definition}", not "${known.definition}"`,
        );
      }
      return { coefficient: units(id, t.name, t.coefficient), factor: known.factor };
    }),
  };
}

const rawSets = (valueSetFile as { valueSets: Record<string, unknown> }).valueSets;
const compiled = new Map<string, CompiledModel>();

function model(valueSetId: unknown): CompiledModel {
  if (typeof valueSetId !== "string" || !Object.hasOwn(rawSets, valueSetId)) {
    throw new ScoreInputError("valueSetId", `unknown EQ-5D-5L value set ${describeValue(valueSetId)}`);
  }
  const disabled = DISABLED_VALUE_SETS[valueSetId];
  if (disabled) throw new ScoreInputError("valueSetId", `value set ${valueSetId} is disabled: ${disabled}`);
  let m = compiled.get(valueSetId);
  if (!m) {
    m = compileValueSet(valueSetId, rawSets[valueSetId]);
    compiled.set(valueSetId, m);
  }
  return m;
}

/** The five levels of a profile "MO SC UA PD AD" (e.g. "21232"); refuses anything but five digits 1–5. */
export function parseEq5dProfile(profile: unknown): Eq5dLevels {
  const l = [...parseInput(Eq5dProfileSchema, profile, "profile")].map(Number);
  return [l[0] ?? 1, l[1] ?? 1, l[2] ?? 1, l[3] ?? 1, l[4] ?? 1];
}

/** True for a five-digit EQ-5D-5L profile, each digit 1–5. */
export function isEq5dProfile(profile: unknown): profile is string {
  return z.safeParse(Eq5dProfileSchema, profile).success;
}

/**
 * The EQ-5D-5L index of a profile under a value set (its key in eq5d5l_valuesets.json), unrounded.
 * Throws ScoreInputError (a RangeError) for a malformed profile or an unknown or disabled value set.
 */
export function eq5d5lIndex(profile: string, valueSetId: string): number {
  const levels = parseEq5dProfile(profile);
  return evaluate(model(valueSetId), levels);
}

/** The index of parsed levels under a compiled model (one evaluator for every model). */
export function evaluate(m: CompiledModel, levels: Eq5dLevels): number {
  let u = m.start;
  if (levels.some((x) => x > 1)) u += m.constant;
  levels.forEach((level, d) => {
    u += m.levels[d]?.[level - 1] ?? 0;
  });
  for (const t of m.terms) u += t.coefficient * t.factor(levels);
  return u / UNITS_PER_ONE;
}

/** Country names where the key does not spell them. */
const COUNTRY: Readonly<Record<string, string>> = {
  HongKong: "Hong Kong",
  NewZealand: "New Zealand",
  SaudiArabia: "Saudi Arabia",
  SouthKorea: "South Korea",
  Trinidad_and_Tobago: "Trinidad and Tobago",
  UAE: "United Arab Emirates",
  UK: "United Kingdom",
  USA: "United States",
  WePP: "not country-specific",
};

/** Labels that tell variants of one country apart. */
const LABEL: Readonly<Record<string, string>> = {
  Japan_cTTO_fullPrecision: "Japan (cTTO, 6-decimal coefficients; default)",
  Japan_cTTO: "Japan (cTTO, 4-decimal coefficients)",
  Japan_DCE: "Japan (hybrid/DCE model)",
  Peru_cTTO: "Peru (cTTO)",
  Peru_DCE: "Peru (DCE)",
  Sweden_2020: "Sweden (Burström 2020)",
  Sweden_2022: "Sweden (Sun 2022)",
  England: "England (Devlin 2018)",
  UK: "United Kingdom (Rowen 2026)",
  WePP: "WePP",
};

function citationText(c: RawValueSet["citation"]): string {
  if (c.text) return c.text;
  return [c.doi ? `doi:${c.doi}` : null, c.pmid ? `PMID ${c.pmid}` : null].filter(Boolean).join(", ");
}

/** Every value set of the data file, in file order, with its citation and whether the app may use it. */
export function valueSets(): ValueSetInfo[] {
  return Object.entries(rawSets).map(([id, raw]) => {
    const parsed = z.safeParse(valueSetSchema, raw);
    if (!parsed.success) throw new Error(`eq5d5l_valuesets.json ${id}: malformed value set`);
    const vs = parsed.data;
    const country = COUNTRY[id] ?? id.split("_")[0] ?? id;
    const disabledReason = DISABLED_VALUE_SETS[id] ?? null;
    return {
      id,
      country,
      label: LABEL[id] ?? country,
      citation: citationText(vs.citation),
      doi: vs.citation.doi,
      enabled: disabledReason === null,
      disabledReason,
    };
  });
}
