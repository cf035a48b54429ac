/**
 * src/i18n: the one string catalogue (English, Japanese) and its translator; every user-facing word is
 * looked up here by key. Words only: no data access, no scoring.
 *
 * The clinician view's catalogue: the translator (./translate.ts) with the sections of the first download
 * registered — the view's words (app), the questionnaires' (forms), the faults' sentences and the FHIR resource
 * types' names (fhir). The core's messages (./sections/core.ts) join with the view's chunk (./core.ts); the launch
 * page registers only its own section (launch/messages.ts) and the CDS service its own (src/cds/text.ts).
 */
import { registerSection } from "./translate";
import { appStrings } from "./sections/app";
import { faultStrings } from "./sections/faults";
import { fhirStrings } from "./sections/fhir";
import { formStrings } from "./sections/forms";

for (const section of [appStrings, formStrings, faultStrings, fhirStrings]) registerSection(section);

export {
  createTranslator,
  formatReference,
  formatterWarmUps,
  LOCALES,
  pickLocale,
  registerSection,
  templateOf,
  type Locale,
  type MessageKey,
  type MessageParams,
  type Translator,
} from "./translate";
