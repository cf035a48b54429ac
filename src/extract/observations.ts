/** Observations → Measurements (KPS, ECOG, pain NRS, Barthel, …) by the codes of fhir-mappings/observations.json. */
import { FRANKEL_GRADES } from "../scores/domains";
import type { FrankelGrade } from "../scores/types";
import type { ReadContext } from "./context";
import { codeKey, dayOf, isObject, labelParam, provenance, resourceLabel, resourceReference, type Json } from "./fhir";
import { looksLikeObservation } from "./guards";
import { answerValue, conceptDef, observationConcept, type ValueSpec } from "./mappings";
import { checkedResource, observationSchema, REASON, type ObservationData } from "./schemas";
import { conceptTerm, msg, provenanceNotes, type ProvenanceNote } from "./messages";
import { coreList, type CoreParam } from "../scores";
import type { Measurement, ObservationConcept } from "./types";

const COUNTED = new Set(["final", "amended", "corrected"]);
const IGNORED = new Set(["entered-in-error", "cancelled"]);

/** The first coding of a CodeableConcept that names a concept, or "malformed" (the same checks as rawCodings). */
function matchConcept(cc: unknown): { concept: ObservationConcept; system: string; code: string } | null | "malformed" {
  // rawCodings, without building the list of codings: most Observations of a chart (vitals, labs) match
  // nothing, and for them the list was pure garbage. Every coding is still checked, as rawCodings does.
  if (cc === undefined) return null;
  if (!isObject(cc)) return "malformed";
  const coding = cc.coding;
  if (coding === undefined) return null;
  if (!Array.isArray(coding)) return "malformed";
  let found: { concept: ObservationConcept; system: string; code: string } | null = null;
  for (let i = 0; i < coding.length; i++) {
    const c: unknown = coding[i];
    if (!isObject(c)) return "malformed";
    const { system, code } = c;
    if ((system !== undefined && typeof system !== "string") || (code !== undefined && typeof code !== "string")) {
      return "malformed";
    }
    if (
      found === null &&
      typeof system === "string" &&
      typeof code === "string" &&
      code.length <= 256 &&
      system.length <= 1024
    ) {
      const concept = observationConcept(system, code);
      if (concept) found = { concept, system, code };
    }
  }
  return found;
}

/** "Observation/123": built only when a diagnostic needs it, not on the happy path. */
function observationLabel(obs: ObservationData): string {
  return resourceLabel("Observation", obs.id);
}

/** The label and concept parameters of the Observation's diagnostics. */
function aboutParams(obs: ObservationData, concept: ObservationConcept): { label: CoreParam; concept: CoreParam } {
  return { label: labelParam("Observation", obs.id), concept: conceptTerm(concept) };
}

/** Reads one Observation; returns its Measurement, or null (irrelevant, ignored or invalid — the latter reported). */
export function readObservation(raw: Json, ctx: ReadContext): Measurement | null {
  const matched = matchConcept(raw.code);
  if (matched === "malformed" || raw.code === undefined) {
    ctx.invalid(
      "Observation",
      raw.id,
      raw.code === undefined ? REASON.required("code") : REASON.codeableConcept("code"),
    );
    return null;
  }
  if (!matched) return null;
  const concept = matched.concept;

  const obs = checkedResource("Observation", raw, looksLikeObservation, observationSchema, ctx);
  if (!obs) return null;
  if (!ctx.belongs("Observation", obs.id, obs.subject)) return null;

  if (IGNORED.has(obs.status)) {
    const label = observationLabel(obs);
    ctx.report(
      "info",
      "ignored-status",
      msg("diag.ignored-status.observation", { ...aboutParams(obs, concept), status: obs.status }),
      label,
    );
    return null;
  }
  const preliminary = obs.status === "preliminary";
  if (!preliminary && !COUNTED.has(obs.status)) {
    const label = observationLabel(obs);
    ctx.report(
      "info",
      "ignored-status",
      msg("diag.ignored-status.observation-other", { ...aboutParams(obs, concept), status: obs.status.slice(0, 40) }),
      label,
    );
    return null;
  }

  const def = conceptDef(concept);
  if (!def) return null;
  const read: { converted: Converted | null } = { converted: null };
  const value = readValue(obs, concept, def.value, ctx, read);
  if (value === null) return null;

  const date = obs.effectiveDateTime ?? obs.effectiveInstant ?? obs.effectivePeriod?.start ?? null;
  if (preliminary) {
    const label = observationLabel(obs);
    ctx.report("warning", "preliminary", msg("diag.preliminary.observation", aboutParams(obs, concept)), label);
  }
  const display = codingDisplay(obs.code.coding, matched.code);
  return {
    concept,
    value,
    date,
    day: dayOf(date),
    preliminary,
    provenance: provenance(resourceReference("Observation", obs.id), date, codeKey(matched.system, matched.code), {
      display,
      author: obs.performer?.[0]?.reference ?? null,
      note: provenanceNote(preliminary, read.converted, value),
    }),
  };
}

/** The display of the first coding with this code (`coding.find(…)?.display`, without a closure per Observation). */
function codingDisplay(coding: ObservationData["code"]["coding"], code: string): string | null {
  if (coding === undefined) return null;
  for (let i = 0; i < coding.length; i++) {
    const c = coding[i];
    if (c !== undefined && c.code === code) return c.display ?? null;
  }
  return null;
}

/** The evidence's note: preliminary, and/or the unit conversion ("7 cm read as 70 mm"). */
function provenanceNote(
  preliminary: boolean,
  converted: Converted | null,
  value: number | string,
): ProvenanceNote | null {
  if (!preliminary && converted === null) return null;
  const notes: ProvenanceNote[] = [];
  if (preliminary) notes.push(provenanceNotes.preliminary());
  if (converted) notes.push(provenanceNotes.unitConverted(converted.from, converted.unit, value, converted.scaleUnit));
  if (notes.length <= 1) return notes[0] ?? null;
  return msg("prov.notes", { notes: coreList("semicolon", notes) });
}

/** The coded answer of the Observation (valueCodeableConcept, else interpretation) as the concept's value. */
function codedAnswer(obs: ObservationData, concept: ObservationConcept): number | string | null {
  const v = conceptAnswer(obs.valueCodeableConcept, concept);
  if (v !== null || obs.interpretation === undefined) return v;
  for (const cc of obs.interpretation) {
    const w = conceptAnswer(cc, concept);
    if (w !== null) return w;
  }
  return null;
}

function conceptAnswer(
  cc: ObservationData["valueCodeableConcept"],
  concept: ObservationConcept,
): number | string | null {
  if (cc?.coding === undefined) return null;
  for (const c of cc.coding) {
    if (!c.system || !c.code) continue;
    const v = answerValue(concept, c.system, c.code);
    if (v !== null) return v;
  }
  return null;
}

/** The label and message parameters of a diagnostic about the Observation (built on the diagnostic path only). */
function diagnosticParts(
  obs: ObservationData,
  concept: ObservationConcept,
): { label: string; params: { label: CoreParam; concept: CoreParam } } {
  return { label: observationLabel(obs), params: aboutParams(obs, concept) };
}

/** The UCUM unit of a quantity: its code when its system is UCUM (or absent), else its unit text; null when it has none. */
function quantityUnit(q: {
  unit?: string | undefined;
  code?: string | undefined;
  system?: string | undefined;
}): string | null {
  const code = q.code?.trim();
  if (code && (q.system === undefined || q.system === UCUM)) return code;
  const unit = q.unit?.trim();
  if (unit) return unit;
  return code ? code : null;
}

/**
 * A quantity's value in the concept's scale (observations.json `units`): a unit with factor 1 is the scale's own
 * and the value is returned as it is; another listed unit is converted (7 cm → 70 mm); no unit at all is read in
 * the scale; an unlisted unit gives null (refused, never read as the scale's unit).
 */
export function toScaleUnit(
  concept: ObservationConcept,
  value: number,
  unit: string | null,
): { value: number; factor: number } | null {
  if (unit === null) return { value, factor: 1 };
  const factor = conceptDef(concept)?.units.get(unit);
  if (factor === undefined) return null;
  if (factor === 1) return { value, factor };
  // Decimal input (7.3 cm): rounded to 1e-9 so that 7.3 × 10 reads 73, not 72.99999999999999.
  return { value: Math.round(value * factor * 1e9) / 1e9, factor };
}

const UCUM = "http://unitsofmeasure.org";

/** A value read from a quantity in another unit than the scale's (for the provenance note). */
interface Converted {
  from: number;
  unit: string;
  /** The scale's own unit (the first with factor 1). */
  scaleUnit: string;
}

function readValue(
  obs: ObservationData,
  concept: ObservationConcept,
  spec: ValueSpec,
  ctx: ReadContext,
  out: { converted: Converted | null },
): number | FrankelGrade | null {
  const coded = codedAnswer(obs, concept);
  if (spec.type === "grade") {
    if (typeof coded === "string" && (FRANKEL_GRADES as readonly string[]).includes(coded))
      return coded as FrankelGrade;
    const { label, params } = diagnosticParts(obs, concept);
    ctx.report("warning", "no-value", msg("diag.no-value.grade", params), label);
    return null;
  }
  let direct = obs.valueInteger;
  if (direct === undefined && obs.valueQuantity?.value !== undefined) {
    // A quantity is read with its unit (UCUM): converted into the concept's scale, or refused.
    const quantity = obs.valueQuantity;
    if (!(concept === "barthel" && (otherBarthelScale(obs) || barthel100Scale(obs)))) {
      const unit = quantityUnit(quantity);
      const read = toScaleUnit(concept, quantity.value ?? 0, unit);
      if (read === null) {
        const { label, params } = diagnosticParts(obs, concept);
        const shown = (unit ?? "").slice(0, 40);
        const accepted = [...(conceptDef(concept)?.units.keys() ?? [])];
        ctx.report(
          "warning",
          "unsupported-unit",
          msg("diag.unsupported-unit", { ...params, unit: shown, accepted: coreList("comma", accepted) }),
          label,
        );
        return null;
      }
      direct = read.value;
      if (read.factor !== 1) {
        const scaleUnit = [...(conceptDef(concept)?.units ?? [])].find(([, f]) => f === 1)?.[0] ?? "";
        out.converted = { from: quantity.value ?? 0, unit: unit ?? "", scaleUnit };
      }
    } else direct = quantity.value;
  }
  if (direct !== undefined && typeof coded === "number" && coded !== direct) {
    const { label, params } = diagnosticParts(obs, concept);
    ctx.report(
      "warning",
      "inconsistent-value",
      msg("diag.inconsistent-value", { ...params, value: String(direct), coded: String(coded) }),
      label,
    );
    return null;
  }
  const value = direct ?? (typeof coded === "number" ? coded : undefined);
  if (value === undefined) {
    const { label, params } = diagnosticParts(obs, concept);
    ctx.report("warning", "no-value", msg("diag.no-value", params), label);
    return null;
  }
  if (concept === "barthel" && otherBarthelScale(obs)) {
    const { label, params } = diagnosticParts(obs, concept);
    ctx.report("warning", "other-scale", msg("diag.other-scale", { label: params.label }), label);
    return null;
  }
  if (!Number.isInteger(value) || value < spec.min || value > spec.max || (value - spec.min) % spec.step !== 0) {
    const { label, params } = diagnosticParts(obs, concept);
    ctx.report(
      "warning",
      "out-of-range",
      msg("diag.out-of-range", {
        ...params,
        value: String(value).slice(0, 20),
        min: spec.min,
        max: spec.max,
        steps: spec.step === 1 ? "" : msg("term.in-steps", { step: spec.step }),
        extra: concept === "kps" && value === 0 ? msg("term.kps-0") : "",
      }),
      label,
    );
    return null;
  }
  if (concept === "barthel" && value <= 20 && !barthel100Scale(obs)) {
    const { label, params } = diagnosticParts(obs, concept);
    ctx.report("warning", "scale-unclear", msg("diag.scale-unclear", { label: params.label, value }), label);
  }
  return value;
}

/** A 0–20 Barthel total: reference range or unit with an upper limit of 20. */
function otherBarthelScale(obs: ObservationData): boolean {
  if (obs.referenceRange?.some((r) => r.high?.value === 20)) return true;
  const unit = `${obs.valueQuantity?.unit ?? ""} ${obs.valueQuantity?.code ?? ""}`;
  return /\/\s*20\b/.test(unit);
}

function barthel100Scale(obs: ObservationData): boolean {
  if (obs.referenceRange?.some((r) => r.high?.value === 100)) return true;
  const unit = `${obs.valueQuantity?.unit ?? ""} ${obs.valueQuantity?.code ?? ""}`;
  return /\/\s*100\b/.test(unit);
}
