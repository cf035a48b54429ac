/**
 * Which FHIR searches feed which score items (docs/clinical-rules.md; the items' extraction in
 * src/extract/sins-items.ts and tokuhashi-items.ts): a failed search makes the item say "could not be read"
 * instead of "not on file". Procedure is left out: it only decides which evidence is pre-operative.
 */
import type { SearchName } from "../../fhir/faults";
import type { UnavailableSearch } from "../faults";

const SEARCHES_OF_ITEM: Record<string, readonly SearchName[]> = {
  "sins-location": ["Condition", "QuestionnaireResponse"],
  "sins-pain": ["QuestionnaireResponse"],
  "sins-boneLesion": ["QuestionnaireResponse"],
  "sins-alignment": ["QuestionnaireResponse"],
  "sins-collapse": ["QuestionnaireResponse"],
  "sins-posterolateral": ["QuestionnaireResponse"],
  "tokuhashi-generalCondition": ["Observation", "QuestionnaireResponse"],
  "tokuhashi-extraspinalBoneMets": ["Condition", "QuestionnaireResponse"],
  "tokuhashi-vertebralBodyMets": ["Condition", "QuestionnaireResponse"],
  "tokuhashi-visceralMets": ["Condition", "QuestionnaireResponse"],
  "tokuhashi-primarySite": ["Condition", "QuestionnaireResponse"],
  "tokuhashi-palsy": ["Observation", "QuestionnaireResponse"],
};

/** The failed searches that feed an item (by its row id, e.g. "tokuhashi-generalCondition"). */
export function unreadFor(itemId: string, unavailable: readonly UnavailableSearch[] | undefined): UnavailableSearch[] {
  const searches = SEARCHES_OF_ITEM[itemId] ?? [];
  return (unavailable ?? []).filter((u) => searches.includes(u.search));
}
