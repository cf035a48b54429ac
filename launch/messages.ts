/**
 * The launch page's words: the launch section of the one catalogue (src/i18n/sections/launch.ts), read with the
 * one translator (src/i18n/translate.ts) — only these two, so that the page stays small. The language is picked
 * as the app picks it: the clinician's stored choice, then the browser's languages (the EHR has said nothing yet).
 */
import { launchStrings } from "../src/i18n/sections/launch";
import { createTranslator, pickLocale, registerSection, type Translator } from "../src/i18n/translate";
import { readLocalePreference, type PreferenceStorage } from "../src/ui/localePreference";

registerSection(launchStrings);

export function launchTranslator(languages: readonly string[], preferences: PreferenceStorage | null): Translator {
  return createTranslator(pickLocale([readLocalePreference(preferences), ...languages]));
}
