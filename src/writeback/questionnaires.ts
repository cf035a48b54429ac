/**
 * The app's Questionnaires (fhir-mappings/questionnaires/*.json), exactly as shipped: their canonical URLs lie
 * under the one fixed CANONICAL_BASE and carry a version. Loading one checks its shape, its canonical and that
 * every calculatedExpression is FHIRPath of the supported subset (src/questionnaires/fhirpath.ts), so that an
 * expression the app cannot evaluate fails here, at load, never as a wrong total.
 */
import type { Questionnaire } from "fhir/r4";
import barthel from "../../fhir-mappings/questionnaires/barthel.json";
import ecog from "../../fhir-mappings/questionnaires/ecog.json";
import eq5d5l from "../../fhir-mappings/questionnaires/eq5d5l.json";
import frankel from "../../fhir-mappings/questionnaires/frankel.json";
import painVas from "../../fhir-mappings/questionnaires/pain-vas.json";
import sins from "../../fhir-mappings/questionnaires/sins.json";
import tokuhashi from "../../fhir-mappings/questionnaires/tokuhashi.json";
import { questionnaireUrl, type Instrument } from "../questionnaires/contract";
import { compileFhirPath } from "../questionnaires/fhirpath";
import { allItems, calculation } from "../questionnaires/items";
import { checkQuestionnaireShape } from "./schema";

const SHIPPED: Record<Instrument, unknown> = {
  eq5d5l,
  "pain-vas": painVas,
  barthel,
  ecog,
  frankel,
  sins,
  tokuhashi,
};

const cache = new Map<Instrument, Questionnaire>();

/** Semantic version, as the Questionnaires carry ("1.0.0"). */
const VERSION = /^\d+\.\d+\.\d+$/;

/** Why `q` cannot be the app's Questionnaire of `instrument` (beyond its FHIR shape), or null when it can. */
export function questionnaireDefect(instrument: Instrument, q: Questionnaire): string | null {
  if (q.url !== questionnaireUrl(instrument))
    return `url is ${q.url ?? "missing"}, not ${questionnaireUrl(instrument)}`;
  if (!VERSION.test(q.version ?? "")) return `version is ${q.version ?? "missing"}, not a version such as 1.0.0`;
  for (const item of allItems(q)) {
    try {
      const calc = calculation(item);
      if (calc?.kind === "expression") compileFhirPath(calc.expression);
    } catch (e) {
      return `item ${item.linkId}: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  return null;
}

/**
 * The Questionnaire of `instrument`. Throws when a shipped file is not a valid app Questionnaire (a build defect,
 * caught by the tests), never for a patient's data.
 */
export function appQuestionnaire(instrument: Instrument): Questionnaire {
  const hit = cache.get(instrument);
  if (hit) return hit;
  const q: unknown = SHIPPED[instrument];
  const shape = checkQuestionnaireShape(q);
  if (!shape.ok) throw new Error(`Questionnaire ${instrument} is not valid: ${shape.problems.join("; ")}`);
  const problem = questionnaireDefect(instrument, q as Questionnaire);
  if (problem) throw new Error(`Questionnaire ${instrument} is not valid: ${problem}`);
  cache.set(instrument, q as Questionnaire);
  return q as Questionnaire;
}
