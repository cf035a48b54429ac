/**
 * Conditions → spinal lesions, extraspinal bone foci, visceral metastases and primary cancers, by the codes of
 * fhir-mappings/metastases.json, primary-sites.json and body-sites.json.
 */
import type { PrimarySite, SpinalLevel } from "../scores/types";
import type { ReadContext } from "./context";
import {
  codeKey,
  inLevelOrder,
  isObject,
  provenance,
  rawCodings,
  resourceName,
  type Json,
  type ResourceName,
} from "./fhir";
import { looksLikeCondition } from "./guards";
import {
  bodySiteDef,
  metastasisDef,
  morphologyRules,
  MORPHOLOGY_EXTENSION,
  primaryDef,
  type MetastasisDef,
  type PrimaryDef,
} from "./mappings";
import { checkedResource, conditionSchema, REASON, type ConditionData } from "./schemas";
import { msg, provenanceNotes, type ProvenanceNote } from "./messages";
import type { PatientEvidence, PrimaryFinding, SpinalRegion } from "./types";

const RELATED_EXTENSION = "http://hl7.org/fhir/StructureDefinition/condition-related";
const LATERALITY_EXTENSION = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier";
const IGNORED_VERIFICATION = new Set(["refuted", "entered-in-error"]);
const UNCONFIRMED_VERIFICATION = ["unconfirmed", "provisional", "differential"] as const;
type UnconfirmedVerification = (typeof UNCONFIRMED_VERIFICATION)[number];
function isUnconfirmed(code: string): code is UnconfirmedVerification {
  return (UNCONFIRMED_VERIFICATION as readonly string[]).includes(code);
}
const INACTIVE = new Set(["inactive", "resolved", "remission"]);

/** The organ of a metastasis Condition that names no site (a VisceralFinding's `organ`). */
const SITE_NOT_CODED = "site not coded";

type Sink = Pick<
  PatientEvidence,
  "spinalLesions" | "extraspinalFoci" | "unlocatedBoneMets" | "visceral" | "primaries" | "inactiveSpinalLesions"
>;

/** mCODE PrimaryCancerCondition: a Condition that says it is a primary cancer, whatever its code. */
const MCODE_PRIMARY_PROFILE = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition";

/**
 * A Condition whose code no table maps, but which says it is a primary cancer: the mCODE PrimaryCancerCondition
 * profile, or an ICD-O-3 morphology with behaviour /3 (malignant, primary site) on the histology extension.
 * Its first coding (system and code), to show; null when it is neither or has no coding.
 */
function unmappedPrimary(
  raw: Json,
  codings: { system: string; code: string }[],
): { system: string; code: string } | null {
  const first = codings[0];
  if (!first) return null;
  const meta = raw.meta;
  const profiles = isObject(meta) && Array.isArray(meta.profile) ? meta.profile : [];
  if (profiles.some((p) => typeof p === "string" && p.split("|")[0] === MCODE_PRIMARY_PROFILE)) return first;
  const ext = Array.isArray(raw.extension) ? raw.extension : [];
  for (const e of ext) {
    if (!isObject(e) || e.url !== MORPHOLOGY_EXTENSION || !isObject(e.valueCodeableConcept)) continue;
    const cc = e.valueCodeableConcept;
    const list = Array.isArray(cc.coding) ? cc.coding : [];
    if (list.some((c) => isObject(c) && typeof c.code === "string" && /\/3$/.test(c.code.trim()))) return first;
  }
  return null;
}

interface Matched<T> {
  def: T;
  system: string;
  code: string;
}

/** Reads one Condition into the evidence sink; irrelevant, ignored and invalid ones add nothing (the latter reported). */
export function readCondition(raw: Json, ctx: ReadContext, sink: Sink): void {
  const codings = rawCodings(raw.code);
  if (codings === "malformed") {
    ctx.invalid("Condition", raw.id, REASON.codeableConcept("code"));
    return;
  }
  const mets: Matched<MetastasisDef>[] = [];
  const prims: Matched<PrimaryDef>[] = [];
  for (const c of codings) {
    const m = metastasisDef(c.system, c.code);
    if (m) mets.push({ def: m, system: c.system, code: c.code });
    const p = primaryDef(c.system, c.code);
    if (p) prims.push({ def: p, system: c.system, code: c.code });
  }
  // A primary cancer by its profile or morphology whose code no table maps (a finer SNOMED CT concept): on file,
  // category not derived.
  const unmapped = mets.length === 0 && prims.length === 0 ? unmappedPrimary(raw, codings) : null;
  if (mets.length === 0 && prims.length === 0 && !unmapped) return;

  const cond = checkedResource("Condition", raw, looksLikeCondition, conditionSchema, ctx);
  if (!cond) return;
  const name = resourceName("Condition", cond.id);
  if (!ctx.belongs("Condition", cond.id, cond.subject)) return;

  const verification = statusCode(cond.verificationStatus);
  if (verification && IGNORED_VERIFICATION.has(verification)) {
    ctx.report(
      "info",
      "ignored-status",
      msg("diag.ignored-status.condition", { label: name.param, status: verification }),
      name.text,
    );
    return;
  }
  const clinical = statusCode(cond.clinicalStatus);
  const inactive = clinical !== null && INACTIVE.has(clinical) ? clinical : null;
  // An inactive metastasis is not counted in the items (a primary in remission is still the primary, and an
  // inactive spinal metastasis still counts for the study's population: both are read on below).
  const spinalMet = pickMetastasis(mets);
  // The body sites, read once (isSpinal, the inactive lesion and readMetastasis all need them).
  let sites: Sites | null = null;
  const sitesOf = (): Sites => (sites ??= readSites(cond));
  const readOn = prims.length > 0 || unmapped !== null || (spinalMet !== null && isSpinal(spinalMet.def, sitesOf));
  if (inactive && !readOn) {
    ctx.report("info", "not-active", msg("diag.not-active", { label: name.param, status: inactive }), name.text);
    return;
  }
  let note: ProvenanceNote | null = null;
  if (verification && isUnconfirmed(verification)) {
    note = provenanceNotes.unconfirmedDiagnosis(verification);
    ctx.report(
      "info",
      "unconfirmed",
      msg("diag.unconfirmed", { label: name.param, status: msg(`verification.${verification}`) }),
      name.text,
    );
  }

  const date = cond.recordedDate ?? cond.onsetDateTime ?? cond.onsetPeriod?.start ?? null;
  const author = cond.asserter?.reference ?? cond.recorder?.reference ?? null;
  // The record's own display of the matched coding, else the mapping's.
  const recordDisplay = (m: { code: string }) => cond.code?.coding?.find((c) => c.code === m.code)?.display;
  const prov = (m: { system: string; code: string }, display: string) =>
    provenance(name.reference, date, codeKey(m.system, m.code), { display: recordDisplay(m) ?? display, author, note });

  const primary = prims[0];
  if (primary) {
    const finding: PrimaryFinding = {
      reference: name.reference ?? name.text,
      candidates: primaryCandidates(cond, prims),
      date,
      note: primary.def.note,
      displayFromMapping: recordDisplay(primary) == null,
      provenance: prov(primary, primary.def.display),
    };
    if (inactive) finding.inactiveStatus = inactive;
    sink.primaries.push(finding);
  } else if (unmapped) {
    const finding: PrimaryFinding = {
      reference: name.reference ?? name.text,
      candidates: [],
      date,
      note: null,
      displayFromMapping: false,
      provenance: provenance(name.reference, date, codeKey(unmapped.system, unmapped.code), {
        display: recordDisplay(unmapped) ?? null,
        author,
        note,
      }),
      unmapped: true,
    };
    if (inactive) finding.inactiveStatus = inactive;
    sink.primaries.push(finding);
  }
  const met = spinalMet;
  if (!met) return;
  if (inactive) {
    if (!isSpinal(met.def, sitesOf)) {
      ctx.report("info", "not-active", msg("diag.not-active", { label: name.param, status: inactive }), name.text);
      return;
    }
    // On file for the study's population, not counted in the items.
    const { levels, regions } = sitesOf();
    (sink.inactiveSpinalLesions ??= []).push({
      levels,
      regions: levels.length === 0 && regions.length === 0 ? ["spine"] : regions,
      date,
      relatedPrimary: relatedPrimary(cond),
      provenance: prov(met, met.def.display),
    });
    ctx.report("info", "not-active", msg("diag.not-active.spinal", { label: name.param, status: inactive }), name.text);
    return;
  }
  readMetastasis(cond, met, sitesOf, name, prov(met, met.def.display), date, ctx, sink);
}

/** A metastasis Condition that readMetastasis would take as spinal: a vertebral level or spinal region, or role "spine". */
function isSpinal(def: MetastasisDef, sitesOf: () => Sites): boolean {
  if (def.role === "visceral" || def.role === "visceral-ask" || def.role === "not-visceral") return false;
  if (def.role === "spine") return true;
  const sites = sitesOf();
  return sites.levels.length > 0 || sites.regions.length > 0;
}

function statusCode(cc: ConditionData["clinicalStatus"]): string | null {
  return cc?.coding?.find((c) => typeof c.code === "string")?.code ?? null;
}

/** The most specific role among the codings: an organ beats a bone site, a bone site beats "secondary, site unknown". */
const ROLE_ORDER: readonly MetastasisDef["role"][] = [
  "visceral",
  "visceral-ask",
  "not-visceral",
  "spine",
  "bone",
  "generic",
];
function pickMetastasis(mets: Matched<MetastasisDef>[]): Matched<MetastasisDef> | null {
  for (const role of ROLE_ORDER) {
    const m = mets.find((x) => x.def.role === role);
    if (m) return m;
  }
  return null;
}

/** Union of the candidates of the matching codings ([] = unknown wins), narrowed by an ICD-O-3 morphology. */
function primaryCandidates(cond: ConditionData, prims: Matched<PrimaryDef>[]): PrimarySite[] {
  let candidates: PrimarySite[] = [];
  for (const p of prims) {
    if (p.def.candidates.length === 0) return [];
    for (const c of p.def.candidates) if (!candidates.includes(c)) candidates.push(c);
  }
  const extensions = cond.extension;
  if (extensions === undefined) return candidates;
  for (const e of extensions) {
    if (e.url !== MORPHOLOGY_EXTENSION) continue;
    for (const c of e.valueCodeableConcept?.coding ?? []) {
      if (!c.system || !c.code) continue;
      const rules = morphologyRules(c.system);
      if (rules.length === 0) continue;
      const hit = rules.find(
        (r) => r.matches(c.code ?? "") && (r.rule.scope === "any" || candidates.includes(r.rule.category)),
      );
      if (hit) {
        candidates = [hit.rule.category];
        continue;
      }
      for (const r of rules) {
        if (r.rule.otherwise && r.rule.scope === "candidates" && candidates.includes(r.rule.category)) {
          candidates = [r.rule.otherwise];
        }
      }
    }
  }
  return candidates;
}

interface Sites {
  levels: SpinalLevel[];
  regions: SpinalRegion[];
  other: { site: string; display: string }[];
  uncoded: number;
}

function readSites(cond: ConditionData): Sites {
  const levels = new Set<SpinalLevel>();
  const regions = new Set<SpinalRegion>();
  const other = new Map<string, string>();
  let uncoded = 0;
  for (const site of cond.bodySite ?? []) {
    let spinal = false;
    let first: { system: string; code: string; display: string } | null = null;
    for (const c of site.coding ?? []) {
      if (!c.system || !c.code) continue;
      const def = bodySiteDef(c.system, c.code);
      if (def?.kind === "level") {
        levels.add(def.level);
        spinal = true;
      } else if (def?.kind === "region") {
        regions.add(def.region);
        spinal = true;
      } else if (!first) first = { system: c.system, code: c.code, display: c.display ?? site.text ?? c.code };
    }
    if (spinal) continue;
    if (first) {
      const side = site.extension
        ?.find((e) => e.url === LATERALITY_EXTENSION)
        ?.valueCodeableConcept?.coding?.find((c) => c.code)?.code;
      const key = `${first.system}|${first.code}${side ? `|${side}` : ""}`;
      other.set(key, first.display.slice(0, 120));
    } else uncoded++;
  }
  return {
    levels: inLevelOrder(levels),
    regions: [...regions],
    other: other.size === 0 ? [] : [...other].map(([site, display]) => ({ site, display })),
    uncoded,
  };
}

function readMetastasis(
  cond: ConditionData,
  met: Matched<MetastasisDef>,
  sitesOf: () => Sites,
  label: ResourceName,
  prov: ReturnType<typeof provenance>,
  date: string | null,
  ctx: ReadContext,
  sink: Sink,
): void {
  const { role, organ, display } = met.def;
  if (role === "visceral" || role === "visceral-ask") {
    sink.visceral.push({
      certainty: role === "visceral" ? "certain" : "possible",
      organ: organ ?? display,
      organFrom: "mapping",
      date,
      provenance: prov,
    });
    return;
  }
  if (role === "not-visceral") return;

  const sites = sitesOf();
  const spinal = sites.levels.length > 0 || sites.regions.length > 0;
  if (spinal || role === "spine") {
    sink.spinalLesions.push({
      levels: sites.levels,
      regions: sites.levels.length === 0 && sites.regions.length === 0 ? ["spine"] : sites.regions,
      date,
      relatedPrimary: relatedPrimary(cond),
      provenance: prov,
    });
    if (sites.levels.length === 0) {
      ctx.report("info", "level-not-coded", msg("diag.level-not-coded", { label: label.param }), label.text);
    }
  }
  if (role === "generic") {
    // The body site as the record names it (its coding's display or text): the record's words, quoted as written.
    for (const o of sites.other)
      sink.visceral.push({ certainty: "possible", organ: o.display, organFrom: "record", date, provenance: prov });
    if (!spinal && sites.other.length === 0) {
      sink.visceral.push({
        certainty: "possible",
        organ: SITE_NOT_CODED,
        organFrom: "not-coded",
        date,
        provenance: prov,
      });
    }
    return;
  }
  if (role === "bone") {
    for (const o of sites.other)
      sink.extraspinalFoci.push({ site: o.site, display: o.display, date, provenance: prov });
    if (!spinal && sites.other.length === 0) {
      sink.unlocatedBoneMets.push(prov);
      ctx.report("info", "site-not-coded", msg("diag.site-not-coded", { label: label.param }), label.text);
    }
  }
}

function relatedPrimary(cond: ConditionData): string | null {
  const ref = cond.extension?.find((e) => e.url === RELATED_EXTENSION)?.valueReference?.reference;
  if (!ref) return null;
  const m = /(?:^|\/)(Condition\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]*)?$/.exec(ref);
  return m?.[1] ?? null;
}
