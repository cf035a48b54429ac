/**
 * The code tables of fhir-mappings/ (data, not code), checked at load and indexed for lookup.
 * A malformed table is a deployment error: it throws at start-up naming the table and the entry.
 * Patient data never reaches a throw here: lookups return null for anything unknown.
 */
import { z } from "zod/mini";
import codeSystemsJson from "../../fhir-mappings/code-systems.json";
import observationsJson from "../../fhir-mappings/observations.json";
import metastasesJson from "../../fhir-mappings/metastases.json";
import primarySitesJson from "../../fhir-mappings/primary-sites.json";
import bodySitesJson from "../../fhir-mappings/body-sites.json";
import localCodesJson from "../../fhir-mappings/local-codes.json";
import { FRANKEL_GRADES, GENERAL_CONDITIONS, PRIMARY_SITES } from "../scores/domains";
import { kpsCategory } from "../scores/tokuhashi";
import {
  SPINAL_LEVELS,
  type FrankelGrade,
  type GeneralCondition,
  type PrimarySite,
  type SpinalLevel,
} from "../scores/types";
import { OBSERVATION_CONCEPTS, type ObservationConcept, type SpinalRegion } from "./types";

// ------------------------------------------------------------------------------------------ schemas

const str = z.string().check(z.minLength(1));
const systemsSchema = z.object({
  systems: z.record(z.string(), z.object({ uri: str, aliases: z.array(str) })),
});
const valueSpecSchema = z.union([
  z.object({ type: z.literal("integer"), min: z.number(), max: z.number(), step: z.number() }),
  z.object({
    type: z.literal("grade"),
    values: z.array(z.enum(FRANKEL_GRADES as unknown as [FrankelGrade, ...FrankelGrade[]])),
  }),
]);
const obsCodeSchema = z.object({ system: str, code: str, display: z.optional(z.string()), source: str });
const answerSchema = z.object({
  system: str,
  code: str,
  value: z.union([z.number(), z.string()]),
  display: z.optional(z.string()),
});
const unitSchema = z.object({ code: str, factor: z.number().check(z.positive()) });
const conceptSchema = z.object({
  value: valueSpecSchema,
  /** UCUM units the concept's valueQuantity may carry, each with its factor into the concept's scale. */
  units: z.array(unitSchema),
  codes: z.array(obsCodeSchema),
  answers: z.array(answerSchema),
});
const kpsRangeSchema = z
  .tuple([z.int(), z.int()])
  .check(
    z.refine(
      ([a, b]) => a >= 10 && b <= 100 && a <= b && a % 10 === 0 && b % 10 === 0,
      "a KPS range [min, max] within 10-100 in steps of 10",
    ),
  );
const observationsSchema = z.object({
  concepts: z.record(
    z.enum(OBSERVATION_CONCEPTS as unknown as [ObservationConcept, ...ObservationConcept[]]),
    conceptSchema,
  ),
  ecogKpsSuggestion: z.object({
    tables: z
      .array(z.object({ name: str, kpsByEcog: z.record(z.string(), kpsRangeSchema), source: str }))
      .check(z.minLength(1)),
  }),
});
const METASTASIS_ROLES = ["bone", "spine", "generic", "visceral", "visceral-ask", "not-visceral"] as const;
type MetastasisRole = (typeof METASTASIS_ROLES)[number];
const matchSchema = z.optional(z.enum(["exact", "prefix"]));
const metastasisSchema = z.object({
  systems: z.array(str).check(z.minLength(1)),
  codes: z.array(str).check(z.minLength(1)),
  match: matchSchema,
  role: z.enum(METASTASIS_ROLES),
  organ: z.optional(z.string()),
  display: str,
  source: str,
});
const primarySiteEnum = z.enum(PRIMARY_SITES as unknown as [PrimarySite, ...PrimarySite[]]);
const primarySchema = z.object({
  systems: z.array(str).check(z.minLength(1)),
  codes: z.array(str).check(z.minLength(1)),
  match: matchSchema,
  candidates: z.array(primarySiteEnum),
  display: str,
  source: str,
  note: z.optional(z.string()),
});
const morphologySchema = z.object({
  system: str,
  histology: z.array(str),
  category: primarySiteEnum,
  scope: z.enum(["candidates", "any"]),
  otherwise: z.optional(primarySiteEnum),
  source: str,
});
const primaryFileSchema = z.object({
  morphologyExtension: str,
  entries: z.array(primarySchema),
  morphology: z.array(morphologySchema),
});
const levelSchema = z.object({
  level: z.enum(SPINAL_LEVELS as unknown as [SpinalLevel, ...SpinalLevel[]]),
  codes: z.array(z.object({ system: str, code: str, kind: z.enum(["whole-vertebra", "vertebral-body"]) })),
});
const regionSchema = z.object({
  system: str,
  code: str,
  region: z.enum(["spine", "cervical", "thoracic", "lumbar", "sacrum"]),
  display: z.optional(z.string()),
});
const bodySitesSchema = z.object({ levels: z.array(levelSchema), regions: z.array(regionSchema) });
const localSchema = z.object({
  observations: z.optional(
    z.partialRecord(
      z.enum(OBSERVATION_CONCEPTS as unknown as [ObservationConcept, ...ObservationConcept[]]),
      z.object({ codes: z.optional(z.array(obsCodeSchema)), answers: z.optional(z.array(answerSchema)) }),
    ),
  ),
  metastases: z.optional(z.array(metastasisSchema)),
  primarySites: z.optional(z.array(primarySchema)),
  bodySites: z.optional(
    z.object({ levels: z.optional(z.array(levelSchema)), regions: z.optional(z.array(regionSchema)) }),
  ),
});

function load<T>(name: string, schema: z.ZodMiniType<T>, data: unknown): T {
  const r = z.safeParse(schema, data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue ? issue.path.join(".") : "";
    throw new Error(`fhir-mappings/${name}: malformed at ${where || "(root)"}: ${issue?.message ?? "invalid"}`);
  }
  return r.data;
}

const codeSystems = load("code-systems.json", systemsSchema, codeSystemsJson);
const observations = load("observations.json", observationsSchema, observationsJson);
const metastases = load("metastases.json", z.object({ entries: z.array(metastasisSchema) }), metastasesJson);
const primaries = load("primary-sites.json", primaryFileSchema, primarySitesJson);
const bodySites = load("body-sites.json", bodySitesSchema, bodySitesJson);
const local = load("local-codes.json", localSchema, localCodesJson);

// ------------------------------------------------------------------------------------------ systems

const SYSTEM_BY_KEY = new Map<string, string>();
const SYSTEM_ALIAS = new Map<string, string>();
for (const [key, s] of Object.entries(codeSystems.systems)) {
  SYSTEM_BY_KEY.set(key, s.uri);
  SYSTEM_ALIAS.set(s.uri, s.uri);
  for (const a of s.aliases) SYSTEM_ALIAS.set(a, s.uri);
}

const SYSTEMS = {
  loinc: SYSTEM_BY_KEY.get("loinc") ?? "http://loinc.org",
  snomed: SYSTEM_BY_KEY.get("snomed") ?? "http://snomed.info/sct",
  icd10cm: SYSTEM_BY_KEY.get("icd10cm") ?? "http://hl7.org/fhir/sid/icd-10-cm",
  icd10: SYSTEM_BY_KEY.get("icd10") ?? "http://hl7.org/fhir/sid/icd-10",
  icdo3: SYSTEM_BY_KEY.get("icdo3") ?? "http://terminology.hl7.org/CodeSystem/icd-o-3",
} as const;

const ICD_SYSTEMS: ReadonlySet<string> = new Set([SYSTEMS.icd10cm, SYSTEMS.icd10]);

/** A table's system key ("snomed") or URI → the canonical URI. */
function tableSystem(keyOrUri: string): string {
  return SYSTEM_BY_KEY.get(keyOrUri) ?? SYSTEM_ALIAS.get(keyOrUri) ?? keyOrUri;
}

function resolveSystem(system: string): string {
  const s = system.trim();
  return SYSTEM_ALIAS.get(s) ?? SYSTEM_ALIAS.get(s.replace(/\/+$/, "")) ?? s;
}

/**
 * Resolved systems, memoised: a chart repeats a handful of system URIs on every coding, and resolving one
 * (trim, two alias lookups, a regex) on each lookup was a hot spot. Bounded so that a record full of distinct
 * made-up systems cannot grow it without limit (past the bound, systems are resolved each time).
 */
const SYSTEM_MEMO = new Map<string, string>();
const SYSTEM_MEMO_MAX = 1024;

/** A resource's Coding.system → the canonical URI (OID aliases resolved, trailing slash ignored). */
function canonicalSystem(system: string): string {
  const hit = SYSTEM_MEMO.get(system);
  if (hit !== undefined) return hit;
  const resolved = resolveSystem(system);
  if (SYSTEM_MEMO.size < SYSTEM_MEMO_MAX) SYSTEM_MEMO.set(system, resolved);
  return resolved;
}

const DOTS = /\./g;

/** Codes compare exactly, except ICD codes: dots and case are ignored (C79.51 = c7951). */
function normalizeCode(system: string, code: string): string {
  const c = code.trim();
  if (!ICD_SYSTEMS.has(system)) return c;
  // ICD codes written without dots in capitals ("C7951"): nothing to build.
  if (plainUpperAscii(c)) return c;
  // Written with dots ("C79.51"): a chart repeats a few codes, so they are memoised (bounded, as SYSTEM_MEMO).
  const hit = ICD_MEMO.get(c);
  if (hit !== undefined) return hit;
  const normalised = c.replace(DOTS, "").toUpperCase();
  if (ICD_MEMO.size < ICD_MEMO_MAX) ICD_MEMO.set(c, normalised);
  return normalised;
}

const ICD_MEMO = new Map<string, string>();
const ICD_MEMO_MAX = 4096;

/** True when the code has no dot and no character that toUpperCase would change (ASCII, no a–z). */
function plainUpperAscii(c: string): boolean {
  for (let i = 0; i < c.length; i++) {
    const ch = c.charCodeAt(i);
    if (ch === 46 || (ch >= 97 && ch <= 122) || ch > 127) return false;
  }
  return true;
}

/**
 * (canonical system, code) → T, as a map of maps: a lookup is two hash probes on the strings as they are,
 * without building a "system|code" key string per coding (and hashing it) as a flat map would need.
 */
class SystemCodeMap<T> {
  private readonly bySystem = new Map<string, Map<string, T>>();

  /** `system` canonical; `code` as normalised by normalizeCode. */
  set(system: string, code: string, value: T): void {
    let codes = this.bySystem.get(system);
    if (!codes) this.bySystem.set(system, (codes = new Map<string, T>()));
    codes.set(code, value);
  }

  codes(system: string): ReadonlyMap<string, T> | undefined {
    return this.bySystem.get(system);
  }

  get(system: string, code: string): T | undefined {
    return this.bySystem.get(system)?.get(code);
  }
}

/** The longest prefix tried (codes longer than this match by their first 16 characters at most). */
const MAX_PREFIX = 16;

/** A code index with exact and prefix entries; the longest match wins. */
class CodeIndex<T> {
  private readonly exact = new SystemCodeMap<T>();
  private readonly prefix = new SystemCodeMap<T>();
  /** Per system, the lengths of its prefix entries, longest first: only those lengths can match. */
  private readonly prefixLengths = new Map<string, number[]>();

  add(system: string, code: string, match: "exact" | "prefix", value: T): void {
    const c = normalizeCode(system, code);
    if (match === "prefix") {
      this.prefix.set(system, c, value);
      const lengths = this.prefixLengths.get(system) ?? [];
      if (c.length > 0 && c.length <= MAX_PREFIX && !lengths.includes(c.length)) lengths.push(c.length);
      lengths.sort((a, b) => b - a);
      this.prefixLengths.set(system, lengths);
    } else this.exact.set(system, c, value);
  }

  get(system: string, code: string): T | null {
    const exact = this.exact.codes(system);
    const prefix = this.prefix.codes(system);
    // Most codings of a chart are of no system this index knows: nothing to normalise.
    if (exact === undefined && prefix === undefined) return null;
    const c = normalizeCode(system, code);
    const hit = exact?.get(c);
    if (hit !== undefined) return hit;
    if (prefix === undefined) return null;
    for (const n of this.prefixLengths.get(system) ?? []) {
      if (n > c.length) continue;
      const p = prefix.get(n === c.length ? c : c.slice(0, n));
      if (p !== undefined) return p;
    }
    return null;
  }
}

// ------------------------------------------------------------------------------------------ observations

export type ValueSpec = z.infer<typeof valueSpecSchema>;

export interface ConceptDef {
  concept: ObservationConcept;
  value: ValueSpec;
  /** UCUM unit → factor into the concept's scale (1 = the scale's own unit). */
  units: ReadonlyMap<string, number>;
  answers: SystemCodeMap<number | string>;
}

const OBS_INDEX = new SystemCodeMap<ObservationConcept>();
const CONCEPTS = new Map<ObservationConcept, ConceptDef>();
const OBS_SEARCH: string[] = [];

for (const concept of OBSERVATION_CONCEPTS) {
  const def = observations.concepts[concept];
  if (!def) continue;
  const extra = local.observations?.[concept];
  const codes = [...def.codes, ...(extra?.codes ?? [])];
  const answers = [...def.answers, ...(extra?.answers ?? [])];
  const answerMap = new SystemCodeMap<number | string>();
  for (const a of answers) {
    const sys = tableSystem(a.system);
    answerMap.set(sys, normalizeCode(sys, a.code), a.value);
  }
  CONCEPTS.set(concept, {
    concept,
    value: def.value,
    units: new Map(def.units.map((u) => [u.code, u.factor])),
    answers: answerMap,
  });
  for (const c of codes) {
    const sys = tableSystem(c.system);
    OBS_INDEX.set(sys, normalizeCode(sys, c.code), concept);
    OBS_SEARCH.push(`${sys}|${c.code}`);
  }
}

/** The concept an Observation coding stands for, or null. */
export function observationConcept(system: string, code: string): ObservationConcept | null {
  const sys = canonicalSystem(system);
  const codes = OBS_INDEX.codes(sys);
  if (codes === undefined) return null;
  return codes.get(normalizeCode(sys, code)) ?? null;
}

export function conceptDef(concept: ObservationConcept): ConceptDef | null {
  return CONCEPTS.get(concept) ?? null;
}

/** The value of a coded answer (LOINC LA…, SNOMED grade, local), or null. */
export function answerValue(concept: ObservationConcept, system: string, code: string): number | string | null {
  const def = CONCEPTS.get(concept);
  if (!def) return null;
  const sys = canonicalSystem(system);
  return def.answers.get(sys, normalizeCode(sys, code)) ?? null;
}

/** One published ECOG → KPS table's range for an ECOG grade. */
export interface EcogKpsRange {
  /** The table's short name ("oBDS", "Ma et al. 2010"): the same in every language. */
  table: string;
  min: number;
  max: number;
}

/**
 * What an ECOG grade allows for the Tokuhashi general condition: each table's KPS range for it
 * (observations.json ecogKpsSuggestion) and every band a KPS of those ranges falls in, in the item's order
 * (poor, moderate, good). No table knows ECOG 5 (dead): no ranges, no bands.
 */
export function ecogBands(ecog: number): { ranges: readonly EcogKpsRange[]; categories: readonly GeneralCondition[] } {
  let bands = ECOG_BANDS.get(ecog);
  if (bands === undefined) {
    bands = computeEcogBands(ecog);
    // ECOG grades are 0–5 (the Observation reader refuses others): a handful of entries, built once each.
    if (ECOG_BANDS.size < 16) ECOG_BANDS.set(ecog, bands);
  }
  return bands;
}

const ECOG_BANDS = new Map<number, { ranges: readonly EcogKpsRange[]; categories: readonly GeneralCondition[] }>();

function computeEcogBands(ecog: number): { ranges: readonly EcogKpsRange[]; categories: readonly GeneralCondition[] } {
  const ranges: EcogKpsRange[] = [];
  const found = new Set<GeneralCondition>();
  for (const t of observations.ecogKpsSuggestion.tables) {
    const r = t.kpsByEcog[String(ecog)];
    if (!r) continue;
    ranges.push({ table: t.name, min: r[0], max: r[1] });
    // The bands are the scoring core's (kpsCategory: poor 10–40, moderate 50–70, good 80–100).
    for (let kps = r[0]; kps <= r[1]; kps += 10) found.add(kpsCategory(kps));
  }
  return Object.freeze({
    ranges: Object.freeze(ranges.map((r) => Object.freeze(r))),
    categories: Object.freeze(GENERAL_CONDITIONS.filter((c) => found.has(c))),
  });
}

// ------------------------------------------------------------------------------------------ conditions

export interface MetastasisDef {
  role: MetastasisRole;
  organ: string | null;
  display: string;
}

export interface PrimaryDef {
  candidates: PrimarySite[];
  display: string;
  note: string | null;
}

const MET_INDEX = new CodeIndex<MetastasisDef>();
const PRIMARY_INDEX = new CodeIndex<PrimaryDef>();
const CONDITION_SEARCH: string[] = [];
const CONDITION_PREFIXES: string[] = [];

/** A Condition table entry's codes into its index and into the Condition search (prefix codes: CONDITION_PREFIXES). */
function indexConditionCodes<T>(
  index: CodeIndex<T>,
  e: { systems: readonly string[]; codes: readonly string[]; match?: "exact" | "prefix" | undefined },
  def: T,
): void {
  for (const s of e.systems) {
    const sys = tableSystem(s);
    for (const code of e.codes) {
      index.add(sys, code, e.match ?? "exact", def);
      CONDITION_SEARCH.push(`${sys}|${code}`);
      if (e.match === "prefix") CONDITION_PREFIXES.push(`${sys}|${code}`);
    }
  }
}

for (const e of [...metastases.entries, ...(local.metastases ?? [])]) {
  indexConditionCodes(MET_INDEX, e, { role: e.role, organ: e.organ ?? null, display: e.display });
}
for (const e of [...primaries.entries, ...(local.primarySites ?? [])]) {
  indexConditionCodes(PRIMARY_INDEX, e, { candidates: [...e.candidates], display: e.display, note: e.note ?? null });
}

export function metastasisDef(system: string, code: string): MetastasisDef | null {
  return MET_INDEX.get(canonicalSystem(system), code);
}

export function primaryDef(system: string, code: string): PrimaryDef | null {
  return PRIMARY_INDEX.get(canonicalSystem(system), code);
}

export const MORPHOLOGY_EXTENSION = primaries.morphologyExtension;

export interface MorphologyRule {
  category: PrimarySite;
  /** "candidates": narrows a site whose candidates include `category`; "any": applies to every site. */
  scope: "candidates" | "any";
  /** A known histology of the same system outside this rule gives `otherwise` (osteosarcoma: "others"). */
  otherwise: PrimarySite | null;
}

/** Morphology rules of one system (ICD-O-3) and whether a histology code ("9180/3" or "9180") matches each. */
export function morphologyRules(system: string): { rule: MorphologyRule; matches: (code: string) => boolean }[] {
  const sys = canonicalSystem(system);
  return primaries.morphology
    .filter((r) => tableSystem(r.system) === sys)
    .map((r) => ({
      rule: { category: r.category, scope: r.scope, otherwise: r.otherwise ?? null },
      matches: (code: string) => r.histology.includes(code.trim().split("/")[0] ?? ""),
    }));
}

// ------------------------------------------------------------------------------------------ body sites

export type BodySiteDef = { kind: "level"; level: SpinalLevel } | { kind: "region"; region: SpinalRegion };

const BODY_INDEX = new SystemCodeMap<BodySiteDef>();
function addBodySite(system: string, code: string, def: BodySiteDef): void {
  const sys = tableSystem(system);
  BODY_INDEX.set(sys, normalizeCode(sys, code), def);
}
for (const l of [...bodySites.levels, ...(local.bodySites?.levels ?? [])]) {
  for (const c of l.codes) addBodySite(c.system, c.code, { kind: "level", level: l.level });
}
for (const r of [...bodySites.regions, ...(local.bodySites?.regions ?? [])]) {
  addBodySite(r.system, r.code, { kind: "region", region: r.region });
}

/** A spinal level or region for a body-site coding; null for a non-spinal site. */
export function bodySiteDef(system: string, code: string): BodySiteDef | null {
  const sys = canonicalSystem(system);
  const codes = BODY_INDEX.codes(sys);
  if (codes === undefined) return null;
  return codes.get(normalizeCode(sys, code)) ?? null;
}

// ------------------------------------------------------------------------------------------ search codes

/**
 * Every code the extraction reads, as "system|code", for the data-access layer to filter its searches.
 * `conditionPrefixes` are matched with their sub-codes (ICD blocks): a server search by exact code misses
 * those, so search Conditions by patient and let extraction filter, or expand the prefixes.
 */
export const SEARCH_CODES: {
  observations: readonly string[];
  conditions: readonly string[];
  conditionPrefixes: readonly string[];
} = {
  observations: [...new Set(OBS_SEARCH)],
  conditions: [...new Set(CONDITION_SEARCH)],
  conditionPrefixes: [...new Set(CONDITION_PREFIXES)],
};
