/**
 * The app's Questionnaires (fhir-mappings/questionnaires/*.json), under the deployment's canonical base.
 * The JSON files use DEFAULT_CANONICAL_BASE; a deployment with its own base gets every URL of that base
 * (Questionnaire.url, the app CodeSystem, the app extension) rewritten to its own.
 */
import type { Questionnaire } from "fhir/r4";
import barthel from "../../fhir-mappings/questionnaires/barthel.json";
import ecog from "../../fhir-mappings/questionnaires/ecog.json";
import eq5d5l from "../../fhir-mappings/questionnaires/eq5d5l.json";
import frankel from "../../fhir-mappings/questionnaires/frankel.json";
import painVas from "../../fhir-mappings/questionnaires/pain-vas.json";
import sins from "../../fhir-mappings/questionnaires/sins.json";
import tokuhashi from "../../fhir-mappings/questionnaires/tokuhashi.json";
import { DEFAULT_CANONICAL_BASE, type Instrument } from "../questionnaires/contract";
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

const cache = new Map<string, Questionnaire>();

/**
 * The Questionnaire of `instrument` under `base`. Throws when a shipped file is not a valid
 * Questionnaire (a build defect, caught by the tests), never for a patient's data.
 */
export function appQuestionnaire(instrument: Instrument, base: string = DEFAULT_CANONICAL_BASE): Questionnaire {
  const normalized = base.replace(/\/+$/, "");
  const key = `${normalized} ${instrument}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let json = JSON.stringify(SHIPPED[instrument]);
  if (normalized !== DEFAULT_CANONICAL_BASE) json = json.split(`${DEFAULT_CANONICAL_BASE}/`).join(`${normalized}/`);
  const q: unknown = JSON.parse(json);
  const shape = checkQuestionnaireShape(q);
  if (!shape.ok) throw new Error(`Questionnaire ${instrument} is not valid: ${shape.problems.join("; ")}`);
  cache.set(key, q as Questionnaire);
  return q as Questionnaire;
}
